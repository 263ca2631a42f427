"""ADDRESS: street + house number (optionally + postcode and place), or postcode + place.

Street names (the span is the whole address, as written):

* one word, capitalised, a compound ending in gata/gate/gaten/gt./veien/vegen/vei/veg/allé/
  alle/plass/plassen/torg/torget/bakken/stien/lia/haugen/svingen/brinken/kroken/tunet/ringen/
  stuveien/jordet/stredet/smuget/kaia/kaien/brygga/bryggen/løkka/flata/flaten/lunden/sletta/
  sletten/høgda/høyda, optionally after Øvre/Nedre/
  Søndre/Nordre/Vestre/Østre/Store/Lille/Gamle/Nye/St./Sankt: "Kirkegata 4", "Storgata 12B",
  "Øvre Slottsgate 3", "Storgt. 12", "STORGATA 12"; the bare suffix only for Torget, Torvet,
  Plassen, Tunet, Kaia, Brygga, Stredet … ("Torget 2"), not for the surnames Bakken, Haugen,
  Lia, Ringen, Jordet ("Kari Haugen 3" is not an address);
* one to four capitalised words + gate/gata/gt./vei/veg/veien/vegen/allé/plass/torg:
  "Hans Nielsen Hauges gate 20", "Kong Oscars gate 5", "St. Olavs gate 5", "Fru Ingers vei 2";
  a capitalised sentence-start word ("I", "Hun", "Adresse") is left out of the span;
* typed in lower case ("storgata 12", "skoleveien 3"): gata/gate/gaten/veien/vegen/vei/veg only,
  lower score.

* any one to three capitalised words + number when a postcode follows ("Lille Grensen 5,
  0159 Oslo"); with the postcode on the next line or after ">", "|", "/" the street part and
  the postcode are two spans.

The house number is 1–4 digits with an optional letter ("12B", "7 A"), range ("4–6") and
bolignummer ("H0201"); it may be followed by ", 2815 Gjøvik" / "N-5003 Bergen" / ",2640 vinstra"
(one span).
Postcode + place alone: "2815 Gjøvik", "0150 OSLO", "N-5003 Bergen", "8622 Mo i Rana".

Scores: street + number + postcode config + 0.1; street + number config; lower-case street
config − 0.3; postcode + place config − 0.2, or 0.4 when the postcode could be a year
(1900–2039) and nothing marks it as a postcode.

Not flagged: a house number followed by a unit or count ("Italia 3 år", "Solbakken 2 ganger",
"12 km", "3 barn") or used as an ordinal ("Torget 2. klasse"); girls' names in -lia
("Julia 3"); a year after a time word ("i 2019 Hun", "høsten 2020 Kari"), an amount
("kr 2500 Hun"), a postcode-like number after "kapittel", "side", "§", "nr"; "Kapittel 3".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from nlp.pii.recognizers.pattern_base import (
    Candidate,
    NbPatternRecognizer,
    alternation,
    clip,
    compile_pattern,
    words_after,
    words_before,
)

# fmt: off
_SUFFIXES = [
    "gata", "gate", "gaten", "gt.", "veien", "vegen", "vei", "veg", "allé", "alle", "alléen",
    "plass", "plassen", "torg", "torget", "bakken", "stien", "lia", "haugen", "svingen",
    "brinken", "kroken", "tunet", "ringen", "stuveien", "jordet", "stredet", "smuget", "kaia",
    "kaien", "brygga", "bryggen", "løkka",
    # housing estates' streets ("Lerkeflata 12", "Granlunden 4", "Solsletta 3")
    "flata", "flaten", "lunden", "sletta", "sletten", "høgda", "høyda", "hagen",
    # "Tokerudberget 12, H0302", "Furuåsen 3"
    "berget", "åsen", "toppen", "enga",
]
_TWO_WORD = ["gate", "gata", "gaten", "gt.", "vei", "veg", "veien", "vegen", "allé", "alle",
             "plass", "torg"]
_LOWER_SUFFIXES = ["gata", "gate", "gaten", "veien", "vegen", "vei", "veg"]
# street names that are the suffix alone ("Torget 2"); Bakken, Haugen, Lia … are also surnames
_STANDALONE = ["Torget", "Torvet", "Plassen", "Tunet", "Kaia", "Kaien", "Brygga", "Bryggen",
               "Stredet", "Smuget", "Svingen", "Kroken", "Brinken", "Stien"]
_MODIFIERS = ["Øvre", "Nedre", "Søndre", "Nordre", "Vestre", "Østre", "Store", "Lille", "Gamle",
              "Nye", "Indre", "Ytre", "St.", "Sankt"]
_UNITS = {
    "år", "åra", "åring", "åringen", "kr", "kroner", "kronar", "nok", "prosent", "ganger",
    "gonger", "gang", "timer", "timar", "time", "min", "minutter", "minutt", "sekunder",
    "dager", "dagar", "døgn", "uker", "veker", "uke", "veke", "måneder", "månader", "mnd",
    "km", "m", "meter", "kilometer", "kg", "kilo", "cm", "mm", "barn", "born", "elever",
    "elevar", "personer", "stk", "stykker", "sider", "plasser", "deltakere", "deltakarar",
    "familier", "poeng", "prosentpoeng", "klasse", "klassetrinn", "trinn", "etasje", "etg",
}
_NOT_STREET = {
    "julia", "amalia", "cecilia", "natalia", "nathalia", "emilia", "ophelia", "aurelia",
    "thalia", "italia", "australia", "dahlia", "kornelia", "cornelia", "rosalia", "delia",
    "celia", "lia",
}
_SKIP_LEADING = {
    "i", "på", "pa", "til", "fra", "frå", "ved", "hos", "mot", "om", "og", "eller", "men", "da",
    "då", "nå", "no", "så", "han", "hun", "ho", "vi", "me", "de", "dei", "det", "den", "jeg",
    "eg", "du", "bor", "bodde", "budde", "adresse", "adressen", "adressa", "postadresse",
    "besøksadresse", "nærmere", "nærmare", "nær", "rundt", "langs", "etter", "før", "under",
    "over", "mellom", "utenfor", "utanfor", "inn", "opp", "ned",
}
_YEAR_CUES = {
    "i", "fra", "frå", "til", "siden", "sidan", "før", "etter", "innen", "innan", "mellom", "og",
    "høsten", "hausten", "våren", "vinteren", "sommeren", "sommaren", "julen", "jula", "påsken",
    "påska", "år", "året", "januar", "februar", "mars", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "desember", "ca", "rundt", "omkring", "per",
    "pr",
}
_NUMBER_CUES = {
    "kr", "nok", "beløp", "beløpet", "kapittel", "kap", "side", "s", "nr", "nummer", "punkt",
    "pkt", "paragraf", "sak", "saksnr", "ref", "versjon", "rom", "tabell", "figur", "vedlegg",
}
# fmt: on

_DEFS = {
    "SUFFIX": alternation(_SUFFIXES),
    "SUFFIX_UPPER": alternation(w.upper() for w in _SUFFIXES),
    "TWO_WORD": alternation([*_TWO_WORD, *(w.capitalize() for w in _TWO_WORD)]),
    "LOWER_SUFFIX": alternation(_LOWER_SUFFIXES),
    "MODIFIER": alternation(_MODIFIERS),
    "STANDALONE": alternation(_STANDALONE),
    "NUMBER": r"""
        (?P<number>
          [0-9]{1,4} (?: [a-zA-Z](?![\p{L}\p{N}]) | ${SP}[A-HJ-Z](?![\p{L}\p{N}]) )?  # 12B, 7 A
          (?: ${SP}?[-–]${SP}?[0-9]{1,4}[a-zA-Z]? )?                                # 4–6
          (?: ,?${SP}?H[0-9]{4} )?                                                 # H0201
        )
        (?![\p{N}])(?!\.[\p{N}])(?!,(?![0-9]{4}${SP}+\p{L})[\p{N}])  # not 12,5; ok 14,2640 x
    """,
    "POSTCODE": r"""
        (?P<prefix>N-|NO-|N${SP})? (?P<code>[0-9]{4}) ${SP}+
        (?P<place> Mo${SP}i${SP}Rana | \p{Lu}\p{L}+ (?:-\p{Lu}\p{L}+)?
                   (?: ${SP}i${SP}\p{Lu}\p{L}+ )? )   # "6843 Skei i Jølster"
    """,
    # after a street and number the place may be typed in lower case, the comma without a space
    # ("bjørgevegen 14,2640 vinstra")
    "POSTAL": r"""(?P<postal> (?: ,?${SP}+ | , )
        (?P<prefix>N-|NO-|N${SP})? (?P<code>[0-9]{4}) ${SP}+
        (?P<place> Mo${SP}i${SP}Rana
                   | \p{Lu}\p{L}+ (?:-\p{Lu}\p{L}+)? (?: ${SP}i${SP}\p{Lu}\p{L}+ )?
                   | \p{Ll}{3,} (?:-\p{Ll}+)? )
        (?![\p{L}\p{N}]) )?""",
}

_STREET_ONE = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?P<street> (?:(?:${MODIFIER})${SP}+)?
                (?: \p{Lu}[\p{Ll}\p{Lu}'’-]*?(?:${SUFFIX})
                  | \p{Lu}[\p{Lu}-]*?(?:${SUFFIX_UPPER})
                  | ${STANDALONE} ) )
    ${SP}* ${NUMBER} ${POSTAL}
    """,
    **_DEFS,
)
_STREET_NAMED = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?P<street> (?P<name>(?: \p{Lu}[\p{L}'’.-]* ${SP}+ ){1,4}) (?:${TWO_WORD}) )
    ${SP}* ${NUMBER} ${POSTAL}
    """,
    **_DEFS,
)
_STREET_LOWER = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?P<street> \p{Ll}{3,}(?:${LOWER_SUFFIX}) )
    ${SP}+ ${NUMBER} ${POSTAL}
    """,
    **_DEFS,
)
# any capitalised name + number, confirmed by a postcode after it ("Lille Grensen 5, 0159 Oslo");
# with the postcode on the next line (or after ">", "|", "/") only the street part is this span
_STREET_BEFORE_POSTCODE = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?P<street> \p{Lu}[\p{L}'’.-]* (?: ${SP}+ \p{Lu}[\p{L}'’.-]* ){0,2} )
    ${SP}+ ${NUMBER}
    (?: (?P<sameline> ,?${SP}+ ) | ,?${SP}* \n [\ \t>*•-]* | ${SP}* [>|/–] ${SP}* )
    ${POSTCODE} (?![\p{L}\p{N}])
    """,
    **_DEFS,
)
_POSTCODE_ALONE = compile_pattern(r"(?<![\p{L}\p{N}.,/§-]) ${POSTCODE} (?![\p{L}\p{N}])", **_DEFS)
# every match but one crossing lines has a digit on its one line (see NbPatternRecognizer)
_DIGIT = compile_pattern(r"[0-9]")
_ORDINAL = compile_pattern(r"\.${SP}*\p{Ll}")
_PERCENT = compile_pattern(r"${SP}?%")
_ADDRESS_CUE = compile_pattern(r"adress|^bor$|^bodde$|^budde$|^flytt|^post")
_WORD = compile_pattern(r"\S+")


def _unit_follows(text: str, end: int) -> bool:
    """The number is a count or an ordinal: "3 år", "2 ganger", "12 km", "2. klasse", "40 %"."""
    if _ORDINAL.match(text, end) or _PERCENT.match(text, end):
        return True
    after = words_after(text, end, 1)
    return bool(after) and after[0] in _UNITS


def _trim_leading_words(text: str, start: int, name_end: int) -> int | None:
    """Start of the street name after dropping capitalised function words ("I", "Hun")."""
    for word in _WORD.finditer(text, start, name_end):
        if word.group().lower().rstrip(":,") not in _SKIP_LEADING:
            return word.start()
    return None


class AddressRecognizer(NbPatternRecognizer):
    """Street addresses with a house number, and postcode + place."""

    ENTITY = "ADDRESS"
    NAME = "address"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "street": _STREET_ONE,
        "street_named": _STREET_NAMED,
        "street_lower": _STREET_LOWER,
        "street_postcode": _STREET_BEFORE_POSTCODE,
        "postcode": _POSTCODE_ALONE,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "street": _DIGIT,
        "street_named": _DIGIT,
        "street_lower": _DIGIT,
        "postcode": _DIGIT,
    }
    LINE_BOUND = frozenset(PREFILTERS)

    def find(self, text: str) -> Iterator[Candidate]:
        for name, base in (
            ("street", self.score),
            ("street_named", self.score),
            ("street_lower", self.score - 0.3),
        ):
            for match in self.iter_matches(name, text):
                start = match.start()
                if name == "street_named":
                    trimmed = _trim_leading_words(text, start, match.end("name"))
                    if trimmed is None:
                        continue
                    start = trimmed
                street = match.group("street").split()[-1].lower()
                if street in _NOT_STREET:
                    continue
                if match.group("postal"):
                    yield Candidate(start, match.end(), clip(base + 0.1), name + "+postcode")
                    continue
                end = match.end("number")
                if _unit_follows(text, end):
                    continue
                yield Candidate(start, end, clip(base), name)
        for match in self.iter_matches("street_postcode", text):
            start = _trim_leading_words(text, match.start(), match.end("street"))
            if start is None:
                continue
            end = match.end() if match.group("sameline") is not None else match.end("number")
            yield Candidate(start, end, clip(self.score), "street_postcode")
        for match in self.iter_matches("postcode", text):
            score = self._postcode_score(text, match)
            if score is not None:
                yield Candidate(match.start(), match.end(), score, "postcode")

    def _postcode_score(self, text: str, match: regex.Match[str]) -> float | None:
        before = words_before(text, match.start(), 2)
        if before and before[-1] in _NUMBER_CUES:
            return None
        if match.group("place").lower() in _SKIP_LEADING:
            return None
        year_like = not match.group("prefix") and 1900 <= int(match.group("code")) <= 2039
        if year_like:
            if before and (before[-1] in _YEAR_CUES or before[-1].isdigit()):
                return None  # "høsten 2019 Kari", "2007 - 2014 Målgruppe"
            if not any(_ADDRESS_CUE.search(word) for word in words_before(text, match.start(), 4)):
                return 0.4
        return clip(self.score - 0.2)
