"""Find a note's structure: header facts, sections and items, with offsets into its text.

Works on lines (bullets, headings, fact lines, prose) and takes sentence boundaries for prose from
the one spaCy parse of the note, passed in as character spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from nlp.schema import HeaderFacts, Section
from nlp.structure.header import (
    FactLine,
    collect_header,
    parse_date_line,
    parse_fact_line,
    parse_title_line,
    prose_facts,
)
from nlp.structure.lines import NUMBER_PREFIX, Line, split_lines, trim_span
from nlp.structure.sections import heading_of, match_section

EMAIL_HEADER = re.compile(
    r"^\s*(fra|sendt|til|emne|kopi|from|sent|to|subject|cc|date|vedlegg)\s*:\s*\S",
    re.IGNORECASE,
)
MAIL_DATE = re.compile(r"^\s*dato\s*:", re.IGNORECASE)
FORWARD_MARK = re.compile(
    r"^\s*-{2,}.*(videresend|original|forwarded|opprinnelig).*-{2,}\s*$", re.IGNORECASE
)
GREETING = re.compile(
    r"^\s*(hei|hallo|god morgen|god dag|kjære|til alle)\b[^.!?\n]{0,40}[,!:]?\s*$", re.IGNORECASE
)
SIGN_OFF = re.compile(
    r"^\s*(mvh|m\.v\.h\.?|med vennlig hilsen|vennlig hilsen|venleg helsing|med venleg helsing|"
    r"hilsen|helsing|beste hilsen|takk for (et godt|i kveld|oss)[^.]*|"
    r"takk for (en|ei|et|eit) (fin|god|flott|fint|godt|kjekk|kjekt)\w* (kveld|møte)\b[^.]*)\b",
    re.IGNORECASE,
)
FRAMING_END = re.compile(r":\s*$")
FRAMING = re.compile(
    r"\b(her (er|kommer)|vedlagt|videresender|sender (deg|dere|over)|se gjerne over|"
    r"beklager at det tok|ta det gjerne opp|limer inn|lim(?:er|te) inn|"
    r"glemte (?:vedlegget|å legge ved))\b",
    re.IGNORECASE,
)
TITLE_HINT = re.compile(r"^(læringsnotat|referat|notat|rom\b|rom-)", re.IGNORECASE)
ITEM_FREE_SECTIONS = {"header"}
# a plain line of at most this many words that names the section it is in is a heading
SAME_SECTION_HEADING_WORDS = 2
# an opening quote mark or a speech dash at the end of a sentence span, after a space
OPENER_AT_END = re.compile(r"(?<=\s)(?:[«“„]|[–—](?=\s*$)|\"(?=\s*$))\s*$")
CLOSING_PUNCT = (".", "!", "?", "»", '"', "”", ")", ":")
SENTENCE_PUNCT = (".", "!", "?", "»", '"', "”", ",", ";")
QUOTE_MARK = re.compile(r"[«»“”\"„]|^[–—]\s")
# Terse notes end sentences with an abbreviation: "etter flere mnd. Veileder byttet".
ABBREVIATION_END = re.compile(
    r"\b(?:mnd|ca|evt|osv|pga|mht|etc|div|tlf|kl|stk|mv|bl\.a|f\.eks|m\.m|o\.l)(\.)"
    r"[ \t]+(?=[A-ZÆØÅ][a-zæøå])"
    # a sentence that ends in a number ("høsten 2023. Barna …", "blir 18.\tNAV-veilederen"),
    # which the parser reads as an ordinal; not a date ("3. Januar")
    r"|(?<![\d.,:/-])\d{1,4}(\.)[ \t]+(?=(?!(?i:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des))"
    r"[A-ZÆØÅ][\wæøå])"
)


@dataclass
class ItemSpan:
    start: int
    end: int
    section: str
    bullet: bool = False


@dataclass
class Structure:
    header: HeaderFacts
    sections: list[Section]
    items: list[ItemSpan]
    facts: list[FactLine] = field(default_factory=list)
    # spans that are not note content (e-mail headers, greetings, signatures)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


class _Builder:
    def __init__(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.section = "header"
        self.sections: list[Section] = []
        self.items: list[ItemSpan] = []
        self.facts: list[FactLine] = []
        self.boilerplate: list[tuple[int, int]] = []
        self.paragraph: list[Line] = []
        self.bullet: tuple[int, int] | None = None  # open bullet item (start, end)
        self.bullet_indent = 0
        self.in_signature = False
        self.after_blank = False
        self.in_mail_header = False
        self.title_read = False
        self.seen_content = False
        self.items_at_heading = 0
        self.heading_numbered = False
        self.last_numbered_item = False
        self.in_history = False  # an older message quoted below the note, to the end

    @property
    def sections_with_heading(self) -> int:
        return sum(1 for s in self.sections if s.heading)

    @property
    def content_headings(self) -> int:
        """Headings of the note's content (the title's "Læringsnotat …" heading is none)."""
        return sum(1 for s in self.sections if s.heading and s.id != "header")

    @property
    def items_since_heading(self) -> int:
        return len(self.items) + (1 if self.bullet or self.paragraph else 0) - self.items_at_heading

    # -- item emission ---------------------------------------------------------------------
    def add_item(self, start: int, end: int, bullet: bool = False) -> None:
        start, end = trim_span(self.text, start, end)
        if end - start < 2 or self.section in ITEM_FREE_SECTIONS:
            return
        if not any(c.isalnum() for c in self.text[start:end]):
            return
        self.items.append(ItemSpan(start, end, self.section, bullet))

    def flush_bullet(self) -> None:
        if self.bullet:
            self.add_item(*self.bullet, bullet=True)
        self.bullet = None

    def flush_paragraph(self) -> None:
        if not self.paragraph:
            return
        lines, self.paragraph = self.paragraph, []
        if (
            len(lines) > 1
            and not any(line.stripped.endswith(SENTENCE_PUNCT) for line in lines[:-1])
            and all(len(line.stripped.split()) <= 15 for line in lines)
            and not _wrapped_prose(lines)
        ):
            for line in lines:  # a list without bullets: one item per line
                self.add_item(line.content_start(), line.end)
            return
        start, end = lines[0].content_start(), lines[-1].end
        for s_start, s_end in self._sentences_in(start, end):
            sentence = self.text[s_start:s_end].strip()
            if FRAMING_END.search(sentence) and len(sentence.split()) <= 12:
                continue
            if self.section == "unknown" and not self.content_headings:
                if FRAMING.search(sentence) and len(sentence.split()) <= 25:
                    self.boilerplate.append((s_start, s_end))
                    continue
                facts = prose_facts(self.text, s_start, s_end)
                if facts:  # "Temaet for kvelden var …", "Vi var 15 til stede, …"
                    self.facts.extend(facts)
                    self.boilerplate.append((s_start, s_end))
                    continue
            self.add_item(s_start, s_end)

    def _sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        for s_start, s_end in self.sentences:
            if s_end <= start or s_start >= end:
                continue
            s_start, s_end = max(s_start, start), min(s_end, end)
            cut = s_start
            for match in ABBREVIATION_END.finditer(self.text, s_start, s_end):
                stop = match.end(1) if match.group(1) else match.end(2)
                if not match.group(1) and len(self.text[s_start : match.start()].split()) < 2:
                    continue  # "1. Innledning", "Kl. 18. Vi": a number opening the sentence
                spans.append((cut, stop))
                cut = stop
            spans.append((cut, s_end))
        return _move_openers(self.text, spans) or [(start, end)]

    def flush(self) -> None:
        self.flush_bullet()
        self.flush_paragraph()

    # -- section handling ------------------------------------------------------------------
    def open_section(
        self, sid: str, heading: str | None, heading_start: int | None, start: int
    ) -> None:
        self.flush()
        if self.sections:
            self.sections[-1].end = heading_start if heading_start is not None else start
        self.sections.append(
            Section(
                id=sid,
                heading=heading,
                heading_start=heading_start,
                start=start,
                end=len(self.text),
            )
        )  # type: ignore[arg-type]
        self.section = sid
        self.in_signature = False
        self.items_at_heading = len(self.items)

    # -- line handling ---------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        if line.is_blank:
            self.flush()
            self.after_blank = True
            return
        after_blank, self.after_blank = self.after_blank, False
        raw = line.stripped
        if not self.in_history and FORWARD_MARK.match(raw) and self.content_headings >= 2:
            # "-----Opprinnelig melding-----" after the note: the mail it answers, not the note
            self.flush()
            self.in_history = True
        if self.in_history:
            heading = heading_of(line, not_a_fact=True)
            if heading is None or match_section(heading[0]) is None:
                self.boilerplate.append((line.start, line.end))
                return
            self.in_history = False  # the older message holds part of the note after all
        if self.in_signature and after_blank and _starts_a_note(line):
            # "Mvh Tove" closed the covering e-mail, and the note itself follows
            self.in_signature = False
            if not self.sections_with_heading:
                self._drop_covering_mail()
        mail_line = bool(EMAIL_HEADER.match(raw) or FORWARD_MARK.match(raw)) or (
            self.in_mail_header and not after_blank and MAIL_DATE.match(raw) is not None
        )  # "Dato: fre. 6. des. 2024 kl. 13:02" among "Fra:", "Emne:" is the mail's date
        self.in_mail_header = mail_line
        if mail_line:
            self.in_signature = False  # a forwarded message starts after the forwarder's name
        if self.in_signature or mail_line:
            self.flush()
            self.boilerplate.append((line.start, line.end))
            return
        if SIGN_OFF.match(raw) and len(raw.split()) <= 6:
            self.flush()
            self.in_signature = True
            self.boilerplate.append((line.start, line.end))
            return
        fact = parse_fact_line(line)
        if fact:
            self.flush()
            self.facts.extend(fact.all())
            return
        if (
            not self.title_read
            and not self.content_headings
            and TITLE_HINT.match(raw.lstrip("#* "))
        ):
            self.title_read = True  # "Læringsnotat ROM Ung – Førde": the meeting's place
            self.facts.extend(parse_title_line(line))
        bullet = line.bullet()
        is_symbol_bullet = bullet is not None and not bullet[0][0].isalnum()
        heading = None if is_symbol_bullet else heading_of(line, not_a_fact=True)
        if heading is not None and self._is_content_not_heading(line, heading[0], bullet):
            heading = None
        if heading is not None:
            title, content_start, inline = heading
            sid = match_section(title) or ("header" if not self.seen_content else "unknown")
            self.open_section(sid, title.strip(), line.start, content_start)
            self.heading_numbered = bool(NUMBER_PREFIX.match(line.raw))
            self.last_numbered_item = False
            if inline is not None and self.text[inline : line.end].strip():
                rest = Line(inline, line.end, self.text[inline : line.end])
                if sid == "quotes" and QUOTE_MARK.search(rest.stripped):
                    self.add_item(rest.content_start(), rest.end)  # "Sitater: «…» (mor)"
                else:
                    self.paragraph = [rest]
            return
        if GREETING.match(raw) and not self.seen_content:
            self.boilerplate.append((line.start, line.end))
            return
        if self.section == "header":
            when = parse_date_line(line)
            if when:  # "Tromsø, 26.02.2025", "Møte 11. juni 2024, kl. 17–20"
                self.facts.extend(when)
                self.boilerplate.append((line.start, line.end))
                return
            if (
                not self.seen_content
                and (TITLE_HINT.match(raw) or _looks_like_title(raw))
                and not self.items
            ):
                self.boilerplate.append((line.start, line.end))
                self.seen_content = True
                return
            self.open_section("unknown", None, None, line.start)
        self.seen_content = True
        if bullet is not None:
            self.flush()
            self.last_numbered_item = bullet[0][0].isdigit()
            self.bullet = (bullet[1], line.end)
            self.bullet_indent = line.indent
            if self.section == "quotes":
                self.flush_bullet()
            return
        if self.bullet is not None and self._continues_bullet(line):
            self.bullet = (self.bullet[0], line.end)
            return
        self.flush_bullet()
        if self.section == "quotes" and QUOTE_MARK.search(raw):
            self.add_item(line.content_start(), line.end)
            return
        self.paragraph.append(line)

    def _drop_covering_mail(self) -> None:
        """What came before the covering mail's sign-off was the mail, not the note: its
        sentences are boilerplate, and the note's own header starts again."""
        self.boilerplate.extend((item.start, item.end) for item in self.items)
        self.items = []
        self.sections = []
        self.section = "header"
        self.seen_content = False
        self.items_at_heading = 0

    def _is_content_not_heading(
        self, line: Line, title: str, bullet: tuple[str, int] | None
    ) -> bool:
        """Lines that look like headings but are items: a plain line naming the section it is
        already in ("Problemer med å få svar" under challenges), and a numbered line straight
        after an unnumbered heading ("1. Bedre oppfølging" under "Hva man ønsker mer av?")."""
        raw = line.stripped
        marked = (
            raw.startswith(("#", "**", "__"))
            or raw.endswith((":", "?"))
            or (raw.upper() == raw and any(c.isalpha() for c in raw))
        )
        if marked:
            return False
        if bullet is None:
            # "Sitater" again under the quotes heading is a heading; a longer line is an item
            return (
                match_section(title) == self.section
                and self.section != "header"
                and len(raw.split()) > SAME_SECTION_HEADING_WORDS
            )
        sub_numbered = "." in bullet[0].rstrip(".)")
        if self.last_numbered_item and not sub_numbered:
            return True  # "3. Et godt samarbeid" inside a numbered list stays an item
        return (
            bool(self.sections)
            and self.sections[-1].heading is not None
            and self.section != "header"  # "1) Innledning deltaker" after the header's facts
            and self.items_since_heading == 0
            and not sub_numbered
            and not self.heading_numbered
        )

    def _continues_bullet(self, line: Line) -> bool:
        assert self.bullet is not None
        if line.indent > self.bullet_indent:
            return True
        previous = self.text[self.bullet[0] : self.bullet[1]].rstrip()
        first = line.stripped[:1]
        return bool(previous) and not previous.endswith(CLOSING_PUNCT) and first.islower()


def _move_openers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote mark or dash that opens the next sentence belongs to it: the sentence splitter
    may end a sentence after it ("… i praksis. «Vi har alt …»", "… fra NAV. – Jeg har …")."""
    moved = list(spans)
    for k in range(len(moved) - 1):
        (a, b), (_, d) = moved[k], moved[k + 1]
        opener = OPENER_AT_END.search(text, a, b)
        if opener is not None and opener.start() > a:
            moved[k], moved[k + 1] = (a, opener.start()), (opener.start(), d)
    return moved


def _starts_a_note(line: Line) -> bool:
    """A line after a blank one that begins a note rather than a signature: a title ("ROM
    barnevern – …", "Læringsnotat …"), a header fact or a heading the template names."""
    if TITLE_HINT.match(line.stripped) or parse_fact_line(line) is not None:
        return True
    heading = heading_of(line, not_a_fact=True)
    return heading is not None and match_section(heading[0]) is not None


# a word a line of running text does not end on: the sentence goes on in the next line
_RUNS_ON = frozenset(
    "at og eller men som for til på i av om med hos fra frå å en ei et ein eit den det de dei "
    "ikke ikkje var er har hadde skal vil kan må måtte kunne ble vart blei hvor kor når".split()
)
_SENTENCE_INSIDE = re.compile(r"[.!?][»”\"]?\s+[A-ZÆØÅ«]")


def _wrapped_prose(lines: Sequence[Line]) -> bool:
    """Whether lines without bullets are one paragraph wrapped at a fixed width, not a list of
    short points: a line runs on into a next line that starts in lower case, and either ends on
    a word no point ends on ("at", "og", "måtte") or has a sentence ending inside it."""
    for line, following in pairwise(lines):
        if not following.stripped[:1].islower():
            continue
        words = line.stripped.split()
        if words and (words[-1].lower() in _RUNS_ON or _SENTENCE_INSIDE.search(line.stripped)):
            return True
    return False


def _looks_like_title(raw: str) -> bool:
    words = raw.split()
    return len(words) <= 10 and not raw.endswith((".", "!", "?"))


def parse_structure(text: str, sentences: Sequence[tuple[int, int]] = ()) -> Structure:
    """Sections and item spans of ``text``; ``sentences`` are (start, end) sentence spans."""
    builder = _Builder(text, sentences)
    for line in split_lines(text):
        builder.feed(line)
    builder.flush()
    if not builder.sections:
        builder.sections.append(Section(id="unknown", start=0, end=len(text)))
    return Structure(
        header=collect_header(builder.facts),
        sections=builder.sections,
        items=builder.items,
        facts=builder.facts,
        boilerplate=builder.boilerplate,
    )
