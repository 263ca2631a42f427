"""Token embeddings tried in the NER experiments (models/ner/EXPERIMENTS.md, runs C and E) and
not adopted: registered only when an experiment script imports this module.

- ``romnotat.GazetteerHashEmbed.v2``: the product's v1 with the common-word bit in the gazetteer
  class (bit 8: the token's lower-case form is a common word, so a capitalised word that is not
  one is likely a name even when no list holds it).
- ``romnotat.GazetteerCharEmbed.v1``: v2 plus spaCy's character embedding.
"""

from __future__ import annotations

from spacy.ml import _character_embed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

from nlp.spacy_pipeline.features import EmbedSpec


@registry.architectures("romnotat.GazetteerHashEmbed.v2")
def gazetteer_hash_embed_v2(
    width: int, attrs: list[str], rows: list[int], gazetteer_width: int, gazetteer_dir: str | None
) -> Model[list[Doc], list[Floats2d]]:
    """v1 with the common-word bit in the gazetteer class."""
    return EmbedSpec(width, attrs, rows, gazetteer_width, gazetteer_dir, True).hash_embed()


@registry.architectures("romnotat.GazetteerCharEmbed.v1")
def gazetteer_char_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    gazetteer_width: int,
    gazetteer_dir: str | None,
    nM: int,
    nC: int,
) -> Model[list[Doc], list[Floats2d]]:
    """v2 plus spaCy's character embedding: ``nC`` bytes of each word (half from its start,
    half from its end) embedded in ``nM`` dimensions each, so that unseen words are read by their
    spelling, not only by a hashed row."""
    columns, size = EmbedSpec(width, attrs, rows, gazetteer_width, gazetteer_dir, True).columns()
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())
    return chain(
        concatenate(chars, chain(*columns)),
        with_array(Maxout(width, size + nM * nC, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
