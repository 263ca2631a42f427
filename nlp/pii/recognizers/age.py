"""AGE: a person's age, in digits or Norwegian number words (bokmål and nynorsk).

Spans (annotation.md: "the age expression", examples "16-åringen", "i 40-årene", "fjorten år"):

=====================================  =================================================
text                                   span
=====================================  =================================================
"16-åringen", "en 16-åring"            "16-åringen", "16-åring" (the noun, no article)
"seksåringen", "ein tolvåring"         "seksåringen", "tolvåring"
"i 40-årene", "i førtiåra"             "i 40-årene", "i førtiåra" (with "i"; without "i"
                                       when another word precedes: "slutten av 40-årene"
                                       → "40-årene"); also "i tenårene"
"14 år gammel", "tre måneder gammel"   "14 år gammel", "tre måneder gammel"
"hun var fjorten år", "er 14 år"       "fjorten år", "14 år" (number + "år", no verb)
"da hun var 16", "guten var elleve"    "16", "elleve" (the number only)
"gutten på 14", "jenta på 14 år"       "14", "14 år" ("på" and the noun are not part)
"da han var på 2", "som var på 9"       "2", "9" (a person subject, "var/er/ble på N")
"Kari (14)", "Jenta, 14 år,"           "14", "14 år"
"Mai og Linh (9 og 11 år)"             "9 og 11 år"; also "sol (16)", a name typed in lower case
"to søsken, 13 og 15 år gamle"         "13 og 15 år gamle"
"i en alder av 14", "14 års alder"     "14", "14 års alder"
"den 16-årige jenta"                   "16-årige" (only before a person noun)
"to søsken fra Stange, 7 og ni år"     "7 og ni år" (children counted in the words before)
"Vår (2008-modell)"                    "2008-modell" (a birth year as youth write it)
"i midten av trettiårene"              the whole (also "tidlig i", "i slutten av"; "i 40 åra")
"Fyller 17 i mars"                     the whole: the birth month is part of it
"Ronja frå Steinsdalen, snart 18."     "snart 18" ("snart" closes the appositive)
"| Sara H. | mor | (38) |"             "(38)": an age alone in a table's cell
"da hun var 17 år og 3 mnd"            "17 år og 3 mnd" (pii 1.9.0: the months too)
"ingrid (ung pårørende, 19)"           "19" (pii 1.9.0: after a role in brackets)
"då han var 22 månader"                "22 månader" (pii 1.10.0: a baby's age in months)
=====================================  =================================================

Numbers: 0–120 in digits; number words one–nineteen (also as youth and dialect write the
teens: "sekstan", "syttan", "fæmten", "sækstn"), "halvannet" (only with "år"), the tens and
compounds ("tjuefem", "førtito") in bokmål and nynorsk (ein/eitt, sju/syv, sytten/søtten,
tjue/tjuge/tyve, tretti/tredve, sytti/søtti …). "en"/"ei"/"ein" (also articles) only count
before "-åring" or in "… år gammel"; "ett"/"eitt" only with "år".

"N år" and a bare number are ages only with an age cue: a verb var/er/ble/blei/vart/blir/fylte/
fyller/fylt (dialect "e", "va") with a singular person as subject (jeg, eg, du, han, hun, ho, hu,
som, a person noun, a
capitalised name; "da var hun 16" too; adverbs such as "bare", "nesten", "snart" may come
between), "på N" after a person noun or name, "alder", an appositive after a person, or
"gammel". Without a cue "N år" is a duration and is not flagged.

Not flagged: thresholds and ranges ("over 18", "under 25 år", "fra 16 år", "opp til 23 år",
"mellom 16 og 18", "18-årsgrensen", "0–6 år", "barn under 12", "ungdom 13–25 år", "18+",
"16 år og eldre", "fra fylte 16"); rules for a role ("når ungdommen er 16", "etter at barnet
har fylt 18"; not "når sønnen fyller 18"); durations ("i fjorten år", "for tre år siden", "to år på
venteliste", "jobbet i 20 år", "hun var to år på venteliste", "det er tre år siden"); counts
("vi var fem", "hun var to ganger innlagt", "hun er 1 av 3"); clock times and decimals;
"de siste tiårene", "på 1990-tallet", "i 1990-årene"; "-årig" before things ("en treårig
utdanning").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

import regex

from nlp.pii.lexicon import (
    POSSESSIVES,
    WORD_NAMES,
    in_another_script,
    is_allowed,
    is_common_word,
    is_first_name,
    is_ordinary_word,
    is_place,
)
from nlp.pii.recognizers.date import ORDINAL_DAY_WORDS
from nlp.pii.recognizers.pattern_base import (
    Candidate,
    NbPatternRecognizer,
    alternation,
    case_blind_prefixes,
    clip,
    compile_pattern,
)

# fmt: off
UNITS = ["to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni"]
ARTICLE_ONES = ["en", "ei", "ein"]  # also articles: only in "-åring" and "… år gammel"
NEUTER_ONES = ["ett", "eitt"]  # only with "år"
HALVES = ["halvannet", "halvanna", "halvtanna"]  # one and a half: only with "år"
TEENS = ["ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "søtten",
         "atten", "nitten",
         # as youth and dialect write them ("Kiki (sekstan, går på …)")
         "trettan", "fjortan", "femtan", "sekstan", "syttan", "søttan", "attan", "nittan",
         # and as dialect is typed ("ho e fæmten", "han va sækstn")
         "trettn", "fjortn", "femtn", "fæmten", "fæmtn", "sekstn", "sækstn", "sæksten", "syttn",
         "søttn", "attn", "nittn", "ællev", "ælleve", "tålv"]
TENS = ["tjue", "tjuge", "tyve", "tretti", "tredve", "førti", "femti", "seksti", "sytti",
        "søtti", "åtti", "nitti"]
_PERSON_STEMS = [
    "gutt", "gut", "jent", "jente", "sønn", "son", "datter", "dotter", "døtre", "barn", "born",
    "unge", "ungdom", "ungdomm", "mann", "menn", "kvinne", "kvinn", "dame", "mor", "far", "mamma",
    "pappa", "bror", "brør", "brødre", "søster", "syster", "søstr", "søsken", "elev", "pasient",
    "tvilling", "baby", "onkel", "tante", "kone", "kon", "samboer", "sambuar", "ektemann", "venn",
    "venninne", "kamerat", "nabo", "klient", "bruker", "brukar", "deltaker", "deltakar",
    "kjæreste", "fyr", "kar", "person", "yngst", "eldst", "minst", "jentunge", "gutunge",
    "guttunge", "tenåring", "tøs", "tøsa", "tausa", "pårørend", "pårørand", "referent",
]
_PERSON_ENDINGS = ["e", "en", "a", "et", "ene", "ane", "er", "ar", "ne", "n", "s", "ens", "as"]
_SINGULAR_SUBJECT = {"jeg", "eg", "je", "æ", "du", "han", "hun", "ho", "hu", "hen", "som",
                     "vedkommende"}
_NOT_SUBJECT = {"det", "dette", "der", "her", "vi", "me", "de", "dei", "dere", "dykk", "alle",
                "begge", "mange", "noen", "nokon", "nokre", "hvor", "kor", "hva", "kva", "klokka",
                "klokken", "kl"}
_FILL_VERBS = {"fylte", "fyller", "fylt", "fyllte", "fylle", "fylla", "fyllest"}
_AGE_VERBS = {"var", "er", "ble", "blei", "vart", "blir", "e", "va", *_FILL_VERBS}
_AUXILIARIES = {"har", "hadde", "skal", "skulle", "vil", "ville", "kan", "kunne", "må", "måtte"}
_ADVERBS = {"bare", "berre", "bærre", "bere", "kun", "nesten", "snart", "nå", "no", "da", "då",
            "akkurat", "allerede", "allereie", "alt", "ca", "cirka", "omtrent", "rundt", "knapt",
            "ikke", "ikkje", "enda", "ennå", "endå", "fortsatt", "framleis", "fremdeles", "vel",
            "jo", "også", "og", "bortimot", "rett", "straks", "typ"}
_THRESHOLD = {"over", "under", "fra", "frå", "til", "inntil", "innen", "innan", "mellom",
              "minst", "maks", "maksimalt", "høyst", "høgst", "enn", "fom", "tom", "f.o.m",
              "t.o.m", "etter", "før", "à", "per", "pr"}
_RANGE_JOIN = {"og", "eller", "til", "à"}
# a plural's count before "på N år" makes it a duration ("sju ulike kontaktpersonar på fem år")
_MANY = {"ulike", "forskjellige", "mange", "flere", "fleire", "nye", "andre"}
# who "fyller 18" in a rule, not a person's birthday ("når ungdom fyller 18")
_GENERIC_SUBJECTS = {"man", "en", "ein", "ungdom", "unge", "ungdommer", "ungdomar", "folk"}
_OPEN_END = {"eldre", "yngre", "over", "under", "oppover", "nedover", "mer", "mindre", "eldri"}
_GROUP_WORDS = {"alle", "mange", "flere", "fleire", "for", "blant", "de", "dei", "fleste",
                "som"}
# words that may follow a bare age ("da hun var 16 da …"); anything else lower-case is a count
_AFTER_OK = {"i", "på", "da", "då", "og", "men", "så", "nå", "no", "før", "etter", "samme",
             "same", "forrige", "den", "det", "som", "når", "eller", "enda", "ennå", "endå",
             "fortsatt", "framleis", "bare", "berre", "gammel", "gamal", "gamle", "år", "års",
             "ved", "vel", "jo", "også", "allerede", "akkurat", "ikke", "ikkje", "hadde", "fikk",
             "fekk", "flyttet", "flytta", "begynte", "byrja", "kom", "ble", "vart", "blei",
             "første", "fyrste",
             # "er «15 snart»", "va jo bærre tolv sjøl", "er sju nei åtte": said of a person
             "snart", "sjøl", "sjølv", "selv", "nei",
             # a dictation's marks written out ("da han var femten komma så …")
             "komma", "punktum"}
# words after "N år" that make it a duration ("var to år på venteliste")
_DURATION_AFTER = {"siden", "sidan", "senere", "seinare", "etterpå", "tidligere", "tidlegare",
                   "igjen", "lenger", "lengre", "til", "fram", "frem", "med", "uten", "utan",
                   "borte", "innlagt", "hjemme", "heime", "inn", "ut", "om", "for", "sammen",
                   "saman", "ekstra", "etter", "på", "i"}
# after "på N" (strong cue) only units make it something else: "en sekk på 14 kilo"
_UNITS = {"kilo", "kg", "gram", "g", "kroner", "kr", "ganger", "gonger", "timer", "timar",
          "minutter", "minutt", "min", "dager", "dagar", "døgn", "uker", "veker", "måneder",
          "månader", "mnd", "meter", "m", "cm", "km", "prosent", "poeng", "sider", "stk",
          "stykker", "liter", "personer", "barn", "elever", "helger", "helgar", "netter",
          "kvelder", "kveldar"}
_ALDER = {"alder", "alderen", "alderdom"}
_BECAME = {"ble", "blei", "vart", "blir"}
_SPANS = {"år", "års", "måneder", "månader", "måned", "månad", "veker", "uker", "uke", "veke"}
# a birthday's date after "fyller ti" ("skal fylle ti 3. februar", "fyller 16 i mai" has "i")
_MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"}  # fmt: skip
_PLACEHOLDERS = {"namn", "navn", "nn"}
# "som den gang var på 9": the time between the subject and the verb
_THEN = [["den", "gang"], ["den", "gangen"], ["den", "gong"], ["den", "gongen"], ["på", "det"]]
# a role noun in the definite singular names anyone in that role when a rule is stated: "når
# ungdommen er 16", "etter at barnet har fylt 18", "frå ungdommen er 16"
_ROLE_SUBJECTS = {"barnet", "ungdommen", "ungdomen", "den unge", "eleven", "pasienten",
                  "brukeren", "brukaren", "deltakeren", "deltakaren", "klienten"}
_RULE_OPENERS = {"når", "dersom", "hvis", "viss", "fra", "frå", "før", "innen", "innan", "til",
                 "straks", "fram", "frem"}
# fmt: on

_ANY_WORD = (
    "(?:(?:"
    + alternation(TENS)
    + ")(?:"
    + alternation(UNITS + ARTICLE_ONES + NEUTER_ONES)
    + ")?|"
    + alternation(UNITS + TEENS + ARTICLE_ONES + NEUTER_ONES)
    + ")"
)
_DEFS = {
    "TENS": alternation(TENS),
    "UNIT_OR_ONE": alternation(UNITS + ARTICLE_ONES + NEUTER_ONES),
    "SIMPLE": alternation(UNITS + TEENS + NEUTER_ONES),
    "ANY_WORD": _ANY_WORD,
    "DECADE": alternation([*TENS, "ten"]),
}

# a number that may be an age: digits or a number word (not en/ei/ein: articles), the tens and
# the unit written together or with a hyphen ("syttini", "sytti-ni")
_NUMBER = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,:/-])
    (?: [0-9]{1,3} | (?:${TENS})(?:-?(?:${UNIT_OR_ONE}))? | ${SIMPLE} | halvannet | halvanna
      | halvtanna )
    (?![\p{L}\p{N}])(?![.,:][0-9])
    """,
    ignore_case=True,
    **_DEFS,
)
_AARING = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?: [0-9]{1,3} ${SP}?${DASH}?${SP}? | ${ANY_WORD} | ellev )
    åring (?P<suffix>en|er|ene|ar|ane|a|ens|s)? (?![\p{L}])
    """,
    ignore_case=True,
    **_DEFS,
)
_AARIG = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?: [0-9]{1,3}${DASH} | ${ANY_WORD} ) årig e? (?![\p{L}])
    (?= ${SP}+ (?P<noun>\p{L}+) )
    """,
    ignore_case=True,
    **_DEFS,
)
_DECADE = compile_pattern(
    r"""
    (?<![\p{L}\p{N}])
    (?: (?: i${SP}+ )? (?<![\p{N}]) (?: [2-9]0${SP}?${DASH} | ${DECADE} )
      | i${SP}+ [2-9]0${SP} )
    år(?:ene|a|ane) (?![\p{L}])
    """,
    ignore_case=True,
    **_DEFS,
)
_GAMMEL = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,:/-])
    (?: (?: [0-9]{1,3} | ${ANY_WORD} ) ${SP}+ og ${SP}+ )?
    (?: [0-9]{1,3} | ${ANY_WORD} | halvannet | halvanna | halvtanna )
    (?: ${SP}+og${SP}+(?:et|eit|ett)${SP}+halvt )?
    ${SP}+ (?: år | måneder | månader | mnd\.? | uker | veker | dager | dagar | døgn )
    ${SP}+ (?: gammel | gamal | gammal | gamle | gml\.? ) (?![\p{L}])
    """,
    ignore_case=True,
    **_DEFS,
)
_PARENS = compile_pattern(
    r"(?<= (?P<who>\p{L}+) [\].]? [»\"”]? (?:\*\*|__)? ${SP}? \( ${SP}? )"
    r" (?: (?: snart | ca\.? | cirka | nesten | bortimot ) ${SP}+ )?"
    r" (?: [0-9]{1,3} (?: ${SP}? (?: , | og ) ${SP}? [0-9]{1,3} )* (?: ${SP}?år )?"
    r" | (?P<word>${ANY_WORD}) (?: ${SP}+og${SP}+(?:et|eit|ett)${SP}+halvt )? )"
    r" (?= ${SP}? (?: \) | ,${SP} | /[mkfgjMKFGJ]\) ) )",  # "mor (43/k)": age and sex
    ignore_case=False,
    **_DEFS,
)
# the ages of children counted just before ("to søsken fra Stange, 7 og ni år", "fosterfar til
# to søsken 9 og 13 år"): the children's word is checked in the words before
_SIBLING_AGES = compile_pattern(
    r"""
    (?<![\p{L}\p{N}.,:/-])
    (?: [0-9]{1,2} | (?:${TENS})(?:${UNIT_OR_ONE})? | ${SIMPLE} )
    (?: ${SP}* , ${SP}* (?: [0-9]{1,2} | (?:${TENS})(?:${UNIT_OR_ONE})? | ${SIMPLE} ) )*
    ${SP}+ og ${SP}+
    (?: [0-9]{1,2} | (?:${TENS})(?:${UNIT_OR_ONE})? | ${SIMPLE} )
    (?: ${SP}+ år )? (?![\p{L}\p{N}])
    """,
    ignore_case=True,
    **_DEFS,
)
# siblings listed by name and age ("Ola 7, Kari 9 og vesle Per 2", "Yonas 12 og Dawit 15")
_NAME_AGE = r"(?:(?:vesle|lille|store)${SP}+)?\p{Lu}\p{Ll}+${SP}+[0-9]{1,2}"
_NAMED_AGES = compile_pattern(
    r"(?<![\p{L}\p{N}])" + _NAME_AGE + r"(?:${SP}*,${SP}*" + _NAME_AGE + r")*"
    r"${SP}+og${SP}+" + _NAME_AGE + r"(?![\p{N}.,][\p{N}])(?!${SP}*(?:%|kr|år|prosent))"
)
_NAMED_AGES_NEEDED = compile_pattern(
    r"[0-9]${SP}+og${SP}+(?:vesle${SP}+|lille${SP}+|store${SP}+)?\p{Lu}"
)
_PAIR = compile_pattern(r"(?P<name>\p{Lu}\p{Ll}+)${SP}+(?P<age>[0-9]{1,2})(?![\p{N}])")
_CHILDREN = frozenset(
    {"søsken", "sysken", "barn", "born", "barna", "borna", "unger", "ungar", "ungene", "ungane",
     "gutter", "gutar", "jenter", "døtre", "døtrer", "sønner", "søner", "tvillinger",
     "tvillingar", "tvillingene", "tvillingane", "brødre", "brør", "søstre", "søstrer",
     "fosterbarn", "fosterborn", "minste", "yngste", "eldste", "småsøsken", "søsknene",
     "syskena"}
)  # fmt: skip


def _may_name_children(line: str) -> bool:
    """A line where ages counted together can be kept: the children's word must stand before
    them on their line (``_words_before``)."""
    lowered = line.lower()
    return any(word in lowered for word in _CHILDREN)


# a birth year as youth write it ("Vår (2008-modell)")
_MODEL_YEAR = compile_pattern(
    r"(?<![\p{L}\p{N}]) (?:19|20)[0-9]{2} ${DASH} modell(?:en)? (?![\p{L}])"
)
_PERSON = compile_pattern(
    r"^\p{L}*?(?:${STEM})(?:${ENDING})?$",
    ignore_case=True,
    STEM=alternation(_PERSON_STEMS),
    ENDING=alternation(_PERSON_ENDINGS),
)
# Shortcuts (see NbPatternRecognizer): what every match contains, where a number may start.
_DECADE_END = compile_pattern(r"år(?:ene|a|ane) (?![\p{L}])", ignore_case=True)
_GAMMEL_END = compile_pattern(
    r"(?: gammel | gamal | gammal | gamle | gml ) (?![\p{L}])", ignore_case=True
)
# A number starts with a digit or with the first two letters of a number word ("tj", "fe" …);
# under full case folding a non-ASCII character in either place may stand for an ASCII letter
# ("ﬁre", "ſeks", "Åtti"), so those positions are tried too.
_NUMBER_START = compile_pattern(
    r"""(?<![\p{L}\p{N}.,:/-])
    (?: [0-9] | [\x80-\U0010ffff] | [A-Za-z](?=[\x80-\U0010ffff]) | ${PAIRS})""",
    PAIRS=case_blind_prefixes([*UNITS, *TEENS, *NEUTER_ONES, *TENS, *HALVES], 2),
)
# an age in brackets starts just inside the bracket, after at most one space (_PARENS)
_AFTER_BRACKET = compile_pattern(r"(?<= \( ${SP}? ) (?s:.)")
# Every number word _NUMBER knows, and a run of plain letters (ASCII and æøå, whose full case
# folding is their lower case) that is a whole word: such a word is a number only if it is one
# of them, so the other words starting like one ("trenger", "sier") are rejected at a dict
# lookup instead of a case-folding regex match.
_NUMBER_WORDS = frozenset(
    [
        *(t + u for t in TENS for u in ["", *UNITS, *ARTICLE_ONES, *NEUTER_ONES]),
        *UNITS,
        *TEENS,
        *NEUTER_ONES,
        *HALVES,
    ]
)
_PLAIN_WORD = compile_pattern(r"[A-Za-zÆØÅæøå]+ (?![\p{L}\p{N}])")


def _not_a_number_word(text: str, position: int) -> bool:
    word = _PLAIN_WORD.match(text, position)
    return word is not None and word.group().lower() not in _NUMBER_WORDS


def _no_ages_joined(text: str, position: int) -> bool:
    """No "og" follows soon enough for ages counted together ("7 og ni år") to start here."""
    return " og " not in text[position : position + 40] or _not_a_number_word(text, position)


_DIGITS = compile_pattern(r"[0-9]+")
# an adverb that is part of the age expression before the number ("snart 15", "ca. 40")
_HEDGE_BEFORE = compile_pattern(
    r"(?<![\p{L}]) (?: snart | ca\.? | cirka | nesten | bortimot | knapt | rundt | omkring )"
    r" ${SP}+ $",
    ignore_case=True,
)
# "snart" after the number ("er «15 snart»")
_SOON_AFTER = compile_pattern(r"${SP}+ snart (?![\p{L}])", ignore_case=True)
# a half after the number ("17 1/2", "17½") or a half year ("to og eit halvt år")
_HALF = compile_pattern(r"${SP}? (?: 1/2 | ½ ) (?![\p{N}/])")
_AND_A_HALF = compile_pattern(
    r"${SP}+ og ${SP}+ (?: et | eit | ett ) ${SP}+ halvt (?: ${SP}+ år )? (?![\p{L}])",
    ignore_case=True,
)
# where in a decade ("i midten av trettiårene", "tidlig i 40-årene") is part of the age
_DECADE_LEAD = compile_pattern(
    r"""(?<![\p{L}]) (?: i${SP}+(?:midten|slutten|starten|begynnelsen|byrjinga|enden)${SP}+av
        | tidlig | tidleg | sent | seint | midt | først | fyrst ) ${SP}+ (?:i${SP}+)? $""",
    ignore_case=True,
)
# an age alone in a cell of a pipe table whose row names the person ("| Sara H. | … | (38) |")
_TABLE_CELL = compile_pattern(
    r"""(?<= \|${SP}* ) \( (?: snart${SP}+ | ca\.?${SP}+ )? [0-9]{1,3} (?: ${SP}+år )? \)
        (?= ${SP}* \| )""",
)
# the months after the years ("17 år og 3 mnd", "to år og fem månader"), part of the age
_AND_MONTHS = compile_pattern(
    r"""${SP}+ og ${SP}+ (?: [0-9]{1,2} | ${ANY_WORD} ) ${SP}+
        (?: mnd\.? | md\.? | måneder | månader | måneds | månad | måned ) (?![\p{L}])""",
    ignore_case=True,
    **_DEFS,
)
# a birthday's month after the age ("Fyller 17 i mars"), part of the expression
_BIRTH_MONTH = compile_pattern(
    r"""(?:${SP}+år)? ${SP}+ i ${SP}+ (?:januar|februar|mars|april|mai|juni|juli|august
        |september|oktober|november|desember) (?![\p{L}])""",
    ignore_case=True,
)
# what may follow "fyller tolv": when ("rett etter påske", "til jul", "neste år"), or the
# birthday's day ("fyller atten tredje juledag", "fylte atten fjortande i femte")
_AFTER_FILL = {"til", "neste", "rett", "etter", "før", "om", "denne", "dette", "i", "på",
               "julaften", "julaftan", "nyttårsaften", "julekvelden", "nyttårsdag", "nyårsdag",
               *ORDINAL_DAY_WORDS}  # fmt: skip


def _singular_person(lower: str) -> bool:
    """A person noun in the singular ("gutungen", "jenta"), not a group ("ungdommane")."""
    return not lower.endswith(("ene", "ane", "er", "ar", "erne"))


_SPAN_WORD = compile_pattern(r"(?<![\p{L}])(?:år|års|måneder|månader|mnd)(?![\p{L}])")


def _last_word(words: list[str]) -> str:
    """The last word before a number, past the comma or bracket of an appositive."""
    rest = [w for w in words if w not in {",", "("}]
    return rest[-1] if rest else ""


def _plural_person(lower: str) -> bool:
    """A person noun in the plural ("deltakere", "fagpersoner", "foreldrene"), not a singular
    that ends like one ("søster", "stefar")."""
    if not _PERSON.match(lower):
        return False
    if lower.endswith(("ere", "ene", "ane", "erne")):
        return True
    return lower.endswith(("er", "ar")) and _PERSON.match(lower[:-2]) is not None


_CLOSES = compile_pattern(r"${SP}* [)\]»”!?;]")
_COMPARED = compile_pattern(r"${SP}+ (?:eldre|yngre|eldri|yngri) (?![\p{L}])", ignore_case=True)
_FILL_BEFORE = compile_pattern(
    r"(?<![\p{L}]) (?:fyller|fylte|fyllte|fyllar|fylla|fylle) ${SP}+ $", ignore_case=True
)
# words after "blir 18 til": a time, so a birthday ("han blir 18 til sommeren")
_TIL_TIMES = {
    "sommeren",
    "sommaren",
    "sommern",
    "våren",
    "høsten",
    "hausten",
    "vinteren",
    "jul",
    "jula",
    "julen",
    "påske",
    "påska",
    "påsken",
    "neste",
    "helga",
    "helgen",
    *_MONTHS,
}
_YEAR_WORD = compile_pattern(r"${SP}+ års? (?![\p{L}])", ignore_case=True)
_MONTHS_WORD = compile_pattern(
    r"${SP}+ (?: måneder | månader | måned | månad | mnd\.? ) (?![\p{L}])", ignore_case=True
)
_BOUNDARY = compile_pattern(r"\n | [.!?][\"»”)]*\s+(?=[\p{Lu}«\"])")
# a colon or semicolon ends the clause too, and a full stop before a closing quote mark
_SENTENCE_END = compile_pattern(r"[.!?:;][»\"”’)]*(?=\s|$)")
_ORDINAL = compile_pattern(r"\.${SP}*\p{Ll}")
_RANGE_BEFORE = compile_pattern(r"[0-9]${SP}?${DASH}${SP}?$")
_OPEN_AFTER = compile_pattern(r"${SP}?(?:${DASH}|\+|%)")  # "16–18", "18+", "18-årsgrensen"
_AT_THAT_TIME = compile_pattern(
    r"^(?:på|i) ${SP}+ (?:den|det|denne|dette) ${SP}+ (?:tiden|tida|tidspunktet|året)",
    ignore_case=True,
)
_RAW_WORD = compile_pattern(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]* | [,(]")


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """Raw words (and "," "(") before ``pos`` in the same line and sentence, nearest last."""
    window = text[max(0, pos - 120) : pos]
    cut = 0
    for boundary in _BOUNDARY.finditer(window):  # "ca. 14 år" stays one sentence
        cut = boundary.end()
    return [w.rstrip(".") or w for w in _RAW_WORD.findall(window[cut:])][-n:]


def _words_after(text: str, pos: int, n: int) -> list[str]:
    """Raw words after ``pos`` up to the end of the line or sentence, nearest first."""
    window = text[pos : pos + 80]
    stop = _SENTENCE_END.search(window)
    if stop is not None:
        window = window[: stop.start()]
    newline = window.find("\n")
    if newline >= 0:
        window = window[:newline]
    return [w.rstrip(".") or w for w in _RAW_WORD.findall(window)][:n]


_DOTTED_INITIALS = compile_pattern(r"(?:\p{L}\.){1,2}\p{L}\.?")


def _is_person(word: str) -> bool:
    if word in {",", "("}:
        return False
    if _DOTTED_INITIALS.fullmatch(word):
        return True  # "M.H., 17", "o.j. (16)": initials
    if in_another_script(word):
        return True  # "Mohammed (محمد), 16": a name in the family's own script
    if len(word) <= 3 and word.isupper() and word.isalpha() and not is_allowed(word):
        return True  # an initial or a placeholder: "J.", "AB", "X", "NN"
    lower = word.lower()
    if lower in _PLACEHOLDERS:
        return True  # "[namn] (17)"
    if lower in _NOT_SUBJECT:
        return False
    if _PERSON.match(lower):
        return True
    if word.islower() and len(word) > 2 and lower not in _ADVERBS:
        # a name typed in lower case ("jonas, 6 år") that is no ordinary word
        title = word.capitalize()
        return (is_first_name(title) and not is_common_word(lower)) or title in WORD_NAMES
    return word[:1].isupper() and not word.isupper() and lower not in _ADVERBS


def _names_someone(words: list[str]) -> bool:
    """The appositive's head is a person noun or a name, not another capitalised word
    ("Rapporten, 3, ble" is no age)."""
    skip = {",", "("} | _ADVERBS | POSSESSIVES
    who = next((w for w in reversed(words) if w.lower() not in skip), "")
    return (
        bool(_PERSON.match(who.lower()))
        or who.capitalize() in WORD_NAMES
        or is_first_name(who.capitalize())
        or not is_ordinary_word(who)
    )


def _coordinated(words: list[str]) -> bool:
    """The number is the last of ages joined by "og" after "på" and a person: "to barn på 5 og
    9 år" (not a range such as "mellom 16 og 18")."""
    lowered = [w.lower() for w in words]
    if len(lowered) >= 5 and lowered[-2] == "år":  # "to søsken på 3 år og 5 ½ år"
        words, lowered = [*words[:-2], words[-1]], [*lowered[:-2], lowered[-1]]
    return (
        len(words) >= 4
        and lowered[-1] in {"og", "eller"}
        and _is_number(words[-2])
        and lowered[-3] == "på"
        and _is_person(words[-4])
    )


def _snart_appositive(text: str, end: int, before: list[str]) -> bool:
    """ "snart N" closing an appositive: ", snart 18.", "(snart 16)", "fisker, snart 60:"."""
    return (
        len(before) >= 2
        and before[-1].lower() == "snart"
        and before[-2] in {",", "("}
        and text[end : end + 1] in {".", ",", ")", ":", ";", "\n", ""}
    )


# the code a note gives a person instead of a name ("Mor 1", "Ungdom 3", "Fagperson B")
_ROLE_CODE = compile_pattern(r"[0-9]{1,2}|\p{Lu}")


def _good_subject(word: str | None) -> bool:
    if word is None:
        return True
    lower = word.lower()
    if lower in _SINGULAR_SUBJECT:
        return True
    if lower in _NOT_SUBJECT or lower in _AGE_VERBS:
        return False
    return _is_person(word)


def _is_number(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word)) or word.lower() in ARTICLE_ONES


_ROUGHLY = {"godt", "litt", "langt"}
_THIRTY_UP = ("tretti", "tredve", "førti", "firti", "femti", "seksti", "sytti", "søtti", "åtti",
              "nitti", "hundre")  # fmt: skip


def _thirty_or_more(number: str) -> bool:
    """ "nitti", "80", "førtifem": an adult's age, no threshold the law sets."""
    if number.isdigit():
        return int(number) >= 30
    return number.lower().startswith(_THIRTY_UP)


def _person_subject(words: list[str]) -> bool:
    """The subject before the age verb is a person: a pronoun, a person noun or a first name
    ("då han var 22 månader"; not "Planen var tre måneder")."""
    verbs = [k for k, w in enumerate(words) if w.lower() in _AGE_VERBS]
    if not verbs:
        return False
    k = verbs[-1] - 1
    while k >= 0 and words[k].lower() in _ADVERBS:
        k -= 1
    if k < 0:
        return False
    word = words[k]
    lower = word.lower()
    return (
        lower in _SINGULAR_SUBJECT or bool(_PERSON.match(lower)) or is_first_name(word.capitalize())
    )


def _over_an_age(words: list[str]) -> bool:
    """ "Mor er over nitti", "han var godt over 80": "over" after a person and an age verb (not
    "tilbud til unge over 18", not "når ungdommen er over 18")."""
    if len(words) < 3 or words[-1].lower() != "over":
        return False
    rest = words[:-1]
    if rest[-1].lower() in _ROUGHLY:
        rest = rest[:-1]
    if len(rest) < 2 or rest[-1].lower() not in _AGE_VERBS - _FILL_VERBS:
        return False
    subject = rest[-2]
    return (
        _good_subject(subject)  # not "det", "dei" …
        and subject.lower() not in {"som", "du"}
        and not _rule_for_a_role(rest[:-1])
    )


def _threshold_before(text: str, start: int, words: list[str]) -> bool:
    """A threshold or range before the number: "over 18", "mellom 16 og 18", "13–25"."""
    if _RANGE_BEFORE.search(text[max(0, start - 4) : start]):
        return True
    if not words:
        return False
    last = words[-1].lower()
    if last in _THRESHOLD:
        return True
    if last in _RANGE_JOIN and len(words) >= 2 and _is_number(words[-2]):
        return True
    return last in _FILL_VERBS and len(words) >= 2 and words[-2].lower() in _THRESHOLD


def _threshold_after(text: str, end: int) -> bool:
    if _OPEN_AFTER.match(text, end):
        return True
    after = [w.lower() for w in _words_after(text, end, 3)]
    if after[:1] == ["år"]:
        after = after[1:]
    return len(after) >= 2 and after[0] in {"og", "eller"} and after[1] in _OPEN_END


def _rule_for_a_role(words: list[str]) -> bool:
    """The age verb's subject is a role ("ungdommen", "barnet") in a clause that states a rule:
    "når ungdommen er 16", "etter at barnet har fylt 18". A name, pronoun or kin word ("når
    sønnen fyller 18") stays a person's age."""
    lowered = [w.lower() for w in words]
    if len(lowered) >= 3 and lowered[-2:] == ["den", "unge"]:
        lowered = [*lowered[:-2], "den unge"]
    if len(lowered) < 2 or lowered[-1] not in _ROLE_SUBJECTS:
        return False
    opener = lowered[-2]
    return opener in _RULE_OPENERS or (
        opener == "at" and len(lowered) >= 3 and lowered[-3] in {"etter", "før", "til"}
    )


def _second_predicate(text: str, start: int, before: list[str]) -> bool:
    """The number follows "og er" / "og var" in a sentence whose subject is a person: the first
    word of the sentence, or a person before ", som" ("Dmytro, som har autisme og er fjorten").
    """
    words = list(before)
    while words and words[-1].lower() in _ADVERBS - {"og"}:
        words.pop()
    if len(words) < 2 or words[-1].lower() not in _AGE_VERBS - _FILL_VERBS:
        return False
    if words[-2].lower() != "og":
        return False
    sentence = _words_before(text, start, 40)
    lowered = [w.lower() for w in sentence]
    if "som" in lowered:
        k = len(lowered) - 1 - lowered[::-1].index("som")
        if k >= 1 and sentence[k - 1] == ",":
            return k >= 2 and _is_person(sentence[k - 2])
        # "Han kom hit som tiåring og er syttan": no relative clause, the sentence's subject
    first = sentence[0] if sentence else ""
    if _PERSON.match(first.lower()) and _singular_person(first.lower()):
        return True  # "Gutten, Kuba, var fem da han kom og er nå elleve"
    return first.lower() in _SINGULAR_SUBJECT - {"som"} or (
        first[:1].isupper()
        and not first.isupper()
        and (is_first_name(first) or first in WORD_NAMES or not is_ordinary_word(first))
    )


class AgeRecognizer(NbPatternRecognizer):
    """Ages of persons: "16-åringen", "i 40-årene", "fjorten år", "da hun var 16" …"""

    ENTITY = "AGE"
    NAME = "age"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "aaring": _AARING,
        "aarig": _AARIG,
        "decade": _DECADE,
        "gammel": _GAMMEL,
        "parens": _PARENS,
        "number": _NUMBER,
        "sibling_ages": _SIBLING_AGES,
        "model_year": _MODEL_YEAR,
        "table_cell": _TABLE_CELL,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "decade": _DECADE_END,
        "gammel": _GAMMEL_END,
        "model_year": compile_pattern(r"modell", ignore_case=True),
        "table_cell": compile_pattern(r"\)${SP}*\|"),
    }
    LINE_BOUND = frozenset({"decade", "gammel", "model_year", "table_cell"})
    # tried only where a match may start: at a number, just inside a bracket
    STARTS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "number": _NUMBER_START,
        "sibling_ages": _NUMBER_START,
        "parens": _AFTER_BRACKET,
    }
    REJECTS: ClassVar[dict[str, Callable[[str, int], bool]]] = {
        "number": _not_a_number_word,
        "sibling_ages": _no_ages_joined,
    }
    LINE_FILTERS: ClassVar[dict[str, Callable[[str], bool]]] = {"sibling_ages": _may_name_children}

    def find(self, text: str) -> Iterator[Candidate]:
        for candidate in self._ages(text):
            hedge = _HEDGE_BEFORE.search(text[max(0, candidate.start - 12) : candidate.start])
            lead = _DECADE_LEAD.search(text, max(0, candidate.start - 30), candidate.start)
            if candidate.why == "decade" and lead is not None:  # "i midten av trettiårene"
                candidate = Candidate(lead.start(), candidate.end, candidate.score, "decade")
            if text[candidate.start : candidate.end].lower().endswith("år"):
                months = _AND_MONTHS.match(text, candidate.end)
                if months is not None:  # "17 år og 3 mnd"
                    candidate = Candidate(
                        candidate.start, months.end(), candidate.score, candidate.why
                    )
            soon = _SOON_AFTER.match(text, candidate.end)
            if soon is not None:  # "er «15 snart»": the adverb after the number too
                candidate = Candidate(candidate.start, soon.end(), candidate.score, candidate.why)
            if hedge is not None:  # "er snart sytten": the adverb is part of the expression
                candidate = Candidate(
                    candidate.start - len(hedge.group()),
                    candidate.end,
                    candidate.score,
                    candidate.why,
                )
            yield candidate

    def _ages(self, text: str) -> Iterator[Candidate]:
        strong = clip(self.score + 0.15)
        for match in self.iter_matches("aaring", text):
            if match.group("suffix") in {"er", "ar"} and self._generic_group(text, match.start()):
                continue
            before = _words_before(text, match.start(), 3)
            if (
                before[-1:]
                and before[-1].lower() == "til"
                and (
                    (before[-2:-1] and _is_person(before[-2]))
                    or match.group("suffix") in {"en", "ene", "ane", "a", "ens"}
                )
            ):
                pass  # "faren til 16-åringen", "bursdagen til fireåringene": whose, not up to
                # what age
            elif _threshold_before(text, match.start(), before):
                continue
            yield Candidate(match.start(), match.end(), strong, "aaring")
        for match in self.iter_matches("aarig", text):
            if _PERSON.match(match.group("noun")):
                yield Candidate(match.start(), match.end(), strong, "aarig")
        for match in self.iter_matches("decade", text):
            yield Candidate(match.start(), match.end(), strong, "decade")
        for match in self.iter_matches("gammel", text):
            if _threshold_before(text, match.start(), _words_before(text, match.start(), 3)):
                continue
            yield Candidate(match.start(), match.end(), strong, "gammel")
        for match in self.iter_matches("parens", text):
            who = match.group("who")
            # "Kari (14)", "Mai og Linh (9 og 11 år)", and "sol (16)": a first name that is also
            # a word, typed in lower case, is a name when an age in brackets follows it
            title = who.capitalize()
            named = _is_person(who) or (
                who.islower()
                and (title in WORD_NAMES or (is_first_name(title) and not is_common_word(who)))
            )  # not "skole (1)", a count after a common word some name list also holds
            if named and _plural_person(who.lower()) and not _SPAN_WORD.search(match.group()):
                named = False  # "Deltakere (4):", a count; but "tvillingene (ni år)"
            if named and all(int(n) <= 120 for n in _DIGITS.findall(match.group())):
                yield Candidate(match.start(), match.end(), clip(self.score), "parens")
        for match in self.iter_matches("number", text):
            cand = self._cued_number(text, match)
            if cand is not None:
                yield cand
        for name in ("model_year", "table_cell"):
            for match in self.iter_matches(name, text):
                yield Candidate(match.start(), match.end(), clip(self.score), name)
        if _NAMED_AGES_NEEDED.search(text):
            yield from self._named_ages(text)
        for match in self.iter_matches("sibling_ages", text):
            before = _words_before(text, match.start(), 6)
            lowered = [w.lower() for w in before]
            if (
                any(w in _CHILDREN for w in lowered)
                and not (lowered and lowered[-1] in _THRESHOLD)
                and all(int(n) <= 25 for n in _DIGITS.findall(match.group()))
                and not any(w.lower() in _UNITS for w in _words_after(text, match.end(), 1))
            ):
                yield Candidate(match.start(), match.end(), clip(self.score), "sibling_ages")

    def _named_ages(self, text: str) -> Iterator[Candidate]:
        """Each age of siblings listed by name ("Ola 7, Kari 9 og vesle Per 2"): every name a
        listed first name or a word no list knows, none a place, every age under 26."""
        for match in _NAMED_AGES.finditer(text):
            pairs = list(_PAIR.finditer(text, match.start(), match.end()))
            if all(
                int(p.group("age")) <= 25
                and not is_place(p.group("name"))
                and (is_first_name(p.group("name")) or not is_common_word(p.group("name")))
                for p in pairs
            ):
                for pair in pairs:
                    yield Candidate(*pair.span("age"), clip(self.score - 0.1), "named_ages")

    @staticmethod
    def _generic_group(text: str, start: int) -> bool:
        """A group, not a person: "tilbud til 16-åringer", "alle 18-åringer"."""
        before = [w.lower() for w in _words_before(text, start, 2)]
        return bool(before) and (before[-1] in _THRESHOLD or before[-1] in _GROUP_WORDS)

    def _cued_number(self, text: str, match: regex.Match[str]) -> Candidate | None:
        start, end = match.span()
        number = match.group()
        if number.isdigit() and int(number) > 120:
            return None
        if _ORDINAL.match(text, end):
            return None  # "hun ble 3. i NM"
        half = _HALF.match(text, end) or _AND_A_HALF.match(text, end)
        if half is not None:
            end = half.end()  # "17 1/2", "to og eit halvt år"
        before = _words_before(text, start, 6)
        coordinated = _coordinated(before)
        # not "sønnen er over 18": the law's ages (consent, majority, aftercare) are thresholds
        over = _over_an_age(before) and _thirty_or_more(number)
        if over:  # "Mor er over nitti", "godt over 80": a person's age, told roughly
            start = text.rindex(before[-1], 0, start)
            before = before[:-1]
            if before[-1].lower() in _ROUGHLY:
                start = text.rindex(before[-1], 0, start)
                before = before[:-1]
        elif not coordinated and _threshold_before(text, start, before):
            return None
        if _threshold_after(text, end):
            return None
        after = _words_after(text, end, 3)
        lower_after = [w.lower() for w in after]
        cue = "paa" if coordinated else self._cue(before)
        if (
            cue == "appositive"
            and _plural_person(_last_word(before).lower())
            and not (lower_after[:1] and lower_after[0] in _SPANS)
        ):
            return None  # "Deltakere (4):", a count; but "Tvillinger, elleve år"
        snart = _snart_appositive(text, end, before)
        closes_appositive = (
            cue == "appositive"
            and (
                snart  # "Ronja frå Steinsdalen, snart 18."
                or (
                    (text[end : end + 1] in {",", ")", "\n", ""} or text[end : end + 2] == " (")
                    and _names_someone(before)
                )
            )
        )
        ars_alder = lower_after[:1] == ["års"] and lower_after[1:2] in (["alder"], ["alderen"])
        if cue is None and ars_alder:
            cue = "alder"  # "i 16 års alder"
        if cue is None and _second_predicate(text, start, before):
            cue = "verb"  # "Liv bur i Askvoll og er 14."
        if cue is None and snart:
            cue = "snart"  # "Ronja frå Steinsdalen, snart 18."
        if cue is None:
            return None
        if cue == "paa_pronoun":
            if lower_after[:1] and (lower_after[0] in _UNITS or lower_after[0] in _SPANS):
                return None  # "han på to år har hatt fem": how long, not how old
            cue = "paa"
        span_end = end
        if lower_after[:1] in (["år"], ["års"]):
            year_word = _YEAR_WORD.match(text, end)
            if year_word is None:
                return None
            span_end = year_word.end()
            rest = lower_after[1:]
            if lower_after[0] == "års":
                if not rest or rest[0] not in {"alder", "alderen"}:
                    return None  # "16 års erfaring"
                span_end = text.index(after[1], span_end) + len(after[1])
            elif (
                cue not in {"fill", "person", "appositive", "name", "paa_a"}
                and rest
                and rest[0] in _DURATION_AFTER
                and not _AT_THAT_TIME.match(text[span_end:].lstrip())
                and not (rest[0] == "i" and rest[1:2] and rest[1] in _MONTHS)  # a birthday
            ):
                return None  # "var to år på venteliste", "var tre år i strekk"
        elif (
            cue == "verb"
            and (months := _MONTHS_WORD.match(text, end)) is not None
            and _person_subject(before)
        ):
            # "då han var 22 månader", "berre var fire månader": a baby's age in months
            span_end = months.end()
            rest = lower_after[1:]
            if (number.isdigit() and int(number) > 36) or (rest and rest[0] in _DURATION_AFTER):
                return None  # "var fire måneder på venteliste": how long
        elif (
            cue == "paa_a"
            and (months := _MONTHS_WORD.match(text, end)) is not None
            and not (number.isdigit() and int(number) > 36)
        ):
            span_end = months.end()  # "et barnebarn på seks måneder": a baby's age in months
        elif number.lower() in NEUTER_ONES or number.lower() in HALVES:
            return None  # "ett" only as "ett år"
        elif cue == "name":
            if lower_after and (lower_after[0] in _UNITS or lower_after[0][:1].isdigit()):
                return None  # "Kari 14 dager", "rom 14 b"
        elif cue == "person" and lower_after[:1] in (["nå"], ["no"], ["fra"], ["frå"]):
            pass  # "Gutten 17 nå, ettervern …", "jente 17 fra ilseng"
        elif cue == "person" or (cue == "appositive" and not closes_appositive):
            return None  # "jente 17 år", "Jenta, 14 år": the "år" is required, unless the
            # number closes the appositive ("frida, 15, går", "(Bjørn Tuan Pham, 17)")
        elif cue in {"paa", "paa_a"}:
            if lower_after and lower_after[0] in _UNITS:
                return None  # "en sekk på 14 kilo"
        elif (
            lower_after
            and not (
                closes_appositive
                or (
                    cue == "fill"
                    and (after[0][:1].isdigit() or lower_after[0] in _MONTHS | _AFTER_FILL)
                )
                or lower_after[0] in _AFTER_OK
                # "Hun ble åtte 9. januar": the day she turned it
                or (before[-1:] and before[-1].lower() in _BECAME and after[0][:1].isdigit())
                or (
                    lower_after[0] in {"til", "te"}  # "femten te sommern"
                    and lower_after[1:2]
                    and lower_after[1] in _TIL_TIMES
                )
                or after[0][:1].isupper()
                or after[0] in {",", "(", ".", "»", "”", '"', "!", "?", ";", ":", ")"}
                # "(far til Yasin, som er fjorten)": the bracket closes after the age
                or _CLOSES.match(text, end) is not None
            )
        ):
            return None  # "hun var to ganger", "hun er 1 av 3"
        score = self.score if span_end > end else self.score - 0.1
        compared = _COMPARED.match(text, span_end)
        if span_end > end and compared is not None:  # "to år yngre enn Kari": an age, told so
            span_end = compared.end()
        if cue == "fill":
            month = _BIRTH_MONTH.match(text, span_end)
            fill = _FILL_BEFORE.search(text, max(0, start - 12), start)
            if month is not None and fill is not None:  # "Fyller 17 i mars": the birth month
                start, span_end = fill.start(), month.end()
        return Candidate(start, span_end, clip(score), f"number:{cue}")

    @staticmethod
    def _cue(before: list[str]) -> str | None:
        """Why the number is an age ("verb", "paa", "alder", "appositive"), or None."""
        words = list(before)
        while words and (
            words[-1].lower() in _ADVERBS or [w.lower() for w in words[-2:]] == ["i", "dag"]
        ):
            popped = words.pop().lower()
            if words and words[-1].lower() == "i":
                if popped != "dag":
                    return None  # "fosterfar i snart tjue år": how long, not how old
                words.pop()  # "er i dag 7 år"
        if not words:
            return None
        last = words[-1]
        lower = last.lower()
        prev = words[-2] if len(words) >= 2 else None
        if lower in _AGE_VERBS:
            rest = words[:-1]
            while rest and (
                rest[-1] in {",", "("}
                or rest[-1].lower() in _ADVERBS
                or rest[-1].lower() in _AUXILIARIES
            ):
                rest.pop()  # "Hodan, var 11 år"; "som da var fire år"; "hun har fylt 18"
            if len(rest) >= 2 and [w.lower() for w in rest[-2:]] in _THEN:
                rest = rest[:-2]  # "hun den gangen var nitten"
            prev = rest[-1] if rest else None
            if prev is not None and prev.lower() in POSSESSIVES and len(rest) >= 2:
                prev = rest[-2]  # "Sønnen hennes er seks og et halvt år"
            elif (
                prev is not None
                and _ROLE_CODE.fullmatch(prev)
                and len(rest) >= 2
                and _PERSON.match(rest[-2].lower())
            ):
                prev = rest[-2]  # "Mor 1 er 46 år", "Ungdom 3, var tolv": a person's code
            if _rule_for_a_role(rest):
                return None
            if lower in _FILL_VERBS:
                # "fyller ni år i juni": a birthday, whatever follows; but "til de fyller 25
                # år" is a rule for a group
                if prev is not None and prev.lower() in _NOT_SUBJECT | _GENERIC_SUBJECTS:
                    return None  # "når ungdom fyller 18", "etter man fyller 18": a rule
                return "fill"
            return "verb" if _good_subject(prev) else None
        if (
            prev is not None
            and prev.lower() in _AGE_VERBS - _FILL_VERBS
            and _PERSON.match(lower)
            and lower not in _NOT_SUBJECT
            and _singular_person(lower)
        ):
            return "verb"  # "No er gutungen fjortan": the verb before its subject
        if _PERSON.match(lower) and lower not in _NOT_SUBJECT:
            return "person"  # "jente 17 år"
        if len(last) > 2 and is_first_name(last.capitalize()) and not is_common_word(lower):
            return "name"  # "mor til jonas 11 og mia 4": a first name, then the age
        if (
            prev is not None
            and prev.lower() in _AGE_VERBS
            and (lower in _SINGULAR_SUBJECT or (_is_person(last) and lower not in _NOT_SUBJECT))
        ):
            return "verb"  # "da var hun 16"
        if lower == "på" and prev is not None and prev.lower() in POSSESSIVES and len(words) >= 3:
            prev = words[-3]  # "datteren sin på femten"
        if (
            lower == "på"
            and prev is not None
            and len(words) >= 3
            and words[-3].lower() in _MANY
            and _is_person(prev)
        ):
            return None  # "fire ulike kontaktpersoner på tre år": how long, not how old
        if (
            lower == "på"
            and len(words) >= 5
            and words[-2] == words[-4] == ","
            and _is_person(words[-3])
            and _is_person(words[-5])
        ):
            return "paa"  # "en bror, Karim, på 29 år": the name between commas
        if lower == "på" and prev is not None and prev.lower() in {"ho", "hun", "han", "hu"}:
            return "paa_pronoun"  # "ho på fjorten som alltid er sliten"
        if lower == "på" and prev is not None and _is_person(prev):
            # "en datter på fire år i barnehagen": after an indefinite person no duration
            indefinite = len(words) >= 3 and words[-3].lower() in {"en", "ei", "ein", "et", "eit"}
            return "paa_a" if indefinite else "paa"
        if lower == "på" and prev is not None and prev.lower() in _AGE_VERBS - _FILL_VERBS:
            # "da han var på 2", "som den gang var på 9"
            rest = words[:-2]
            while rest and (rest[-1].lower() in _ADVERBS or rest[-1].lower() in _AUXILIARIES):
                rest.pop()
            if len(rest) >= 2 and [w.lower() for w in rest[-2:]] in _THEN:
                rest = rest[:-2]
            if rest and _good_subject(rest[-1]) and not _rule_for_a_role(rest):
                return "verb"  # what may follow is checked as after "var 9" ("på 2 kurs")
        if lower in _ALDER or (lower == "av" and prev is not None and prev.lower() in _ALDER):
            return "alder"
        if last in {",", "("} and prev is not None:
            if prev.lower() in POSSESSIVES and len(words) >= 3:
                prev = words[-3]  # "sønnen hennes, 14 år, ble"
            if _is_person(prev):
                return "appositive"  # "Kari, 14 år", "Mustafe (da 7 år)"
        return None
