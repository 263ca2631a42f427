"""The result type romnotat's recognizers return."""

from __future__ import annotations

import copy
from typing import Any

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


class NbRecognizerResult(RecognizerResult):
    """A presidio ``RecognizerResult`` with a cheap deep copy.

    presidio's context enhancer deep-copies every result before raising scores; a result's
    mutable parts are its explanation (whose fields the enhancer reassigns) and its metadata
    dict, so copying those two is a full copy for this purpose at a fraction of the cost.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> NbRecognizerResult:
        clone = copy.copy(self)
        clone.analysis_explanation = copy.copy(self.analysis_explanation)
        if self.recognition_metadata is not None:
            clone.recognition_metadata = dict(self.recognition_metadata)
        return clone


def new_result(
    recognizer: EntityRecognizer,
    entity: str,
    start: int,
    end: int,
    score: float,
    explanation: AnalysisExplanation,
) -> NbRecognizerResult:
    """A result of ``recognizer`` with the metadata presidio's engine and enhancer look up."""
    return NbRecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )
