"""Recognise section headings and map them to the template's canonical section ids.

Referents reword, renumber, abbreviate and write nynorsk; the mapping therefore looks for
keyword stems rather than exact headings, in a fixed order (most specific first).
"""

from __future__ import annotations

import re
import unicodedata

from nlp.structure.header import parse_fact_line
from nlp.structure.lines import BOLD_LINE, MD_HEADING, NUMBER_PREFIX, Line

# (section id, patterns); the first section with a matching pattern wins.
SECTION_PATTERNS: list[tuple[str, list[str]]] = [
    ("quotes", [r"\bsitat"]),
    (
        "intro_participant",
        [
            r"innl(?:[ea]\w*|\.).{0,40}(deltak|pårørend|bruker|erfaring|forelder|ungdom|fosterforeld)",
            r"(deltak|pårørend|bruker|forelder|ungdom)\w*\s+(sin|si|sitt)?\s*innl[ea]",
            r"(deltakers|deltakars|pårørendes|brukers)\s+(historie|innl|forteljing|fortelling)",
        ],
    ),
    (
        "intro_professional",
        [
            r"innl(?:[ea]\w*|\.).{0,40}fag",
            r"fagperson\w*\s+(sin|si|sitt)?\s*innl",
            r"fagpersone?n?s\s+innl",
        ],
    ),
    (
        "takeaways",
        [
            r"ettermøte",
            r"^etter\s+møtet",
            r"\b(tar|tek)\s+med\b",
            r"^etter\s+samlinga",
            r"(tar|tek)\s+(fagperson\w*|dei|de|vi)?\s*med\s+(seg|oss)",
            r"\bta med (seg )?tilbake",
            r"egen arbeidsplass",
            r"eigen arbeidsplass",
            r"læring for fag",
        ],
    ),
    (
        "sharing",
        [
            r"\bdel(es|ast|ing|e)\b",
            r"\bspre(s|iing|ing)?\b.{0,20}kunnskap",
            r"hvor og hvordan",
            r"kvar og korleis",
        ],
    ),
    (
        "commitments",
        [
            r"forplikt",
            r"\bhandling(er|ar)?\b",
            r"\boppfølging",
            r"\bavtal(t|er|ar)\b",
            r"veien videre",
            r"vegen vidare",
            r"neste steg",
        ],
    ),
    (
        "system_level",
        [
            r"systemnivå",
            r"system-?nivå",
            r"politiker",
            r"politikar",
            r"nasjonalt nivå",
            r"voksne for barn.{0,20}(ta opp|løfte)",
        ],
    ),
    (
        "needs_from_services",
        [
            r"tren(g|ger)\s+vi",
            r"\btreng(er)?\b.{0,40}tenest",
            r"tjenestene",
            r"\bbehov\b",
            r"ikke får",
            r"ikkje får",
            r"får ikke",
            r"får ikkje",
        ],
    ),
    (
        "want_more",
        [r"ønsk\w*.{0,25}(mer|meir)", r"(mer|meir)\s+av", r"ønske(r|r mer|liste)?\b", r"ønskj"],
    ),
    (
        "tips",
        [
            r"\btips\b",
            r"\bråd\b",
            r"nyttig",
            r"tilgjengelige tjenester",
            r"tilgjengelege tenester",
            r"tilbud og tjenester",
        ],
    ),
    (
        "good_practice",
        [
            r"god\w*\s+praksis",
            r"gode\s+eksemp",
            r"gode\s+døme",
            r"godt\s+fungert",
            r"det som funger",
            r"positiv\w*\s+erfaring",
            r"\bsuksess",
            r"\bgodt\b",
            r"fungerer\s+bra",
            r"fungerte\s+(bra|godt)",
            r"fungerar\s+(bra|godt)",
            r"fungerar\s+bra",
            r"\bpositiv",
        ],
    ),
    (
        "challenges",
        [
            r"utfordr",
            r"problem",
            r"vanske",
            r"barrier",
            r"hinder",
            r"\butfordr\.",
            r"negativ\w*\s+erfaring",
            r"ikke funger",
            r"ikkje fungerar",
        ],
    ),
    ("header", [r"^læringsnotat", r"^referat\b", r"^notat fr[aå]\b"]),
]
# One search for all of them: at the leftmost position where any pattern matches, the
# alternation takes the first pattern (in section order) that matches there, which is the
# earliest keyword with the first section winning a tie, as searching pattern by pattern would.
_ANY_SECTION = re.compile(
    "|".join(
        f"(?P<s{rank}>" + "|".join(f"(?:{p})" for p in patterns) + ")"
        for rank, (_sid, patterns) in enumerate(SECTION_PATTERNS)
    )
)
MAX_HEADING_WORDS = 14


def normalise_heading(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().strip("*_#").strip()
    text = NUMBER_PREFIX.sub("", text)
    text = text.rstrip(":").strip().strip("*_").strip()
    return re.sub(r"\s+", " ", text.lower())


def match_section(text: str) -> str | None:
    """The canonical id a heading names (earliest keyword wins), or None for an unknown heading."""
    norm = normalise_heading(text)
    if not norm:
        return None
    found = _ANY_SECTION.search(norm)
    if found is None:
        return None
    return SECTION_PATTERNS[int(str(found.lastgroup)[1:])][0]


def heading_of(line: Line, *, not_a_fact: bool = False) -> tuple[str, int, int | None] | None:
    """If ``line`` is a heading: (heading text, heading end offset, inline content start or None).

    Inline content is text after "Heading:" on the same line ("Utfordringer: lang ventetid").
    A header fact line ("Dato: …") is no heading; ``not_a_fact`` says the caller has checked.
    """
    raw = line.raw
    stripped = raw.strip()
    if not stripped or len(stripped) > 160:
        return None
    if not not_a_fact and parse_fact_line(line) is not None:
        return None
    md = MD_HEADING.match(raw)
    if md:
        return md.group(2), line.end, None
    bold = BOLD_LINE.match(raw)
    if bold and not bold.group("rest"):
        return bold.group("inner"), line.end, None
    if (
        bold
        and bold.group("rest")
        and (
            match_section(bold.group("inner"))
            or bold.group("inner").rstrip().endswith(":")
            or raw[bold.end(3) :].lstrip().startswith(":")
        )
    ):
        rest_start = line.start + bold.start("rest")
        return bold.group("inner"), rest_start, rest_start
    words = stripped.split()
    if stripped.endswith(("?", ")")) and len(words) <= 22 and match_section(stripped):
        return stripped, line.end, None
    if ":" in stripped:
        head, _, rest = stripped.partition(":")
        head_words = head.split()
        if 0 < len(head_words) <= MAX_HEADING_WORDS and match_section(head):
            if not rest.strip():
                return head, line.end, None
            rest_start = line.start + raw.index(":") + 1
            return head, rest_start, rest_start
    if len(words) > MAX_HEADING_WORDS or stripped.endswith((".", "!", ",", ";")):
        return None
    if stripped.endswith("?") and match_section(stripped):
        return stripped, line.end, None
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return stripped, line.end, None
    if match_section(stripped) and (NUMBER_PREFIX.match(raw) or len(words) <= 8):
        return stripped, line.end, None
    return None
