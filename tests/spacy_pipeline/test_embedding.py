"""The product's token embedding, read from the committed config, and what marks a build stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from thinc.api import Config

from nlp.settings import REPO_ROOT, get_settings
from nlp.spacy_pipeline import build
from nlp.spacy_pipeline.features import COMMON_WORDS_FILE, gazetteer_char_embed

CONFIG = REPO_ROOT / "models" / "ner" / "nb_norne.cfg"


def test_the_configured_embedding_gives_one_vector_per_token(tmp_path: Path) -> None:
    section = Config().from_disk(CONFIG, interpolate=False)["components"]["tok2vec"]["model"]
    embed = dict(section["embed"])
    assert embed.pop("@architectures") == "romnotat.GazetteerCharEmbed.v1"
    (tmp_path / "first_names.txt").write_text("Kari\n", encoding="utf-8")
    (tmp_path / COMMON_WORDS_FILE).write_text("mor\n", encoding="utf-8")
    width = section["encode"]["width"]
    model = gazetteer_char_embed(
        width=width,
        attrs=embed["attrs"],
        rows=embed["rows"],
        gazetteer_width=embed["gazetteer_width"],
        gazetteer_dir=str(tmp_path),
        nM=embed["nM"],
        nC=embed["nC"],
    )
    nlp = spacy.blank("nb")
    docs = [nlp("Kari ringte mor."), nlp("Ærlig talt, ingen svarte!")]
    model.initialize(X=docs)
    vectors = model.predict(docs)
    assert [v.shape for v in vectors] == [(len(d), width) for d in docs]
    # the gazetteer table travels inside the model: the built pipeline does not need the files
    tables = [node.attrs["gazetteer"] for node in model.walk() if "gazetteer" in node.attrs]
    assert tables and tables[0]["Kari"] and tables[0]["~mor"]


@pytest.mark.skipif(not get_settings().norne_dir.is_dir(), reason="NorNE is not available")
def test_changing_the_common_words_marks_the_pipeline_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteers = tmp_path / "gazetteers"
    shutil.copytree(REPO_ROOT / "data" / "gazetteers", gazetteers)
    monkeypatch.setattr(build, "GAZETTEER_DIR", gazetteers)
    settings = get_settings()
    before = build.input_hashes(settings)
    with (gazetteers / COMMON_WORDS_FILE).open("a", encoding="utf-8") as words:
        words.write("nyttord\n")
    after = build.input_hashes(settings)
    assert after["gazetteer_sha256"] != before["gazetteer_sha256"]
    assert {k: v for k, v in after.items() if k != "gazetteer_sha256"} == {
        k: v for k, v in before.items() if k != "gazetteer_sha256"
    }
