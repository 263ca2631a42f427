"""EMAIL: e-mail addresses, including Norwegian letters, subdomains and light obfuscation.

Accepted: "kari.hansen@kommune.no", "ola_n@gmail.com", "kåre.ås@helse-bergen.no",
"post@bup.sykehuset-innlandet.no", "a.b+rom@gmail.com" (config score); and written-out forms
"kari (at) kommune.no", "kari[at]kommune.no", "kari(a)kommune.no", "kari @ kommune.no" and
with a comma for the last dot, "kari@gmail,com" (config − 0.2); a guest's address as Teams
writes it, "kari.h_gmail.com#EXT#" (config score); and spelt out
as said, "vaar.solberg at romleder dot no", "kari at kommune punktum no", "ola.h at gmail.com"
(a dot, underscore or digit in the name part when the domain has real dots: "sa at nav.no" is a
sentence) (config − 0.2). The span is the whole address; a sentence-final dot is not part of it.

Not flagged: "@"-mentions ("@kari_h"), fragments without a domain ("navn@", "navn@kommune"
without a top-level domain), "@" between numbers or words ("2 @ 30 kr").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from nlp.pii.recognizers.pattern_base import Candidate, NbPatternRecognizer, clip, compile_pattern

_DEFS = {
    "LOCAL": r"[\p{L}\p{N}_%+'’-]+ (?: \.[\p{L}\p{N}_%+'’-]+ )*",
    "DOMAIN": r"(?: [\p{L}\p{N}] (?:[\p{L}\p{N}-]*[\p{L}\p{N}])? \. )+ \p{L}{2,24}",
    "BEFORE": r"(?<![\p{L}\p{N}_%+'’.@-])",
    "AFTER": r"(?![\p{L}\p{N}_-])(?!\.[\p{L}\p{N}])",
}
_EMAIL = compile_pattern(r"${BEFORE} ${LOCAL} @ ${DOMAIN} ${AFTER}", **_DEFS)
_EMAIL_WRITTEN = compile_pattern(
    r"""
    ${BEFORE} ${LOCAL}
    (?: \ ?[(\[{]\ ?(?:at|a|@|alfakrøll|krøllalfa)\ ?[)\]}]\ ? | \ @\  )
    ${DOMAIN} ${AFTER}
    """,
    ignore_case=True,
    **_DEFS,
)

# a guest's address as Teams writes it ("lykke.oyen_gmail.com#EXT#")
_EMAIL_GUEST = compile_pattern(
    r"${BEFORE} ${LOCAL} _ (?: [\p{L}\p{N}-]+ \. )+ \p{L}{2,24} \#EXT\# (?:@[\p{L}\p{N}.-]+)?",
    **_DEFS,
)
# a comma typed for the last dot ("siri.m87@gmial,com")
_EMAIL_COMMA = compile_pattern(
    r"${BEFORE} ${LOCAL} @ (?: [\p{L}\p{N}-]+ \. )* [\p{L}\p{N}-]+ ,"
    r" (?:no|com|net|org|se|dk) ${AFTER}",
    **_DEFS,
)

_SPOKEN_DOT = r"\ (?:dot|punktum|prikk)\ "
_EMAIL_SPOKEN = compile_pattern(
    r"""
    ${BEFORE}
    (?: ${LOCAL} \ (?:at|krøllalfa|alfakrøll)\ [\p{L}\p{N}-]+ (?: ${DOT} [\p{L}\p{N}-]+ )*
        ${DOT} (?:no|com|org|net|se|dk|nu|io|eu|info)
      # dictated whole: "henning punktum aas krøllalfa gmail punktum com"
      | ${LOCAL} (?: ${DOT} ${LOCAL} )+ \ (?:krøllalfa|alfakrøll)\ [\p{L}\p{N}-]+
        (?: ${DOT} [\p{L}\p{N}-]+ )* ${DOT} (?:no|com|org|net|se|dk|nu|io|eu|info)
      | [\p{L}\p{N}_-]* [._0-9] ${LOCAL} \ (?:at|krøllalfa|alfakrøll)\ ${DOMAIN} )
    ${AFTER}
    """,
    DOT=_SPOKEN_DOT,
    **_DEFS,
)
# every address has an "@"; every written-out one a bracket before "at", "alfakrøll" or
# "krøllalfa" (any non-ASCII letter may fold to one of their first letters) or " @ ". No case
# folding: scanning for these alone is ~100× faster than the patterns. No address spans lines.
_AT = compile_pattern(r"@")
_WRITTEN_AT = compile_pattern(r"[(\[{]\ ?[aAkK@\x80-\U0010ffff] | \ @\ ")
# " at " is also a common word: the domain must follow with a spoken or written dot
_SPOKEN_AT = compile_pattern(
    r"\ (?:at|krøllalfa|alfakrøll)\ [\p{L}\p{N}.-]+ (?:\ (?:dot|punktum|prikk)\ | \.\p{L})"
)


class EmailRecognizer(NbPatternRecognizer):
    """E-mail addresses (standard and lightly obfuscated)."""

    ENTITY = "EMAIL"
    NAME = "email"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "email": _EMAIL,
        "email_written": _EMAIL_WRITTEN,
        "email_spoken": _EMAIL_SPOKEN,
        "email_comma": _EMAIL_COMMA,
        "email_guest": _EMAIL_GUEST,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "email": _AT,
        "email_comma": _AT,
        "email_guest": compile_pattern(r"\#EXT\#"),
        "email_written": _WRITTEN_AT,
        "email_spoken": _SPOKEN_AT,
    }
    LINE_BOUND = frozenset({"email", "email_written", "email_spoken", "email_comma"})

    def find(self, text: str) -> Iterator[Candidate]:
        for match in self.iter_matches("email", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "email")
        for match in self.iter_matches("email_written", text):
            yield Candidate(match.start(), match.end(), clip(self.score - 0.2), "email_written")
        for match in self.iter_matches("email_spoken", text):
            yield Candidate(match.start(), match.end(), clip(self.score - 0.2), "email_spoken")
        for match in self.iter_matches("email_guest", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "email_guest")
        for match in self.iter_matches("email_comma", text):
            yield Candidate(match.start(), match.end(), clip(self.score - 0.2), "email_comma")
