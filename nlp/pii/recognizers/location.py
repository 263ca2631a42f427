"""LOCATION: places in someone's story, from NER (LOC, GPE_LOC) and a place gazetteer.

Short or ordinary-word place names (Ås, Bø, Os, Vik, Moss, Ski, Lom) count only in place context:
right after a place preposition ("i Ås", "fra Moss", "på Bø") or a verb of living or moving, or
after a name in brackets ("(Geir-Arne Hansen-Mørk, Os)"). A place typed in lower case ("på hareid",
"bup volda") needs the same context, a local unit before it or an institution after it. Since
pii 1.9.0 a lower-case compound no list knows as a word that ends like a place name counts where
someone lives or grew up ("vaks opp nede i straumsvika").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult
from spacy.tokens import Doc, Token

from nlp.pii.doc_view import token_view
from nlp.pii.lexicon import (
    PLACE_PREPOSITIONS,
    has_foreign_letters,
    is_acronym_compound,
    is_allowed,
    is_common_word,
    is_first_name,
    is_ordinary_word,
    is_place,
    is_toponym_compound,
    is_word,
)
from nlp.pii.recognizers.spacy_base import (
    DocRecognizer,
    is_sentence_start,
    ner_spans,
)
from nlp.word_cache import remember

NER_LABELS = {"LOC", "GPE_LOC"}
MOVE_VERBS = frozenset(
    ["bor", "bodde", "budde", "flyttet", "flytta", "flytte", "kommer", "kom", "reiste"]
)


_PLACE_PREPOSITIONS_SHORT = frozenset({"i", "på", "fra", "frå", "til", "ved"})
_MAY_BE_PLACE: dict[str, bool] = {}


def _may_be_place(text: str) -> bool:
    """A capitalised (not all-capital) word in the place gazetteer and not allow-listed; the
    answer depends on the word alone, so it is kept per word."""
    known = _MAY_BE_PLACE.get(text)
    if known is None:
        known = remember(
            _MAY_BE_PLACE,
            text,
            text[:1].isupper()
            and not text.isupper()
            and is_word(text)
            and is_place(text)
            and not is_allowed(text),
        )
    return known


# what a place typed in lower case may follow or precede ("bup volda", "volda sentrum")
_LOCAL_UNITS = frozenset({"bup", "dps", "nav", "ppt", "bvtj", "barnevernet", "kommune", "kiwi"})
_PLACE_NOUNS = frozenset(
    {
        "sjukehus",
        "sykehus",
        "sentrum",
        "kommune",
        "skole",
        "skule",
        "ungdomsskole",
        "ungdomsskule",
        "barneskole",
        "barneskule",
        "vidaregåande",
        "videregående",
        "vgs",
        "barnehage",
        "legekontor",
        "legesenter",
        "stasjon",
    }
)
_MAY_BE_LOWER_PLACE: dict[str, bool] = {}


def _may_be_lower_place(text: str) -> bool:
    """A lower-case word of four letters or more that the place gazetteer knows capitalised and
    that is no common word ("hareid", "volda"; not "stranda", "moss")."""
    known = _MAY_BE_LOWER_PLACE.get(text)
    if known is None:
        known = remember(
            _MAY_BE_LOWER_PLACE,
            text,
            len(text) >= 4
            and text.islower()
            and is_word(text)
            # "nord-aurdal": each part of a hyphenated name capitalised as the lists write it
            and is_place("-".join(part.capitalize() for part in text.split("-")))
            and not is_common_word(text)
            and not is_allowed(text),
        )
    return known


_MAY_BE_UNLISTED_LOWER_PLACE: dict[str, bool] = {}
_LIVING_VERBS = frozenset(
    {
        "bor",
        "bur",
        "bodde",
        "budde",
        "vokste",
        "vaks",
        "voks",
        # where a child lives away from home ("i fosterhjem i egersund", "institusjonen på x")
        "fosterhjem",
        "fosterheim",
        "fosterfamilien",
        "familie",  # "hos en familie i fana"
        "institusjon",
        "institusjonen",
        "avlastning",
        "avlasting",
        "hybel",
    }
)
_LIVING_FILLERS = frozenset(
    {
        "nå",
        "no",
        "alene",
        "aleine",
        "fortsatt",
        "framleis",
        "opp",
        "sammen",
        "saman",
        "der",
        "nede",
        "oppe",
        "ute",
        "inne",
        "borte",
        "heime",
        "hjemme",
    }
)


def _may_be_unlisted_lower_place(text: str) -> bool:
    """A lower-case word of four letters or more that no list knows ("hommersåk", "gdańsk")."""
    known = _MAY_BE_UNLISTED_LOWER_PLACE.get(text)
    if known is None:
        known = remember(
            _MAY_BE_UNLISTED_LOWER_PLACE,
            text,
            len(text) >= 4
            and text.islower()
            and is_word(text)
            and (not is_ordinary_word(text) or is_toponym_compound(text))
            and not is_allowed(text),
        )
    return known


def _lives_at(lowers: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` follows "på" or "i" after a verb of living or growing up, with
    at most three words such as "nå alene" or "opp" between ("bor nå alene på hommersåk")."""
    if i < 2 or lowers[i - 1] not in {"på", "i"}:
        return False
    k = i - 2
    while k >= 0 and i - 2 - k < 3 and lowers[k] in _LIVING_FILLERS:
        k -= 1
    return k >= 0 and lowers[k] in _LIVING_VERBS


# what a compound names when it is an event, not a place ("til Torsdagsmøtet", "på Sommerkurset")
_EVENT_ENDINGS = (
    "møtet", "møte", "samlinga", "samlingen", "kurset", "gruppa", "gruppen", "festen",
    "kvelden", "treffet",
)  # fmt: skip
# a street's name: a capitalised compound ending in -veien, -gata … ("Holsandveien")
_STREET_ENDINGS = (
    "veien", "vegen", "vei", "veg", "gata", "gaten", "gate", "gt.", "stien", "stigen", "allé",
    "alléen",
)  # fmt: skip
_STREET = re.compile(
    r"[A-ZÆØÅ][a-zæøå]{2,}(?:-[A-ZÆØÅ]?[a-zæøå]+)*(?:"
    + "|".join(map(re.escape, _STREET_ENDINGS))
    + r")"
)


class LocationRecognizer(DocRecognizer):
    ENTITY = "LOCATION"
    NAME = "location"

    def _find(self, doc: Doc) -> list[RecognizerResult]:
        base = self.config.score
        results: list[RecognizerResult] = []
        for ent, start, end, text in ner_spans(doc, NER_LABELS):
            if not is_allowed(text) and not self._needs_context(text):
                results.append(self.result(start, end, base, "NER LOC/GPE_LOC"))
            elif self._in_place_context(doc[ent.start]):
                results.append(self.result(start, end, base, "NER place in place context"))
        for i, text in enumerate(token_view(doc).texts):
            if not _may_be_place(text):
                continue
            token = doc[i]
            end = token.i + 1
            if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc):
                end += 2  # "Nord - Fron" style tokenisation
            start_char = token.idx
            end_char = doc[end - 1].idx + len(doc[end - 1].text)
            if self._needs_context(text):
                if self._in_place_context(token):
                    results.append(
                        self.result(
                            start_char, end_char, base - 0.1, "short place name in place context"
                        )
                    )
                continue
            results.append(self.result(start_char, end_char, base - 0.05, "place gazetteer"))
        results += self._unknown_after_preposition(doc)
        results += self._lower_case_places(doc)
        results += self._streets(doc)
        return results

    def _streets(self, doc: Doc) -> list[RecognizerResult]:
        """A street without a house number ("ikke parker langs Holsandveien"): one capitalised
        word ending like a street; at a sentence's start only when it is no ordinary word
        ("Omveien tok tid")."""
        found = []
        for i, text in enumerate(token_view(doc).texts):
            if (
                not text.endswith(_STREET_ENDINGS)
                or not _STREET.fullmatch(text)
                or is_allowed(text)
            ):
                continue
            token = doc[i]
            if is_sentence_start(token) and is_ordinary_word(text):
                continue
            found.append(
                self.result(
                    token.idx, token.idx + len(text), self.config.score - 0.2, "street name"
                )
            )
        return found

    def _lower_case_places(self, doc: Doc) -> list[RecognizerResult]:
        """A place typed in lower case ("på hareid", "bup volda", "ålesund sjukehus"): a listed
        place that is no common word, with a place preposition, a moving verb or a local unit
        before it, or an institution after it."""
        found = []
        view = token_view(doc)
        for i, text in enumerate(view.texts):
            listed = _may_be_lower_place(text)
            if not listed and not _may_be_unlisted_lower_place(text):
                continue
            previous = view.lowers[i - 1] if i > 0 else ""
            following = view.lowers[i + 1] if i + 1 < len(view) else ""
            if not listed:
                # a place no list knows: spelt with foreign letters after a place preposition
                # ("fra gdańsk"), or where someone lives or grew up ("bor nå alene på hommersåk")
                if (has_foreign_letters(text) and previous in PLACE_PREPOSITIONS) or _lives_at(
                    view.lowers, i
                ):
                    found.append(
                        self.result(
                            doc[i].idx,
                            doc[i].idx + len(text),
                            self.config.score - 0.3,
                            "unlisted place typed in lower case where someone lives",
                        )
                    )
                continue
            if (
                previous in PLACE_PREPOSITIONS
                or previous in MOVE_VERBS
                or previous in _LOCAL_UNITS
                or following in _PLACE_NOUNS
            ):
                found.append(
                    self.result(
                        doc[i].idx,
                        doc[i].idx + len(text),
                        self.config.score - 0.3,
                        "place typed in lower case",
                    )
                )
        return found

    def _unknown_after_preposition(self, doc: Doc) -> list[RecognizerResult]:
        """A capitalised unknown word right after a place preposition mid-sentence
        ("på Nesoddtangen") is probably a place: recall first."""
        found = []
        view = token_view(doc)
        for i in range(1, len(view)):
            text = view.texts[i]
            if (
                view.lowers[i - 1] not in _PLACE_PREPOSITIONS_SHORT  # rules out most words
                or not text[:1].isupper()
                or text.isupper()
                or not is_word(text)
                or len(text) < 4
                or is_common_word(text)
                or is_allowed(text)
                or is_first_name(text)
                or is_acronym_compound(text)  # "til ROM-leder", "fra BV-tj."
                or text.lower().endswith(_EVENT_ENDINGS)  # "til Torsdagsmøtet": an event
            ):
                continue
            token = doc[i]
            if is_sentence_start(token) or not self._in_place_context(token):
                continue
            found.append(
                self.result(
                    token.idx,
                    token.idx + len(text),
                    self.config.score - 0.3,
                    "unknown capitalised word after a place preposition",
                )
            )
        return found

    @staticmethod
    def _needs_context(text: str) -> bool:
        return len(text) <= 3 or is_common_word(text)

    @staticmethod
    def _in_place_context(token: Token) -> bool:
        if token.i == 0:
            return False
        doc = token.doc
        previous = doc[token.i - 1]
        if previous.lower_ in PLACE_PREPOSITIONS or previous.lower_ in MOVE_VERBS:
            return True
        # "Helsing Ask, 15 år, Førde", "– Jonas, 16, Os": where the person signing lives
        if (
            previous.text == ","
            and token.i >= 2
            and (doc[token.i - 2].lower_ == "år" or doc[token.i - 2].text.isdigit())
        ):
            return True
        # "(Geir-Arne Hansen-Mørk, Os)": where someone named in brackets is from
        return (
            previous.text == ","
            and token.i >= 2
            and doc[token.i - 2].text[:1].isupper()
            and token.i + 1 < len(doc)
            and doc[token.i + 1].text == ")"
        )
