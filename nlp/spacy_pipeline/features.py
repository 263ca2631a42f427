"""Gazetteer features for the NER model's token embeddings.

Each token gets a small class id from name and place lists (bit 1: first name, bit 2: surname,
bit 4: place; optionally bit 8: the token's lower-case form is a common word, so a capitalised
word outside every list still reads as a likely name); the id is embedded next to spaCy's usual
hashed NORM / PREFIX / SUFFIX / SHAPE features. The product's embedding,
``romnotat.GazetteerCharEmbed.v1``, adds spaCy's character embedding. The lists come from
data/gazetteers/ at build time and are stored inside the trained model (thinc serialises the
layer's attrs), so a built pipeline does not need the files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.ml import _character_embed
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from nlp.gazetteers import read_list

FIRST, LAST, PLACE, COMMON = 1, 2, 4, 8
COMMON_WORDS_FILE = "common_words.txt"
_LOWER = "~"  # table keys for lower-case word forms (common words) start with this
GAZETTEER_FILES = {
    "first_names.txt": FIRST,
    "last_names.txt": LAST,
    "municipalities.txt": PLACE,
    "places.txt": PLACE,
}


def load_gazetteer_table(directory: Path, *, common_words: bool = False) -> dict[str, int]:
    table: dict[str, int] = {}
    for name, bit in GAZETTEER_FILES.items():
        path = directory / name
        if not path.exists():
            continue
        for entry in read_list(path):
            for word in entry.split():
                table[word] = table.get(word, 0) | bit
    path = directory / COMMON_WORDS_FILE
    if common_words and path.exists():
        for word in read_list(path):
            table[_LOWER + word] = COMMON
    return table


def token_class(text: str, table: dict[str, int]) -> int:
    """The gazetteer class of one token, looking through hyphens and a possessive -s; with the
    common-word bit when the table has common words."""
    return _name_class(text, table) | table.get(_LOWER + text.lower(), 0)


def _name_class(text: str, table: dict[str, int]) -> int:
    cls = table.get(text, 0)
    if cls:
        return cls
    if "-" in text:
        parts = [p for p in text.split("-") if p]
        if parts and all(p in table for p in parts):
            return table[parts[0]] | table[parts[-1]]
    if len(text) > 3 and text[-1] == "s":
        return table.get(text[:-1], 0)
    return 0


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    base = model.layers[0]
    table: dict[str, int] = model.attrs["gazetteer"]
    base_features, _ = base(docs, is_train)
    features = []
    for doc, columns in zip(docs, base_features):
        extra = (
            model.ops.asarray2i([[token_class(token.text, table)] for token in doc], dtype="uint64")
            if len(doc)
            else model.ops.alloc2i(0, 1, dtype="uint64")
        )
        features.append(model.ops.xp.hstack([columns, extra]))
    return features, lambda d_features: []


@registry.layers("romnotat.GazetteerFeatureExtractor.v1")
def gazetteer_feature_extractor(
    attrs: list[str], gazetteer_dir: str | None, common_words: bool = False
) -> Model[list[Doc], list[Ints2d]]:
    table = (
        load_gazetteer_table(Path(gazetteer_dir), common_words=common_words)
        if gazetteer_dir
        else {}
    )
    return Model(
        "gazetteer_features",
        _forward,
        layers=[FeatureExtractor(attrs)],
        attrs={"gazetteer": table},
    )


@registry.architectures("romnotat.GazetteerHashEmbed.v1")
def gazetteer_hash_embed(
    width: int, attrs: list[str], rows: list[int], gazetteer_width: int, gazetteer_dir: str | None
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed (without static vectors) plus one gazetteer-class column."""
    return EmbedSpec(width, attrs, rows, gazetteer_width, gazetteer_dir).hash_embed()


@dataclass(frozen=True)
class EmbedSpec:
    """The hashed token features and the gazetteer class, as the embedding layers take them."""

    width: int
    attrs: list[str]
    rows: list[int]
    gazetteer_width: int
    gazetteer_dir: str | None
    common_words: bool = False

    def columns(self) -> tuple[list[Model], int]:
        """The layers that turn docs into the concatenated hash embeddings of ``attrs`` and the
        gazetteer class (a ragged array), and that array's width."""
        if len(self.rows) != len(self.attrs):
            raise ValueError(f"Mismatched lengths: {len(self.rows)} vs {len(self.attrs)}")
        embeddings = [
            HashEmbed(self.width, rows, column=i, seed=8 + i, dropout=0.0)
            for i, rows in enumerate(self.rows)
        ]
        embeddings.append(
            HashEmbed(self.gazetteer_width, 64, column=len(self.attrs), seed=99, dropout=0.0)
        )
        layers = [
            gazetteer_feature_extractor(self.attrs, self.gazetteer_dir, self.common_words),
            list2ragged(),
            with_array(concatenate(*embeddings)),
        ]
        return layers, self.width * len(self.attrs) + self.gazetteer_width

    def hash_embed(self) -> Model[list[Doc], list[Floats2d]]:
        columns, size = self.columns()
        return chain(
            *columns,
            with_array(Maxout(self.width, size, nP=3, dropout=0.0, normalize=True)),
            ragged2list(),
        )


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
    """The hashed features and the gazetteer class with the common-word bit, plus spaCy's
    character embedding: ``nC`` bytes of each word (half from its start, half from its end)
    embedded in ``nM`` dimensions each, so that unseen words are read by their spelling, not only
    by a hashed row."""
    columns, size = EmbedSpec(width, attrs, rows, gazetteer_width, gazetteer_dir, True).columns()
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())
    return chain(
        concatenate(chars, chain(*columns)),
        with_array(Maxout(width, size + nM * nC, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
