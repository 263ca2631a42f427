"""The personal-data stage of ``analyse``: flags, entity grouping and anonymised texts.

Results from all recognizers are merged (longest span wins; a stronger type wins a tie), cleaned
(allow-list; the meeting's own place and date in the header), and spread: once a name, place or
institution is flagged, every other mention of it in the note is flagged too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from spacy.language import Language
from spacy.tokens import Doc

from nlp.pii.anonymise import anonymise_note
from nlp.pii.capitals import capital_lines, sentence_case, shadow_doc
from nlp.pii.config import PiiConfig, load_config
from nlp.pii.doc_view import line_facts, share_doc_text
from nlp.pii.engine import LANGUAGE, build_analyzer
from nlp.pii.lexicon import (
    DISEASE_EPONYMS,
    EPONYM_NOUNS,
    PLACEHOLDERS,
    WORD_NAMES,
    is_allowed,
    is_common_word,
    is_first_name,
    is_ordinary_word,
    is_place,
    is_surname,
    is_toponym_compound,
)
from nlp.pii.line_breaks import HyphenBreak, hyphen_breaks, known_kind
from nlp.pii.name_links import links, misspelt
from nlp.pii.recognizers.person import NAME_PARTICLES
from nlp.pii.rules_version import pii_version
from nlp.pii.signatures import quote_signatures as signed
from nlp.pii.tables import find_tables
from nlp.schema import DIRECT_PII_TYPES, AnalysedNote, PiiSpan, Section
from nlp.structure.header import FactLine, parse_date_line
from nlp.structure.lines import Line

TYPE_PRIORITY = {
    "FNR": 9,
    "EMAIL": 8,
    "HANDLE": 8,
    "PHONE": 7,
    "ADDRESS": 6,
    "PERSON": 5,
    "ORGANIZATION": 4,
    "LOCATION": 3,
    "DATE": 2,
    "AGE": 1,
}
TABLE_SCORE = 0.85  # a cell under a "Navn" or "Bosted" column
SPREAD_TYPES = {"PERSON", "LOCATION", "ORGANIZATION"}
HEADER_FREE_FIELDS = {"theme", "date", "place"}
# dates in agreed actions and sharing plans are deadlines and meetings, not someone's dates
PLANNING_SECTIONS = {"commitments", "sharing"}
# recognizers that read a word's case: in lines typed in capitals their sentence-cased reading
# is used instead (``PresidioPiiStage._in_capitals``)
CASE_READERS = frozenset({"PersonRecognizer", "LocationRecognizer", "OrganizationRecognizer"})


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    type: str
    score: float
    recognizer: str


class PresidioPiiStage:
    """Implements ``nlp.analyse.PiiStage``."""

    def __init__(self, nlp: Language, config: PiiConfig | None = None) -> None:
        self.config = config or load_config()
        self.analyzer, self.engine = build_analyzer(nlp, self.config)
        self.version = pii_version()

    def flags(
        self,
        text: str,
        doc: Doc,
        sections: Sequence[Section] = (),
        meeting: Sequence[tuple[int, int]] = (),
    ) -> list[Flag]:
        """The personal data in ``text``; ``meeting`` holds where the opening of a note in prose
        states the meeting's own place and date ("Møtet vart halde på X onsdag 6. mars")."""
        flags = [_flag(r) for r in self._analyze(text, doc)]
        capitals = capital_lines(text)
        if capitals:
            # in those lines the case-reading recognizers' first reading is replaced
            flags = [
                f
                for f in flags
                if f.recognizer not in CASE_READERS
                or not any(a <= f.start and f.end <= b for a, b in capitals)
            ]
            flags += self._in_capitals(text, doc, capitals)
        tables = find_tables(text)
        no_data = _no_data_spans(text)
        flags = [
            f
            for f in flags
            if f.end > f.start
            and any(c.isalnum() for c in text[f.start : f.end])  # not "🍕", not a dash
            and not any(a <= f.start and f.end <= b for a, b in tables.headers)  # "Bosted"
            and not any(a <= f.start and f.end <= b for a, b in no_data)  # ":heart: 4"
        ]
        flags += [Flag(c.start, c.end, c.type, TABLE_SCORE, "table column") for c in tables.cells]
        header_end = min((s.start for s in sections if s.id != "header"), default=len(text))
        flags = _drop_header_facts(text, line_facts(doc), flags, header_end)
        flags = [f for f in flags if not _meeting_fact(f, meeting)]
        flags = _drop_heading_words(text, flags, sections)
        planning = [(s.start, s.end) for s in sections if s.id in PLANNING_SECTIONS]
        flags = [
            f
            for f in flags
            if f.type != "DATE"
            or not (
                _is_schedule_date(text, f)
                or (any(a <= f.start < b for a, b in planning) and not _event_date(text, f))
            )
        ]
        flags = [
            f
            for f in flags
            if f.type not in SPREAD_TYPES
            or not (is_allowed(text[f.start : f.end]) or _ordinary_use(text, f.start, f.end))
        ]
        breaks = hyphen_breaks(text)
        if breaks:
            flags = _over_line_breaks(flags, breaks)
        people = [(f.start, f.end) for f in flags if f.type == "PERSON"]
        linked = links(text, people) + misspelt(text, {text[a:b] for a, b in people})
        more = [Flag(k.start, k.end, "PERSON", LINK_SCORE, k.why) for k in linked]
        more += [Flag(q.start, q.end, q.type, LINK_SCORE, "quote signature") for q in signed(text)]
        more = _drop_header_facts(text, line_facts(doc), more, header_end)
        flags += [f for f in more if not _meeting_fact(f, meeting)]
        flags = _joined_places(text, _resolve_overlaps(flags))
        # a name spread to its other mentions is not spread into the meeting's own facts
        spread = _drop_header_facts(text, line_facts(doc), _spread(text, flags), header_end)
        spread = [f for f in spread if not _meeting_fact(f, meeting)]
        return _resolve_overlaps(flags + spread)

    def _in_capitals(self, text: str, doc: Doc, lines: list[tuple[int, int]]) -> list[Flag]:
        """What the recognizers find in the lines typed in capitals once they are read in
        sentence case (``nlp/pii/capitals.py``), over the same tokens."""
        shadow = sentence_case(text, lines)
        cased = shadow_doc(doc, shadow)
        if cased is None:
            return []
        results = self._analyze(shadow, cased)
        return [_flag(r) for r in results if any(a <= r.start and r.end <= b for a, b in lines)]

    def _analyze(self, text: str, doc: Doc) -> list[RecognizerResult]:
        """Presidio's results over ``doc``, the parse of ``text`` (or its sentence-cased twin)."""
        share_doc_text(doc, text)
        return self.analyzer.analyze(
            text=text,
            language=LANGUAGE,
            nlp_artifacts=self.engine.artifacts(doc),
            score_threshold=self.config.score_threshold,
        )

    def apply(self, note: AnalysedNote, doc: Doc) -> None:
        note.pii = [
            PiiSpan(
                start=f.start,
                end=f.end,
                text=note.text[f.start : f.end],
                type=f.type,
                score=round(f.score, 3),
                recognizer=f.recognizer,
            )  # type: ignore[arg-type]
            for f in self.flags(note.text, doc, note.sections, _meeting_spans(note))
        ]
        anonymise_note(note)


def _flag(result: RecognizerResult) -> Flag:
    meta = result.recognition_metadata or {}
    return Flag(
        result.start,
        result.end,
        result.entity_type,
        float(result.score),
        str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")),
    )


EMAIL_DATE_LINE = re.compile(r"^\s*(sendt|sent|dato|date)\s*:", re.IGNORECASE)
TITLE = re.compile(r"\b(rom|læringsnotat|referat|notat)\b", re.IGNORECASE)
SUBJECT_LINE = re.compile(r"^\s*(emne|subject|tittel|ang\.?)\s*:", re.IGNORECASE)
TITLE_WORDS = 14  # a title line is short; a longer line naming "ROM" is a sentence
# a report's heading for one of its meetings, anywhere in the note: "3.1 ROM barnevern – Bodø,
# 7. februar 2024" (a half-year report summing up several meetings)
MEETING_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:rom|læringsnotat)\b[^\n]*[–—-][^\n]*"
    r"(?:\d{1,2}\.\s*[a-zæøå]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})\s*$",
    re.IGNORECASE,
)
# a page's header or footer in text pasted from a PDF ("Side 2 av 3 – Referent: … – 04.03.2025")
PAGE_LINE = re.compile(r"\b(side|page)\s+\d+\s+(av|of)\s+\d+\b", re.IGNORECASE)


def _is_title_line(line: Line, fact: FactLine | None) -> bool:
    """A title of the note ("LÆRINGSNOTAT ROM UNG – Hamar 22.01.2025", "Emne: VS:
    Læringsnotat ROM Ung Hamar januar"): its place and date are the meeting's own."""
    if fact is not None and not SUBJECT_LINE.match(line.raw):
        return False
    return TITLE.search(line.raw) is not None and len(line.raw.split()) <= TITLE_WORDS


def _drop_header_facts(
    text: str,
    lines: Sequence[tuple[Line, FactLine | None]],
    flags: list[Flag],
    header_end: int | None = None,
) -> list[Flag]:
    """The meeting's own theme, date and place in the header (and title line, and a line of
    the header that holds only them: "Tromsø, 26.02.2025") are not personal data, nor is the
    label of a header line ("CO-LEDER OG REFERENT:")."""
    free: list[tuple[int, int]] = []
    # "ROM-LEDER, CO-LEDER OG REFERENT:" names a field (a known name in it stays flagged: some
    # field patterns match anywhere in the text before the colon)
    labels: list[tuple[int, int]] = []
    first = next((line for line, _fact in lines if not line.is_blank), None)
    if first is not None and TITLE.search(first.raw):
        free.append((first.start, first.end))  # the note's first line names the meeting
    free += _page_lines([line for line, _fact in lines])
    for line, fact in lines:
        in_header = header_end is None or line.end <= header_end
        if (
            in_header or SUBJECT_LINE.match(line.raw) or MEETING_HEADING.match(line.raw)
        ) and _is_title_line(line, fact):
            free.append((line.start, line.end))
        if (header_end is None or line.end <= header_end) and parse_date_line(line):
            free.append((line.start, line.end))
        if EMAIL_DATE_LINE.match(line.raw):
            free.append((line.start, line.end))  # "Sendt: torsdag 14. mars" in a forwarded mail
        label_start = line.start
        for part in fact.all() if fact else ():
            labels.append((label_start, part.value_start))
            label_start = part.value_start + len(part.value)
            if part.field in HEADER_FREE_FIELDS:
                free.append((part.value_start, label_start if part.more else line.end))
    if not free and not labels:
        return flags

    def inside(flag: Flag, spans: list[tuple[int, int]]) -> bool:
        return any(s <= flag.start and flag.end <= e for s, e in spans)

    return [
        f
        for f in flags
        if not (inside(f, labels) and not _names_someone(text[f.start : f.end]))
        and (not inside(f, free) or (f.type in DIRECT_PII_TYPES and not _is_place_only(text, f)))
    ]


def _page_lines(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Lines a PDF puts on every page: the page's number ("Side 2 av 3 – Referent: … –
    04.03.2025"), or a title repeated ("ROM barnevern Sunnfjord · læringsnotat 04.03.2025"); their
    place and date are the meeting's (a name in them stays flagged)."""
    seen: dict[str, int] = {}
    for line in lines:
        key = line.raw.strip()
        if key:
            seen[key] = seen.get(key, 0) + 1
    return [
        (line.start, line.end)
        for line in lines
        if len(line.raw.split()) <= TITLE_WORDS + 4
        and (
            PAGE_LINE.search(line.raw)
            or (seen.get(line.raw.strip(), 0) >= 2 and TITLE.search(line.raw))
        )
    ]


def _is_place_only(text: str, flag: Flag) -> bool:
    """A "person" in the title or the header's place/date/theme line that is a known place name:
    the meeting's place ("Læringsnotat fra ROM …, Sarpsborg 29. november"; name lists built from
    public profiles also hold place names)."""
    surface = text[flag.start : flag.end]
    # a place in capitals ("ROM FOSTERFORELDRE OSLO OG VIKEN") as the lists write it
    cased = "-".join(p.capitalize() for p in surface.split("-")) if surface.isupper() else surface
    return flag.type == "PERSON" and (is_place(surface) or is_place(cased))


# a chat export's emoji codes (":rotating_light:") and a line of reactions with their counts
# (":heart: 4  :+1: 2")
# Word's note of a formatting change ("Formatert: Skrift: 11 pt, Fet"): no text of the note
_FORMATTING_LINE = re.compile(r"^[ \t]*(?:Formatert|Formatted|Formatering):[^\n]*", re.MULTILINE)
_EMOJI_CODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])")
_REACTION_LINE = re.compile(r"^[ \t]*(?::[a-z0-9_+-]{2,40}:[ \t]*[0-9]{0,3}[ \t]*)+$", re.MULTILINE)


def _no_data_spans(text: str) -> list[tuple[int, int]]:
    """Where a chat export's emoji codes and reaction lines, and Word's notes of a formatting
    change, are: no personal data there."""
    if ":" not in text:
        return []
    return (
        [m.span() for m in _FORMATTING_LINE.finditer(text)]
        + [m.span() for m in _REACTION_LINE.finditer(text)]
        + [m.span() for m in _EMOJI_CODE.finditer(text)]
    )


def _drop_heading_words(text: str, flags: list[Flag], sections: Sequence[Section]) -> list[Flag]:
    """A "person" in a section heading that no name list knows is a heading word ("Innledning
    deltaker:"); a known name in a heading ("Innledning ved Kjersti") stays flagged."""
    headings = [
        (s.heading_start, s.heading_start + len(s.heading))
        for s in sections
        if s.heading and s.heading_start is not None
    ]
    if not headings:
        return flags
    return [
        f
        for f in flags
        if f.type != "PERSON"
        or not any(a <= f.start and f.end <= b for a, b in headings)
        or (_names_someone(text[f.start : f.end]) and not _is_place_only(text, f))
    ]


INITIALS_ONLY = re.compile(r"(?:[A-ZÆØÅ]\.\s?){1,3}")


def _names_someone(surface: str) -> bool:
    """Whether a word of the flagged text is in a first-name or surname list, or the text is a
    person's initials ("leder K.H. / ref. …")."""
    words = surface.split()
    # a given name typed in capitals ("NAMN PÅ LEIAR: GUNN BERIT LI"), not a label's word
    # ("CO-LEDER OG REFERENT")
    capitals = ["-".join(p.capitalize() for p in w.split("-")) for w in words if w.isupper()]
    return (
        INITIALS_ONLY.fullmatch(surface.strip()) is not None
        or any(is_first_name(w) or is_surname(w) for w in words)
        or any(len(w) > 2 and is_first_name(w) and not is_common_word(w) for w in capitals)
    )


SCHEDULE_BEFORE = re.compile(r"\b(innen|innan|frist\w*|senest|seinast)\s+(den\s+)?$", re.IGNORECASE)
NEXT_MEETING = re.compile(r"\bneste\s+(rom|møte|samling|treff)\b", re.IGNORECASE)


def _is_schedule_date(text: str, flag: Flag) -> bool:
    """A deadline or the next meeting ("innen 1. april", "Neste ROM: 15. april") is no one's
    personal data."""
    line_start = text.rfind("\n", 0, flag.start) + 1
    before = text[max(line_start, flag.start - 30) : flag.start]
    return bool(
        SCHEDULE_BEFORE.search(before) or NEXT_MEETING.search(text[line_start : flag.start])
    )


# what makes a date in an agreed action or sharing section someone's, not the plan's: a birth
# ("f. 11.05.1989", "siden fødselen 2. august") or something that happened to someone
EVENT_BEFORE = re.compile(
    r"(?:\bf\.|\b(?:født|fødd|fødsel\w*|fødselsdato|innlagt|innlagd|skrevet\s+ut|skreve\s+ut|"
    r"utskrevet|utskriven|flyttet|flytta|døde|døydde|plassert|akuttplassert|hentet|henta|satt|"
    r"sat|ventet|venta|avlyst|mistet|miste|skjedde|hende)\b)(?:(?!\.\s+[A-ZÆØÅ])[^!?\n]){0,60}$",
    re.IGNORECASE,
)


def _event_date(text: str, flag: Flag) -> bool:
    """A date its sentence ties to a birth or an event in someone's life."""
    line_start = text.rfind("\n", 0, flag.start) + 1
    return bool(EVENT_BEFORE.search(text[max(line_start, flag.start - 80) : flag.start]))


def _meeting_spans(note: AnalysedNote) -> list[tuple[int, int]]:
    """Where the note states its meeting's place and date before its first item: the header
    facts a prose opening gives ("Møtet ble holdt på X 6. mars") stand there."""
    opening_end = min((item.start for item in note.items), default=len(note.text))
    spans = []
    for value in (note.header.place, note.header.date):
        position = note.text.find(value) if value else -1
        if position >= 0 and position + len(value or "") <= opening_end:
            spans.append((position, position + len(value or "")))
    return spans


def _meeting_fact(flag: Flag, meeting: Sequence[tuple[int, int]]) -> bool:
    """A flag inside the meeting's own place, or touching its date ("onsdag 6. mars 2024")."""
    return any(
        (a <= flag.start and flag.end <= b)
        or (flag.type == "DATE" and flag.start < b and a < flag.end)
        for a, b in meeting
    )


BROKEN_WORD_SCORE = 0.5
LINK_SCORE = 0.5


def _over_line_breaks(flags: list[Flag], breaks: Sequence[HyphenBreak]) -> list[Flag]:
    """A flag that covers one half of a word hyphenated over a line break is widened over the
    whole word; a broken word that a name or place list knows is flagged ("Ing-\nrid")."""
    widened = []
    for flag in flags:
        start, end = flag.start, flag.end
        for b in breaks:
            if start < b.head_end and b.head_end <= end <= b.tail_start:
                end = max(end, b.end)  # "Sol" of "Sol-\nvang", "Ingrid Hau" of "Ingrid Hau-\ngen"
            elif b.tail_start <= start < b.end and end >= b.end and start > b.head_end - 1:
                start = min(start, b.start)  # "vang skole" of "Sol-\nvang skole"
        widened.append(flag if (start, end) == (flag.start, flag.end) else _moved(flag, start, end))
    for b in breaks:
        kind = known_kind(b.joined)
        if kind is not None:
            widened.append(Flag(b.start, b.end, kind, BROKEN_WORD_SCORE, "word broken over a line"))
    return widened


def _joined_places(text: str, flags: list[Flag]) -> list[Flag]:
    """Two places joined by "i" are one place ("Sande i Sunnfjord", "Bø i Telemark"), a place
    or name given in two languages is one ("Sállan/Sørøya"), and two names joined by a name
    particle are one name ("Sidi ould Ahmedou")."""
    joined: list[Flag] = []
    for flag in flags:
        if flag.type in {"LOCATION", "PERSON"}:
            pair = _PAIRED_NAME.match(text, flag.end)
            if pair is not None and not text[flag.start : flag.end].endswith(
                "."
            ):  # "Sállan/Sørøya", "Unjárga/Nesseby": a place in two languages
                flag = _moved(flag, flag.start, pair.end())
        last = joined[-1] if joined else None
        between = text[last.end : flag.start] if last is not None else ""
        if (
            last is not None
            and last.type == flag.type == "PERSON"
            and between.startswith(" ")
            and between.endswith(" ")
            and between.strip() in NAME_PARTICLES
        ):
            joined[-1] = _moved(last, last.start, flag.end)  # "Sidi ould Ahmedou"
            continue
        if (
            last is not None
            and last.type == "LOCATION"
            and (flag.type == "LOCATION" or _place_read_as_unit(text, flag))
            and text[last.end : flag.start] in {" i ", "\u00a0i\u00a0"}
        ):
            joined[-1] = _moved(last, last.start, flag.end)
            continue
        joined.append(flag)
    return joined


_PAIRED_NAME = re.compile(r"/(?=[A-ZÆØÅÁČĐŊŠŦŽ])[^\W\d_]{3,}(?:-[^\W\d_]+)?(?!\w)(?!\.\w)")


def _place_read_as_unit(text: str, flag: Flag) -> bool:
    """ "Ådal" of "Nes i Ådal" that the model read as an institution: one capitalised word,
    after a place and "i", that is no ordinary word."""
    surface = text[flag.start : flag.end]
    return (
        flag.type == "ORGANIZATION"
        and " " not in surface
        and surface[:1].isupper()
        and (is_place(surface) or not is_common_word(surface))
    )


def _moved(flag: Flag, start: int, end: int) -> Flag:
    return Flag(start, end, flag.type, flag.score, flag.recognizer)


def _resolve_overlaps(flags: list[Flag]) -> list[Flag]:
    ordered = sorted(
        flags, key=lambda f: (-(f.end - f.start), -TYPE_PRIORITY.get(f.type, 0), -f.score, f.start)
    )
    kept: list[Flag] = []
    for flag in ordered:
        if any(flag.start < k.end and k.start < flag.end for k in kept):
            continue
        kept.append(flag)
    return sorted(kept, key=lambda f: f.start)


def _spread(text: str, flags: list[Flag]) -> list[Flag]:
    """Flag every other mention of a flagged name, place or institution (and name parts)."""
    extra: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    found: list[list[tuple[int, int]]] = []

    def name_places() -> list[tuple[int, int]]:  # found once, when a name first needs them
        if not found:
            found.append(_name_places(text))
        return found[0]

    for flag in flags:
        if flag.type not in SPREAD_TYPES:
            continue
        surface = text[flag.start : flag.end]
        needles = {surface}
        if flag.type == "PERSON":
            # a nickname's quote marks are no part of it ("Per-Olav «Pelle» Nyheim-Ås")
            parts = [p.strip("«»\"“”'") for p in re.split(r"\s+", surface)]
            needles |= {
                p
                for p in parts
                if len(p) > 2 and p[0].isupper() and (not is_common_word(p) or p in WORD_NAMES)
            }
            if len(parts) > 1 and is_common_word(parts[0]) and parts[0].capitalize() in WORD_NAMES:
                # "dag rasmussen", "Dag Rein": the given name that is also a word, in lower case,
                # is spread only to a name's place ("dag delte sin historie")
                needles.add(parts[0].lower())
            for initials in _initials_of(surface):
                if (initials, "initials") in seen:
                    continue
                seen.add((initials, "initials"))
                extra += [
                    Flag(start, end, flag.type, flag.score * 0.8, "spread initials")
                    for start, end in _mentions(initials, text)
                ]
        for needle in needles:
            if (needle, flag.type) in seen or is_allowed(needle) or needle in PLACEHOLDERS:
                continue
            seen.add((needle, flag.type))
            if flag.type == "PERSON" and needle.isupper() and is_common_word(needle):
                continue  # "(DAG)" in capitals: not "ÉN DAG OM GANGEN"
            if flag.type == "PERSON" and needle.islower() and is_common_word(needle):
                # "sol", "vår" typed in lower case: elsewhere only where a name stands
                extra += [
                    Flag(start, end, flag.type, flag.score * 0.8, "spread")
                    for start, end in name_places()
                    if text[start:end] in (needle, needle + "s")
                    and not _ordinary_use(text, start, end)  # "pårørendesamtale dag 1"
                ]
                continue
            for start, end in _mentions(needle, text):
                if flag.type == "PERSON" and _ordinary_use(text, start, end):
                    continue
                extra.append(Flag(start, end, flag.type, flag.score * 0.9, "spread"))
            if flag.type == "PERSON" and needle[:1].isupper() and " " not in needle:
                extra += [
                    Flag(start, end, flag.type, flag.score * 0.8, "spread")
                    for start, end in _lower_case_mentions(needle, text, name_places)
                ]
            lower = needle.lower()
            if (
                flag.type == "LOCATION"
                and lower != needle
                and len(lower) >= 4
                and (not is_ordinary_word(lower) or is_toponym_compound(lower))
            ):
                # "Hellevik" … "bur i hellevik": a place typed in lower case, also when it is
                # made of words ("helle" and "vik"), but not a word ("Strand" … "ved strand")
                extra += [
                    Flag(start, end, flag.type, flag.score * 0.8, "spread")
                    for start, end in _mentions(lower, text)
                ]
    return extra


_INITIALS_WORD = re.compile(r"[A-ZÆØÅ](?:[^\W\d_]+|\.)")
_DOTTED_INITIALS = re.compile(r"(?:[A-ZÆØÅ]\.\s?){2,3}")


# capital abbreviations of everyday text that a person's initials may spell ("Ola Kvam" → OK)
_COMMON_ABBREVIATIONS = frozenset(
    {"OK", "TV", "IT", "PC", "NB", "PS", "HR", "SMS", "VG", "EU", "FN", "USA", "ID"}
)


def _initials_of(surface: str) -> list[str]:
    """How a person flagged as ``surface`` may be written by initials elsewhere in the note:
    "Randi S." and "Randi Solberg" as "RS"; "K.H." as "KH" and "k.h.". A string the allow-list
    knows (a service's acronym) is left out."""
    words = [part for word in surface.split() for part in word.split("-") if part]  # "Gunn-Vår"
    if _DOTTED_INITIALS.fullmatch(surface.strip()):
        letters = "".join(c for c in surface if c.isalpha())
    elif 2 <= len(words) <= 3 and all(_INITIALS_WORD.fullmatch(w) for w in words):
        letters = "".join(w[0] for w in words)
    else:
        return []
    if not 2 <= len(letters) <= 3 or is_allowed(letters) or letters in _COMMON_ABBREVIATIONS:
        return []
    return [letters, ".".join(letters.lower()) + ".", ".".join(letters) + "."]


# "Dag for dag", "Stein på stein", "Mai–juni": a name that is also a word, used as the word
_REPEATED = re.compile(r"[ \t]+(?:for|etter|på|til|om|i)[ \t]+(?P<word>[^\W\d_]+)")
_MONTH_RANGE = re.compile(r"[ \t]*[–-][ \t]*(?:juni|juli|august|april)\b|[ \t]+og[ \t]+juni\b")


def _ordinary_use(text: str, start: int, end: int) -> bool:
    """Whether a name that is also a word is the word here: doubled in an idiom ("Dag for dag"),
    a month in a range ("Mai–juni"), "Vår" before a noun ("Vår erfaring"), "Lykke til" or a day
    counted ("Dag 3:"); or a doctor's name in a disease's ("Wilsons sykdom")."""
    word = text[start:end]
    if " " in word:
        return False
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group("word") in EPONYM_NOUNS:
        doctor = re.sub(r"(?:'|’)?s$", "", word.lower())
        if word.lower() in DISEASE_EPONYMS or doctor in DISEASE_EPONYMS:
            return True  # "Wilsons sykdom", "Downs syndrom": a disease named after a doctor
    if not is_common_word(word):
        return False
    repeated = _REPEATED.match(text, end)
    if repeated is not None and repeated.group("word").lower() == word.lower():
        return True
    lower = word.lower()
    if lower == "vår":  # "Vår erfaring": the possessive opening a sentence before a noun
        noun = _NEXT_WORD.match(text, end)
        return (
            noun is not None
            and _SENTENCE_OPENING.search(text[max(0, start - 3) : start]) is not None
            and not _VERB_AFTER.fullmatch(noun.group("word"))
            and noun.group("word") not in _FUNCTION_WORDS
        )
    if lower == "lykke":  # "Lykke til"
        after = _NEXT_WORD.match(text, end)
        return after is not None and after.group("word") == "til"
    if lower == "dag":  # "Dag 1 etter utskrivning:", "Dag 3: stengt": a day counted
        return _DAY_COUNTED.match(text, end) is not None
    after = _NEXT_WORD.match(text, end)
    if lower == "nok":  # "Nok en gang", "Nok ikke": the adverb
        return after is not None and after.group("word") in {
            "en",
            "ein",
            "et",
            "eit",
            "engang",
            "ikke",
            "ikkje",
            "så",
            "mer",
            "meir",
        }
    if lower == "per":  # "Per i dag", "per time": the preposition
        return after is not None and after.group("word") in {"i", "dags", "nå", "no", "time"}
    if lower.endswith("s") and after is not None and after.group("word") in _SUBJECTS:
        # "Lykkes vi med dette": a verb opening a sentence before its subject
        return _SENTENCE_OPENING.search(text[max(0, start - 3) : start]) is not None
    return lower == "mai" and _MONTH_RANGE.match(text, end) is not None


_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[a-zæøå]+)\b")
_SUBJECTS = frozenset(
    {"vi", "me", "jeg", "eg", "du", "han", "hun", "ho", "de", "dei", "dere", "man"}
)
# "Dag 3:", "Dag 1 etter", "Dag 3 ringte en spl.": a number right after "dag" counts days ("Dag
# (3)" and "Dag, 3 år," are a child's age)
_DAY_COUNTED = re.compile(r"[ \t]+[0-9]{1,3}(?![0-9])(?![ \t]*(?:år|mnd|måneder)\b)")


# where a name typed in lower case is still the name: alone in brackets ("(sol)"), or opening a
# line or bullet before a verb ("- sol har to barn")
_LINE_START_VERBS = (
    "har|hadde|sa|sier|seier|fortalte|fortalde|fortel|forteller|var|er|ble|vart|blei|kom|fikk|"
    "fekk|måtte|ønsker|ynskjer|mener|meiner|synes|syns|opplevde|opplever|trenger|treng|vil|ville|"
    # an agreed action's owner ("- ask sender notatet til VfB")
    "sender|sendar|tar|lager|lagar|skriver|skriv|følger|fylgjer|ringer|ringjer|kaller|kallar|"
    "inviterer|sjekker|sjekkar|undersøker|kontakter|kontaktar|ga|gav|gjorde|bad|ba|"
    # who someone is ("sol heiter eigentleg solveig"), what they want ("liv ønskjer at …")
    "heter|heiter|ønskjer|bor|bur|byrja|begynte"
)


# a lower-case word in a name's place: alone in brackets, opening a line, bullet or sentence
# before a verb, or naming the speaker after a quote ("» – sol") or a speech verb ("sa sol.");
# one scan per note, the name is compared afterwards, so no pattern is built per name
_NAME_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# a word after "Vår" that makes it the name: a verb ("Vår sender", "Vår avslutta")
_VERB_AFTER = re.compile(r"(?:" + _LINE_START_VERBS + r")|[a-zæøå]{2,}(?:er|ar|te|de|et|dde|a)")
_FUNCTION_WORDS = frozenset({"på", "i", "og", "som", "fra", "frå", "med", "til", "om", "hos"})
_SENTENCE_OPENING = re.compile(r"(?:^|\n|[.!?]\s|[-•*«\"]\s?)$")
_KIN_AFTER = (
    "far|mor|bror|søster|syster|foreldre|pappa|mamma|kone|mann|sønn|son|datter|dotter|barn|born|"
    "familie|venn|venner|kjæreste|lærer|kontaktlærer|rom|mobil|telefon"
)
_NAME_PLACE = re.compile(
    r"\((?P<bracketed>" + _NAME_WORD + r")\)"
    r"|(?:^|[-*•–][ \t]|[.!?] |[«“\"]|\b(?:at|og|men|då|da|når|fordi)[ \t]+)"
    r"(?P<opening>" + _NAME_WORD + r")"
    # before a listed verb or any past tense ("dag delte", "tone ønsket", "ask mistet")
    r"(?=[ \t]+(?:(?:" + _LINE_START_VERBS + r")\b|[a-zæøå]{2,}(?:te|de|et|dde)\b))"
    r"|[»”\"] – (?P<speaker>" + _NAME_WORD + r")(?=[ \t]*(?:,|$))"
    # the speaker after a speech verb that ends the clause ("», sa nhung.")
    r"|\b(?:sa|sier|seier|spurte|spurde|fortalte|fortalde)[ \t]+(?P<said>" + _NAME_WORD + r")"
    r"(?=[ \t]*(?:[.,!?;:]|$))"
    # whose parent someone is ("mor til ask som er nitten", "far til liv")
    r"|\b(?:mor|far|mamma|pappa|forelder|fostermor|fosterfar)[ \t]+til[ \t]+(?P<child>"
    + _NAME_WORD
    + r")\b",
    re.MULTILINE,
)


_IN_CLAUSE = re.compile(r"\b(?:at|og|men|då|da|når|fordi)[ \t]+$")
# a family word after a possessive ("storms far"): found first, the word before it checked after
_KIN_WORD = re.compile(r"(?<=[^\W\d_]s)[ \t]+(?:" + _KIN_AFTER + r")\b")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")


def _name_places(text: str) -> list[tuple[int, int]]:
    """Where ``_NAME_PLACE`` finds a word in a name's place (the word, not the marks around it),
    and possessives before a family word."""
    places = [match.span(match.lastgroup or 0) for match in _NAME_PLACE.finditer(text)]
    for kin in _KIN_WORD.finditer(text):
        owner = _WORD_BEFORE.search(text, max(0, kin.start() - 40), kin.start())
        if owner is not None:
            places.append(owner.span())
    return sorted(places)


def _lower_case_mentions(
    name: str, text: str, name_places: Callable[[], Sequence[tuple[int, int]]]
) -> Iterator[tuple[int, int]]:
    """The lower-case mentions of a flagged name: everywhere when it is a listed first name and
    no ordinary word ("kari"), else only in a name's place (``name_places()``: "(sol)", "- sol
    har to barn")."""
    lower = name.lower()
    if lower == name:
        return
    if is_first_name(name) and not is_ordinary_word(lower):
        position = text.find(lower)
        while position >= 0:
            end = position + len(lower)
            if _word_edge(text, position - 1) and _word_edge(text, end):
                yield position, end
            position = text.find(lower, end)
        return
    known = is_first_name(name) or name in WORD_NAMES
    for start, end in name_places():
        # inside a clause ("og sol vart"), only a name the lists know: not "Bussjåføren Arne"'s
        # role ("og bussjåføren vart nemnde")
        if text[start:end] == lower and (
            known or not _IN_CLAUSE.search(text, max(0, start - 12), start)
        ):
            yield start, end


def _word_edge(text: str, index: int) -> bool:
    """Whether ``text[index]`` is outside a word (or outside the text)."""
    return not (0 <= index < len(text)) or not (text[index].isalnum() or text[index] in "_-")


_COMPOUND_AFTER = re.compile(r"-[a-zæøå]{3,}")


def _mentions(needle: str, text: str) -> Iterator[tuple[int, int]]:
    """Each mention of ``needle`` as a whole word, with a possessive -s, 's or ’s after it
    ("Kari", "Karis"; not "Karine"): found by ``str.find`` and edge checks, so no pattern is
    compiled per name."""
    position = text.find(needle)
    while position >= 0:
        end = position + len(needle)
        if _word_edge(text, position - 1):
            for suffix in ("s", "'s", "’s", ""):
                if text.startswith(suffix, end) and _word_edge(text, end + len(suffix)):
                    end += len(suffix)
                    yield position, end
                    break
            else:
                if _COMPOUND_AFTER.match(text, end):
                    yield position, end  # "«Pelle-metoden»", "Bodø-turen": the name's part
        position = text.find(needle, max(end, position + 1))


def load_pii_stage(nlp: Language) -> PresidioPiiStage:
    return PresidioPiiStage(nlp)
