"""Header facts: the meeting's theme, date, counts, services and the people who ran it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.schema import HeaderFacts
from nlp.structure.lines import Line

FIELD_PATTERNS: list[tuple[str, str]] = [
    ("theme", r"(kveldens|dagens|møtets)\s+tema|tema\s+for\s+(kvelden|møtet|dagen)|^tema"),
    (
        "date",
        r"^(dato|tidspunkt|møtedato|tid og sted|tid og stad|dato og sted|sted og tid|stad og tid"
        r"|hvor/når|når/hvor|hvor og når|når og hvor|kor/når|når/kor)|^møte$",
    ),
    ("place", r"^(sted|stad|møtested|møtestad)"),
    (
        "professionals",
        r"(antall|tal på|talet på|tal|ant\.?)\s+fagperson|^fagpersoner\b|^fagpersonar",
    ),
    (  # before the participants: "Tal deltakarar totalt", "Antall deltakere til sammen"
        "total",
        r"(antall|tal på|talet på|tal|ant\.?)\s*(totalt|til sammen|i alt|samla|deltakere totalt)"
        r"|^totalt\b|^til sammen|\s(totalt|til sammen|i alt)$",
    ),
    (
        "participants",
        r"(antall|tal på|talet på|tal|ant\.?)\s+(deltak|pårørend|pårørand|brukar|bruker|foreld)"
        r"|^deltakere\b|^deltakarar",
    ),
    # "Antall: 15 totalt – 6 fagpersoner og 9 deltakere", "Til stede: 16 personer, …"
    ("attendance", r"^(antall|ant\.?|tal|talet|til stede|tilstades|oppmøte|frammøte|deltok)$"),
    (
        "services",
        r"(representerte|represen?terte)\s+(tjenester|tenester|etater|instanser)"
        r"|^tjenester\s+(til stede|representert)|^tenester|^(tjenester|instanser|etater)$",
    ),
    ("co_leader", r"^(co-?leder|co-?leiar|medleder|medleiar|ko-?leder|nestleder|co$)"),
    ("rom_leader", r"^(rom-?leder|rom-?leiar|møteleder|møteleiar|leder|leiar|ordstyrer)"),
    ("referent", r"^(referent|ref\.?|skrevet av|skrive av|notat ved)"),
]
_FIELDS = [(name, re.compile(pat)) for name, pat in FIELD_PATTERNS]
PEOPLE_FIELDS = frozenset({"rom_leader", "co_leader", "referent"})
# a capitalised name of one or more words, particles allowed ("Jan van der Berg")
_PERSON_NAME_PATTERN = (
    r"[A-ZÆØÅ][\wæøåéü'-]+(?:\s+(?:[A-ZÆØÅ][\wæøåéü'-]+|(?:van|von|der|den|de|al|el|bin)\b))*"
)
FACT_LINE = re.compile(
    r"^[\s*_#>-]*(?P<key>[^:\t\n]{2,45}?)[*_]*(?:\s*:|\t|\s+[–-]\s)[\s*_]*(?P<value>.*?)[\s*_]*$"
)
NUMBER_WORDS = {
    "null": 0,
    "en": 1,
    "ein": 1,
    "én": 1,
    "ett": 1,
    "eitt": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "tretten": 13,
    "fjorten": 14,
    "femten": 15,
    "seksten": 16,
    "sytten": 17,
    "atten": 18,
    "nitten": 19,
    "tjue": 20,
    "tjuefem": 25,
    "tretti": 30,
}
_PARTICIPANT_WORDS = (
    "deltak|deltakar|foreldr|forelder|pårørend|pårørand|ungdomm|ungdom|brukar|bruker|søsken"
    "|fosterforeld"
)
_PARTICIPANT_GROUP = re.compile(rf"(?:{_PARTICIPANT_WORDS})\w*$")
_LEADING_NUMBER = re.compile(r"\s*\d{1,3}\b")
_KEY_COUNT = re.compile(r"\((\d{1,3})\)")
DATE_IN_TEXT = re.compile(
    r"\b\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)"
    r"\w*\.?(?:\s+\d{4})?)|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


# a word of a label inside a fact's value ("Kari Hansen. Referent: Ola Berg"): up to the colon
_LABEL_WORD = re.compile(r"[^\s.,;:|·]+")
_QUOTE_MARK = re.compile(r"[«»\"“”]")  # a label quotes nothing
_LABEL_BREAK = re.compile(r"[.,;|·]")


@dataclass(frozen=True)
class FactLine:
    """One header fact: its field, its value and where the value starts in the note's text.
    ``more`` holds further facts written on the same line ("Møteleder: Kari Hansen. Referent:
    Ola Berg"), each with its own value."""

    field: str
    value: str
    value_start: int
    more: tuple[FactLine, ...] = ()

    def all(self) -> tuple[FactLine, ...]:
        """This fact and those after it on the same line."""
        return (self, *self.more)


def field_of(key: str) -> str | None:
    """The header field a label names ("Referent", "Antall deltakere"), or None."""
    key = key.strip().strip("*_").strip().lower()
    return next((name for name, pattern in _FIELDS if pattern.search(key)), None)


def parse_fact_line(line: Line) -> FactLine | None:
    raw = line.raw
    if ":" not in raw and "\t" not in raw and "-" not in raw and "–" not in raw:
        return _people_line(line)  # FACT_LINE needs one of them after the key
    match = FACT_LINE.match(raw)
    if not match:
        return _people_line(line)
    key = match.group("key")
    if _QUOTE_MARK.search(key):
        return None  # "Temaet var «Når barnet flyttar inn – …": a sentence quoting a title
    name = field_of(key)
    value_start = line.start + match.start("value")
    if name is None:
        # "Ungdomar: 7", "Foreldre: 5": a group of participants counted (a count must follow,
        # so that "Foreldre: ønsket mer informasjon" in a note's body stays content)
        group = _PARTICIPANT_GROUP.match(key.strip(" *_").lower())
        if group is None or _LEADING_NUMBER.match(match.group("value")) is None:
            return None
        return FactLine("participants", match.group("value"), value_start)
    keyed = _KEY_COUNT.search(key)
    if keyed and name in {"professionals", "participants", "total"}:
        # "Fagpersoner (4): BUP, NAV og PPT": the count in brackets, the services after it
        count = FactLine(name, keyed.group(1), line.start + match.start("key") + keyed.start(1))
        rest = match.group("value").strip()
        services = (
            (FactLine("services", rest, value_start),) if rest and name == "professionals" else ()
        )
        return FactLine(count.field, count.value, count.value_start, services)
    facts = _split_value(name, match.group("value"), value_start)
    first = facts[0]
    if name in PEOPLE_FIELDS:
        people = _people_in_value(key, first)
        if people:
            return FactLine(
                people[0].field, people[0].value, people[0].value_start, (*people[1:], *facts[1:])
            )
    return FactLine(first.field, first.value, first.value_start, tuple(facts[1:]))


# "Kari Hansen (ROM-leder) og Per Olsen (co-leder)": each name followed by its role
_NAME_WITH_ROLE = re.compile(rf"(?P<name>{_PERSON_NAME_PATTERN})\s*\((?P<role>[^()]{{2,25}})\)")
_VALUE_SEP = re.compile(r"\s+/\s+|\s*/\s*(?=[A-ZÆØÅ])|\s+og\s+|\s*[,;&]\s*")


def _people_in_value(key: str, fact: FactLine) -> list[FactLine]:
    """The people of a leaders' line, one fact per role, or [] when it names one person in one
    role: "ROM-leder/referent: Kari Hansen" (one person in two roles), "ROM-leder/co-leder: Kari
    Hansen / Per Olsen" (a name per role, in order), "Ledere: Kari Hansen (ROM-leder) og Per
    Olsen (co-leder)" (each name's role in brackets)."""
    with_roles = [
        (field, match)
        for match in _NAME_WITH_ROLE.finditer(fact.value)
        if (field := field_of(match.group("role"))) in PEOPLE_FIELDS
    ]
    if with_roles:
        return [
            FactLine(field, match.group("name"), fact.value_start + match.start("name"))
            for field, match in with_roles
        ]
    roles = [fact.field] + [
        other
        for part in key.split("/")[1:]
        if (other := field_of(part)) in PEOPLE_FIELDS and other != fact.field
    ]
    if len(roles) == 1:
        return []
    names = _split_names(fact.value)
    if len(names) != len(roles):  # one person in every role
        return [FactLine(role, fact.value, fact.value_start) for role in roles]
    return [
        FactLine(role, name, fact.value_start + offset)
        for role, (offset, name) in zip(roles, names, strict=True)
    ]


def _split_names(value: str) -> list[tuple[int, str]]:
    """The parts of a value between separators, each with its offset."""
    parts, begin = [], 0
    for sep in _VALUE_SEP.finditer(value):
        parts.append((begin, value[begin : sep.start()]))
        begin = sep.end()
    parts.append((begin, value[begin:]))
    return [(offset, part) for offset, part in parts if part.strip()]


# a header line of roles and names without colons: "ROM-leder Kari Hansen, referent Ola Berg"
_PEOPLE_LABEL = (
    r"(?i:rom-?leder|rom-?leiar|møteleder|møteleiar|co-?leder|co-?leiar|medleder|medleiar"
    r"|referent)"
)

_PEOPLE_PART = re.compile(rf"(?P<key>{_PEOPLE_LABEL})\s+(?P<value>{_PERSON_NAME_PATTERN})")
_PEOPLE_SEP = re.compile(r"\s*(?:[,;|·]|\.(?=\s)|\s+og\b)\s*")
_LINE_LEAD = re.compile(r"[\s*_#>-]*")


def _people_line(line: Line) -> FactLine | None:
    """The facts of a line that names the people who ran the meeting without colons, or None:
    the whole line must be roles and capitalised names (a sentence such as "Møteleder Kari ønsket
    velkommen" is not)."""
    raw = line.raw.rstrip(" .")
    pos = _LINE_LEAD.match(raw).end()  # type: ignore[union-attr]
    facts: list[FactLine] = []
    while True:
        part = _PEOPLE_PART.match(raw, pos)
        if part is None:
            return None
        field = field_of(part.group("key"))
        assert field in PEOPLE_FIELDS
        facts.append(FactLine(field, part.group("value"), line.start + part.start("value")))
        if part.end() == len(raw):
            return FactLine(facts[0].field, facts[0].value, facts[0].value_start, tuple(facts[1:]))
        sep = _PEOPLE_SEP.match(raw, part.end())
        if sep is None or sep.end() == part.end():
            return None
        pos = sep.end()


def _split_value(name: str, value: str, start: int) -> list[FactLine]:
    """A fact's value cut where another field's label starts ("Kari Hansen. Referent: Ola
    Berg" is two facts); a colon inside a value ("kl. 18:00") is no label."""
    facts: list[FactLine] = []
    begin = 0
    for colon in re.finditer(":", value):
        after = value[colon.end() : colon.end() + 1]
        if after not in ("", " ", "\t", "*", "_"):  # "**Referent:** Berit"
            continue
        words = list(_LABEL_WORD.finditer(value, begin, colon.start()))
        for n in (3, 2, 1):
            if len(words) <= n:  # a label needs a value before it
                continue
            key_start = words[-n].start()
            key = value[key_start : colon.start()]
            if _LABEL_BREAK.search(key.rstrip(".")):  # "ref.:" is a label
                continue  # "… 13 totalt. Representerte tjenester:": the label is after the stop
            label = field_of(key)
            if label is None:
                continue
            facts.append(_fact(name, value, begin, key_start, start))
            name, begin = label, colon.end()
            break
    facts.append(_fact(name, value, begin, len(value), start))
    return facts


def _fact(name: str, value: str, begin: int, end: int, start: int) -> FactLine:
    part = value[begin:end]
    text = part.strip()
    if end < len(value):
        text = text.rstrip(" .,;|·*_/–")  # the punctuation before the next label
    lead = len(part) - len(part.lstrip(" *_"))  # "**Referent:** Berit"
    return FactLine(name, text.lstrip("*_ "), start + begin + lead)


# a header line that is only the meeting's place and date, or its date and time
DATE_LINE = re.compile(
    r"^\s*(?:(?:møte|møtet|møtedato|dato|tid)\s+)?"
    r"(?:(?P<place>[A-ZÆØÅ][\wæøåÆØÅ-]+(?:\s[A-ZÆØÅ][\wæøåÆØÅ-]+)?),\s*)?"
    r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag)"
    r"\s+)?(?P<date>" + DATE_IN_TEXT.pattern + r")"
    r"(?:,?\s*(?:kl\.?|klokka|klokken)?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[–-]\s*\d{1,2}(?:[.:]\d{2})?)?)?"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)


# the meeting's place at the end of a title, after a comma, a dash, "i" or "på", and a date after
# it: "ROM psykisk helse og rus, Hamar", "Læringsnotat ROM Ung – Førde", "… i Bodø 27. januar
# 2025", "ROM-møte på Voss 5/3", "LÆRINGSNOTAT ROM UNG – FØRDE" (capitals only in a title
# written in capitals)
_SHORT_DATE = r"\d{1,2}/\d{1,2}(?:[/-]\d{2,4})?"
TITLE_PLACE = re.compile(
    r"(?:,|\s[–-]|\si|\spå)\s+(?P<place>[A-ZÆØÅ][a-zæøåéü-]+(?:\s[A-ZÆØÅ][a-zæøåéü-]+)?)"
    r"(?:,?\s+(?:" + DATE_IN_TEXT.pattern + "|" + _SHORT_DATE + r"))?\s*$"
)
TITLE_PLACE_CAPITALS = re.compile(
    r"(?:,|\s[–-]|\sI|\sPÅ)\s+(?P<place>[A-ZÆØÅ][A-ZÆØÅ-]+(?:\s[A-ZÆØÅ][A-ZÆØÅ-]+)?)"
    r"(?:,?\s+(?:" + DATE_IN_TEXT.pattern + "|" + _SHORT_DATE + r"))?\s*$"
)
# words a title in capitals ends with that are no place
_TITLE_WORDS = frozenset({"ROM", "UNG", "LÆRINGSNOTAT", "REFERAT", "NOTAT", "MØTE", "ROM-MØTE"})
_TITLE_DATE = re.compile(DATE_IN_TEXT.pattern + r"|(?<![\d/])" + _SHORT_DATE + r"(?![\d/])")


def parse_title_line(line: Line) -> list[FactLine]:
    """The meeting's place and date in a note's title line, as facts that yield to the
    header's own "Sted:" and "Dato:" lines (fields ``title_place``, ``title_date``)."""
    facts = []
    date = _TITLE_DATE.search(line.raw)
    if date:
        facts.append(FactLine("title_date", date.group().strip(), line.start + date.start()))
    place = TITLE_PLACE.search(line.raw)
    letters = [c for c in line.raw if c.isalpha()]
    if place is None and letters and all(c.isupper() for c in letters):
        place = TITLE_PLACE_CAPITALS.search(line.raw)
        if place is not None and set(place.group("place").split()) & _TITLE_WORDS:
            place = None
    if place:
        facts.append(
            FactLine("title_place", place.group("place"), line.start + place.start("place"))
        )
    return facts


def parse_date_line(line: Line) -> list[FactLine]:
    """The place and date of a header line that holds nothing else, or nothing."""
    match = DATE_LINE.match(line.raw)
    if match is None:
        return []
    facts = [FactLine("date", match.group("date"), line.start + match.start("date"))]
    if match.group("place"):
        facts.append(FactLine("place", match.group("place"), line.start + match.start("place")))
    return facts


# the meeting's facts told in a sentence at the start of a note written as prose
PROSE_FACTS = [
    (
        "theme",
        re.compile(
            r"^(?:(?:kveldens|dagens|møtets)\s+tema|temaet\s+(?:for|på)\s+"
            r"(?:kvelden|møtet|dagen|samlinga))\s+var\s+(?P<value>.+?)[.!]?\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        "attendance",
        re.compile(
            r"^(?:vi|me)\s+var\s+(?P<value>(?:\d{1,3}|[a-zæøå]+)\s+(?:personer\s+|stykker\s+)?"
            r"(?:til stede|tilstades|på møtet|i alt|totalt)\b.*?)[.!]?\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        "rom_leader",
        re.compile(
            r"^(?i:møtet|kvelden|samlinga)\s+(?i:ble|vart|blei)\s+(?i:ledet|leia|leidd)\s+av\s+"
            r"(?P<value>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2})\b.*$",
        ),
    ),
]


# "Møtet vart halde på Sunde kyrkjelydshus onsdag 6. mars 2024 og leia av Ingrid Bjørk, …":
# where, when and by whom, in one sentence
_WEEKDAY = r"(?:man|tirs|tys|ons|tors|fre|lør|laur|søn|sun)dag"
PROSE_MEETING = re.compile(
    r"^(?i:møtet|kvelden|samlinga|samlingen|rom-møtet|rom-samlinga|rom-samlingen)\s+"
    r"(?i:ble|vart|blei)\s+(?i:holdt|halde|haldt|avholdt|arrangert)\s+(?i:på|i)\s+"
    r"(?P<place>[A-ZÆØÅ][\wæøå-]*(?:\s+(?!(?i:og|den|" + _WEEKDAY + r")\b)[\wæøå-]+){0,3}?)"
    r"(?=\s*(?:,|\.|\s(?i:og|den)\s|\s(?i:" + _WEEKDAY + r")\b|\s\d|$))"
    r"(?:,?\s+(?:(?i:" + _WEEKDAY + r")\s+)?(?:(?i:den)\s+)?"
    r"(?P<date>" + DATE_IN_TEXT.pattern + r"))?"
    r"(?:.*?\b(?i:leia|leidd|ledet|leda)\s+av\s+"
    r"(?P<leader>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2}))?",
    re.DOTALL,
)


def prose_facts(text: str, start: int, end: int) -> list[FactLine]:
    """The facts a sentence of a prose note's opening states ("Temaet for kvelden var …", "Vi
    var 15 til stede, 9 foreldre og 6 fagpersoner", "Møtet ble ledet av Kari Hansen", "Møtet
    vart halde på X onsdag 6. mars og leia av Y"), if any."""
    sentence = text[start:end]
    meeting = PROSE_MEETING.match(sentence)
    if meeting is not None:
        return [
            FactLine(field, meeting.group(group), start + meeting.start(group))
            for field, group in (("place", "place"), ("date", "date"), ("rom_leader", "leader"))
            if meeting.group(group)
        ]
    for name, pattern in PROSE_FACTS:
        match = pattern.match(sentence)
        if match is None:
            continue
        if name == "attendance" and not parse_counts(match.group("value")):
            return []
        return [FactLine(name, match.group("value"), start + match.start("value"))]
    return []


def parse_count(value: str) -> int | None:
    digits = re.search(r"\d{1,3}", value)
    if digits:
        return int(digits.group())
    first = value.strip().lower().split(" ")[0] if value.strip() else ""
    return NUMBER_WORDS.get(first.strip(".,"))


_COUNT = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# a count and what it counts ("6 fagpersoner", "fagpersoner 6", "totalt 11", "14 til stede")
COUNTED = [
    ("professionals", re.compile(rf"\b{_COUNT}\s+fagperson\w*|\bfagperson\w*:?\s+{_COUNT}\b")),
    (
        "participants",
        re.compile(
            rf"\b{_COUNT}\s+(?:{_PARTICIPANT_WORDS})\w*|\b(?:{_PARTICIPANT_WORDS})\w*:?\s+{_COUNT}\b"
        ),
    ),
    (
        "total",
        re.compile(
            rf"\b{_COUNT}\s+(?:totalt|til sammen|i alt|personer|personar|til stede|tilstades)"
            rf"|\b(?:totalt|til sammen|i alt|samla)\s+{_COUNT}\b"
        ),
    ),
]


# a count at the start that counts nothing named: the total ("11 (4 fagpersoner, 7 foreldre)");
# not "en", "ei", "ett" …, which are also articles ("Til stede: en mor, to fedre og …")
_LEADING_COUNT = re.compile(
    rf"\s*(?!(?:en|ei|ein|ett|eitt)\b){_COUNT}\b"
    rf"(?!\s+(?:fagperson|{_PARTICIPANT_WORDS}|totalt|til sammen|i alt|personer))"
)


def parse_counts(value: str) -> dict[str, int]:
    """The counts a line names ("15 totalt – 6 fagpersoner og 9 deltakere"); a count alone at
    the start is the total ("Antall: 14")."""
    found: dict[str, int] = {}
    lower = value.lower()
    for name, pattern in COUNTED:
        match = pattern.search(lower)
        if match:
            word = next(g for g in match.groups() if g)
            found[name] = int(word) if word.isdigit() else NUMBER_WORDS[word]
    leading = _LEADING_COUNT.match(lower)
    if "total" not in found and leading:  # "11 (4 fagpersoner, 7 foreldre)"
        word = leading.group(1)
        found["total"] = int(word) if word.isdigit() else NUMBER_WORDS[word]
    return found


# the meeting's place after the date on the date line ("18.09.2024, Kongsvinger", "… kl. 18 –
# Hamar"), a capitalised name that ends the value
_PLACE_AFTER_DATE = re.compile(
    r"(?:,?\s*(?:kl\.?|klokka|klokken)?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[–-]\s*\d{1,2}(?:[.:]\d{2})?)?)?"
    r"\s*[,–-]\s*(?P<place>[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?)\s*\.?\s*$"
)
_SENTENCE_BREAK = re.compile(r"[.!]\s+(?=[A-ZÆØÅ0-9])")
_COUNT_AFTER_COMMA = re.compile(rf",\s*(?={_COUNT}\s)")


def split_theme(value: str) -> tuple[str, str]:
    """The theme and what the referent wrote after it on the same line ("Søsken, 14 til stede
    (6 fagpersoner og 8 deltakere). Dato 2.10.2024."): the theme ends at the first sentence
    break or at a comma before a count of those present."""
    cut = len(value)
    found = _SENTENCE_BREAK.search(value)
    if found:
        cut = found.start()
    count = _COUNT_AFTER_COMMA.search(value, 0, cut)
    if count and parse_counts(value[count.end() : cut]):
        cut = count.start()
    return value[:cut].strip().rstrip("."), value[cut:].lstrip(" .,")


def collect_header(facts: list[FactLine]) -> HeaderFacts:
    header = HeaderFacts()
    date_place: str | None = None  # a place written after the date, if no line names one
    for fact in facts:
        value = fact.value
        if not value or fact.field.startswith("title_"):
            continue
        if fact.field in {"total", "professionals", "participants", "attendance"}:
            counts = parse_counts(value)
            if fact.field != "attendance" and len(counts) < 2:
                counts = {fact.field: parse_count(value)}  # "Deltakere: 8 (hvorav 2 fedre)"
            for name, count in counts.items():
                if getattr(header, name) is None:
                    setattr(header, name, count)
        elif fact.field == "services":
            header.services = [s.strip() for s in re.split(r"[,;/]|(?<!-) og ", value) if s.strip()]
        elif fact.field == "date":
            found = DATE_IN_TEXT.search(value)
            header.date = found.group().strip() if found else value
            after = _PLACE_AFTER_DATE.match(value, found.end()) if found else None
            if after and date_place is None:  # "Dato: 18.09.2024, Kongsvinger"
                date_place = after.group("place")
        elif fact.field == "theme" and header.theme is None:
            header.theme, rest = split_theme(value)
            for name, count in parse_counts(rest).items() if rest else ():
                if getattr(header, name) is None:
                    setattr(header, name, count)
            found = DATE_IN_TEXT.search(rest)
            if found and header.date is None:
                header.date = found.group().strip()
        elif fact.field == "place" and header.place is None:
            found = DATE_IN_TEXT.search(value)  # "Sted: Lillestrøm, 5. desember 2024"
            if found and header.date is None:
                header.date = found.group().strip()
            header.place = (value[: found.start()] if found else value).strip(" ,.") or None
        elif getattr(header, fact.field) is None:
            if fact.field in PEOPLE_FIELDS and len(value) > 2 and value[-2].islower():
                value = value.rstrip(".")  # "Referent: Ola Berg."
            setattr(header, fact.field, value)
    if header.place is None:
        header.place = date_place
    for fact in facts:  # the title's place and date, where the header names none
        if fact.field.startswith("title_") and getattr(header, fact.field[6:]) is None:
            setattr(header, fact.field[6:], fact.value)
    return header
