"""A token embedding tried in the NER experiments (models/ner/EXPERIMENTS.md, run C) and not
adopted: registered only when an experiment script imports this module.

``romnotat.GazetteerHashEmbed.v2`` is the product's v1 with the common-word bit in the gazetteer
class (bit 8: the token's lower-case form is a common word, so a capitalised word that is not one
is likely a name even when no list holds it). The product's ``romnotat.GazetteerCharEmbed.v1``
(run E) adds spaCy's character embedding to it; it lives in nlp/spacy_pipeline/features.py.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Floats2d

from nlp.spacy_pipeline.features import EmbedSpec


@registry.architectures("romnotat.GazetteerHashEmbed.v2")
def gazetteer_hash_embed_v2(
    width: int, attrs: list[str], rows: list[int], gazetteer_width: int, gazetteer_dir: str | None
) -> Model[list[Doc], list[Floats2d]]:
    """v1 with the common-word bit in the gazetteer class."""
    return EmbedSpec(width, attrs, rows, gazetteer_width, gazetteer_dir, True).hash_embed()
