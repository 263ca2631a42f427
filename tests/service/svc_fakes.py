"""A small, deterministic stand-in for ``nlp.analyse.NoteAnalyser`` and a note generator.

``FakeAnalyser`` has the analyser interface (``version``, ``analyse``, ``analyse_text``) and
returns a realistic ``AnalysedNote``: header facts, sections, bulleted items with labels and
themes, quotes with speakers, and PII spans for known names, places and phone numbers, with
anonymised texts made by ``nlp.pii.anonymise.anonymise_note``. It loads no model.

Batch jobs pick it with ``--analyser svc_fakes:fake_v1`` (tests/service on PYTHONPATH).
"""

from __future__ import annotations

import os
import re
import time

from nlp.pii.anonymise import anonymise_note
from nlp.readers import ReadResult, read_text
from nlp.schema import AnalysedNote, HeaderFacts, Item, PiiSpan, Quote, Section

NAMES = [
    "Kari Nordmann",
    "Ola Hansen",
    "Eirik",
    "Hilde Sørbråten",
    "Tor Inge Haugen",
    "Anne-Lise Moe",
    "Sofie Berg",
    "Jonas Lie",
]
PLACES = ["Gjøvik", "Raufoss", "Hamar", "Lillehammer"]
PHONE = re.compile(r"(?<!\d)\d{3} ?\d{2} ?\d{3}(?!\d)")

HEADINGS = [
    ("innledning deltaker", "intro_participant"),
    ("innledning fagperson", "intro_professional"),
    ("utfordringer", "challenges"),
    ("god praksis", "good_practice"),
    ("ønsker mer", "want_more"),
    ("trenger vi", "needs_from_services"),
    ("råd", "tips"),
    ("sitater", "quotes"),
    ("tar fagpersonene", "takeaways"),
    ("deles", "sharing"),
    ("forpliktende", "commitments"),
    ("systemnivå", "system_level"),
]
LABELS = {
    "challenges": "challenge",
    "good_practice": "good_practice",
    "want_more": "wish",
    "needs_from_services": "wish",
}
THEMES = {
    "parorende": ("pårørende",),
    "informasjon": ("informasjon", "skriftlig"),
    "tilgjengelighet": ("ventetid", "venteliste", "kveldstid"),
    "samarbeid": ("samarbeid", "ansvarsgruppe", "kontaktperson"),
    "skole-barnehage": ("skole", "barnehage"),
    "okonomi-praktisk": ("nav",),
    "krise-akutt": ("krise", "akutt", "legevakt"),
}
SPEAKERS = {
    "mor": "forelder",
    "far": "forelder",
    "fagperson": "fagperson",
    "deltaker": "deltaker",
    "ungdom": "ungdom",
}
_HEADING_LINE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?P<title>\S.*)$")
_BULLET = re.compile(r"^(\s*[-•*]\s+)(?P<body>\S.*)$")
_QUOTE = re.compile(r"«(?P<q>[^»]+)»(?:\s*[–-]\s*(?P<who>[\wæøå]+))?")
_FIELD = {
    "theme": re.compile(r"^Kveldens tema:\s*(.+)$", re.M),
    "date": re.compile(r"^Dato:\s*(.+)$", re.M),
    "total": re.compile(r"^Antall totalt:\s*(\d+)", re.M),
    "professionals": re.compile(r"^Antall fagpersoner:\s*(\d+)", re.M),
    "participants": re.compile(r"^Antall deltakere:\s*(\d+)", re.M),
    "services": re.compile(r"^Representerte tjenester:\s*(.+)$", re.M),
    "rom_leader": re.compile(r"^ROM-leder:\s*(.+)$", re.M),
    "referent": re.compile(r"^Referent:\s*(.+)$", re.M),
}


class AnalyserFailure(RuntimeError):
    """Raised on purpose (``fail_on``); the message quotes the note like a careless library."""


class FakeAnalyser:
    def __init__(
        self,
        version: str = "fake-1",
        *,
        names: list[str] | None = None,
        delay: float = 0.0,
        fail_on: str | None = None,
        extra_wish_words: tuple[str, ...] = (),
    ) -> None:
        self.version = version
        self.names = names if names is not None else NAMES
        self.delay = delay
        self.fail_on = fail_on
        self.extra_wish_words = extra_wish_words
        self.calls = 0

    # -- the NoteAnalyser interface ------------------------------------------------------
    def analyse(self, read: ReadResult) -> AnalysedNote:
        note = self._analyse(read.text, read.source)
        note.format = read.format
        note.warnings = list(read.warnings)
        return note

    def analyse_text(self, text: str, source: str = "<paste>") -> AnalysedNote:
        return self.analyse(read_text(text, source=source))

    def analyse_many(self, reads: list[ReadResult]) -> list[AnalysedNote]:
        return [self.analyse(r) for r in reads]

    # -- internals -----------------------------------------------------------------------
    def _analyse(self, text: str, source: str) -> AnalysedNote:
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        if self.fail_on and self.fail_on in text:
            snippet = text[:200]
            raise AnalyserFailure(f"could not parse note: {snippet!r}")
        sections = self._sections(text)
        items, quotes = self._parts(text, sections)
        note = AnalysedNote(
            source=source,
            text=text,
            header=self._header(text),
            sections=sections,
            items=items,
            quotes=quotes,
            pii=self._pii(text),
            pipeline_version=self.version,
        )
        return anonymise_note(note)

    def _header(self, text: str) -> HeaderFacts:
        found = {
            k: (m.group(1).strip() if (m := r.search(text)) else None) for k, r in _FIELD.items()
        }
        return HeaderFacts(
            theme=found["theme"],
            date=found["date"],
            total=int(found["total"]) if found["total"] else None,
            professionals=int(found["professionals"]) if found["professionals"] else None,
            participants=int(found["participants"]) if found["participants"] else None,
            services=[s.strip() for s in (found["services"] or "").split(",") if s.strip()],
            rom_leader=found["rom_leader"],
            referent=found["referent"],
        )

    def _sections(self, text: str) -> list[Section]:
        heads: list[tuple[int, int, str, str]] = []  # (line start, line end, id, heading)
        offset = 0
        for line in text.split("\n"):
            m = _HEADING_LINE.match(line)
            if m and not _BULLET.match(line) and len(line) < 120:
                title = m.group("title").lower()
                for key, section_id in HEADINGS:
                    if key in title and not any(h[2] == section_id for h in heads):
                        heads.append((offset, offset + len(line), section_id, line.strip()))
                        break
            offset += len(line) + 1
        first = heads[0][0] if heads else len(text)
        sections = [Section(id="header", start=0, end=first)]
        for index, (start, end, section_id, heading) in enumerate(heads):
            stop = heads[index + 1][0] if index + 1 < len(heads) else len(text)
            sections.append(
                Section(
                    id=section_id,
                    heading=heading,
                    heading_start=start,
                    start=min(end + 1, stop),
                    end=stop,
                )
            )
        return sections

    def _parts(self, text: str, sections: list[Section]) -> tuple[list[Item], list[Quote]]:
        items: list[Item] = []
        quotes: list[Quote] = []
        for section in sections:
            if section.id == "header":
                continue
            offset = section.start
            for line in text[section.start : section.end].split("\n"):
                bullet = _BULLET.match(line)
                if bullet and section.id != "quotes":
                    start = offset + bullet.start("body")
                    end = offset + len(line.rstrip())
                    body = text[start:end]
                    items.append(
                        Item(
                            start=start,
                            end=end,
                            text=body,
                            section=section.id,
                            label=self._label(section.id, body),
                            confidence=0.8,
                            themes=self._themes(body),
                        )
                    )
                offset += len(line) + 1
            for m in _QUOTE.finditer(text, section.start, section.end):
                who = (m.group("who") or "").lower()
                quotes.append(
                    Quote(
                        start=m.start(),
                        end=m.start() + len(m.group("q")) + 2,
                        text=text[m.start() : m.start() + len(m.group("q")) + 2],
                        speaker=SPEAKERS.get(who, "ukjent"),
                        section=section.id,
                        themes=self._themes(m.group("q")),
                    )
                )
        return items, quotes

    def _label(self, section: str, body: str) -> str:
        lowered = body.lower()
        if any(w in lowered for w in self.extra_wish_words):
            return "wish"
        return LABELS.get(section, "other")

    @staticmethod
    def _themes(body: str) -> list[str]:
        lowered = body.lower()
        return sorted(t for t, words in THEMES.items() if any(w in lowered for w in words))

    def _pii(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, kind: str) -> None:
            if any(s < end and start < e for s, e in taken):
                return
            taken.append((start, end))
            spans.append(
                PiiSpan(
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=kind,
                    score=0.9,
                    recognizer="fake",
                )
            )

        for name in sorted(self.names, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"s?(?!\w)", text):
                add(m.start(), m.end(), "PERSON")
        for place in PLACES:
            for m in re.finditer(r"(?<!\w)" + re.escape(place) + r"(?!\w)", text):
                add(m.start(), m.end(), "LOCATION")
        for m in PHONE.finditer(text):
            add(m.start(), m.end(), "PHONE")
        spans.sort(key=lambda s: (s.start, s.end))
        return spans


def fake_v1() -> FakeAnalyser:
    return FakeAnalyser("fake-1")


def fake_v2() -> FakeAnalyser:
    """The 'new pipeline' for reprocess tests: labels items about wishes differently, and is
    slowed down (ROMNOTAT_FAKE_DELAY seconds per note) so that a test can kill it mid-way."""
    return FakeAnalyser(
        "fake-2",
        delay=float(os.environ.get("ROMNOTAT_FAKE_DELAY", "0")),
        extra_wish_words=("fast kontaktperson", "skriftlig"),
    )


def failing_v2() -> FakeAnalyser:
    """Like ``fake_v2`` but raises (quoting the note) on any note containing KRASJ."""
    return FakeAnalyser("fake-2", fail_on="KRASJ", extra_wish_words=("fast kontaktperson",))


THEMES_OF_EVENING = [
    "Når krisa kommer – pårørende i møte med akuttpsykiatrien",
    "Overgangen fra barnehage til skole",
    "Samarbeid mellom NAV og helsetjenesten",
    "Å være ung pårørende",
]


def make_note(
    i: int = 0,
    *,
    date: str = "14.03.2024",
    secret: str = "",
    referent: str = "Tor Inge Haugen",
    extra_intro: str = "",
) -> str:
    """A learning note in the template's shape, with personal data to flag."""
    name = NAMES[i % 3]
    place = PLACES[i % len(PLACES)]
    theme = THEMES_OF_EVENING[i % len(THEMES_OF_EVENING)]
    return (
        f"Læringsnotat fra ROM – nummer {i}\n"
        f"Dato: {date}\n"
        "\n"
        f"Kveldens tema: {theme}\n"
        f"Antall totalt: {12 + i % 5}\n"
        f"Antall fagpersoner: {5 + i % 3}\n"
        f"Antall deltakere: {7 + i % 2}\n"
        "Representerte tjenester: NAV, BUP, helsestasjonen, legevakten\n"
        "ROM-leder: Hilde Sørbråten\n"
        f"Referent: {referent}\n"
        "\n"
        "1. Oppsummering av innledning deltaker\n"
        f"{name} fortalte om ventetid hos BUP i {place}, og ring gjerne 912 34 567. "
        f"{secret} {extra_intro}\n"
        "\n"
        "3. Eksempler på utfordringer og problemområder\n"
        "- Lang ventetid hos BUP, og ingen informasjon underveis.\n"
        "- Pårørende blir ikke spurt om sine observasjoner ved legevakten.\n"
        f"- {name}s mor ble avvist av NAV to ganger.\n"
        "\n"
        "4. Eksempler på god praksis\n"
        "- Helsestasjonen ringte familien dagen etter utskrivning.\n"
        "- Skolen laget en plan sammen med foreldrene.\n"
        "\n"
        "5. Hva man ønsker mer av?\n"
        "- Mer informasjon om rettigheter, gjerne skriftlig.\n"
        "- En fast kontaktperson i akuttfasen.\n"
        "\n"
        "8. Sitater som kan brukes i rapporter/høringer med mer\n"
        "- «Jeg visste mer om sønnen min enn noen av dem, men ingen spurte.» – mor\n"
        "- «Vi har lov til å lytte, selv om vi ikke kan fortelle.» – fagperson\n"
        "\n"
        "9. Fra ettermøtet: Hva tar fagpersonene med seg tilbake til egen arbeidsplass?\n"
        "- Spørre pårørende tidlig om hva de har sett.\n"
        "\n"
        "10. Hva bør gjøres noe med på systemnivå (Voksne for Barn, politikere)\n"
        "- Pårørende må få en fast kontaktperson i kommunen.\n"
        "- Ventetiden i BUP må ned.\n"
    )
