"""PERSON: names from NER, a name gazetteer and context.

- NER PER spans (NorNE's PER label);
- gazetteer first names, extended by a following surname; names that are also ordinary words
  (Liv, Per, Sol, Vår, Bjørn, Mai, Eli, Ask) only in name context: capitalised mid-sentence,
  after a family word or title ("sønnen Per"), before a speech verb ("Per sa"), or with a surname;
- any capitalised word after a family word or title (also as an appositive: "kontaktlæraren,
  Senait, spurde"), and before "sa"/"fortalte" (foreign names);
  a listed name that is also an ordinary word before an age in brackets ("Tone (41) fortalte");
  a listed name that is also an ordinary word (Ask, Berg) before or after a speech verb ("Ask
  fortalde", "sa Ask"), opening a round of participants ("- Eli: gift med", "- Liv (referent):"),
  or before another part of a name ("Inga Máret Gaup");
- an unknown capitalised word before an age in brackets or joined to a first name ("Mai og Linh
  (9 og 11 år)");
- names typed in lower case in name context ("kari sa", "moren kari", "sol (16)", "vår (ei
  venninne)");
- names the words around them give away, in any case and even when they are ordinary words:
  after a naming verb ("heter ole-martin", "kaller «Kaka»"), in a signature ("mvh siv", a dash
  and a name on the last line), in brackets after the writer ("jeg (siv)"), a nickname ("«Bassen»
  blant venner"), the speaker after a quote ("» – sol"), a first name in bold opening a bullet
  ("- **Vår** fortalte");
- in the header, each name on a leader or referent line, cut at the next label ("Møteleder: Kari
  Hansen. Referent: Ola Berg"), a role word before it and the full stop after it, also in lower
  case ("rom-leder: siv bakke");
- initials ("K.H.", "K. H.", "K. Hansen"), and a one-letter initial before a verb or an age or as
  a quote's speaker ("siden R. var", "- Y. (17)") or between commas after a person word ("En
  jente, S., ville"); lower-case initials that are no abbreviation ("k.h.", not "m.m.");
  possessives ("Karis") and hyphenated names are one span;
- since 1.5.0: any word spelt with letters Norwegian does not use ("Ánde", "Nguyễn Thị Lan",
  "rūta"), unless a place preposition precedes it; a word-name described after "er" ("Lykke er
  storesøster til"), before ", som", or before a short verb ("Liv bur i"); a lower-case name with
  a known surname ("vår hansen"); an unknown lower-case word between commas after a person word
  ("den eldste, ayaan, har");
- since 1.6.0: names in capitals ("MOR (ANNE) FORTALTE", "(LINE MARIE SKOG)", "(DAG)"); a
  word-name joined by "og" to a first name ("Liv og Per-Arne Rein"), or typed in lower case before
  "sa", after a family word ("morfar dag –"), before a bare age ("mia 4") or before a capitalised
  surname ("stein Halvorsen"). Never names: placeholders ("NN", "X"), family words the name lists
  hold ("Mormor"), a verb's imperative opening a line ("Lim inn").
- since 1.7.0: up to two little words after a naming verb ("kalla ho alltid «Maipus»", "kalle
  ham «Tronna»", "kallenavnet hans var"); a quoted nickname asked about ("Kva er «Bubben»?").
  Names listed with a flagged name, owning a family member or joined to a family word are found
  by the stage (``nlp/pii/name_links.py``).
- since 1.8.0: the article dialects put before a name ("hu Marit", "han ask", "ho liv"; not a
  verb after the pronoun, "ho nikka"); a name opening a bullet before a quote after a colon or
  before a bracket ("- Hawi: «…»", "- ask (…)"); a lower-case name no list knows as a word after
  a speech verb ("sa nhung"); a surname that is also a word ending a lower-case given name
  ("emil bakken,"); a family's surname ("Fam. Strand", "familien Haugen"); a capital alone before
  an age in brackets ("K (14/m)"); "T-A B."; a quoted nickname before a bracket saying who
  («Tussa» (ungdommen …)); a naming verb, one word and a quoted name ("kaller broren «bigz»"), or
  a capitalised word ("kallar dei han Stormen"); first names written with digits for letters or
  with emojis inside ("M4ja", "Li❤️v"); three lower-case initials ("j.m.e."); initials after
  "Ref.".
- since 1.9.0: a name before the service the person comes from ("Berg fra PPT"); a person known
  by a farm ("Nils på Øvre Haugland"); a Word comment's initials ("[KH1]"). Never names: an
  acronym joined to a word ("BV-tj"), a capitalised abbreviation without a vowel ("Fb"),
  "N.N.", "P.S.", a lower-case word-name after "hver", "neste" … ("hver dag, som").
- since 1.10.0: a word-name before an age between commas ("- Lykke, 16 år, sa"). Never names:
  dialect pronouns ("di", "hu"), a number written with at most one letter ("§ 10a", "130").
- since 1.11.0: a name in a service ("Dag i hjemmetjenesten"); a lower-case word-name after a
  family word before a verb ("søstra liv ruser seg"). Never names: a word said twice ("Dag etter
  dag"), laws ("Helsepersonellova"), languages ("tyrkisk").
- since 1.12.0: a word in another script than the Latin one ("ياسمين", "Олена"). Never names: a
  lower-case word after a determiner ("samme dag (971 …)"), "Kan" opening a question.
- since 1.16.0: a lower-case word-name before "som er" and an age ("storm som er tolv"), before
  a pronoun taking it up ("lykke hun var"), after "snakket med", or after an age verb before
  "bare" and an age ("da var storm bare åtte"); two lower-case given names ("mai britt hun"); a
  capitalised word that is also a word, between commas or before a verb after a family word or
  a dialect article ("Kjæresten hans, Nok, snakker"); a Teams transcript's speaker line
  ("Helland, Dag (Sykehuset Innlandet)   18:08"); "Signatur referent: KJL"; "M.W.-N.". Never
  names: "er", "var", "har", "hadde" in a lower-case list; a form's choice after a checkbox
  ("☒ Annet:").
- since 1.17.0: a name cut to its initial ("Mor til T", «bare kall meg K.», "[Kari/K.]"),
  spelt out ("H-O-D-A-N") or dictated ("K punktum H punktum"); "dela" as a name particle;
  a lower-case word-name after "takk til" ("takk til liv,").
- since 1.18.0: a name after "barnebarnet"; a name before an age in brackets after "snart"
  ("Sol (snart 13)"); an unknown capitalised word opening a line before ", som" ("- Siriporn,
  som kalles Nok"), unless it ends as a noun; "D.-E."; a nickname in quote marks alone in
  brackets ("Dawit («Dawa»)"); the letters of a name key ("E = Eir Storm-Larsen"). Never names:
  the first word of a chat message after its sender ("[21:52] Tommy: Ja!").
- since 1.19.0: "ould" as a name particle (the stage joins "Sidi ould Ahmedou" and a name or
  place given in two languages, "Sállan/Sørøya").
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from presidio_analyzer import RecognizerResult
from spacy.tokens import Doc, Token

from nlp.pii.doc_view import doc_text, line_facts, token_view
from nlp.pii.lexicon import (
    ABBREVIATED_ROLES,
    EPONYM_NOUNS,
    NEVER_NAMES,
    PLACE_PREPOSITIONS,
    PLACEHOLDERS,
    POSSESSIVES,
    SPEECH_VERBS,
    STRICT_SPEECH,
    WORD_NAMES,
    has_foreign_letters,
    in_another_script,
    is_acronym_compound,
    is_allowed,
    is_common_word,
    is_first_name,
    is_imperative,
    is_law,
    is_ordinary_word,
    is_place,
    is_relation_word,
    is_role_noun,
    is_surname,
    is_word,
)
from nlp.pii.recognizers.age import TEENS, UNITS
from nlp.pii.recognizers.spacy_base import (
    DocRecognizer,
    is_sentence_start,
    ner_spans,
)
from nlp.structure.header import PEOPLE_FIELDS, field_of
from nlp.word_cache import remember

NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "dela",  # "Maricel dela Cruz"
        "ould",  # "Sidi ould Ahmedou"
        "de",
        "der",
        "den",
        "da",
        "di",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "du",
        "af",
        "ter",
        "ten",
        "binti",
        "bint",
    }
)
VERB_ENDINGS = ("er", "te", "de", "et", "ar")
INITIALS = re.compile(
    r"(?<![\w.])(?:[A-ZÆØÅ]\.[ \t]?){1,2}[A-ZÆØÅ]\.(?:-[A-ZÆØÅ]\.)?(?!\w)"  # "M.W.-N."
    r"|(?<![\w.])[A-ZÆØÅ]\.-[A-ZÆØÅ]\.(?!\w)"  # "Tor Henrik D.-E.": a double surname
    # hyphenated initials of double names ("P-O Ø-H" for Per-Olav Ødegård-Hansen)
    r"|(?<![\w-])[A-ZÆØÅ]-[A-ZÆØÅ](?:[ \t]+[A-ZÆØÅ]-[A-ZÆØÅ]|[ \t]+[A-ZÆØÅ]\.)?(?![\w-])"
    r"|(?<![\w.])[A-ZÆØÅ]\.[ \t]?[A-ZÆØÅ][a-zæøå]{2,}(?:s)?\b"  # not across a line break
)
# initials typed in lower case ("k.h."), unless a common abbreviation ("m.m.", "o.l.", "t.d.")
LOWER_INITIALS = re.compile(r"(?<![\w.])[a-zæøå]\.[a-zæøå]\.(?:[a-zæøå]\.)?(?![\w.])")
DOTTED_ABBREVIATIONS = frozenset(
    "m.m. o.l. t.d. m.a. e.l. d.d. s.k. p.t. a.s. i.e. e.g. o.a. m.v. d.e. n.å. b.l. t.o. i.a. "
    "v.s. f.o. a.a. e.a. f.k. o.k. u.a. k.a. h.h. s.d. m.h. m.fl. t.h. t.v. v.h. i.d. a.m. p.m. "
    "e.kr. f.kr. n.b. o.s. s.e. f.v. el. d.v. d.s. p.s. e.m. f.m. t.o.m. f.o.m. m.a.o. o.s.v. "
    "d.v.s. p.g.a. i.f.m. i.f.t. m.h.t. e.l.l. o.a.a.".split()
)
# a name written with digits for letters, as youth write theirs ("M4ja", "3mil", "j0nas"), or
# with emojis inside ("Li❤️v", "So🌸fie"): read without them it is a known first name
_DIGITS_FOR_LETTERS = str.maketrans("4301", "aeol")
DIGIT_NAME = re.compile(r"(?<![\w@#])[^\W\d_]*\d[^\W_]*(?![\w@#])")  # length checked after
_EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]"
_ANY_EMOJI = re.compile(_EMOJI)
EMOJI_NAME = re.compile(r"(?<![\w@#])[^\W\d_]+(?:" + _EMOJI + r"+[^\W\d_]+)+(?![\w@#])")
NER_LABELS = {"PER"}
HEADER_NAME = re.compile(r"[^,;/&|·()\n]+?(?=\s*(?:[,;/&|·(]|\bog\b|$))")
_WORD_NAME = r"(?P<name>[^\W\d_]+(?:-[^\W\d_]+)*)"
# a name given by a naming verb ("den eldste heter ole-martin", "som alle kaller «Kaka»"), in a
# signature ("mvh siv", "Hilsen\nTone") or in brackets after the writer ("jeg (siv) skrev")
NAMED_BY = re.compile(
    r"\b(?:heter|heiter|het|hette|kalles|kallast|kalt|kalla|kalle|kaller|kallar|kalte"
    r"|kallenavn(?:et|ene|a)?|kallenamn(?:et|a)?|økenavn(?:et|ene|a)?|tilnavn(?:et|ene|a)?"
    r"|under\s+(?:navnet|navnene|navna|namnet|namna))\s+"
    # up to two little words between ("kalla ho alltid «Maipus»", "kalle ham «Tronna»")
    r"(?:(?:ofte|alltid|gjerne|bare|berre|også|for|seg|meg|deg|oss|dem|dei|han|ham|henne|ho|hun"
    r"|hans|hennes|hennar|deres|deira|sin|sitt|var|er|vart|ble)\s+){0,2}"
    # or any one word before a name in quote marks ("kaller broren «bigz»")
    r"(?:(?!(?:det|dette|den|denne|noe|noko|sånt|slikt|slik|alt)\s)[^\W\d_]+\s+(?=[«\"“]))?"
    r"(?P<quote>[«\"“'])?"
    + _WORD_NAME
    # a name in quote marks ends at the closing mark, not inside a phrase («ni måneders …»)
    + r"(?(quote)(?=[»\"”']|\s(?-i:[A-ZÆØÅ])))",
    re.IGNORECASE,
)
# a nickname in quote marks asked about ("Kva er «Bubben»?", "Hvem er 'Tassen'?"): a quoted
# capitalised word that someone asks who or what is
ASKED_ABOUT = re.compile(
    r"\b(?:hvem|kven|hva|kva)\s+(?:er|var)\s+[«\"“'](?P<name>(?-i:[A-ZÆØÅ])[^\W\d_]+"
    r"(?:-[^\W\d_]+)*)[»\"”']\s*\?",
    re.IGNORECASE,
)
# a signature's greeting and the name, with the surname or initial after it ("Helsing Niillas S.")
_SIGNATURE = (
    r"(?:mvh|m\.v\.h\.?|(?:med\s+)?(?:vennlig|venleg)\s+(?:hilsen|helsing)"
    r"|hilsen|helsing|beste\s+hilsen|ref\.|referent:|signatur(?:[ \t]+referent)?:)[\s,]+"
    r"(?P<name>[^\W\d_]+(?:-[^\W\d_]+)*(?-i:(?:[ \t]+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][^\W\d_]+))*))"
)
SIGNED = re.compile(r"^[ \t]*" + _SIGNATURE, re.IGNORECASE | re.MULTILINE)
# a signature after a sentence inside a quoted message ("… ved kaia på leirvik. mvh jonken»")
SIGNED_INLINE = re.compile(r"(?<=[.!?] )" + _SIGNATURE, re.IGNORECASE)
# a speaker's line in a meeting transcript pasted from Teams: "Helland, Dag (Sykehuset
# Innlandet)   18:08", "Kari Nordmann   0:03:12" (the display name, surname first or last)
TRANSCRIPT_SPEAKER = re.compile(
    r"^(?P<name>[A-ZÆØÅ][^\W\d_]+(?:-[^\W\d_]+)?,?"
    r"(?:[ \t]+[A-ZÆØÅ][^\W\d_]*\.?(?:-[^\W\d_]+)?){1,3})"
    r"(?:[ \t]+\([^()\n]{2,60}\))?[ \t]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[ \t]*$",
    re.MULTILINE,
)
# a nickname in quote marks that the words after it say is one ("«Bassen» blant venner"), or
# that a bracket after it says who is ("«Tussa» (ungdommen fra møtet)", "«Tuppen» (11/k)")
NICKNAME = re.compile(
    r"[«\"“]" + _WORD_NAME + r"[»\"”](?:,?\s+blant\s+(?:venner|vennene|kameratene|kompisene|"
    r"venninnene|vener|venene|klassekameratene|søsknene)\b"
    r"|[ \t]+\((?=\d|(?:en|ei|ein)?[ \t]*(?:ungdom|jent|gut|mor|far|sønn|son|dotter|datter|bror|"
    r"søster|syster|elev|venn|kompis|bestemor|bestefar)))",
    re.IGNORECASE,
)
# a nickname in quote marks between a given name and a surname ("Geir «Bamsen» Bakken")
INNER_NICKNAME = re.compile(
    r"\b(?P<given>[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?)[ \t]+[«\"“]" + _WORD_NAME + r"[»\"”]"
    r"(?=[ \t]+[A-ZÆØÅ][^\W\d_]+)"
)
# a name as a register or a school writes it ("står som «Yaqub» i folkeregisteret")
WRITTEN_AS = re.compile(
    r"\b(?:står|stod|sto|er[ \t]+registrert|er[ \t]+skrevet|er[ \t]+skriven)[ \t]+"
    r"(?:oppført[ \t]+|oppførd[ \t]+)?som[ \t]+[«\"“]" + _WORD_NAME + r"[»\"”]",
    re.IGNORECASE,
)
# a name told before who calls someone so ("Jenja, som vennene kaller henne, har …")
NAMED_BEFORE = re.compile(
    r"\b(?P<name>[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?),[ \t]+som[ \t]+"
    r"(?:[^\W\d_]+[ \t]+){1,2}(?:kaller|kallar|kalte|kalla)[ \t]+"
    r"(?:henne|ham|han|ho|hen|seg)\b"
)
# a short name before the full name in brackets ("Sol (Solveig Granli) er fostermor")
ALIAS_BEFORE_FULL_NAME = re.compile(
    r"\b(?P<name>[A-ZÆØÅ][^\W\d_]+)[ \t]+\((?P<given>[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?)"
    r"(?:[ \t]+[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?){1,2}\)"
)
# what each of those patterns needs in a note, found by a search that starts at a rare character
# (the patterns themselves start at every capitalised word)
_NEEDED_BY = {
    INNER_NICKNAME: re.compile(r"[«\"“][A-ZÆØÅ][^\W\d_]*(?:-[^\W\d_]+)*[»\"”][ \t]+[A-ZÆØÅ]"),
    WRITTEN_AS: re.compile(r"som[ \t]+[«\"“]", re.IGNORECASE),
    NAMED_BEFORE: re.compile(r"[ \t]kall[ae]", re.IGNORECASE),
    SIGNED_INLINE: re.compile(r"[.!?] (?:mvh|m\.v\.h|hilsen|helsing|vennlig|venleg|beste)", re.I),
    ALIAS_BEFORE_FULL_NAME: re.compile(r"\([A-ZÆØÅ][^\W\d_]+(?:-[^\W\d_]+)?[ \t]+[A-ZÆØÅ]"),
}
# a nickname alone in brackets after the name it shortens ("storebroren Dawit («Dawa»)")
BRACKETED_NICKNAME = re.compile(r"(?<=\()[«\"“]" + _WORD_NAME + r"[»\"”](?=\))")
# the speaker named after a quote ("«eg trudde det var mi skuld» – sol"), and a note signed
# with a dash and a name on its last line ("– Liv")
ATTRIBUTED = re.compile(
    r"[»”\"][.,!?]?[ \t]*[–—-][ \t]*" + _WORD_NAME + r"(?=[ \t]*(?:,|$))"
    r"|^[ \t]*[–—][ \t]*" + _WORD_NAME.replace("name", "signed") + r"[ \t]*\s*\Z",
    re.MULTILINE,
)
_DOTTED_CAPITALS = frozenset({"P.S.", "P.P.S.", "N.B.", "O.K."})
# a person known by a farm ("Jon på Nedre Tveit", "Nils på Øvre Haugland"): one name
FARM_NAME = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)[ \t]+på[ \t]+"
    r"(?:Nedre|Øvre|Nordre|Søndre|Søre|Vestre|Austre|Østre|Indre|Ytre|Midtre|Mellom|Store"
    r"|Vesle|Litle|Lille)[ \t]+[A-ZÆØÅ][a-zæøå]+(?![\w-])"
)
# the code a note gives someone instead of a name ("Fagperson B", "Mor 1", "Ungdom 3")
_ROLE_CODE = re.compile(r"([^\W\d_]+)[ \t]+(?:[A-ZÆØÅ]|[0-9]{1,2})")
_WORD_BEFORE = re.compile(r"[^\W\d_]+[ \t]+$")


def _is_role_code(text: str) -> bool:
    """ "Fagperson B", "Mor 1", "Ungdom 3": a role and the code a note gives it for a name."""
    code = _ROLE_CODE.fullmatch(text.strip())
    if code is None:
        return False
    role = code.group(1)
    return role.lower() in NEVER_NAMES or is_role_noun(role) or _family_word(role)


# the initials in a Word comment's marker ("Kommentar [KH1]:", "[TL2]"), or opening a comment
# to colleagues in square brackets ("[AB: I det første notatet …]")
COMMENT_MARK = re.compile(r"(?<=\[)(?P<name>[A-ZÆØÅ]{2,3})(?=[0-9]{1,2}\]|:[ \t])")
# a hashtag ("#justiceforSara", "#teamLiv") and the capitalised words inside it
HASHTAG = re.compile(r"(?<![\w#])#(?P<tag>[^\W_][\w]{2,40})")
_TAG_PART = re.compile(r"[A-ZÆØÅ][a-zæøå]{1,15}")
_CAMEL_TAG = re.compile(r"#[^\W_]\w*?[a-zæøå][A-ZÆØÅ]")  # a capital after a small letter
# a name before the service the person comes from ("Berg fra PPT tilbød", "Lie frå BUP sa"),
# even at a sentence's start or when the name is also a word
FROM_SERVICE = re.compile(
    r"(?<![\w.-])(?P<name>[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ][a-zæøåé]+)?)[ \t]+(?:fra|frå|i|på)[ \t]+"
    r"(?:PPT|PP-tjenesten|PP-tenesta|BUP|DPS|NAV|Nav|barnevernet|barnevernstjenesten"
    r"|barneverntjenesten|barneverntenesta|barnevernstenesta|helsestasjonen|familievernet"
    r"|familievernkontoret|Bufetat|habiliteringa|habiliteringen|habiliteringstjenesten"
    r"|rustjenesten|rustenesta|legevakten|legevakta|kommunen|skolen|skulen|hjemmetjenesten"
    r"|heimetenesta|hjemmesykepleien|heimesjukepleia)\b"
)
# a one-letter initial standing for a name: before a verb or an age ("siden R. var", "- Y. (17)",
# "S. fikk"), or naming the speaker after a quote ("» – R.")
INITIAL_ALONE = re.compile(
    r"(?<![\w.])(?P<name>[A-ZÆØÅ]\.)(?=[ \t]+(?:\(\d|[a-zæøå]))"
    # between commas after a person noun ("En jente, S., ville ikke")
    r"|\b(?:jente|jenta|gutt|gutten|gut|guten|mor|far|ungdom|deltaker|deltakar|elev),[ \t]"
    r"(?P<appositive>[A-ZÆØÅ]\.)(?=,)"
    r"|[»”\"][.,!?]?[ \t]*[–—-][ \t]*(?P<speaker>[A-ZÆØÅ]\.)(?=[ \t]*(?:,|$))"
    # a capital letter alone before an age in brackets ("mor (43/k) til K (14/m)")
    r"|(?<![\w.])(?P<bare>[A-ZÆØÅ])(?=[ \t]+\([ \t]*\d{1,3}(?:[ \t]*år)?(?:/[mkfgjMKFGJ])?\))"
    # "Mor til T fortalte", "bare kall meg K.", "[Kari/K.]": a name cut to its initial
    r"|\b(?:[Mm]or|[Ff]ar|[Mm]amma|[Pp]appa|[Ss]øster|[Bb]ror|[Ff]oreldrene)[ \t]+til[ \t]+"
    r"(?P<owned>[A-ZÆØÅ])(?![\w.])"
    r"|\b[Kk]all(?:e|a)?[ \t]+meg[ \t]+(?P<called>[A-ZÆØÅ]\.?)(?![\w])"
    r"|(?<=/)(?P<alternative>[A-ZÆØÅ]\.)(?=\])"
    # a name spelt out letter by letter ("H-O-D-A-N", "K-A-R-I"), as a dictation writes it
    r"|(?<![\w-])(?P<spelt>[A-ZÆØÅ](?:-[A-ZÆØÅ]){2,})(?![\w-])"
    # a key of initials to names ("E = Eir Storm-Larsen"), left at the end of a draft
    r"|^(?P<key>[A-ZÆØÅ]\.?)(?=[ \t]*=[ \t]*[A-ZÆØÅ][a-zæøå])"
    # initials dictated ("K punktum H punktum")
    r"|\b(?P<dictated>[A-ZÆØÅ][ \t]+punktum(?:[ \t]+[A-ZÆØÅ][ \t]+punktum)+)",
    re.MULTILINE,
)
_AGE_AND_SEX = re.compile(r"\d{1,3}/[mkfgjMKFGJ]")
# a name in bold at the start of a bullet or line ("- **Vår** fortalte", "**Dag**, far til …")
BOLD_NAME = re.compile(
    r"^[ \t]*(?:[-*•–][ \t]+)?\*\*(?P<name>[A-ZÆØÅ][^\W\d_]+(?:[ -][A-ZÆØÅ][^\W\d_]+)?)\*\*"
    r"(?=[ \t]*[,(:]?[ \t]*\w)",
    re.MULTILINE,
)
# a family by its surname ("Fam. Strand, Jevnakervegen 112", "familien Haugen")
FAMILY_NAME = re.compile(
    r"\b(?:[Ff]am\.|[Ff]amilien|[Ff]amilia|FAM\.)[ \t]+"
    r"(?P<name>[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?)"
)
WRITER_IN_BRACKETS = re.compile(
    r"\b(?:jeg|eg|meg|referent|referenten)\s*\(" + _WORD_NAME + r"\)", re.IGNORECASE
)
LEADING_LOWER = re.compile(r"(?:\s*[a-zæøå][\w.-]*(?=\s))*\s*")
# words a model's person span may start with that are not part of the name ("Mvh Eli",
# "Miljøterapeut Kjetil Brå-Nilsen")
GREETINGS = frozenset({"mvh", "hilsen", "helsing", "hei", "hallo", "kjære", "takk"})
# "Yasmin al-Amin", "Jan van der Berg": a particle joined to the surname or before it
PARTICLE_JOINED = re.compile(r"(?:" + "|".join(sorted(NAME_PARTICLES)) + r"|abu|ul)-[A-ZÆØÅ]")
INITIAL = re.compile(r"[A-ZÆØÅa-zæøå]\.")
_CAPS_WORD = re.compile(r"\b[A-ZÆØÅ]{3,}\b")
# verbs too short for VERB_ENDINGS that a person does ("Liv bur i Askvoll", "Dag fekk")
_SHORT_VERBS = frozenset(
    {"bor", "bur", "har", "fikk", "fekk", "gikk", "gjekk", "kom", "tok", "sa", "ga", "gav"}
)
# "i mai sa han": a month, not a name, before the speech verb
_TIME_BEFORE = frozenset({"i", "fra", "frå", "til", "innen", "innan", "neste", "hver", "kvar"})
_COUNTED = frozenset(
    {
        "dager",
        "dagar",
        "uker",
        "veker",
        "timer",
        "timar",
        "kr",
        "kroner",
        "prosent",
        "ganger",
        "gonger",
        "minutter",
        "stk",
        "personer",
        "mnd",
        "måneder",
        "månader",
    }
)
_ELDEST = frozenset({"eldste", "yngste", "minste", "mellomste", "eldst", "yngst", "minst"})
_BEING = frozenset({"er", "var", "blir", "ble", "blei", "vart"})
# "storm som er tolv": a number that tells an age after "som er"
_AGE_NUMBERS = frozenset(UNITS) | frozenset(TEENS) | {str(n) for n in range(1, 26)}
# "lykke hun var jo bare fire": the pronoun that takes up a name, then its verb
_TAKING_UP = frozenset({"hun", "han", "ho", "hu"})
_TAKEN_UP_VERBS = _BEING | frozenset(
    {"har", "hadde", "sa", "sier", "fikk", "fekk", "gikk", "gjekk", "kom", "hun", "skulle"}
)
# "ingen snakket med storm": talked with a person
_TALKED = frozenset(
    {"snakket", "snakka", "snakke", "snakker", "pratet", "prata", "prate", "prater", "snakkar"}
)
_ARTICLES = frozenset({"en", "ei", "ein", "et", "eit"})
# the article some dialects put before a name ("hu Marit", "han ola")
_PREPROPRIAL = frozenset({"han", "ho", "hu"})
_QUOTES = frozenset({"«", '"', "“", "'"})
# after these a word with foreign letters is a place ("fra gdańsk"), which LocationRecognizer has
PLACES_BEFORE = PLACE_PREPOSITIONS | {"bor", "bur", "bodde", "budde"}
# people named in brackets as who someone is, beside family words and roles ("vår (ei venninne)")
_PEERS = frozenset(
    {"venn", "venninne", "vennen", "venninna", "venninnen", "kompis", "kamerat", "kjæreste"}
)


def _only_in_an_appositive(text: str) -> bool:
    """A lower-case word that ``_may_be_name`` lets through only because no list knows it: a name
    only between commas after a person word ("den eldste, ayaan, har"), so other places are
    skipped before ``_name_at`` is asked."""
    title = _title(text)
    return (
        text.islower()
        and not is_first_name(title)
        and title not in WORD_NAMES
        and not has_foreign_letters(text)
    )


def _family_word(word: str) -> bool:
    """A family word or title ("Mormor", "MORMOR"), unless it is also a name ("Bror")."""
    return is_relation_word(word.lower()) and _title(word.lower()) not in WORD_NAMES


def _title(word: str) -> str:
    """ "ole-petter" -> "Ole-Petter": each part of a name capitalised."""
    return "-".join(part.capitalize() for part in word.split("-"))


# words before a noun, never before a name typed in lower case ("hver dag, som ringte")
_DETERMINERS = frozenset(
    {"hver", "hvert", "kvar", "kvart", "annenhver", "annankvar", "neste", "samme", "same",
     "hele", "heile", "denne", "dette", "den", "det", "en", "ei", "et", "ein", "eit", "første",
     "fyrste", "siste", "ingen", "ingi", "noen", "nokon", "all", "alle"}
)  # fmt: skip
_MAY_BE_NAME: dict[str, bool] = {}
_NOUN_ENDINGS = ("inga", "ingar", "ingane", "inger", "ingene", "ingen", "sjon", "sjonen", "sjonar")
_REPEATED = frozenset({"etter", "for", "til", "om", "på"})
_VOWELS = frozenset("aeiouyæøå")


def _has_vowel(word: str) -> bool:
    """Whether a letter of ``word`` is a vowel, with or without marks ("é", "ơ", "ư", "ă")."""
    return any(unicodedata.normalize("NFD", c)[0] in _VOWELS for c in word.lower())


def _abbreviation_without_vowel(word: str) -> bool:
    """A capitalised word without a vowel that no name list knows ("Fb", "Fp", "Bvtj"): a
    note's own abbreviation. Initials in capitals ("KH") are left to the other rules."""
    return (
        word[:1].isupper()
        and any(c.islower() for c in word)
        and not _has_vowel(word)  # "Thơ" has one
        and not (is_first_name(word) or is_surname(word))  # "Ng"
    )


def _may_be_name(text: str) -> bool:
    """The checks of ``_name_at`` that look at the word alone (kept per word): most tokens are
    ruled out here without making a ``Token`` for them. A word that is too short, not a word,
    cut off ("helse-"), allow-listed, never a name or a role noun is not a name; a lower-case
    word is one only when it is a first name."""
    known = _MAY_BE_NAME.get(text)
    if known is None:
        known = remember(
            _MAY_BE_NAME,
            text,
            len(text) >= 2
            and not text[0].isdigit()  # "§ 10a"
            and is_word(text)
            and not text.endswith("-")
            and not is_allowed(text)
            and text.lower() not in NEVER_NAMES
            and text.lower() not in GREETINGS  # "Helsing" is also a surname
            and text not in PLACEHOLDERS
            and not is_role_noun(text)
            and not _family_word(text)
            and not is_acronym_compound(text)  # "BV-tj", "BUP-legen"
            and not _abbreviation_without_vowel(text)  # "Fb (9)", "Fp opplever"
            and not is_law(text)  # "Helsepersonellova seier"
            and not (  # "Avlysingar kjem seint": a noun made from a verb, unless a listed name
                text.lower().endswith(_NOUN_ENDINGS)
                and not (is_first_name(text) or is_surname(text) or text in WORD_NAMES)
            )
            and (
                not text.islower()
                or is_first_name(_title(text))
                or _title(text) in WORD_NAMES
                or has_foreign_letters(text)  # "rūta", "gdańsk"
                or (len(text) >= 3 and not is_ordinary_word(text))  # "den eldste, ayaan,"
            ),
        )
    return known


def _given_name(word: str) -> bool:
    """Whether ``word``, in a place where a name is expected, is one: a known first name
    (also "siv", "tone"), or a word that is not an ordinary one ("ole-martin")."""
    lower = word.lower()
    if lower in NEVER_NAMES or is_allowed(word) or is_role_noun(word):
        return False
    title = _title(word)
    return is_first_name(title) or not (is_common_word(lower) or is_ordinary_word(title))


class PersonRecognizer(DocRecognizer):
    ENTITY = "PERSON"
    NAME = "person"

    def _find(self, doc: Doc) -> list[RecognizerResult]:
        base = self.config.score
        results: list[RecognizerResult] = []
        for ent, start, end, text in ner_spans(doc, NER_LABELS):
            last = text.split()[-1]
            if (is_place(text) and not is_first_name(text)) or (
                " " in text and is_place(last) and not is_surname(last)
            ):
                continue  # a place the model called a person; LocationRecognizer has it
            if any(w.islower() and w not in NAME_PARTICLES for w in text.split()):
                continue  # "Downs syndrom": names are capitalised (but "van", "bin" ...)
            if ent.end < len(doc) and doc[ent.end].lower_ in EPONYM_NOUNS:
                continue  # "Downs syndrom", "Aspergers syndrom": a diagnosis
            if all(w in PLACEHOLDERS or w.islower() for w in text.split()):
                continue  # "NN", "frå NN": what a referent writes instead of a name
            if any(c.isdigit() for c in text) or (
                len(text.split()) == 1 and text.lower() in NEVER_NAMES
            ):
                continue  # "Hamar 120324", "kl. 18.00": no name has digits; "English", "meg"
            if _family_word(text.split()[0]) and len(text.split()) <= 2:
                continue  # "Mormor", "MORMOR TIL": a family word the model took for a name
            first = doc[ent.start]
            if (
                ent.end - ent.start == 1
                and is_sentence_start(first)
                and ent.end < len(doc)
                and doc[ent.end].text.islower()
                and is_imperative(text)
            ):
                continue  # "Lim inn fra Teams": a verb opening a line
            start = _without_leading_roles(doc, ent.start, ent.end, start)
            role = _WORD_BEFORE.search(doc_text(doc), max(0, start - 30), start)
            if role is not None and _is_role_code(doc_text(doc)[role.start() : end]):
                continue  # "Fagperson B", "Mor 1": a role's code, not an initial
            if not is_allowed(doc_text(doc)[start:end]):
                results.append(self.result(start, end, base, "NER PER"))
        texts = token_view(doc).texts
        i = 0
        while i < len(doc):
            if not _may_be_name(texts[i]) or (
                _only_in_an_appositive(texts[i]) and (i == 0 or texts[i - 1] != ",")
            ):
                i += 1
                continue
            found = self._name_at(doc, i)
            if found is None:
                i += 1
                continue
            score, why = found
            end = i + 1
            lower_case = texts[i].islower()
            while end < len(doc) and (
                self._continues_name(doc[end])
                or (lower_case and _continues_lower(doc[end]))
                or (not lower_case and _surname_after_given_name(doc[end]))
                or (not lower_case and end == i + 1 and _lower_surname_after_given_name(doc[end]))
            ):
                end += 1
            begin = i
            while (
                begin > 0
                and self._continues_name(doc[begin - 1])
                and not is_common_word(texts[begin - 1])  # "Da Sindre kom"
                and not is_sentence_start(doc[begin])
            ):
                begin -= 1  # "Micheál Martin": a first name the lists do not know
            if (
                lower_case
                and begin > 1
                and texts[begin - 1].islower()
                and is_first_name(_title(texts[begin - 1]))
                and len(texts[begin - 1]) >= 3
                and texts[begin - 1] not in NEVER_NAMES
                and not is_relation_word(texts[begin - 1])  # "mormor ebba"
                and (_title(texts[begin - 1]) in WORD_NAMES or not is_common_word(texts[begin - 1]))
                and texts[begin - 2].lower() not in _TIME_BEFORE | _DETERMINERS
                and not is_sentence_start(doc[begin])
            ):
                begin -= 1  # "mai britt hun var": the first of two given names in lower case
            if (
                begin > 0
                and not lower_case
                and texts[begin - 1].islower()
                and _title(texts[begin - 1]) in WORD_NAMES
                and is_surname(texts[begin])
            ):
                begin -= 1  # "en far stein Halvorsen": a word-name typed in lower case
            start_char, end_char = doc[begin].idx, doc[end - 1].idx + len(doc[end - 1].text)
            results.append(self.result(start_char, end_char, score, why))
            i = end
        results += self._names_in_capitals(doc)
        for match in INITIALS.finditer(doc_text(doc)):
            # "N.N.": a name left out; "P.S.", "N.B.": no initials
            if match.group() not in PLACEHOLDERS and match.group() not in _DOTTED_CAPITALS:
                results.append(self.result(match.start(), match.end(), base - 0.15, "initials"))
        results += self._disguised_names(doc_text(doc))
        for match in LOWER_INITIALS.finditer(doc_text(doc)):
            if match.group() not in DOTTED_ABBREVIATIONS:
                results.append(self.result(*match.span(), base - 0.25, "initials in lower case"))
        for match in INITIAL_ALONE.finditer(doc_text(doc)):
            group = match.lastgroup or "name"
            results.append(self.result(*match.span(group), base - 0.25, "one-letter initial"))
        for match in BOLD_NAME.finditer(doc_text(doc)):
            first = match.group("name").split()[0].split("-")[0]
            if is_first_name(first) or first in WORD_NAMES:
                results.append(self.result(*match.span("name"), base - 0.2, "a name in bold"))
        for match in FARM_NAME.finditer(doc_text(doc)):
            name = match.group("name")
            if (is_first_name(name) or name in WORD_NAMES) and _may_be_name(name):
                results.append(self.result(*match.span(), base - 0.1, "known by a farm"))
        for k, word in enumerate(texts):
            if in_another_script(word):  # "Yasmin (ياسمين)", "Olena (Олена)"
                start_char = doc[k].idx
                results.append(
                    self.result(start_char, start_char + len(word), base - 0.2, "other script")
                )
        if _CAMEL_TAG.search(doc_text(doc)):
            results += self._names_in_hashtags(doc_text(doc))
        for match in COMMENT_MARK.finditer(doc_text(doc)):
            if not is_allowed(match.group("name")):
                results.append(self.result(*match.span("name"), base - 0.2, "comment's initials"))
        for match in FROM_SERVICE.finditer(doc_text(doc)):
            name = match.group("name")
            if (is_surname(name) or is_first_name(name) or name in WORD_NAMES) and _may_be_name(
                name
            ):
                results.append(self.result(*match.span("name"), base - 0.2, "from a service"))
        results += self._header_people(doc)
        results += self._named_in_context(doc_text(doc))
        for match in TRANSCRIPT_SPEAKER.finditer(doc_text(doc)):
            words = match.group("name").replace(",", " ").split()
            if not any(is_allowed(word) for word in words) and any(
                is_first_name(w) for w in words
            ):  # a given name: not an agenda's "Innledning Deltaker   18:10"
                results.append(self.result(*match.span("name"), base - 0.1, "transcript speaker"))
        return results

    def _names_in_hashtags(self, text: str) -> list[RecognizerResult]:
        """A first name written into a hashtag after other words ("#justiceforSara")."""
        found = []
        for match in HASHTAG.finditer(text):
            for part in _TAG_PART.finditer(match.group("tag")):
                name = part.group()
                if part.start() == 0 or not (is_first_name(name) or name in WORD_NAMES):
                    continue
                start = match.start("tag") + part.start()
                found.append(
                    self.result(start, start + len(name), self.config.score - 0.2, "hashtag")
                )
        return found

    def _names_in_capitals(self, doc: Doc) -> list[RecognizerResult]:
        """Names written in capitals ("MOR (ANNE) FORTALTE", "- ANNE:", "(LINE MARIE SKOG)"): a
        first name that is no ordinary word, or a word-name alone in brackets ("(DAG)"), with the
        name parts in capitals after it."""
        found = []
        view = token_view(doc)
        texts = view.texts
        i = 0
        for caps in _CAPS_WORD.finditer(doc_text(doc)):
            k = bisect.bisect_left(view.starts, caps.start())
            if k < i or k >= len(doc) or view.starts[k] != caps.start():
                continue  # inside a name already found, or not where a token starts
            i = k
            text = texts[i]
            if (
                len(text) < 3
                or not text.isupper()
                or not text.replace("-", "").isalpha()  # "ODD-ARNE"
                or is_allowed(text)
                or _family_word(text)
            ):
                continue
            title = _title(text.lower())
            bracketed = 0 < i < len(doc) - 1 and texts[i - 1] == "(" and texts[i + 1] in {")", ","}
            # "FOSTERFAR STEIN": a name that is also a word, after a family word in capitals
            after_kin = i > 0 and texts[i - 1].isupper() and _family_word(texts[i - 1])
            following = _title(texts[i + 1].lower()) if i + 1 < len(doc) else ""
            name_follows = (
                i + 1 < len(doc)
                and texts[i + 1].isupper()
                and texts[i + 1].isalpha()
                and is_first_name(following)
                and not is_common_word(following)
            )
            if not (
                (is_first_name(title) and not is_common_word(title))
                or (
                    (title in WORD_NAMES or is_first_name(title))
                    and (bracketed or name_follows or after_kin)
                )
            ):
                continue
            end = i + 1
            while (
                end < len(doc)
                and texts[end].isupper()
                and texts[end].isalpha()
                and len(texts[end]) > 1
                and not is_allowed(texts[end])
                and (
                    is_first_name(_title(texts[end].lower()))
                    or is_surname(_title(texts[end].lower()))
                    or not is_common_word(texts[end].lower())
                )
            ):
                end += 1
            start_char, end_char = doc[i].idx, doc[end - 1].idx + len(texts[end - 1])
            found.append(self.result(start_char, end_char, self.config.score - 0.2, "in capitals"))
            i = end
        return found

    def _disguised_names(self, text: str) -> list[RecognizerResult]:
        """First names written with digits for letters or with emojis inside ("M4ja", "Li❤️v")."""
        found = []
        patterns = [(DIGIT_NAME, lambda word: word.lower().translate(_DIGITS_FOR_LETTERS))]
        if _ANY_EMOJI.search(text):
            patterns.append((EMOJI_NAME, lambda word: _ANY_EMOJI.sub("", word).lower()))
        for pattern, read in patterns:
            for match in pattern.finditer(text):
                if not 3 <= len(match.group()) <= 12:
                    continue
                letters = sum(c.isalpha() for c in match.group())
                if pattern is DIGIT_NAME and letters < max(2, len(match.group()) - letters):
                    continue  # "130", "§ 10a": a number, not a name in digits ("M4ja", "L1v")
                name = read(match.group())
                # "fami1ien" is OCR's "familien"; a word with an emoji inside is a name anyway
                word = is_common_word(name) and pattern is DIGIT_NAME
                if name.isalpha() and is_first_name(name.capitalize()) and not word:
                    found.append(self.result(*match.span(), self.config.score - 0.2, "disguised"))
        return found

    def _named_in_context(self, text: str) -> list[RecognizerResult]:
        """Names that the words around them give away, whatever their case or whether they are
        also ordinary words: after a naming verb, in a signature, in brackets after the writer,
        a nickname in quote marks."""
        found = []
        for pattern, why in (
            (NAMED_BY, "name after a naming verb"),
            (SIGNED, "name in a signature"),
            (SIGNED_INLINE, "name in a signature"),
            (WRITER_IN_BRACKETS, "the writer's name in brackets"),
            (NICKNAME, "a nickname in quote marks"),
            (BRACKETED_NICKNAME, "a nickname in quote marks in brackets"),
            (INNER_NICKNAME, "a nickname in quote marks inside a name"),
            (WRITTEN_AS, "a name as a register writes it"),
            (NAMED_BEFORE, "a name before who calls someone so"),
            (ALIAS_BEFORE_FULL_NAME, "a short name before the full name in brackets"),
            (ASKED_ABOUT, "a nickname in quote marks asked about"),
            (ATTRIBUTED, "a name after a quote or as a signature"),
            (FAMILY_NAME, "a family's surname"),
        ):
            needed = _NEEDED_BY.get(pattern)
            if needed is not None and needed.search(text) is None:
                continue
            for match in pattern.finditer(text):
                group = "signed" if pattern is ATTRIBUTED and match.group("signed") else "name"
                name = match.group(group)
                if pattern is ALIAS_BEFORE_FULL_NAME and not (
                    is_first_name(match.group("given"))
                    and match.group("given").lower().startswith(name.lower()[:2])
                ):
                    continue  # "Sol (Solveig Granli)", not "Oslo (Ola Hansen)"
                if pattern is INNER_NICKNAME and not is_first_name(match.group("given")):
                    continue  # "Geir «Bamsen» Bakken", not "Tiltaket «Trygg» Bergen"
                quoted = pattern in (
                    NICKNAME,
                    ASKED_ABOUT,
                    BRACKETED_NICKNAME,
                    INNER_NICKNAME,
                    WRITTEN_AS,
                    NAMED_BEFORE,
                    ALIAS_BEFORE_FULL_NAME,
                ) or (pattern is NAMED_BY and match.group("quote") is not None)
                if name in PLACEHOLDERS or name.split()[0].lower() in NEVER_NAMES:
                    continue  # "» – X", "Helsing frå NN": the referent kept the name out
                if is_relation_word(name.lower()) or is_allowed(name.split()[0]):
                    continue  # "» – mormor": who spoke, by role; "REF. ROM BV": a service
                family = pattern is FAMILY_NAME and (is_surname(name) or not is_ordinary_word(name))
                capitalised = (
                    pattern is NAMED_BY and name[:1].isupper() and not name.isupper()
                )  # "heime kallar dei han Stormen"
                if (
                    quoted
                    or family
                    or capitalised
                    or (pattern is not FAMILY_NAME and _given_name(name))
                ):
                    start = match.start(group)
                    found.append(
                        self.result(start, start + len(name), self.config.score - 0.2, why)
                    )
        return found

    def _header_people(self, doc: Doc) -> list[RecognizerResult]:
        """Everyone named on the header's leader, co-leader and referent lines."""
        found = []
        for _line, line_fact in line_facts(doc):
            for fact in line_fact.all() if line_fact else ():
                # "Referent: Og hvem er du?": an interview's question, no name
                if fact.field in PEOPLE_FIELDS and not fact.value.rstrip().endswith("?"):
                    found += self._names_in(fact.value, fact.value_start)
        return found

    def _names_in(self, value: str, value_start: int) -> list[RecognizerResult]:
        """The names on one header line's value ("Kari Hansen og Ola Berg", "Kari, Ola Berg")."""
        found = []
        for part in HEADER_NAME.finditer(value):
            lead = LEADING_LOWER.match(part.group()).end()  # " og Per", "referent Ola"
            if not any(c.isupper() for c in part.group()):
                lead = _lower_case_header_name(part.group(), lead)
            name = part.group()[lead:].rstrip()
            if len(name) > 2 and name.endswith(".") and name[-2].islower():
                name = name[:-1]  # the full stop after "Ola Berg."
            if (
                len(name) < 2
                or is_allowed(name)
                or not name[0].isalpha()
                or any(c.isdigit() for c in name)  # "REF. ROM BV – Hamar 120324, kl. 18.00"
                or name in PLACEHOLDERS
                or name.startswith(("ROM-", "ROM "))  # "Referent: ROM-leder", "ROM psyk. helse"
            ):
                continue  # too short, a service, or a placeholder ("[navn]", "<navn>")
            if _is_role_code(name):
                continue  # "Referent: Fagperson B (T. Nilsen)": a role's code, the name after
            if not name[0].isupper() and (
                not _given_name(name.split()[0]) or not _LOWER_HEADER_NAME.fullmatch(name)
            ):
                continue  # a lower-case name ("siv bakke") starts with a given name, no "f.nr."
            first = name.split()[0]
            if (
                _lower_words_follow(name)
                and not first.isupper()
                and is_ordinary_word(first)
                and not (is_first_name(first) or is_surname(first))
            ):
                continue  # "Klinikk psykisk helse": a service after the name, not a name
            start = value_start + part.start() + lead
            found.append(
                self.result(start, start + len(name), self.config.score, "name in the header")
            )
        return found

    def _name_at(self, doc: Doc, i: int) -> tuple[float, str] | None:
        """A name at token ``i``, whose word ``_may_be_name`` let through: (score, why)."""
        view = token_view(doc)
        text = view.texts[i]
        token = doc[i]
        previous = view.lowers[i - 1] if i > 0 else None
        following = view.texts[i + 1] if i + 1 < len(view) else None
        following_lower = view.lowers[i + 1] if following is not None else ""
        lower = text.lower()
        if (i > 1 and previous in _REPEATED and view.lowers[i - 2] == lower) or (
            following_lower in _REPEATED and i + 2 < len(view) and view.lowers[i + 2] == lower
        ):
            return None  # "Dag etter dag", "dag for dag": a word said twice, no name
        # "mor til ida", "saksbeh. tor" (the role's full stop a token of its own): only a name
        # can follow
        named_by_role = i > 1 and (
            (previous == "til" and is_relation_word(view.lowers[i - 2]))
            or (previous == "." and view.lowers[i - 2] in ABBREVIATED_ROLES)
        )
        after_relation = named_by_role or (previous is not None and is_relation_word(previous))
        if previous == "," and i > 1:  # "kontaktlæraren, Senait, spurde": an appositive
            before_comma = view.lowers[i - 2]
            after_relation = (
                is_relation_word(before_comma)
                or is_role_noun(before_comma)
                or before_comma in _ELDEST  # "den eldste, ayaan, har"
            )
            if before_comma in POSSESSIVES and i > 2:  # "fostersonen hennar, Ask, vart"
                after_relation = is_relation_word(view.lowers[i - 3])
        # "Ingá, systera hans, …", "Ask, som er …": the words after a name say who it is
        described = (
            following == ","
            and i + 2 < len(view)
            and (is_relation_word(view.lowers[i + 2]) or is_role_noun(view.lowers[i + 2]))
        )
        relative = following == "," and i + 2 < len(view) and view.lowers[i + 2] == "som"
        before_speech = following is not None and following_lower in STRICT_SPEECH
        before_verb = (
            following is not None
            and following.islower()
            and following_lower not in _DETERMINERS  # "Om dette notatet": no verb
            and (
                following_lower in SPEECH_VERBS
                or following_lower in _SHORT_VERBS
                or (len(following) > 3 and following_lower.endswith(VERB_ENDINGS))
            )
        )
        with_surname = following is not None and following[:1].isupper() and is_surname(following)
        # "vår hansen": a lower-case surname that is no ordinary word follows
        with_lower_surname = (
            following is not None
            and following.islower()
            and len(following) > 2
            and is_surname(following.capitalize())
            and not is_common_word(following)
        )
        # "Lykke er storesøster til", "dag var ein far som": who the person is, after a verb
        role_at = i + 3 if i + 2 < len(view) and view.lowers[i + 2] in _ARTICLES else i + 2
        described_by_verb = (
            following_lower in _BEING
            and role_at < len(view)
            and (is_relation_word(view.lowers[role_at]) or view.lowers[role_at] in _PEERS)
        )
        # "Inga Máret Gaup": another part of a name follows, one no list knows as a word
        before_name = (
            following is not None
            and following[:1].isupper()
            and following[1:].islower()
            and (
                is_first_name(following) or not (is_ordinary_word(following) or is_place(following))
            )
        )
        # "- Eli: gift med …", a round of participants: a name opening a line, then a colon
        # (not a heading such as "Bra:", which ends its line or is no name)
        labelled = (
            following == ":"
            and is_sentence_start(token)
            and (text in WORD_NAMES or not is_common_word(text))
            and field_of(text) is None  # "Co:", "Ref:" are the header's labels
            and i + 2 < len(view)
            and "\n" not in doc[i + 1].whitespace_
        )
        # "Liv (referent)", "vår (ei venninne …)": who the person is, in brackets after the name
        bracket = view.lowers[i + 2 : i + 4] if following == "(" else []
        if bracket[:1] and bracket[0] in {"en", "ei", "ein", "eit", "et"}:
            bracket = bracket[1:]
        before_role = bool(bracket) and (
            is_relation_word(bracket[0]) or is_role_noun(bracket[0]) or bracket[0] in _PEERS
        )
        # "sa Ask", "spurde Kari": the speaker named after the verb, mid-sentence
        after_speech = previous in STRICT_SPEECH and not is_sentence_start(token)
        # "hu Ronja", "han ask": the article dialects put before a name ("han per" only before
        # another name or a mark, not "han per telefon")
        after_article = (
            previous in _PREPROPRIAL
            and (
                text.lower() != "per"
                or following is None
                or not following.islower()
                or is_first_name(following.capitalize())
            )
            # "ho nikka til alt": a verb after the pronoun, unless a mark or name follows
            and (
                _title(text) in WORD_NAMES
                or not text.lower().endswith(("a", "te", "de", "et", "er", "ar"))
                or following in {",", ".", ")", ":", None}
            )
        )
        # "Tone (41) fortalte": an age in brackets follows a person's name
        age_at = (
            i + 3
            if i + 3 < len(view) and view.lowers[i + 2] in {"snart", "ca", "nesten", "bare"}
            else i + 2
        )  # "Sol (snart 13)"
        before_age = (
            following == "("
            and age_at < len(view)
            and view.texts[age_at][:1].isdigit()
            and (
                len(view.texts[age_at]) <= 3
                or "åring" in view.lowers[age_at]
                or _AGE_AND_SEX.fullmatch(view.texts[age_at]) is not None  # "Jo (24/m)"
            )
        )
        # "- Lykke, 16 år, sa", "– Jonas, 16,": an age between commas after the name
        before_age |= (
            following == ","
            and i + 3 < len(view)
            and view.texts[i + 2].isdigit()
            and int(view.texts[i + 2]) <= 120
            and view.lowers[i + 3] in {"år", ",", ")", "."}
        )
        # "mor til jonas 11 og mia 4": an age without brackets after a name typed in lower case
        before_bare_age = (
            previous not in _TIME_BEFORE  # "i dag 7 år"
            and following is not None
            and following.isdigit()
            and len(following) <= 2
            and int(following) <= 25
            and (i + 2 >= len(view) or view.lowers[i + 2] not in _COUNTED)
        )
        # "storm som er tolv", "lykke hun var jo bare fire", "snakket med storm": a clause
        # or a pronoun taking the word up as a person, or talking with it
        ahead = view.lowers[i + 2 : i + 4]
        before_age_clause = (
            (
                following_lower == "som"
                and len(ahead) == 2
                and ahead[0] in _BEING
                and ahead[1] in _AGE_NUMBERS
            )
            or (  # "da var storm bare åtte"
                following_lower in {"bare", "berre", "bærre"}
                and ahead[:1] != []
                and ahead[0] in _AGE_NUMBERS
                and previous in _BEING
            )
        )
        taken_up = (
            following_lower in _TAKING_UP
            and ahead[:1] != []
            and ahead[0] in _TAKEN_UP_VERBS
            and previous not in _TIME_BEFORE  # "i mai han var": a month
        )
        talked_with = (previous == "med" and i > 1 and view.lowers[i - 2] in _TALKED) or (
            previous == "til" and i > 1 and view.lowers[i - 2] == "takk"  # "takk til senait"
        )
        # "Liv og Per-Arne Rein er besteforeldre": joined by "og" to a capitalised first name
        before_coordinated = (
            following_lower == "og"
            and i + 2 < len(view)
            and view.texts[i + 2][:1].isupper()
            and is_first_name(view.texts[i + 2].split("-")[0])
        )
        # "- Hawi: «Hvis noen …»", "- ask (skriv namnet med liten forbokstav)": opening a
        # bullet, before a quote after a colon or before a bracket
        speaker_opening = (
            is_sentence_start(token)
            and following in {":", "("}
            and (following == "(" or (i + 2 < len(view) and view.texts[i + 2] in _QUOTES))
        )
        context = (
            before_coordinated
            or after_article
            or after_relation
            or before_speech
            or with_surname
            or before_name
            or labelled
            or before_role
            or after_speech
            or before_age
            or described
            or described_by_verb
            or relative
        )
        listed = is_first_name(text) or is_surname(text)
        if (text[0].isupper() and text[1:] != text[1:].upper()) or text.istitle():
            if (
                previous is not None
                and (is_role_noun(previous) or is_relation_word(previous))
                and is_surname(text)
                and not is_sentence_start(token)
            ):
                return self.config.score - 0.2, "surname after a title"  # "overlege Strand"
            if is_first_name(text) or text in WORD_NAMES:
                ambiguous = (
                    text in WORD_NAMES
                    or is_common_word(text)
                    or len(text) <= 2
                    or (lower.endswith("et") and is_common_word(lower[:-2]))  # "Livet"
                )
                imperative = (
                    is_sentence_start(token)
                    and following is not None
                    and following.islower()
                    and not before_speech
                    and is_imperative(text)
                )
                if not ambiguous and not imperative:  # "Lim inn fra Teams": a verb
                    return self.config.score - 0.1, "first-name gazetteer"
                if context:
                    return self.config.score - 0.1, "ambiguous name in name context"
                inflected = text.lower().endswith(("et", "en", "ene", "a", "ane"))
                if (
                    is_sentence_start(token)
                    and before_verb
                    and (text in WORD_NAMES or not inflected)
                ):
                    return self.config.score - 0.3, "ambiguous name before a verb"
                if (
                    not is_sentence_start(token)
                    and not is_place(text)
                    # "Mor: Ja.": an answer opens after its speaker's label
                    and not (is_common_word(text) and _after_line_label(token))
                ):
                    return self.config.score - 0.25, "ambiguous name capitalised mid-sentence"
                return None
            if has_foreign_letters(text) and not is_place(text) and previous not in PLACES_BEFORE:
                return self.config.score - 0.2, "a word spelt with letters Norwegian does not use"
            if after_relation and not is_common_word(text) and not is_sentence_start(token):
                return self.config.score - 0.2, "capitalised word after a family word or title"
            if (
                (after_relation or after_article)
                and not is_sentence_start(token)
                and (following in {",", ".", ":", ")", "»", None} or before_verb)
                and not is_place(text)
            ):
                # "Kjæresten hans, Nok, snakker", "Mamma Nok, du må", "Ho Nok satt": a
                # capitalised word that is also a common word, in a family word's place
                return self.config.score - 0.3, "capitalised word after a family word or title"
            if described and not (is_ordinary_word(text) or is_place(text)):
                return self.config.score - 0.2, "capitalised word a family word describes"
            if before_speech and not is_place(text) and (listed or not is_ordinary_word(text)):
                return self.config.score - 0.3, "capitalised word before a speech verb"
            if after_speech and not is_place(text) and (listed or not is_ordinary_word(text)):
                return self.config.score - 0.3, "capitalised word after a speech verb"
            unknown = not (is_ordinary_word(text) or is_place(text)) and not any(
                c.isdigit() for c in text
            )
            if unknown and is_surname(text):
                return self.config.score - 0.25, "surname"
            if (
                unknown
                and is_sentence_start(token)
                and (
                    before_verb
                    or speaker_opening
                    # "- Siriporn, som kalles Nok," (not a noun: "- Syskenbarnet, som går")
                    or (relative and not text.endswith(("et", "en", "a", "ene", "ane")))
                    or (following is not None and following == "(")
                )
                and not text.endswith(("ene", "ane"))  # "Tvillingene var": a plural noun
            ):
                return self.config.score - 0.35, "unknown capitalised word before a verb"
            # "Linh (9 år)", "Mai og Linh": an age in brackets, or joined to a first name
            coordinated = (
                previous == "og"
                and i > 1
                and view.texts[i - 2][:1].isupper()
                and (is_first_name(view.texts[i - 2]) or view.texts[i - 2] in WORD_NAMES)
            )
            if unknown and (before_age or coordinated):
                return self.config.score - 0.3, "unknown capitalised word in name context"
            return None
        if text.islower() and previous in _DETERMINERS:
            return None  # "samme dag (971 22 384)", "hver dag, som": a noun after a determiner
        if text in POSSESSIVES and _title(text) not in WORD_NAMES:
            return None  # "veslebror henna,": whose brother, in dialect (not "vår")
        if text.islower():
            title = _title(text)
            initial_after = following is not None and INITIAL.fullmatch(following) is not None
            known = (is_first_name(title) and not is_common_word(text)) or title in WORD_NAMES
            if (
                known
                and (
                    named_by_role
                    or after_article
                    or speaker_opening
                    or initial_after
                    or before_age
                    or before_role
                    or described_by_verb
                    or with_lower_surname
                    or relative
                    or described
                    or (before_speech and previous not in _TIME_BEFORE)  # "som mai sa"
                    or before_bare_age
                    or before_age_clause
                    or taken_up
                    or talked_with
                    or (after_relation and following in {",", "–", "-", "og", ")", ":", None})
                    or (after_relation and before_verb and text not in POSSESSIVES)
                )
                and len(text) >= 3
            ):
                # "mor til ida", "saksbeh. tor", "ole m.": a short or word-like name in context
                return self.config.score - 0.2, "lower-case name in name context"
            if is_first_name(title) and not is_common_word(text) and title not in WORD_NAMES:
                if after_relation or before_speech or after_speech:
                    return self.config.score - 0.2, "lower-case name in name context"
                if len(text) >= 4 and not is_place(title) and not is_ordinary_word(text):
                    return self.config.score - 0.35, "lower-case first name"  # not "soner"
            if (
                has_foreign_letters(text)
                and len(text) >= 3
                and previous not in PLACES_BEFORE
                and (after_relation or before_speech or before_verb or described or relative)
            ):
                return self.config.score - 0.3, "a lower-case word spelt with foreign letters"
            if (
                previous == ","
                and after_relation
                and following == ","
                and not (is_ordinary_word(text) or is_place(title))
                and not text.endswith("isk")  # "(mor, kurdisk, bur i Florø)": an adjective
            ):
                return self.config.score - 0.35, "unknown lower-case word in an appositive"
        return None

    @staticmethod
    def _continues_name(token: Token) -> bool:
        text = token.text
        if PARTICLE_JOINED.match(text) or (
            text in NAME_PARTICLES
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].text[:1].isupper()
            and (token.i == 0 or token.doc[token.i - 1].text[:1].isupper())
        ):
            return True  # "Yasmin al-Amin", "Jan van der Berg"
        if len(text) == 2 and INITIAL.fullmatch(text) and text[0].isupper():
            return True  # "Kari H."
        if (
            not is_word(text)
            or not text[:1].isupper()
            or is_allowed(text)
            or is_role_noun(text)
            or text.lower() in GREETINGS
        ):
            return False  # "ROM-leder Anne-Grete Hansen", "Mvh Eli": only the name
        return (
            is_surname(text)
            or is_first_name(text)
            or (not is_common_word(text) and len(text) > 2 and not is_place(text))
        )


def _surname_after_given_name(token: Token) -> bool:
    """A capitalised word that is also a common word, inside a sentence, right after a given
    name: a surname ("Kari-Anne Vie (rektor)", "Ingrid Sand"). Inside a sentence, Norwegian
    capitalises names, not words. ``_continues_name`` takes the other words, but no places; a
    place after a name is a surname too ("Kari-Anne Vie"), unless a preposition comes before
    the name ("på Tine Brumunddal", a dairy by its place)."""
    text = token.text
    if (
        len(text) < 3
        or not text[0].isupper()
        or text.isupper()
        or not is_word(text)
        or is_allowed(text)
        or is_role_noun(text)
        or _family_word(text)
        or text.lower() in GREETINGS
        or is_sentence_start(token)
    ):
        return False
    given = token.doc[token.i - 1]
    if given.whitespace_ != " " or not all(is_first_name(part) for part in given.text.split("-")):
        return False
    if is_common_word(text):
        return True
    # a place ("Vie") is a surname too, but not after a preposition: "på Tine Brumunddal"
    return is_place(text) and not (
        given.i > 0 and token.doc[given.i - 1].lower_ in PLACE_PREPOSITIONS
    )


_LINE_LABEL = re.compile(r"[ \t]*[^\W\d_]{2,20}:[ \t]*")


def _after_line_label(token: Token) -> bool:
    """The word right after a line's one-word label ("Mor: Ja.", "Referent: Har noe …")."""
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    return _LINE_LABEL.fullmatch(text, line_start, token.idx) is not None


def _lower_surname_after_given_name(token: Token) -> bool:
    """A listed surname typed in lower case right after a listed given name ("co-leiar Jostein
    kvåle"): no ordinary word, so the given name's capital decides."""
    text = token.text
    given = token.doc[token.i - 1]
    return (
        text.islower()
        and len(text) > 2
        and given.whitespace_ == " "
        and is_first_name(given.text)
        and is_surname(text.capitalize())
        and not is_ordinary_word(text)
        and not is_place(text.capitalize())
        and not text.endswith(VERB_ENDINGS)  # "Dag gruer seg"
    )


# initials first ("m. berg", "a.g. dal"), but no abbreviation ("f.nr.")
_LOWER_HEADER_NAME = re.compile(r"(?:(?:[^\W\d_]\.)+[ \t]+)?[^\W\d_]+(?:[- ][^\W\d_]+)*")


def _lower_words_follow(name: str) -> bool:
    """A capitalised header value goes on in lower-case words that are no particles ("Klinikk
    psykisk helse"; not "Jan van der Berg")."""
    words = name.split()
    return name[:1].isupper() and any(
        w[:1].islower() and w not in NAME_PARTICLES for w in words[1:]
    )


def _lower_case_header_name(part: str, lead: int) -> int:
    """Where a header name typed in lower case starts ("og siv bakke" → "siv bakke"): at a given
    name followed by at most two surnames or words no list knows; else ``lead`` (the name, if
    any, is judged as one word)."""
    words = list(re.finditer(r"\S+", part))
    for k, word in enumerate(words):
        rest = [w.group() for w in words[k + 1 :]]
        if (
            _given_name(word.group())
            and len(rest) <= 2
            and all(is_surname(w.capitalize()) or not is_common_word(w) for w in rest)
        ):
            return word.start()
    return lead


def _continues_lower(token: Token) -> bool:
    """A lower-case name goes on with an initial ("ingrid m.") or a lower-case word no list
    knows as anything but a name ("agnieszka kowalczyk")."""
    text = token.text
    if INITIAL.fullmatch(text):
        return True
    if text.islower() and is_surname(text.capitalize()) and not is_common_word(text):
        return True  # "vår hansen"
    doc, k = token.doc, token.i
    if text.islower() and is_surname(text.capitalize()) and k > 0:
        # "emil bakken,": a surname that is also a word ends the name of a given name that is none
        given = doc[k - 1].text
        following = doc[k + 1] if k + 1 < len(doc) else None
        ends = (
            following is None
            or "\n" in token.whitespace_
            or following.is_space  # "- berit li⏎": the line ends
            or following.text in {",", ".", ";"}
            # "berit li skrev i chatten": a verb after the name
            or following.lower_ in SPEECH_VERBS
            or following.lower_ in {"skrev", "sa", "var", "har", "hadde"}
        )
        return (
            ends
            and text not in SPEECH_VERBS  # "mariam sa at …": the verb, no surname
            and not is_relation_word(text)  # "kims mor var …"
            and given.islower()
            and is_first_name(given.capitalize())
            and not (is_common_word(given))
        )
    return (
        text.islower()
        and len(text) > 2
        and is_word(text)
        and not is_common_word(text)
        and not is_ordinary_word(text)
        and not is_place(text.capitalize())
        and text not in NAME_PARTICLES
    )


def _without_leading_roles(doc: Doc, first: int, last: int, start: int) -> int:
    """Where a model's person span starts once the role, family or greeting words in front of
    the name are left out ("Miljøterapeut Kjetil Brå-Nilsen", "Mvh, Eli")."""
    for token in doc[first : last - 1]:
        if token.idx < start:
            continue
        word = token.text
        lower = word.lower()
        name_like = is_first_name(word) or is_surname(word) or word in WORD_NAMES
        if (
            token.is_punct
            or lower in GREETINGS  # "Helsing" is also a surname
            or (
                not name_like
                and (is_relation_word(lower) or is_role_noun(word) or is_ordinary_word(word))
            )
        ):
            start = token.nbor(1).idx
            continue
        break
    return start
