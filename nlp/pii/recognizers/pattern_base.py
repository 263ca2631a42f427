"""Shared base for the pattern recognizers (FNR, PHONE, EMAIL, ADDRESS, DATE, AGE).

These recognizers need no spaCy parse: they run pre-compiled regular expressions over the raw
text and then look at the words around each match (a "kontonummer" before eleven digits, "for
... siden" around "tre år") to accept, re-score or drop it. Context words from the config are
put on the recognizer so that presidio's context enhancer can raise scores in the engine; the
recognizers themselves never boost by those words, so a score is never raised twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from string import Template
from typing import ClassVar

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from nlp.pii.config import RecognizerConfig, load_config
from nlp.pii.result import new_result

FLAGS = regex.VERSION1 | regex.UNICODE
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*", FLAGS)
_BOUNDARY = regex.compile(r"\n|[.!?][\"»”)]*\s+(?=[\p{Lu}«\"])", FLAGS)
WINDOW_CHARS = 120


SP = r"[\ \u00a0\u202f]"  # a space as typed or pasted from Word (no-break, narrow no-break)
DASH = r"[-–‑]"  # hyphen, en dash, non-breaking hyphen


def compile_pattern(pattern: str, *, ignore_case: bool = False, **defs: str) -> regex.Pattern[str]:
    """Compile once, at import (verbose mode, Unicode classes).

    ``${SP}``, ``${DASH}`` and ``${name}`` for each keyword in ``defs`` are substituted first
    (repeatedly, so a definition may use another one).
    """
    mapping = {"SP": SP, "DASH": DASH, **defs}
    source = pattern
    for _ in range(5):  # definitions may use other definitions
        expanded = Template(source).safe_substitute(mapping)
        if expanded == source:
            break
        source = expanded
    flags = FLAGS | regex.VERBOSE | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(source, flags)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def case_blind_prefixes(words: Iterable[str], n: int) -> str:
    """A regex matching one character where one of the ASCII ``n``-letter prefixes of
    ``words`` starts, in any case ("tj" -> ``[tT](?=[jJ])``), for a STARTS shortcut. It is not
    case-folded (which makes the regex module slow): the shortcut itself must also accept the
    non-ASCII characters that full case folding maps to ASCII letters."""
    prefixes = sorted({w[:n] for w in words if len(w) >= n and w[:n].isascii()})
    return (
        "(?:"
        + "|".join(
            f"[{p[0].lower()}{p[0].upper()}]"
            + "".join(f"(?=[{c.lower()}{c.upper()}]" for c in p[1:])
            + ")" * (len(p) - 1)
            for p in prefixes
        )
        + ")"
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    score: float
    why: str


def _clean(word: str) -> str:
    return word.lower().rstrip(".'’-")


def words_before(text: str, start: int, n: int = 3) -> list[str]:
    """Up to ``n`` words before ``start``, lowercased, nearest last ("kontonr." -> "kontonr").

    The look-back stops at a line break and at a sentence end (".", "!" or "?" followed by a
    capitalised word); abbreviations such as "tlf. nr. 99 88 77 66" stay in one window.
    """
    window = text[max(0, start - WINDOW_CHARS) : start]
    cut = -1
    for boundary in _BOUNDARY.finditer(window):
        cut = boundary.end()
    return [_clean(w) for w in _WORD.findall(window[max(cut, 0) :])][-n:]


def words_after(text: str, end: int, n: int = 3) -> list[str]:
    """Up to ``n`` words starting after ``end``, lowercased, nearest first (same line)."""
    window = text[end : end + WINDOW_CHARS]
    newline = window.find("\n")
    if newline >= 0:
        window = window[:newline]
    return [_clean(w) for w in _WORD.findall(window)][:n]


def clip(score: float) -> float:
    return round(min(1.0, max(0.01, score)), 2)


class NbPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer for Norwegian text whose matches are checked in their context.

    Subclasses set ``ENTITY``, ``NAME`` (the config key) and ``PATTERNS`` (name -> compiled
    regex) and implement :meth:`find`. Overlapping candidates of one recognizer are resolved
    longest first, then by score.
    """

    ENTITY: ClassVar[str] = ""
    NAME: ClassVar[str] = ""
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {}  # name -> pre-compiled pattern
    # Shortcuts for patterns that are slow to scan (case-insensitive matching with full case
    # folding costs the regex module ~1 µs per character). Each gives exactly the matches of
    # ``PATTERN.finditer(text)``; tests/hostile checks this on the notes and on random text.
    # name -> a pattern (same flags) that matches inside every match of PATTERNS[name]:
    # a text without it is not scanned at all ...
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {}
    # ... and for these names (whose matches never contain a line break and look at most one
    # character ahead), only the lines with a prefilter hit are scanned.
    LINE_BOUND: ClassVar[frozenset[str]] = frozenset()
    # name -> a one-character pattern that matches at every position where a match may start
    # (and maybe elsewhere); PATTERNS[name], which never matches the empty string, is tried
    # only at those positions.
    STARTS: ClassVar[dict[str, regex.Pattern[str]]] = {}
    # name -> a test of (text, position) that answers True only where PATTERNS[name] cannot
    # match (False: it may); STARTS positions it rejects are not tried.
    REJECTS: ClassVar[dict[str, Callable[[str, int], bool]]] = {}
    # name -> a test of a line (with its line break) that answers False only for lines where
    # ``find`` keeps none of PATTERNS[name]'s matches (a handle needs a handle word before it on
    # its line): only the other lines are scanned. Such a pattern never matches across a line
    # break, looks at most one character behind a match and stops looking ahead at a line
    # break. Unlike the shortcuts above, these change what ``iter_matches`` yields, not what
    # ``find`` yields; tests/hostile checks ``find`` with and without them.
    LINE_FILTERS: ClassVar[dict[str, Callable[[str], bool]]] = {}

    def __init__(self, config: RecognizerConfig | None = None) -> None:
        self.config = config if config is not None else load_config().recognizer(self.NAME)
        self.score = self.config.score
        patterns = []
        for name, compiled in self.PATTERNS.items():
            pattern = Pattern(name=name, regex=compiled.pattern, score=self.score)
            pattern.compiled_regex = compiled  # pre-compiled: never recompiled per call
            pattern.compiled_with_flags = compiled.flags
            patterns.append(pattern)
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language="nb",
            patterns=patterns,
            context=list(self.config.context),
        )

    def analyze(
        self,
        text: str,
        entities: Sequence[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        if not text:
            return []
        return [self._result(c) for c in self._resolve(self.find(text))]

    def find(self, text: str) -> Iterable[Candidate]:
        raise NotImplementedError

    def iter_matches(self, name: str, text: str) -> Iterator[regex.Match[str]]:
        """``PATTERNS[name].finditer(text)``, taking the shortcuts declared for ``name``."""
        pattern = self.PATTERNS[name]
        prefilter = self.PREFILTERS.get(name)
        starts = self.STARTS.get(name)
        keep_line = self.LINE_FILTERS.get(name)
        if keep_line is not None:
            rejects = self.REJECTS.get(name)
            for start, end in _kept_lines(keep_line, text):
                if starts is not None:
                    yield from _at_starts(pattern, starts, text, rejects, start, end)
                else:
                    yield from pattern.finditer(text, start, end, overlapped=False)
        elif prefilter is not None and name in self.LINE_BOUND:
            yield from _in_lines(pattern, prefilter, text)
        elif prefilter is not None:
            if prefilter.search(text) is not None:
                yield from pattern.finditer(text, overlapped=False)
        elif starts is not None:
            yield from _at_starts(pattern, starts, text, self.REJECTS.get(name))
        else:
            yield from pattern.finditer(text, overlapped=False)

    @staticmethod
    def _resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
        ordered = sorted(
            (c for c in candidates if c.end > c.start),
            key=lambda c: (-(c.end - c.start), -c.score, c.start),
        )
        kept: list[Candidate] = []
        for cand in ordered:
            if all(cand.end <= k.start or cand.start >= k.end for k in kept):
                kept.append(cand)
        return sorted(kept, key=lambda c: c.start)

    def _result(self, cand: Candidate) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=cand.score,
            pattern_name=cand.why,
            textual_explanation=f"Detected by `{self.name}` using pattern `{cand.why}`",
        )
        return new_result(self, self.ENTITY, cand.start, cand.end, cand.score, explanation)


def _in_lines(
    pattern: regex.Pattern[str], prefilter: regex.Pattern[str], text: str
) -> Iterator[regex.Match[str]]:
    """Matches of a line-bound pattern, scanning only the lines where ``prefilter`` is found.
    The scan keeps the real text around the line: look-behinds see the previous line and the
    one-character look-aheads see the line break."""
    done = 0
    while (hit := prefilter.search(text, done)) is not None:  # the next line with a hit
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.start())
        line_end = len(text) if line_end < 0 else line_end + 1
        yield from pattern.finditer(text, line_start, line_end, overlapped=False)
        done = line_end


def _kept_lines(keep_line: Callable[[str], bool], text: str) -> Iterator[tuple[int, int]]:
    """Where the lines ``keep_line`` accepts start and end (after their line break), to be
    scanned in the real text (look-behinds see the previous line, look-aheads the line break)."""
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        if keep_line(text[line_start:line_end]):
            yield line_start, line_end
        line_start = line_end


def _at_starts(
    pattern: regex.Pattern[str],
    starts: regex.Pattern[str],
    text: str,
    rejects: Callable[[str, int], bool] | None = None,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[regex.Match[str]]:
    """Leftmost, non-overlapping matches in ``text[pos:endpos]``, trying ``pattern`` only where
    ``starts`` matches and ``rejects`` (if given) does not rule the position out."""
    end = len(text) if endpos is None else endpos
    done = pos
    for hit in starts.finditer(text, pos, end):
        position = hit.start()
        if position < done or (rejects is not None and rejects(text, position)):
            continue
        match = pattern.match(text, position, end)
        if match is not None and match.end() > match.start():
            yield match
            done = match.end()
