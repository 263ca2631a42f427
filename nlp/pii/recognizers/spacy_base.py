"""Shared base for recognizers that read the note's spaCy parse (NER plus token context)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Span, Token

from nlp.pii.config import RecognizerConfig, load_config
from nlp.pii.doc_view import allowed_spans, doc_text
from nlp.pii.lexicon import (
    is_allowed,
    is_common_word,
    is_compound_word,
    is_first_name,
    is_imperative,
    is_ordinary_word,
    is_place,
    is_role_noun,
    is_surname,
)
from nlp.pii.result import new_result


class DocRecognizer(EntityRecognizer):
    """An EntityRecognizer over ``nlp_artifacts.tokens`` (the note's Doc)."""

    ENTITY = ""
    NAME = ""

    def __init__(self, config: RecognizerConfig | None = None) -> None:
        self.config = config or load_config().recognizer(self.NAME)
        super().__init__(
            supported_entities=[self.ENTITY],
            name=f"{type(self).__name__}",
            supported_language="nb",
            context=list(self.config.context),
        )

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or not isinstance(nlp_artifacts.tokens, Doc):
            return []
        if entities and self.ENTITY not in entities:
            return []
        return self.find(nlp_artifacts.tokens)

    def find(self, doc: Doc) -> list[RecognizerResult]:
        """Candidates from ``_find`` minus those inside an allow-listed name ("Røde Kors")."""
        allowed = allowed_spans(doc)
        kept = []
        for r in self._find(doc):
            if any(s <= r.start and r.end <= e for s, e in allowed):
                continue  # inside an allow-listed name ("Røde Kors")
            into = next((s for s, e in allowed if r.start < s < r.end < e), None)
            if into is not None:
                # running into one ("Foreningen Norsk" of "Foreningen Norsk Fosterhjemsforening"):
                # what stands before it is kept when a name list knows a word of it
                before = doc_text(doc)[r.start : into].rstrip()
                if not any(is_first_name(w) or is_surname(w) for w in before.split()):
                    continue
                r.end = r.start + len(before)
            kept.append(r)
        return kept

    def _find(self, doc: Doc) -> list[RecognizerResult]:
        raise NotImplementedError

    def result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name, original_score=score, textual_explanation=why
        )
        return new_result(self, self.ENTITY, start, end, score, explanation)


ORDINAL_END = re.compile(r"\d{1,4}\.")
LIST_MARKER = re.compile(r"^(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]$")
# what may stand before a line's first word: a bullet ("•", "▪", "o" from Word), a number or
# letter of a list ("3)", "(b)", "iv."), a footnote mark ("⁴", "[2]")
LINE_MARKER = re.compile(
    r"[ \t\u00a0]*(?:(?:[-–—*•▪◦·>o]|\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})[.)]"
    r"|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{1,2}\])[ \t\u00a0]*)*"
)


def is_sentence_start(token: Token) -> bool:
    """First word of a sentence or of a line (after a bullet, heading or markup marker)."""
    if token.i == 0 or token.is_sent_start:
        return True
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    if LINE_MARKER.fullmatch(text, line_start, token.idx):
        return True  # "3) Lang reiseveg", "⁴ Vikar i stillingen", "o\tFamilien søkte"
    if CHAT_SPEAKER.fullmatch(text, line_start, token.idx):
        return True  # "[21:52] Tommy: Ja!": a message opens after its sender's name
    previous = token.doc[token.i - 1]
    if "\n" in previous.text or "\n" in previous.whitespace_:
        return True
    if previous.text in {".", "!", "?"} or previous.is_space or previous.text in CHECKBOXES:
        return True  # "☒ Annet:": a form's choice opens like a line
    if ORDINAL_END.fullmatch(previous.text) and token.text[:1].isupper():
        return True  # "og er 14. Livet heime": the number and the full stop are one token
    if (
        previous.text in OPENING_QUOTES
        and previous.i > 0
        and previous.doc[previous.i - 1].text == ":"
    ):
        return True  # 'tenkte: "Ka i all verden …': a quote after a colon starts a sentence
    if not any(c.isalnum() for c in previous.text) or LIST_MARKER.match(previous.text):
        return is_sentence_start(previous)  # "-", "•", "**", "#", "«", "(", "3.", "b)" ...
    return False


OPENING_QUOTES = frozenset({"«", '"', "“", "'"})
CHECKBOXES = frozenset("☒☐☑✓✔□■▢")
CHAT_SPEAKER = re.compile(r"\[[0-9:.,/ ]{4,20}\][ \t]*[^\n:\]]{1,40}:[ \t]*")


DEFINITE_ENDING = re.compile(r"(?:en|et|ene|tjenesten|tenesta|kontoret|planen|avtalen)$")


def plausible_entity(doc: Doc, start: int, end: int) -> bool:
    """Reject NER spans that are ordinary words: a news-trained model tags capitalised
    line-initial words in notes ("Antall", "Tjenester", "Han") as names."""
    tokens = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    if not tokens or tokens[0].text == "ROM":
        return False  # the ROM offer's own name ("ROM Vestfold") is the meeting, not a person
    if any("\n" in t.text for t in doc[start:end]):
        return False
    words = [t.text for t in tokens]
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, tokens[0].idx) + 1
    line_end = text.find("\n", tokens[-1].idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if all(w.isupper() for w in words) and sum(c.isupper() for c in line) > 0.6 * sum(
        c.isalpha() for c in line
    ):
        return False  # a heading in capitals
    after = doc[end].text if end < len(doc) else ""
    if len(words) == 1 and after in {":", "."} and is_sentence_start(tokens[0]):
        return False  # a heading or an abbreviation ("Utfordr.:", "Sitat:")
    if any(q in text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)] for q in "«»“”"):
        return False  # runs into a quotation or a title
    if len(words) == 1:
        word = words[0].rstrip("-")
        if word.islower() and not is_first_name(word.capitalize()):
            return False  # "helse-": lower-case words are not names of anything
        head, _, tail = word.partition("-")
        if tail and head.isupper() and (is_common_word(tail) or is_compound_word(tail)):
            return False  # "ROP-teamet", "DPS-poliklinikken": an acronym plus a common noun
        if is_role_noun(word) and not (is_first_name(word) or is_surname(word)):
            return False
        if not (is_first_name(word) or is_surname(word) or is_place(word)) and (
            is_compound_word(word)
        ):
            return False
        if is_sentence_start(tokens[0]) and DEFINITE_ENDING.search(word):
            return False  # "Undersøkelsen", "Samværet": a common noun in definite form
        if word.isupper() and len(word) <= 4:
            return False  # acronyms: generic services are allow-listed, units need a place
        if is_common_word(word) and (is_sentence_start(tokens[0]) or word.islower()):
            return False
        if (
            is_sentence_start(tokens[0])
            and (is_ordinary_word(word) or is_imperative(word))
            and not (is_first_name(word) or is_surname(word) or is_place(word))
        ):
            return False  # "Innledning fra fagperson", "Trygg", "Unge", "Sjekk"
        base = re.sub(r"(ene|en|et|a)$", "", word.lower())
        if (
            DEFINITE_ENDING.search(word)
            and len(base) > 2
            and is_common_word(base)
            and not (is_first_name(word) or is_surname(word) or is_place(word))
        ):
            return False  # "Samværet", "Notatet" mid-sentence too
    informative = [
        t
        for t in tokens
        if not is_allowed(t.text)
        and not all(is_ordinary_word(part) for part in re.split(r"[/-]", t.text) if part)
    ]
    if informative:
        return True
    # a single ordinary word capitalised mid-sentence ("Vi møtte Liv") may be a name
    return len(tokens) == 1 and (
        not is_sentence_start(tokens[0])
        and words[0][:1].isupper()
        and not words[0].isupper()
        and not is_allowed(words[0])
    )


def span_without_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end) without leading/trailing punctuation."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return (0, 0)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _dotted(token: Token) -> bool:
    """A token with digits that ends a sentence with its own full stop ("J17."): no
    abbreviation has digits."""
    text = token.text
    return len(text) > 2 and text.endswith(".") and any(c.isdigit() for c in text)


def ner_spans(doc: Doc, labels: set[str]) -> Iterator[tuple[Span, int, int, str]]:
    """Plausible NER entities with one of ``labels`` as (entity, start, end, text), character
    offsets trimmed of punctuation: the shared first step of the entity recognizers."""
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        last = next(
            (t.i for t in doc[ent.start : ent.end - 1] if t.text in {".", "!", "?"} or _dotted(t)),
            ent.end,
        )
        if last < ent.end and doc[last + 1].text[:1].isupper():
            # "Torvbyen. Treneren", "Kvam IL J17. Er": the sentence ends inside the span
            ent = Span(doc, ent.start, last + _dotted(doc[last]), label=ent.label_)
        if len(ent) and plausible_entity(doc, ent.start, ent.end):
            start, end = span_without_punct(doc, ent.start, ent.end)
            if end > start and any(c.isalpha() for c in doc_text(doc)[start:end]):
                yield ent, start, end, doc_text(doc)[start:end]
