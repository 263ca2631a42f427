"""Recognise section headings and map them to the template's canonical section ids.

Referents reword, renumber, abbreviate and write nynorsk; the mapping therefore looks for
keyword stems rather than exact headings, in a fixed order (most specific first).
"""

from __future__ import annotations

import re
import unicodedata

from nlp.structure.header import parse_fact_line
from nlp.structure.lines import BOLD_LINE, MD_HEADING, NUMBER_PREFIX, Line

# the end of a reworded heading: those patterns match the whole line, so that an item written
# without a full stop ("Foreldrene sa at de ikke ble hørt") stays an item
END = r"[\s?.!:]*$"
# who the participants are, in headings that reword "Innledning deltaker"
_PARTICIPANTS = (
    "deltaker|deltakar|pårørend|pårørand|forelder|foreldr|ungdomm|ungdom|famili|innleder"
)
# headings that name no section of the template: a section of its own ("unknown"), not an item
GENERIC_HEADINGS = frozenset(
    {"oppsummering", "samandrag", "sammendrag", "bakgrunn", "diverse", "eventuelt", "annet"}
)
# (section id, patterns); the first section with a matching pattern wins.
SECTION_PATTERNS: list[tuple[str, list[str]]] = [
    (
        "quotes",
        [
            r"\bsitat",
            r"\b(sa|sagt|uttalte)\s+blant\s+annet" + END,
            r"^(noen\s+|nokre\s+)?utsagn" + END,
        ],
    ),
    (
        "intro_participant",
        [
            r"innl(?:[ea]\w*|\.).{0,40}(deltak|pårørend|pårørand|bruker|brukar|erfaring|forelder"
            r"|ungdom|fosterforeld)",
            r"^innl(?:[ea]\w*|\.)\s+(fra|frå|ved)\s+(en\s+|ein\s+)?(mor|far|mora|moren|faren|mamma"
            r"|pappa)" + END,
            r"(deltak|pårørend|bruker|forelder|ungdom)\w*\s+(sin|si|sitt)?\s*innl[ea]",
            r"(deltakers|deltakars|deltakerens|deltakarens|pårørendes|brukers|brukerens)\s+"
            r"(historie|innl|forteljing|fortelling)",
            # reworded: "Deltakerne fortalte", "Hva sa deltakerne?", "Fra foreldrene"
            rf"^({_PARTICIPANTS})\w*\s+(fortalte|fortalde|forteller|fortel|delte|sa|sier|seier)"
            + END,
            rf"^(hva|kva)\s+sa\s+({_PARTICIPANTS})\w*" + END,
            # "Hva fortalte forelderen som innledet?", "Hvem innledet, og hva ble sagt?"
            rf"^(hva|kva)\s+(fortalte|fortalde|sa)\s+({_PARTICIPANTS})\w*"
            r"(\s+som\s+innle\w+)?" + END,
            r"^(hvem|kven)\s+(innledet|innleidde|innleia)\b.{0,40}$",
            rf"^(fra|frå)\s+({_PARTICIPANTS})\w*" + END,
            r"^(deltakernes|deltakarane sine|ungdommenes|foreldrenes|familienes)\s+"
            r"(erfaring|historie|forteljing|fortelling)\w*" + END,
            r"^(kort\s+om\s+)?(innledning|innleiing)(en|ene|a|ane)?$",
        ],
    ),
    (
        "intro_professional",
        [
            r"innl(?:[ea]\w*|\.).{0,40}fag",
            r"fagperson\w*\s+(sin|si|sitt)?\s*innl",
            r"fagpersone?n?s\s+innl",
            r"^(fra|frå)\s+fagperson\w*" + END,
            r"^(hva|kva)\s+sa\s+fagperson\w*" + END,
            r"^fagperson\w*\s+(fortalte|fortalde|forteller|sa|innledet|innleidde|innleia)" + END,
            r"^(barnevernet|nav|bup|dps|kommunen|tjenesten|tenesta)\s+(innledet|innleidde|innleia)"
            + END,
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
            r"^lærings?punkt\w*" + END,
        ],
    ),
    (
        "sharing",
        [
            r"\bdel(es|ast|ing|e)\b",
            r"\bspre(s|iing|ing)?\b.{0,20}kunnskap",
            r"hvor og hvordan",
            r"kvar og korleis",
            r"^(hvem|kven)\s+får\s+(notatet|referatet|læringsnotatet)" + END,
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
            r"^vid[ea]re\s+arbeid" + END,
            r"^(hva|kva)\s+(gjør|gjer)\s+(vi|me)\s+(nå|no|videre|vidare)" + END,
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
            r"^(saker|innspill|spørsmål|tema)\s+(for|til)\s+voksne\s+for\s+barn" + END,
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
        [
            r"ønsk\w*.{0,25}(mer|meir)",
            r"(mer|meir)\s+av",
            r"ønske(r|r mer|liste)?\b",
            r"ønskj",
            r"^(hva|kva)\s+kan\s+bli\s+(bedre|betre)(\s+\w+){0,3}" + END,
            r"^forslag(\s+til\s+\w+)?$",
            r"^innspill(\s+(fra|frå)\s+\w+)?$",
            r"^forbedrings?(forslag|punkt)\w*$",
        ],
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
            r"^(bra|dette var bra|det som var bra|det var bra)" + END,
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
            # "Hva fungerte", "Dette fungerte godt", "Hva var bra?" (not "… ikke")
            r"^(hva|kva|det|dette|som)\s+(som\s+)?(fungerte|fungerer|fungerar|virket|verka)"
            r"(\s+(bra|godt|best))?" + END,
            r"^(hva|kva|det\s+som)\s+var\s+bra" + END,
            r"^lyspunkt\w*" + END,
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
            r"^(hva|kva|det\s+som|dette|som)\s+(som\s+)?(fungerte|fungerer|fungerar)\s+"
            r"(ikke|ikkje)(\s+så\s+(bra|godt))?" + END,
            r"^(hva|kva)\s+gikk\s+galt" + END,
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
# before the colon of a line over 160 characters: "Innledning deltaker: <a paragraph>", not a
# sentence that names a section's keyword before its colon ("… som godt, men sårbart: …")
LONG_LINE_HEADING_WORDS = 5
QUOTE_MARKS = re.compile(r"[«»“”\"„]")


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
    if not stripped:
        return None
    if not not_a_fact and parse_fact_line(line) is not None:
        return None
    if len(stripped) > 160:  # only "Heading: a long paragraph of content"
        return _inline_heading(line, stripped, max_words=LONG_LINE_HEADING_WORDS)
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
    quoted_after_colon = ":" in stripped and QUOTE_MARKS.search(stripped.partition(":")[2])
    if (
        stripped.endswith(("?", ")"))
        and len(words) <= 22
        and not quoted_after_colon  # "Sitater: «…» (mor)" is a heading and a quote
        and match_section(stripped)
    ):
        return stripped, line.end, None
    inline = _inline_heading(line, stripped)
    if inline is not None:
        return inline
    if len(words) > MAX_HEADING_WORDS or stripped.endswith((".", "!", ",", ";")):
        return None
    if stripped.endswith("?") and match_section(stripped):
        return stripped, line.end, None
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return stripped, line.end, None
    if match_section(stripped) and (NUMBER_PREFIX.match(raw) or len(words) <= 8):
        return stripped, line.end, None
    if normalise_heading(stripped) in GENERIC_HEADINGS:
        return stripped, line.end, None
    return None


def _inline_heading(
    line: Line, stripped: str, max_words: int = MAX_HEADING_WORDS
) -> tuple[str, int, int | None] | None:
    """ "Utfordringer: lang ventetid" -> the heading and where its content starts."""
    if ":" not in stripped:
        return None
    head, _, rest = stripped.partition(":")
    long_line = max_words < MAX_HEADING_WORDS
    if not 0 < len(head.split()) <= max_words or (long_line and "," in head):
        return None
    if not match_section(head):
        return None
    if not rest.strip():
        return head, line.end, None
    rest_start = line.start + line.raw.index(":") + 1
    return head, rest_start, rest_start
