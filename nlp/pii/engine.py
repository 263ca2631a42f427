"""presidio-analyzer fed by the note's one spaCy parse (never a second parse, never a download)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from nlp.pii.config import PiiConfig
from nlp.pii.doc_view import token_view
from nlp.pii.registry import build_recognizers
from nlp.word_cache import remember

LANGUAGE = "nb"


class DocNlpEngine(NlpEngine):
    """Presidio's view of romnotat's own spaCy pipeline. ``artifacts`` wraps an existing Doc."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._keyword_parts: dict[str, tuple[str, ...]] = {}

    def keywords(self, lemmas: Iterable[str]) -> list[str]:
        """presidio's ``NlpArtifacts.set_keywords`` (lower-cased lemmas that are neither stop
        words nor punctuation, split at ":"), with each lemma's answer kept."""
        cache = self._keyword_parts
        found: list[str] = []
        for lemma in lemmas:
            parts = cache.get(lemma)
            if parts is None:
                parts = remember(
                    cache, lemma, tuple(NlpArtifacts.set_keywords(self, [lemma], LANGUAGE))
                )
            found.extend(parts)
        return found

    def load(self) -> None:  # the pipeline is loaded by nlp.spacy_pipeline.loader
        return None

    def is_loaded(self) -> bool:
        return True

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        view = token_view(doc)
        return DocArtifacts(
            entities=list(doc.ents),
            tokens=doc,
            tokens_indices=view.starts,
            lemmas=view.lemmas,
            nlp_engine=self,
            language=LANGUAGE,
            scores=[1.0] * len(doc.ents),
        )

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self.artifacts(self.nlp(text))

    def process_batch(
        self,
        texts: Iterable[str],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        **kwargs: object,
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        texts = list(texts)
        for text, doc in zip(texts, self.nlp.pipe(texts, batch_size=batch_size)):
            yield text, self.artifacts(doc)

    def is_stopword(self, word: str, language: str) -> bool:
        # what ``Lexeme.is_stop`` answers, without adding a lexeme to the vocab for every lemma
        return word.lower() in self.nlp.Defaults.stop_words

    def is_punct(self, word: str, language: str) -> bool:
        return bool(word) and all(not c.isalnum() for c in word)

    def get_supported_entities(self) -> list[str]:
        return ["PERSON", "LOCATION", "ORGANIZATION"]

    def get_supported_languages(self) -> list[str]:
        return [LANGUAGE]


class KeywordList(list[str]):
    """presidio's context keywords: a list (as presidio expects) with set-speed ``in``;
    the enhancer tests every word around every flag against it."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._members


class DocArtifacts(NlpArtifacts):
    """``NlpArtifacts`` whose keywords answer membership tests in constant time."""

    @staticmethod
    def set_keywords(nlp_engine: NlpEngine, lemmas: list[str], language: str) -> list[str]:
        if isinstance(nlp_engine, DocNlpEngine):
            return KeywordList(nlp_engine.keywords(lemmas))
        return KeywordList(NlpArtifacts.set_keywords(nlp_engine, lemmas, language))


class IndexedContextEnhancer(LemmaContextAwareEnhancer):
    """presidio's lemma context enhancer, finding a match's token by bisection instead of a scan
    over every token of the note for every flag (same token, same context words)."""

    @staticmethod
    def _find_index_of_match_token(
        word: str, start: int, tokens: Any, tokens_indices: Sequence[int]
    ) -> int:
        # presidio takes the first token that starts at ``start`` or ends after it; tokens are
        # ordered, non-empty and do not overlap, so that is the token containing ``start`` or
        # else the next one.
        i = bisect.bisect_right(tokens_indices, start) - 1
        if i >= 0 and start < tokens_indices[i] + len(tokens[i]):
            return i
        if i + 1 < len(tokens_indices):
            return i + 1
        raise ValueError("Fant ikke treffet blant ordene i teksten.")  # never the note's text

    @staticmethod
    def _find_supportive_word_in_context(
        context_list: list[str],
        recognizer_context_list: list[str],
        matching_mode: str = "substring",
    ) -> str:
        """presidio's answer (the first recognizer context word found in a surrounding word,
        case-blind), with the surrounding words lower-cased once instead of once per context
        word."""
        if context_list is None or recognizer_context_list is None:
            return ""
        around = [word.lower() for word in context_list]
        # in one string, a NUL-free context word is inside a surrounding word exactly when it
        # is inside the joined words
        joined = "\0".join(around) if around else None
        for context_word in recognizer_context_list:
            wanted = context_word.lower()
            if matching_mode == "substring":
                if joined is not None and "\0" not in wanted and wanted in joined:
                    return context_word
                if "\0" in wanted and any(wanted in word for word in around):
                    return context_word
            elif matching_mode == "whole_word" and wanted in around:
                return context_word
        return ""


def build_analyzer(nlp: Language, config: PiiConfig) -> tuple[AnalyzerEngine, DocNlpEngine]:
    engine = DocNlpEngine(nlp)
    registry = RecognizerRegistry(
        recognizers=build_recognizers(config),
        global_regex_flags=re.DOTALL | re.MULTILINE,
        supported_languages=[LANGUAGE],
    )
    enhancer = IndexedContextEnhancer(
        context_similarity_factor=0.3,
        min_score_with_context_similarity=0.5,
        context_prefix_count=config.context_window,
        context_suffix_count=config.context_window,
        context_matching_mode="substring",
    )
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=enhancer,
        default_score_threshold=config.score_threshold,
    )
    return analyzer, engine
