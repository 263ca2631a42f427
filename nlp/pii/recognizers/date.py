"""DATE: calendar dates in Norwegian text (bokmål and nynorsk); the span is the date expression.

Accepted:

* day + month name, optionally year (two digits only after an abbreviated month: "1. aug 23")
  or "i fjor"/"i fjol"/"i forfjor"/"i år", optionally after a
  weekday: "3. mars", "3 mars 2021", "14. oktober i fjor" (from "den 14. oktober i fjor": "den"
  is not part of the span), "mandag 3. mars", "måndag den 3. mars", "3. jan.", "12. sept. '09";
  month names are the same in bokmål and nynorsk, abbreviations jan/feb/febr/mar/apr/jun/jul/
  aug/sep/sept/okt/nov/des, weekdays include tysdag/måndag/laurdag/sundag;
* numeric with year: "12.05.2009", "12.5.09", "12/5-09", "12/5/2009", "12/5 2009",
  "12-05-2009", "2009-05-12" (a preceding "født" is not part of the span);
* numeric without year ("12/5", "12.5.") only right after a date word: den, d., født, fødd,
  dato, datert, innlagt, utskrevet, døde, døydde, fra, til, siden, etter, før, innen, a weekday.

Scores: with a year (or "i fjor") the config score; day + month name only config − 0.1;
presidio's context enhancer raises scores near født, innlagt, skrevet ut, døde …

* a day and month with one dot ("5.1") in a range of them ("fra 5.1 til 20.2") or before
  "i fjor"/"i år"; a numeric date without a year before "i fjor" or after a strong date word
  ("akuttplassert 3/10 i fjor");
* a holiday season with a year or "i fjor" ("i påska i fjor", "jula 2022"); a week number after
  i/fra/siden when a verb of an event in a life comes within eight words before it ("ble
  skrevet ut i uke 12"); "dagen etter", "natt til" … before a date are part of its span
  ("dagen etter 17. mai 2023");
* a month and year after i/fra/siden when a verb of an event in a life (kom, flyttet, innlagt,
  født, plassert …) comes within eight words before it ("kom frå Eritrea saman med mora i
  august 2017");
* since pii 1.8.0: a named holiday with a year or "i fjor" ("2. juledag 2022", "St. Hans i
  fjor", "skjærtorsdag i fjor"), a school year ("skoleåret 2019/20"), a week with "i fjor" ("i
  veke 38 i fjor"), a day of a month told as an ordinal ("den 12. i tredje i fjor"), a US date
  with a four-digit year ("4/27/2012", when the other order is no date), six digits that make a
  date ("samværet 241224", config − 0.2, not after an account or organisation word), a year of
  birth ("(f. 2009)", "født -52"), a day and month with one dot after a weekday or strong date
  word ("fredag 13.12").
* since pii 1.10.0: a year, with a season or month, opening a line of a timeline before a colon
  ("- 2016: første bekymringsmelding", "- august 2017: begynner i barnehagen") (config − 0.1).
* since pii 1.11.0: a range of days before a date is part of it ("3.–6. juni"); a year of birth
  keeps its word ("født 1938").
* since pii 1.12.0: a weekday before a numeric date ("mandag 18/3"), "14. til 28. oktober", a
  birthday without a year ("fylte år 12.01").

Not flagged: impossible dates ("31. april", "12.13.2009"), a month alone ("i mars"), a month and
year without an event in a life before it ("mars 2021"), years and periods ("i 2019", "2019–2021"),
clock times ("kl. 14.30", "14:30"), ordinals that are not dates ("3. klasse", "2. trinn"), "24/7",
fractions ("2/3 av barna"), section numbers after "punkt", "kapittel", "versjon", "§", a chat
export's time stamps ("[14.03.24, 21:04] Tone: …") and a date before a clock time with seconds
("14.3.2024, 17:56:03" in an attendance list). The public
holidays 1. mai, 17. mai, 24.–26. and 31. desember and 1. januar without a year, and the named
holidays ("2. juledag", "første påskedag", "julaften"), are skipped unless a strong date word
(født, innlagt, døde, skjedde, plassert, lagt inn …) comes right before them; "lille julaften i
fjor" is anchored.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from itertools import chain
from typing import ClassVar

import regex

from nlp.pii.recognizers.fnr import account_context
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
MONTHS = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
}
WEEKDAYS = ["mandag", "måndag", "tirsdag", "tysdag", "onsdag", "torsdag", "fredag", "lørdag",
            "laurdag", "søndag", "sundag"]
# a numeric date without a year counts only right after one of these
_DATE_WORDS = {"den", "d", "født", "fødd", "dato", "datert", "innlagt", "lagt", "utskrevet",
               "utskriven", "døde", "døydde", "fra", "frå", "til", "siden", "sidan", "etter",
               "før", "innen", "innan", "sist", *WEEKDAYS,
               "man", "tir", "tirs", "ons", "tor", "tors", "fre", "lør", "søn"}  # "fre 3/2"
# a public holiday without a year counts only after one of these
_STRONG_WORDS = {"født", "fødd", "innlagt", "utskrevet", "utskriven", "skrevet", "skriven",
                 "døde", "døydde", "dato", "datert", "hendte", "hende", "skjedde", "ble", "vart",
                 "skadet", "skadd", "operert", "fødselsdag", "fødselsdagen", "bursdag",
                 "bursdagen", "siden", "sidan", "plassert", "akuttplassert", "flyttet",
                 "flytta", "hentet", "henta", "arrestert", "forsvant", "forsvann", "kom",
                 "inn", "lagt", "lagd", "natt", "sist",
                 # hospital minutes: "Innl. 3/1, utskr. 5/1", "overført Fjellro 24/1"
                 "innl", "utskr", "overført", "overflyttet", "overflytta", "innlegging",
                 "innleggelse", "innleggelsen", "utskriving", "utskrivning", "utskrivinga"}
_NOT_DATE_BEFORE = {"punkt", "pkt", "kapittel", "kap", "versjon", "v", "avsnitt", "tabell",
                    "figur", "vedlegg", "paragraf", "ledd", "kl", "klokka", "klokken", "side",
                    "s", "nr", "sak", "saksnr", "ref"}
# fmt: on
FULL = set(list(MONTHS)[:12])  # full month names; the rest are abbreviations
HOLIDAYS = {(1, 5), (17, 5), (24, 12), (25, 12), (26, 12), (31, 12), (1, 1)}

_DEFS = {"MONTH": alternation(MONTHS), "WEEKDAY": alternation(WEEKDAYS)}
# a year (with a season or month) opening a line of a timeline of someone's life, before a
# colon ("- 2016: første bekymringsmelding", "- august 2017: begynner i barnehagen")
_TIMELINE = compile_pattern(
    r"""
    (?<= (?:^|\n) [\ \t]* (?: [-–•*▪] [\ \t]* )? )
    (?: (?: våren | høsten | hausten | vinteren | sommeren | sommaren | ${MONTH} ) ${SP}+ )?
    (?:19|20)[0-9]{2} (?= [\ \t]* : )
    """,
    ignore_case=True,
    **_DEFS,
)
_TEXTUAL = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,/-])
    (?: (?P<weekday>${WEEKDAY}) (?:${SP}+(?:den|d\.))? ,? ${SP}+ )?
    (?P<day>[0-9]{1,2}) \.? ${SP}* (?P<month>${MONTH}) (?![\p{L}]) (?P<dot>\.)?
    (?: ${SP}+ (?P<year>(?:19|20)[0-9]{2}|'[0-9]{2}) (?![\p{N}])
      | ${SP}+ (?P<year2>[0-9]{2}) (?![\p{N}.,:/]) (?!${SP}*(?:%|\p{L}))
      | ${SP}+ (?P<rel>i${SP}+(?:fjor|fjol|forfjor|år)) (?![\p{L}]) )?
    """,
    ignore_case=True,
    **_DEFS,
)
# what every textual date contains (see NbPatternRecognizer.PREFILTERS)
_DAY_MONTH = compile_pattern(
    r"[0-9]{1,2} \.? ${SP}* (?:${MONTH}) (?![\p{L}])", ignore_case=True, **_DEFS
)
# a named holiday with its day: "2. juledag", "1. påskedag", "andre pinsedag"; the ordinal and
# the day's name may be split by a PDF's line wrap ("andre\njuledag 2023": "holiday_wrapped")
_HOLIDAY_SOURCE = r"""
    (?<![\p{L}\p{N}.,/-])
    (?: [1-4] \. ${SP}* | (?:første|fyrste|andre|tredje)${SEP} ) (?:jule|påske|pinse|nyttårs)dag
    (?![\p{L}-])
    (?: ${SP}+ (?P<year>(?:19|20)[0-9]{2}) (?![\p{N}])
      | ${SP}+ (?P<rel>i${SP}+(?:fjor|fjol|forfjor)|sam(?:m)?e${SP}+år) (?![\p{L}]) )?
    """
_HOLIDAY = compile_pattern(_HOLIDAY_SOURCE, ignore_case=True, SEP="${SP}+")
_WRAPPED_HOLIDAY = compile_pattern(_HOLIDAY_SOURCE, ignore_case=True, SEP=r"${SP}*\n${SP}*")
# a holiday season with a year or "i fjor" after it: "i påska i fjor", "jula 2022"
_SEASON = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,/-])
    (?: i ${SP}+ )?
    (?: (?: påska | påsken | påske | jula | julen | pinsa | pinsen | vinterferien | høstferien
          | st\.${SP}?hans | sankthans | sankthansaften | jonsok | skjærtorsdag | langfredag
          | haustferien | sommarferien | sommerferien | romjula | romjulen )
        ${SP}+ (?: (?:19|20)[0-9]{2} (?![\p{N}]) | i${SP}+(?:fjor|fjol|forfjor) (?![\p{L}]) )
      | (?: våren | høsten | hausten | vinteren | sommeren | sommaren ) ${SP}+
        (?: (?:19|20)[0-9]{2} (?![\p{N}]) | -[0-9]{2} (?![\p{N}]) )
      | (?: skole | skule | barnehage )året ${SP}+ (?:19|20)?[0-9]{2} [/–-] (?:(?:19|20)?[0-9]{2})
        (?![\p{N}]) )
    """,
    ignore_case=True,
)
# "i uke 12" when an event in someone's life comes before it ("ble skrevet ut i uke 12")
_WEEK = compile_pattern(
    # also a timeline table's cell ("| uke 38 | Frivillig innlagt |")
    r"(?<![\p{L}\p{N}]) (?:(?:i|fra|frå|siden|sidan) ${SP}+ | \| ${SP}* )"
    r" (?P<date> (?:uke|veke) ${SP}* [0-9]{1,2}"
    r" (?P<rel> ${SP}+ i ${SP}+ (?:fjor|fjol|forfjor) (?![\p{L}]) )? ) (?![\p{N}])",
    ignore_case=True,
)
# a month with a short year, as a timeline writes it ("mars -23: utskrevet"), and a birthday
# ("på 17-årsdagen hans")
_MONTH_SHORT_YEAR = compile_pattern(
    r"""
    (?<![\p{L}\p{N}]) (?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|
       november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des) \.? ${SP}*
    [-–'’] [0-9]{2} (?![\p{N}])
    """,
    ignore_case=True,
)
_BIRTHDAY = compile_pattern(
    r"(?<![\p{L}\p{N}]) [0-9]{1,3} ${DASH} årsdag(?:en|a)? ${SP}+ (?:hans|hennes|hennar|sin|min|mi)"
    r" (?![\p{L}])",
    ignore_case=True,
)
# what a date's day is told with: "dagen etter 17. mai 2023", "natt til 2. juledag"
_LEAD = compile_pattern(
    r"(?<![\p{L}]) (?:dagen|dagane|dagene|natt|natta|natten|kvelden|morgonen|morgenen)"
    r" ${SP}+ (?:etter|før|til) ${SP}+ $",
    ignore_case=True,
)


def _birthday(before: list[str]) -> bool:
    """ "Datteren fylte år 12.01", "fyller år 3/5": the date is a birthday."""
    return len(before) >= 2 and before[-1] == "år" and before[-2] in {"fylte", "fyller", "fylde"}


# the first day of a range or pair of days before a date ("3.–6. juni", "14. til 28. oktober",
# "14. og 15. mars")
_DAY_BEFORE_RANGE = compile_pattern(
    r"(?<![\p{N}.,/]) [0-9]{1,2} \.? ${SP}? (?: [–-] | til | og ) ${SP}? $", ignore_case=True
)
# a weekday before a numeric date ("mandag 18/3", "tirsdag 23.4.") is part of it
_WEEKDAY_BEFORE = compile_pattern(
    r"(?<![\p{L}]) (?:${WEEKDAY}) ${SP}+ $", ignore_case=True, **_DEFS
)
# a holiday's eve, with "i fjor" or a year after it anchoring it: "lille julaften i fjor"
_EVE = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,/-])
    (?: lille ${SP}+ )? (?:jul|jol|nyttårs|nyårs|påske)aft(?:[ae]n|a) (?![\p{L}-])
    (?: ${SP}+ (?P<year>(?:19|20)[0-9]{2}) (?![\p{N}])
      | ${SP}+ (?P<rel>i${SP}+(?:fjor|fjol|forfjor)) (?![\p{L}]) )?
    """,
    ignore_case=True,
)
_DOTTED = compile_pattern(
    r"""
    (?<![\p{N}\p{L}/-])(?<![\p{N}][.,:])
    (?P<day>[0-9]{1,2}) \. (?P<month>[0-9]{1,2}) \. (?P<year>[0-9]{4}|[0-9]{2})?
    (?![\p{N}])(?![.,:/][\p{N}])
    """
)
_SLASHED = compile_pattern(
    r"""
    (?<![\p{N}\p{L}/.,-])
    (?P<day>[0-9]{1,2}) / (?P<month>[0-9]{1,2})
    (?: (?:[-/]|${SP}) (?P<year>[0-9]{4}|[0-9]{2}) )?
    (?![\p{N}])(?![/.,][\p{N}])
    """
)
_DASHED = compile_pattern(
    r"""
    (?<![\p{N}\p{L}/.,-])
    (?: (?P<year>(?:19|20)[0-9]{2}) - (?P<month>[0-9]{1,2}) - (?P<day>[0-9]{1,2})
      | (?P<day>[0-9]{1,2}) - (?P<month>[0-9]{1,2}) - (?P<year>[0-9]{4}|[0-9]{2}) )
    (?![\p{N}])(?![-/.,][\p{N}])
    """
)

_DIGIT_DASH_DIGIT = compile_pattern(r"[0-9]-[0-9]")  # in every dashed date
# "fra 5.1 til 20.2": a day and month with one dot, only in a range of them or before "i fjor"
_DOTTED_SHORT = compile_pattern(
    r"""
    (?<![\p{N}\p{L}/.,-])
    (?P<day>[0-9]{1,2}) \. (?P<month>[0-9]{1,2})
    (?![\p{N}])(?![.,:/][\p{N}])(?!\.(?:${SP}|$))
    """
)
_SHORT_RANGE_AFTER = compile_pattern(
    r"${SP}+ (?:til|–|-) ${SP}+ [0-9]{1,2} \. [0-9]{1,2} (?![\p{N}])", ignore_case=True
)
_SHORT_RANGE_BEFORE = compile_pattern(
    r"(?:fra|frå) ${SP}+ [0-9]{1,2} \. [0-9]{1,2} ${SP}+ (?:til|–|-) ${SP}+ $", ignore_case=True
)
# "i fjor", "i år" after a day and month anchors it in someone's story
_RELATIVE_YEAR = compile_pattern(
    r"${SP}+ (?: i ${SP}+ (?:fjor|fjol|forfjor|år) | neste ${SP}+ år ) (?![\p{L}])"
)
# "kom frå Eritrea i august 2017": a month and year, when an event in someone's life is told
_MONTH_NAME = (
    r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des)\.)"
)
_MONTH_YEAR = compile_pattern(
    r"""
    (?<![\p{L}\p{N}]) (?:i|fra|frå|siden|sidan|innen|til) ${SP}+
    (?P<date> ${MONTH_NAME} ${SP}+ (?:19|20)[0-9]{2} ) (?![\p{N}])
    """,
    ignore_case=True,
    MONTH_NAME=_MONTH_NAME,
)
# "etter fødselen i februar i fjor": the year told relatively (its own pattern, so that each
# keeps a prefilter that starts with a literal)
_MONTH_LAST_YEAR = compile_pattern(
    r"""
    (?<![\p{L}\p{N}]) (?:i|fra|frå|siden|sidan|innen|til) ${SP}+
    (?P<date> ${MONTH_NAME} ${SP}+ i ${SP}+ (?:fjor|fjol|forfjor) ) (?![\p{L}])
    """,
    ignore_case=True,
    MONTH_NAME=_MONTH_NAME,
)
_OPENS_SENTENCE = regex.compile(r"(?:^|[.!?]\s+|\n[ \t]*)$")
_VISITS = {"samvær", "samværet", "samvere", "samveret", "akuttplasseringen", "plasseringen",
           "besøk"}  # fmt: skip
# "tredje juledag fant de ham på Bystranda": what happened, told after the day
_FOUND_AFTER = {"fant", "fann", "funnet", "ble", "vart", "blei", "døde", "døydde", "forsvant"}
_FILLS = {"fyller", "fylte", "fyllte", "fylle", "fyll"}
# who a "siden mars 2021" is about
_PEOPLE = {"jeg", "eg", "vi", "me", "han", "hun", "ho", "de", "dei", "familien", "gutten",
           "jenta", "sønnen", "datteren", "dottera", "mor", "far", "moren", "faren"}  # fmt: skip
# a numeric date opening a sentence, then what happened ("9/2 ble han funnet bevisstløs")
_EVENT_AFTER = {"ble", "blei", "vart", "kom", "døde", "døydde", "flyttet", "flytta", "fikk",
                "fekk"}  # fmt: skip
_LIFE_EVENTS = {
    "fosterhjem",
    "fh",  # "FH for Sol … siden aug. 2020"
    "permisjon",
    "kom",
    "flyttet",
    "flytta",
    "flytte",
    "innlagt",
    "født",
    "fødd",
    "døde",
    "døydde",
    "plassert",
    "akuttplassert",
    "flyktet",
    "flykta",
    "rømte",
    "forsvant",
    "forsvann",
    "arrestert",
    "utskrevet",
    "utskriven",
    "skilte",
    "diagnosen",
    "bodde",
    "budde",
    "skrevet",
    "skreve",
    "innlagd",
    "hentet",
    "henta",
    "utskrivningen",  # "før utskrivningen i oktober 2023"
    "utskrivinga",
    "innleggelsen",
    "innlegginga",
    "overdosen",
    "flyttingen",
    "flyttinga",
    "fødselen",  # "etter fødselen i februar i fjor"
    "fødsla",
}
# a day written as an ordinal word ("tredje mai to tusen og tjueto", "natt til niende februar")
_ORDINAL_DAYS = [
    "første",
    "fyrste",
    "andre",
    "tredje",
    "fjerde",
    "femte",
    "sjette",
    "sjuande",
    "sjuende",
    "syvende",
    "åttende",
    "åttande",
    "niende",
    "niande",
    "tiende",
    "tiande",
    "ellevte",
    "tolvte",
    "trettende",
    "trettande",
    "fjortende",
    "fjortande",
    "femtende",
    "femtande",
    "sekstende",
    "sekstande",
    "syttende",
    "syttande",
    "attende",
    "attande",
    "nittende",
    "nittande",
    "tjuende",
    "tjuande",
    "tjueførste",
    "tjuefyrste",
    "tjueandre",
    "tjuetredje",
    "tjuefjerde",
    "tjuefemte",
    "tjuesjette",
    "tjuesjuende",
    "tjuesjuande",
    "tjueåttende",
    "tjueåttande",
    "tjueniende",
    "tjueniande",
    "trettiende",
    "trettiande",
    "trettiførste",
    "trettifyrste",
]
ORDINAL_DAY_WORDS = frozenset(_ORDINAL_DAYS)
_ORDINAL_DATE = compile_pattern(
    r"""
    (?<![\p{L}\p{N}]) (?:${ORDINAL}) ${SP}+
    (?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)
    (?![\p{L}-])
    (?: ${SP}+ (?:(?:19|20)[0-9]{2} | i${SP}+(?:fjor|fjol|år)) (?![\p{L}\p{N}])
      | ${SP}+ to${SP}+tusen (?:${SP}+og)? ${SP}+ [\p{L}]+ )?
    """,
    ignore_case=True,
    ORDINAL=alternation(_ORDINAL_DAYS),
)
# a year of birth ("fødd i 2011", "født i 2009", "(f. 2009)", "født -52")
_BIRTH_YEAR = compile_pattern(
    r"(?<![\p{L}]) (?:født|fødd|f\.) ${SP}* (?:i ${SP}+)?"
    r" (?P<date>(?:19|20)[0-9]{2} | [-–'’][0-9]{2}) (?![\p{N}])",
    ignore_case=True,
)
# a day of a month told by its number as an ordinal, as said in dialect ("den 12. i tredje i fjor")
# or dictated with the day as a word too ("fjortande i femte to tusen og tjueto"): found at the
# month ("i tredje"), the day read back from there (an alternation of ordinal words tried at
# every word would cost more than the rest of the recognizer)
_NTH_MONTH = compile_pattern(
    r"""
    (?<=[\p{L}\p{N}.]) ${SP}+ i ${SP}+
    (?P<month> første|fyrste|andre|tredje|fjerde|femte|sjette|sjuende|sjuande|syvende|åttende
      |åttande|niende|niande|tiende|tiande|ellevte|tolvte ) (?![\p{L}])
    (?: ${SP}+ (?:(?:19|20)[0-9]{2} | i${SP}+(?:fjor|fjol|år)) (?![\p{L}\p{N}])
      | ${SP}+ to${SP}+tusen (?:${SP}+og)? ${SP}+ [\p{L}]+ )?
    """,
    ignore_case=True,
)
_DAY_BEFORE = compile_pattern(
    r"(?<![\p{L}\p{N}.,/-]) (?: (?P<day>[0-9]{1,2}) \. | (?P<dayword>\p{L}{4,15}) ) $"
)
# what an ordinal after "i" counts when it is no month: "de første i tredje klasse"
_NOT_NTH_MONTH_AFTER = {"klasse", "klassa", "trinn", "etasje", "etg", "time", "timen",
                        "runde", "kvartal", "omgang", "uke", "veke", "gang", "rekke", "år",
                        "året"}  # fmt: skip
_ORDINAL_UNITS = {
    "første": 1, "fyrste": 1, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "sjuende": 7, "sjuande": 7, "syvende": 7, "åttende": 8, "åttande": 8, "niende": 9,
    "niande": 9, "tiende": 10, "tiande": 10, "ellevte": 11, "tolvte": 12, "trettende": 13,
    "trettande": 13, "fjortende": 14, "fjortande": 14, "femtende": 15, "femtande": 15,
    "sekstende": 16, "sekstande": 16, "syttende": 17, "syttande": 17, "attende": 18,
    "attande": 18, "nittende": 19, "nittande": 19, "tjuende": 20, "tjuande": 20,
    "trettiende": 30, "trettiande": 30,
}  # fmt: skip


def _ordinal_day(word: str) -> int:
    """The number an ordinal day word counts: "fjortande" 14, "tjuefyrste" 21."""
    word = word.lower()
    for tens, value in (("tretti", 30), ("tjue", 20)):
        if word.startswith(tens) and word not in _ORDINAL_UNITS:
            return value + _ORDINAL_UNITS[word[len(tens) :]]
    return _ORDINAL_UNITS[word]


_NTH_MONTH_NUMBER = {
    "første": 1, "fyrste": 1, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "sjuende": 7, "sjuande": 7, "syvende": 7, "åttende": 8, "åttande": 8, "niende": 9,
    "niande": 9, "tiende": 10, "tiande": 10, "ellevte": 11, "tolvte": 12,
}  # fmt: skip
# six digits that make a date DDMMYY ("samværet 241224"), as case systems print them
_COMPACT = compile_pattern(
    r"(?<![\p{N}\p{L}/.,:-]) (?P<day>[0-3][0-9]) (?P<month>[01][0-9]) (?P<year>[0-9]{2})"
    r" (?![\p{N}\p{L}])(?![.,/:-][\p{N}])(?!${SP}[0-9])"
)
# a chat export's time stamp: a date opening a line, then the clock ("[14.03.24, 21:04] Tone:",
# "14.03.2024, 21:04 - Tone:")
_MACHINE_STAMP = compile_pattern(r",? ${SP}? [0-9]{1,2} : [0-9]{2} : [0-9]{2} (?![0-9])")
_CHAT_STAMP = compile_pattern(
    r",? ${SP}? [0-9]{1,2} [:.] [0-9]{2} (?: : [0-9]{2} )? (?: \] | ${SP}[-–]${SP} )"
)
_LINE_START = compile_pattern(r"(?:^|\n) [ \t]* \[? $")
_UNITS_AFTER = {"prosent", "millioner", "mill", "kilo", "kg", "timer", "timar", "poeng", "kr"}


# "Innl. Brattli 3/1", "Innlagt Tyrifjord beh.senter 3/11": the name may have a word after it
_EVENT_AT_A_NAME = regex.compile(r"(\w+)\.?[ \t]+\p{Lu}\w+(?:[ \t]+\p{Ll}[\w.]+)?[ \t]*$")


def _event_at_a_name(text: str, start: int) -> bool:
    """An event word before the ward's or place's name before ``start`` ("Innl. Brattli 3/1",
    "overført Fjellro 24/1"); ``words_before`` stops at "Innl." before a capital."""
    found = _EVENT_AT_A_NAME.search(text, max(0, start - 60), start)
    return found is not None and found.group(1).lower() in _STRONG_WORDS


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    probe = year if year is not None and 1 <= year <= 9999 else 2000  # leap unless told
    return day <= calendar.monthrange(probe, month)[1]


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    if len(digits) == 2:
        value = int(digits)
        return 2000 + value if value <= 39 else 1900 + value
    return int(digits)


class DateRecognizer(NbPatternRecognizer):
    """Calendar dates: day + month name, numeric dates, ISO dates."""

    ENTITY = "DATE"
    NAME = "date"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "textual": _TEXTUAL,
        "holiday": _HOLIDAY,
        "holiday_wrapped": _WRAPPED_HOLIDAY,
        "eve": _EVE,
        "dotted": _DOTTED,
        "slashed": _SLASHED,
        "dashed": _DASHED,
        "dotted_short": _DOTTED_SHORT,
        "month_year": _MONTH_YEAR,
        "month_last_year": _MONTH_LAST_YEAR,
        "ordinal_date": _ORDINAL_DATE,
        "birth_year": _BIRTH_YEAR,
        "season": _SEASON,
        "week": _WEEK,
        "month_short_year": _MONTH_SHORT_YEAR,
        "birthday": _BIRTHDAY,
        "day_of_nth_month": _NTH_MONTH,
        "compact": _COMPACT,
        "timeline": _TIMELINE,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "textual": _DAY_MONTH,
        "holiday": compile_pattern(r"[dD][aA][gG]"),  # no other letter folds to d, a, g
        "holiday_wrapped": compile_pattern(r"\n[\ \t]*(?:[Jj]ule|[Pp]åske|[Pp]inse|[Nn]yttårs)dag"),
        "eve": compile_pattern(r"[aA][fF][tT](?:[eEaA][nN]|[aA])"),  # "julaftan", "jolafta"
        "dashed": _DIGIT_DASH_DIGIT,
        "month_year": compile_pattern(r"(?:19|20)[0-9]{2}"),
        "month_last_year": compile_pattern(r"i${SP}+f(?:or)?[jJ][oO][rRlL]"),
        "ordinal_date": compile_pattern(
            r"[dtrj]e [\ \u00a0\u202f]+ (?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)",
            ignore_case=True,
        ),
        "birth_year": compile_pattern(r"[fF] (?:[øØ] [dD] | \.)"),
        # a season's or holiday's word on the line, and a year or "i fjor" after it
        "season": compile_pattern(
            r"(?:påsk|jul|pins|ferie|våren|høsten|hausten|vinteren|sommeren|sommaren|året|hans"
            r"|jonsok|skjærtorsdag|langfredag) [^\n]{0,40}? (?:[0-9]{2}|fjor|fjol)",
            ignore_case=True,
        ),
        "week": compile_pattern(r"(?:uke|veke) ${SP}* [0-9]", ignore_case=True),
        "month_short_year": compile_pattern(r"[-–'’][0-9]{2}"),
        "birthday": compile_pattern(r"årsdag", ignore_case=True),
        # "i" and a month's ordinal (a literal first: the scan stays fast)
        "day_of_nth_month": compile_pattern(
            r"i[\ \u00a0](?:første|fyrste|andre|tredje|fjerde|femte|sjette|sju|syv|ått|nie|nia"
            r"|tie|tia|ellevte|tolvte)"
        ),
        "compact": compile_pattern(r"[0-9]{6}"),
        "timeline": compile_pattern(r"(?:19|20)[0-9]{2}[\ \t]*:"),
    }
    LINE_BOUND = frozenset(
        {
            "textual",
            "dashed",
            "holiday",
            "eve",
            "month_year",
            "month_last_year",
            "ordinal_date",
            "birth_year",
            "season",
            "week",
            "month_short_year",
            "birthday",
            "day_of_nth_month",
            "timeline",
        }
    )

    def find(self, text: str) -> Iterator[Candidate]:
        for cand in self._find(text):
            lead = _LEAD.search(text, max(0, cand.start - 30), cand.start)
            if lead is not None:
                cand = Candidate(lead.start(), cand.end, cand.score, cand.why)
            first_day = _DAY_BEFORE_RANGE.search(text, max(0, cand.start - 10), cand.start)
            weekday = _WEEKDAY_BEFORE.search(text, max(0, cand.start - 12), cand.start)
            if weekday is not None and text[cand.start : cand.start + 1].isdigit():
                cand = Candidate(weekday.start(), cand.end, cand.score, cand.why)  # "mandag 18/3"
            if first_day is not None and text[cand.start : cand.start + 1].isdigit():
                cand = Candidate(first_day.start(), cand.end, cand.score, cand.why)  # "3.–6. juni"
            yield cand

    def _find(self, text: str) -> Iterator[Candidate]:
        yield from self._textual(text)
        for name in ("season", "month_short_year", "birthday", "timeline"):
            for match in self.iter_matches(name, text):
                yield Candidate(match.start(), match.end(), clip(self.score - 0.1), name)
        for match in self.iter_matches("week", text):
            anchored = match.group("rel") is not None  # "i veke 38 i fjor"
            event = any(
                word in _LIFE_EVENTS
                for word in [
                    *words_before(text, match.start(), 8),
                    *words_after(text, match.end(), 6),
                ]
            )  # "| uke 38 | Frivillig innlagt |": a timeline's row tells the event after
            if anchored or event:
                yield Candidate(*match.span("date"), clip(self.score - 0.1), "week")
        for name in ("holiday", "holiday_wrapped", "eve"):
            for match in self.iter_matches(name, text):
                anchored = match.group("year") or match.group("rel")
                # "fyller atten tredje juledag": a birthday; "om akuttplasseringen tredje
                # juledag": the event it dates; "tredje juledag fant de ham": what happened
                event_before = any(
                    word in _STRONG_WORDS or word in _FILLS or word in _VISITS
                    for word in words_before(text, match.start(), 5)
                )
                event_after = any(
                    word in _FOUND_AFTER for word in words_after(text, match.end(), 3)
                )
                if anchored or event_before or event_after:
                    yield Candidate(match.start(), match.end(), clip(self.score - 0.1), name)
        for name in ("dotted", "slashed", "dashed"):
            for match in self.iter_matches(name, text):
                cand = self._numeric(text, match, name)
                if cand is not None:
                    yield cand
        for match in self.iter_matches("dotted_short", text):
            start, end = match.span()
            in_range = _SHORT_RANGE_AFTER.match(text, end) or _SHORT_RANGE_BEFORE.search(
                text[max(0, start - 30) : start]
            )
            before = words_before(text, start, 2)
            cued = bool(before) and (
                before[-1] in WEEKDAYS or before[-1] in _STRONG_WORDS or _birthday(before)
            )
            if (
                (in_range or cued or _RELATIVE_YEAR.match(text, end))
                and _valid(int(match.group("day")), int(match.group("month")), None)
                and not set(words_after(text, end, 3)) & _UNITS_AFTER
            ):
                yield Candidate(start, end, clip(self.score - 0.1), "dotted_short")
        for match in self.iter_matches("day_of_nth_month", text):
            told = _DAY_BEFORE.search(text, max(0, match.start() - 16), match.start())
            if told is None:
                continue
            month = _NTH_MONTH_NUMBER[match.group("month").lower()]
            spoken = told.group("dayword")
            if spoken is None:
                day = int(told.group("day"))
            elif (
                spoken.lower() not in ORDINAL_DAY_WORDS
                or set(words_after(text, match.end("month"), 1)) & _NOT_NTH_MONTH_AFTER
                # "noen andre i tredje": "andre" is "others" unless "den" tells it is a day
                or (spoken.lower() == "andre" and words_before(text, told.start(), 1) != ["den"])
            ):
                continue
            else:
                day = _ordinal_day(spoken)
            if _valid(day, month, None):
                yield Candidate(told.start(), match.end(), clip(self.score - 0.1), "nth_month")
        for match in self.iter_matches("compact", text):
            cand = self._numeric(text, match, "compact")
            if cand is not None and not account_context(text, match.start()):
                yield Candidate(cand.start, cand.end, clip(self.score - 0.2), "compact")
        for match in self.iter_matches("ordinal_date", text):
            yield Candidate(match.start(), match.end(), clip(self.score - 0.1), "ordinal_date")
        for match in self.iter_matches("birth_year", text):
            yield Candidate(*match.span(), clip(self.score - 0.1), "birth_year")  # "født 1938"
        for match in chain(
            self.iter_matches("month_year", text), self.iter_matches("month_last_year", text)
        ):
            before = words_before(text, match.start(), 10)
            since = match.group().split()[0].lower() in {"siden", "sidan"}
            # "Vi har hatt individuell plan siden mars 2021": since when, in a person's story
            if any(word in _LIFE_EVENTS for word in before[-8:]) or (
                since and any(word in _PEOPLE for word in before)
            ):
                yield Candidate(*match.span("date"), clip(self.score - 0.1), "month_year")

    def _textual(self, text: str) -> Iterator[Candidate]:
        for match in self.iter_matches("textual", text):
            day = int(match.group("day"))
            month = MONTHS[match.group("month").lower()]
            year = _year(match.group("year"))
            if not _valid(day, month, year):
                continue
            end = match.end()
            short_year = match.group("year2") is not None
            if short_year and match.group("month").lower() in FULL:
                end, short_year = match.end("month"), False  # "3. mai 12": no year after "mai"
            full_month = match.group("month").lower() in FULL
            if match.group("dot") and end == match.end("dot") and full_month:
                end = match.start("dot")  # "3. mars." : a sentence dot, not an abbreviation dot
            anchored = year is not None or match.group("rel") is not None or short_year
            relative = _RELATIVE_YEAR.match(text, end) if not anchored else None
            if relative is not None:  # "18. august neste år": the year told relatively
                end, anchored = relative.end(), True
            if not anchored and (day, month) in HOLIDAYS:
                before = words_before(text, match.start(), 3)
                if not any(word in _STRONG_WORDS for word in before):
                    continue
            score = self.score if anchored or match.group("weekday") else self.score - 0.1
            yield Candidate(match.start(), end, clip(score), "textual")

    def _numeric(self, text: str, match: regex.Match[str], name: str) -> Candidate | None:
        day, month = int(match.group("day")), int(match.group("month"))
        year_text = match.group("year")
        year = _year(year_text)
        if year is not None and not 1900 <= year <= 2099:
            return None
        if not _valid(day, month, year):
            us_date = name == "slashed" and year_text is not None and len(year_text) == 4
            if not (us_date and _valid(month, day, year)):  # "4/27/2012"
                return None
        before = words_before(text, match.start(), 2)
        if before and before[-1] in _NOT_DATE_BEFORE:
            return None
        if text[max(0, match.start() - 2) : match.start()].strip() == "§":
            return None
        if _CHAT_STAMP.match(text, match.end()) and _LINE_START.search(
            text, max(0, match.start() - 3), match.start()
        ):
            return None  # "[14.03.24, 21:04] Tone:": when a chat message was sent
        if _MACHINE_STAMP.match(text, match.end()):
            return None  # "14.3.2024, 17:56:03" in an attendance list: when someone logged in
        start, end = match.span()
        if year is None:
            # an event or a visit a few words before ("ble hentet på skolen 3/11", "Siste samvær
            # 11.01."), before the ward or place it happened at ("Innl. Brattli 3/1"), or told
            # after a date opening its sentence ("9/2 ble han funnet")
            near = words_before(text, match.start(), 4)
            next_word = words_after(text, end, 1)
            strong = bool(before) and (
                any(word in _STRONG_WORDS or word in _VISITS for word in near)
                or _event_at_a_name(text, match.start())
                # "på ansvarsgruppemøtet 1/9": a meeting about the person
                or (len(before[-1]) > 7 and before[-1].endswith(("møtet", "møte")))
            )
            anchored = (
                strong
                or _birthday(before)
                # "på kurs til og med 15.03.": an absence's last day
                or words_before(text, match.start(), 3) == ["til", "og", "med"]
                or _RELATIVE_YEAR.match(text, end) is not None
                or (
                    _OPENS_SENTENCE.search(text, max(0, start - 3), start) is not None
                    and next_word[:1] != []
                    and next_word[0] in _EVENT_AFTER
                )
            )
            if not anchored and (not before or before[-1] not in _DATE_WORDS):
                return None
            if next_word and next_word[0] in {"av", "deler", "del", "parten"}:
                return None
        return Candidate(start, end, clip(self.score), name)
