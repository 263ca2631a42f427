"""Find quotes: words in quote marks, lines under a "Sitater" heading, dashed reported speech.

Scare quotes («ansvarsgruppe») and titles in quote marks (kurset «Foreldre i rus») are not quotes.
The speaker role comes from the note's attribution ("sa en mor"), then from the quote's content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

QUOTE_PAIRS = [("«", "»"), ("“", "”"), ("”", "”"), ('"', '"'), ("„", "“"), ("‘", "’")]
MAX_BODY = 600
_PAIR_RE = [
    re.compile(
        re.escape(o) + r"(?P<body>[^\n" + re.escape(o + c) + rf"]{{2,{MAX_BODY}}}?)" + re.escape(c)
    )
    for o, c in QUOTE_PAIRS
]
SPEECH_VERB = (
    r"(?:sa|sier|seier|sei|fortalte|fortel|forteller|uttalte|uttrykte|spurte|spør|svarte|"
    r"la til|skrev|skreiv|mente|meinte|understreket|poengterte|beskrev|skildra|ropte|sukket|"
    r"påpekte|konkluderte|minnet om|erkjente|innrømmet|kommenterte|oppsummerte)"
)
ATTRIBUTION_AFTER = re.compile(
    r"^[\s,.!?–—-]*" + SPEECH_VERB + r"\b(?P<who>[^.\n]{0,80})", re.IGNORECASE
)
ATTRIBUTION_BEFORE = re.compile(
    r"(?P<who>[^.\n:]{0,80}?)\b" + SPEECH_VERB + r"\b[^.\n]{0,30}[:,]?\s*$", re.IGNORECASE
)
# An ATTRIBUTION_BEFORE match ends where the text it is searched in ends (but for whitespace),
# so it starts at most who (80) + verb + 30 + ":" characters before the last non-space: only
# that tail is searched (a line of 80,000 characters made this search quadratic). Every match
# has a speech verb, which is cheap to look for first.
_ATTRIBUTION_REACH = 80 + max(len(v) for v in SPEECH_VERB[3:-1].split("|")) + 30 + 1


def word_alternation(alternatives: str, after: str = "") -> re.Pattern[str]:
    r"""``re.compile(r"\b(?:" + alternatives + ")" + after, re.IGNORECASE)`` for a plain
    alternation of words (each maybe starting with ``\b`` or ``\d``), tried only where the
    text has the first character of one of them: the same matches, 2-3x faster on a long
    text, where ``re`` otherwise tries every alternative at every word boundary."""
    first: set[str] = set()
    for word in alternatives.split("|"):
        word = word.removeprefix(r"\b")
        if word.startswith(r"\d"):
            first |= set("0123456789")
        elif word[:1].isalpha():
            first |= {word[0].lower(), word[0].upper()}
        else:
            raise ValueError(f"not a plain word alternative: {word!r}")
    guard = "".join(sorted(first))
    return re.compile(rf"\b(?=[{guard}])(?:{alternatives}){after}", re.IGNORECASE)


_SPEECH_VERB_WORDS = SPEECH_VERB.removeprefix("(?:").removesuffix(")")
_SPEECH_VERB_WORD = word_alternation(_SPEECH_VERB_WORDS, r"\b")
TITLE_CUE = re.compile(
    r"(kurs(et)?|brosjyren?|boka|boken|heftet?|appen?|tilbudet|tilbodet|prosjektet|filmen|"
    r"nettsiden?|programmet|kampanjen|rapporten|veilederen|rettleiaren|gruppa|gruppen|"
    r"modellen|metoden|såkalt\w*|kalt|kalla|heter|heiter|kalles|kallast|begrepet|ordet|uttrykket"
    r"|merket|stempelet|stempel)\s*$",
    re.IGNORECASE,
)
DASH_SPEECH = re.compile(
    r"^[ \t]*[–—-][ \t]+(?P<body>.+?)(?:,|[!?]|\s[–—])[ \t]+(?:" + SPEECH_VERB + r")\b"
    r"(?P<who>(?:\s+[\wæøåÆØÅ-]+){0,6}?)[.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
SENTENCE_END = (".", "!", "?", "…")
# Reported speech inside a paragraph: "... psykose. – Det var første gang ..., sa han."
INLINE_DASH_SPEECH = re.compile(
    r"(?<=[.!?»”:]\s)[–—]\s+(?P<body>[^–—\n]+?)(?:,|[!?])\s+"
    + SPEECH_VERB
    + r"\b(?P<who>(?:\s+[\wæøåÆØÅ-]+){0,5}?)[.!]",
    re.IGNORECASE,
)
# a speech verb, "kalte", "kalla" or "beskrev" as a whole word
SPEECH_BEFORE = word_alternation(_SPEECH_VERB_WORDS + "|kalte|kalla|beskrev", r"\b")
DASH_ATTRIBUTION = re.compile(
    r"^[»”\"’]?[.,]?\s*(?:[–—-]\s*(?P<who>[^\n.«»]{1,60})|\((?P<paren>[^()\n]{1,60})\))"
)
PRONOUN_ONLY = re.compile(r"^\s*(han|hun|ho|de|dei|hen|vedkommende)\b", re.IGNORECASE)

SPEAKER_WORDS: list[tuple[str, str]] = [
    (
        "fagperson",
        r"fagperson|fagfolk|ansatt|tilsett|lege|sykepleier|sjukepleiar|psykolog|"
        r"terapeut|miljøterapeut|saksbehandler|sakshandsamar|lærer|lærar|rektor|"
        r"helsesykepleier|helsesjukepleiar|konsulent|rådgiver|leder i|leiar i|"
        r"koordinator|barnevernet|barnevernstenesta|fra nav|frå nav|representant|"
        r"kontaktlærer|pedagog|spesialist|fastlege|jurist|politi",
    ),
    (
        "ungdom",
        r"ungdom|ung jente|ung gut|tenåring|jenta|gutten|ei jente|en jente|ein gut|"
        r"en gutt|elev|ung voksen|ung vaksen|en ung|ein ung|\d{2}-åring",
    ),
    (
        "forelder",
        r"\bmor\b|\bfar\b|mamma|pappa|forelder|foreldre|foreldra|fostermor|fosterfar|"
        r"fosterforelder|fosterforeldre|\bmora\b|\bfaren\b|\bmoren\b|småbarnsmor",
    ),
    (
        "pårørende",
        r"pårørende|pårørande|søster|bror|datter|dotter|sønn|son|ektefelle|kone|mann|"
        r"samboer|sambuar|bestemor|bestefar|tante|onkel|kjæreste",
    ),
    (
        "deltaker",
        r"deltaker|deltakar|bruker|brukar|erfaringskonsulent|en som selv|ein som sjølv|"
        r"medlem",
    ),
]
_SPEAKER_RE = [(role, word_alternation(pat)) for role, pat in SPEAKER_WORDS]
CONTENT_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "forelder",
        re.compile(
            r"\b(mitt barn|barnet mitt|sønnen min|dattera mi|datteren min|"
            r"guten min|gutten min|jenta mi|som mor|som far|som forelder|"
            r"som foreldre|vi foreldre|oss foreldre|fosterbarnet|ungane mine|"
            r"barna mine|barna våre)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ungdom",
        re.compile(
            r"\b(mamma|pappa|mora mi|faren min|foreldrene mine|på skolen|"
            r"læreren min|lærarane)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "fagperson",
        re.compile(
            r"\b(vi i tjenesten|vi i tenesta|våre pasienter|pasientane våre|"
            r"vi som jobber|vi som jobbar|brukerne våre|i vår tjeneste|"
            r"vi fagfolk|som fagperson)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "pårørende",
        re.compile(
            r"\b(min mann|mannen min|kona mi|min kone|bror min|søster mi|"
            r"søsteren min|som pårørende|som pårørande|vi pårørende)\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class QuoteSpan:
    start: int
    end: int
    speaker: str


def speaker_from(attribution: str) -> str | None:
    best: tuple[int, str] | None = None
    for role, pattern in _SPEAKER_RE:
        found = pattern.search(attribution)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), role)
    return best[1] if best else None


def speaker_from_content(body: str) -> str:
    for role, pattern in CONTENT_CUES:
        if pattern.search(body):
            return role
    return "ukjent"


class _TextIndex:
    """Sentence starts and speech verbs of one text, found once: asking per quote made a long
    line with many quotes quadratic ("«a b» «c d» …" on one line of 24,000 characters took
    20 s)."""

    def __init__(self, text: str) -> None:
        self.dots = [m.start() for m in re.finditer(r"\. ", text)]
        self.newlines = [m.start() for m in re.finditer(r"\n", text)]
        said = [m.span() for m in SPEECH_BEFORE.finditer(text)]
        self.said_starts = [s for s, _e in said]
        self.said_ends = [e for _s, e in said]

    def sentence_start(self, pos: int) -> int:
        """``max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1``."""
        dot = bisect.bisect_right(self.dots, pos - 2) - 1
        newline = bisect.bisect_right(self.newlines, pos - 1) - 1
        last_dot = self.dots[dot] if dot >= 0 else -1
        last_newline = self.newlines[newline] if newline >= 0 else -1
        return max(last_dot, last_newline) + 1

    def said_between(self, start: int, end: int) -> bool:
        """Whether SPEECH_BEFORE matches in ``text[start:end]``, for a ``start`` just after
        ". " or a line break (or 0) and an ``end`` at a quote mark: there a match in the whole
        text is a match in the slice and the other way round."""
        first = bisect.bisect_left(self.said_starts, start)
        return first < len(self.said_starts) and self.said_ends[first] <= end


def _is_scare_or_title(
    text: str, start: int, end: int, body: str, index: _TextIndex | None = None
) -> bool:
    before = text[max(0, start - 40) : start]
    words = body.split()
    if TITLE_CUE.search(before.rstrip()):
        return True
    if len(words) <= 3 and not body.rstrip().endswith(SENTENCE_END):
        after = text[end : end + 40]
        index = index or _TextIndex(text)
        said_before = index.said_between(index.sentence_start(start), start)
        return not ATTRIBUTION_AFTER.match(after) and not (said_before and len(words) >= 2)
    return False


class _Spans:
    """(start, end) spans kept sorted, to find the few near a position without a full scan."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)

    def starting_in(self, low: int, high: int) -> Iterator[tuple[int, int]]:
        """The spans whose start is in [low, high]."""
        i = bisect.bisect_left(self.spans, (low, -1))
        while i < len(self.spans) and self.spans[i][0] <= high:
            yield self.spans[i]
            i += 1


class _Containing:
    """Does any of a fixed list of spans contain (start, end)? (sorted, with running max end)"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.max_end: list[int] = []
        for _s, e in ordered:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.max_end[i - 1] >= end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t,–—-":
        end -= 1
    return start, end


def default_speaker(text: str) -> str:
    """The note's most-mentioned participant role, for quotes nobody is named for."""
    counts: dict[str, int] = {}
    for role, pattern in _SPEAKER_RE:
        if role != "fagperson":
            counts[role] = len(pattern.findall(text))
    role, count = max(counts.items(), key=lambda kv: kv[1])
    return role if count else "ukjent"


def find_quotes(text: str, quote_lines: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """All quotes in ``text``. ``quote_lines`` are item spans under a "Sitater" heading."""
    quotes = _find_quotes(text, quote_lines)
    if any(q.speaker == "ukjent" for q in quotes):
        fallback = default_speaker(text)
        quotes = [
            QuoteSpan(q.start, q.end, fallback) if q.speaker == "ukjent" else q for q in quotes
        ]
    return quotes


def _find_quotes(text: str, quote_lines: list[tuple[int, int]] | None) -> list[QuoteSpan]:
    found: dict[tuple[int, int], QuoteSpan] = {}
    # Spans of accepted quotes in marks (at most MAX_BODY + 2 long, so any that contains or
    # overlaps a position starts at most REACH before it), and every span found so far.
    covered, spans = _Spans(), _Spans()
    reach = MAX_BODY + 2
    in_quote_lines = _Containing(quote_lines or [])
    index: _TextIndex | None = None
    for pattern in _PAIR_RE:
        for match in pattern.finditer(text):
            start, end = match.span("body")
            if any(s <= start and end <= e for s, e in covered.starting_in(end - reach, start)):
                continue
            body = match.group("body")
            if not in_quote_lines(start, end):
                index = index or _TextIndex(text)
                if _is_scare_or_title(text, start - 1, end + 1, body, index):
                    continue
            start, end = _trim(text, start, end)
            if end - start < 2:
                continue
            covered.add((start - 1, end + 1))
            spans.add((start, end))
            found[(start, end)] = QuoteSpan(start, end, _speaker(text, start, end))
    for match in [*DASH_SPEECH.finditer(text), *INLINE_DASH_SPEECH.finditer(text)]:
        start, end = _trim(text, *match.span("body"))
        near = covered.starting_in(start - reach, end)
        if any(s <= start < e or s < end <= e for s, e in near):
            continue
        who = speaker_from(match.group("who")) or speaker_from_content(text[start:end])
        spans.add((start, end))
        found[(start, end)] = QuoteSpan(start, end, who)
    for line_start, line_end in quote_lines or []:
        if any(e <= line_end for _s, e in spans.starting_in(line_start, line_end)):
            continue
        start, end = _strip_attribution(text, line_start, line_end)
        if not _has_words(text, start, end):
            continue  # nothing but punctuation before the attribution ("- ------ – mor")
        spans.add((start, end))
        found[(start, end)] = QuoteSpan(start, end, _speaker(text, start, end, line_end))
    quotes = [q for q in found.values() if _has_words(text, q.start, q.end)]  # not "«!!»"
    return sorted(quotes, key=lambda q: q.start)


def _has_words(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


_LINE_ATTRIBUTION = re.compile(
    r"(?:[,]?\s*[–—-]\s*[^–—\-\n]{1,60}|\s*\([^()\n]{1,60}\)|,\s*" + SPEECH_VERB + r"\b[^\n]{0,60})"
    r"[.!]?\s*$",
    re.IGNORECASE,
)


def _strip_attribution(text: str, start: int, end: int) -> tuple[int, int]:
    line = text[start:end]
    match = _LINE_ATTRIBUTION.search(line)
    if match and match.start() > 5:
        end = start + match.start()
    return _trim(text, start, end)


def attribution_before(before: str) -> re.Match[str] | None:
    """``ATTRIBUTION_BEFORE.search(before)``, looking only where a match can start."""
    tail = max(0, len(before.rstrip()) - _ATTRIBUTION_REACH)
    if _SPEECH_VERB_WORD.search(before, tail) is None:
        return None
    return ATTRIBUTION_BEFORE.search(before, tail)


def _speaker(text: str, start: int, end: int, context_end: int | None = None) -> str:
    """Attribution after the quote ("sa en mor", "– far", "(fagperson)"), then before it
    ("En far sa:"), then the role last named in the paragraph for "sa hun", then content."""
    after = text[end:context_end] if context_end else text[end : end + 100].split("\n")[0]
    dash = DASH_ATTRIBUTION.match(after)
    if dash:
        role = speaker_from(dash.group("who") or dash.group("paren") or "")
        if role:
            return role
    pronoun = ""
    match = ATTRIBUTION_AFTER.match(after.lstrip('»”"’ '))
    if match:
        role = speaker_from(match.group("who"))
        if role:
            return role
        found = PRONOUN_ONLY.match(match.group("who"))
        pronoun = found.group(1).lower() if found else ""
    role = speaker_from(after[:60]) if context_end else None
    if role:
        return role
    line_start = text.rfind("\n", 0, start) + 1
    match = attribution_before(text[line_start:start].rstrip('«“"„ '))
    if match:
        role = speaker_from(match.group("who"))
        if role:
            return role
        found = PRONOUN_ONLY.match(match.group("who"))
        pronoun = pronoun or (found.group(1).lower() if found else "")
    if pronoun:
        role = _last_role_before(text, start, pronoun)
        if role:
            return role
    return speaker_from_content(text[start:end])


MALE = re.compile(
    r"\b(far|faren|fosterfar|pappa|sønn|sønnen|son|sonen|bror|broren|mann|mannen|"
    r"gutt|gutten|gut|guten|onkel|bestefar)\b",
    re.IGNORECASE,
)
FEMALE = re.compile(
    r"\b(mor|mora|moren|fostermor|mamma|datter|datteren|dotter|dottera|søster|"
    r"søsteren|syster|kone|kona|jente|jenta|jenten|tante|bestemor)\b",
    re.IGNORECASE,
)


def _last_role_before(text: str, start: int, pronoun: str = "") -> str | None:
    """The role last named in the paragraph before ``start`` ("En mor fortalte ... sa hun"),
    agreeing with the pronoun's gender when the pronoun has one."""
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    window = text[max(paragraph_start, start - 400) : start]
    gendered = MALE if pronoun == "han" else FEMALE if pronoun in {"hun", "ho"} else None
    if gendered is not None:
        # the first person of that gender named in the paragraph is usually the speaker
        for found in gendered.finditer(window):
            role = speaker_from(found.group())
            if role:
                return role
    best: tuple[int, str] | None = None
    for role, pattern in _SPEAKER_RE:
        for found in pattern.finditer(window):
            if best is None or found.start() > best[0]:
                best = (found.start(), role)
    return best[1] if best else None
