"""The label and theme models: they learn from items, use the section only as a weak signal,
report calibrated confidences and per-theme scores, and the baselines are scored."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.dummy import DummyClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from nlp.classify import train as train_module
from nlp.classify.baselines import heading_baseline, keyword_baseline, keyword_rule
from nlp.classify.data import LabelledItem, data_hash, item_files, load_batches, load_items
from nlp.classify.keyword_hits import KeywordHits
from nlp.classify.labeller import Labeller
from nlp.classify.models import LABEL_CANDIDATES, VOTE_MEMBERS, vote_label_views
from nlp.classify.text import normalise
from nlp.classify.train import (
    calibrate,
    choose_threshold,
    figures_by_batch,
    rows_of,
)
from nlp.errors import ModelUnavailableError


def test_normalise_replaces_placeholders_digits_and_case() -> None:
    assert (
        normalise("[NAVN 1] ventet 14 uker på «BUP»")
        == "personnavn ventet 0 uker på qmark bup qmark"
    )


def test_keyword_hits_count_word_starts() -> None:
    hits = KeywordHits({"a": ["ventetid"], "b": ["skole"]}).fit([])
    matrix = hits.transform(
        [
            {"text": "Lang ventetid. Ventetiden var verst.", "section": None},
            {"text": "Ingen treff her", "section": None},
        ]
    ).toarray()
    assert matrix.tolist() == [[2.0, 0.0], [0.0, 0.0]]


def test_labeller_predicts_labels_confidence_and_themes(small_bundle: dict) -> None:
    labeller = Labeller(small_bundle)
    texts = [
        "Vi ønsker oss flere avlastningstimer og et fast kontaktpunkt i kommunen.",
        "Det tok åtte måneder før vi fikk time hos BUP, og ingen ringte oss.",
        "Helsesykepleieren på skolen fulgte opp jenta hver uke, og det hjalp.",
    ]
    results = labeller.predict(texts)
    assert [r["label"] for r in results] == ["wish", "challenge", "good_practice"]
    for result in results:
        assert 0.0 < result["confidence"] <= 1.0
        assert set(result["theme_scores"]) == set(small_bundle["themes"])
        assert result["uncertain"] == (result["confidence"] < 0.45)
    assert (
        "skole-barnehage" in results[2]["themes"]
        or results[2]["theme_scores"]["skole-barnehage"] > 0.2
    )


def test_section_is_a_signal_but_meaning_wins(small_bundle: dict) -> None:
    labeller = Labeller(small_bundle)
    wish = "Vi skulle ønske at NAV hadde én fast saksbehandler for hele familien."
    assert labeller.predict([wish], ["challenges"])[0]["label"] == "wish"


def _zeros(rows: list) -> np.ndarray:
    return np.zeros((len(rows), 1))


def _prior_model(labels: list[str]) -> Pipeline:
    """A label model that ignores the text: the training labels' shares for every row."""
    steps = [("pick", FunctionTransformer(_zeros)), ("clf", DummyClassifier(strategy="prior"))]
    return Pipeline(steps).fit([{}] * len(labels), labels)


def test_an_item_without_a_heading_is_read_by_the_model_fitted_without_headings(
    small_bundle: dict,
) -> None:
    prior = _prior_model([i.label for i in load_items()[::4]])
    labeller = Labeller({**small_bundle, "label_model_bare": prior, "uncertain_below_bare": 0.0})
    wish = "Vi skulle ønske at NAV hadde én fast saksbehandler for hele familien."
    headed, bare = labeller.predict([wish, wish], ["challenges", None])
    assert headed["label"] == "wish"
    # the most frequent label, at its share: the bare model decided, with its own cut
    assert bare["label"] == prior.classes_[prior[-1].class_prior_.argmax()] != "wish"
    assert bare["confidence"] == pytest.approx(prior[-1].class_prior_.max(), abs=1e-4)
    assert not bare["uncertain"] and bare["confidence"] < small_bundle["uncertain_below"]


def test_a_bundle_whose_two_label_models_disagree_on_the_labels_is_refused(
    small_bundle: dict,
) -> None:
    other = _prior_model(["challenge", "wish"] * 5)
    with pytest.raises(ModelUnavailableError):
        Labeller({**small_bundle, "label_model_bare": other})


def test_calibration_reports_a_temperature_and_a_cut_from_out_of_fold_scores() -> None:
    rng = np.random.default_rng(0)
    classes = np.array(["challenge", "good_practice", "other", "wish"])
    labels = rng.choice(classes, 400)
    # overconfident scores: right 70 % of the time, always at 0.97
    predicted = np.where(rng.random(400) < 0.7, labels, rng.choice(classes, 400))
    proba = np.full((400, 4), 0.01)
    proba[np.arange(400), np.searchsorted(classes, predicted)] = 0.97
    scored = {
        "_predicted": predicted,
        "_classes": classes,
        "_proba": proba,
        "_confidence": proba.max(axis=1),
    }
    result = calibrate(scored, labels)
    assert result["temperature"] < 1.0  # overconfident scores are flattened
    assert result["ece_after"] < result["ece_before"]
    assert 0.0 <= result["uncertain_below"] <= 1.0
    assert 0.0 <= result["uncertain_share_cv"] <= 1.0


def test_a_task_without_folds_only_fits_on_all_rows() -> None:
    items = load_items()[::10]
    x = rows_of(items, with_section=False)
    y = np.array([i.label for i in items])
    task = train_module.CvTask(vote_label_views, x, y, [], fit_all=True)
    result = train_module.out_of_fold_tasks({"bare": task})["bare"]
    assert result.proba.shape == (len(items), 0)
    assert list(result.model.classes_) == sorted(set(y))


def test_threshold_marks_the_least_certain_items() -> None:
    confidence = np.linspace(0.3, 1.0, 200)
    correct = confidence > 0.55
    threshold = choose_threshold(correct, confidence)
    assert 0.5 <= threshold <= 0.6


def test_threshold_is_not_fooled_by_one_lucky_bin() -> None:
    rng = np.random.default_rng(3)
    confidence = np.concatenate([np.full(20, 0.37), rng.uniform(0.4, 0.6, 300), [0.9] * 500])
    correct = np.concatenate([np.ones(20, bool), rng.random(300) < 0.5, np.ones(500, bool)])
    assert 0.55 <= choose_threshold(correct, confidence) <= 0.625


def test_threshold_is_zero_when_every_band_is_good_enough() -> None:
    confidence = np.linspace(0.4, 1.0, 100)
    assert choose_threshold(np.ones(100, bool), confidence) == 0.0
    assert choose_threshold(np.array([], bool), np.array([])) == 0.0


def test_baselines_and_candidates_exist() -> None:
    items = load_items()[:300]
    assert len(LABEL_CANDIDATES) >= 3
    assert 0.0 < heading_baseline(items)["macro_f1_core"] < 1.0
    assert 0.0 < keyword_baseline(items)["macro_f1_core"] < 1.0
    assert keyword_rule("Vi ønsker mer informasjon") == "wish"


def test_labeller_version_names_the_data_and_the_code(small_bundle: dict) -> None:
    assert Labeller(small_bundle).version == "items-test+00000000"
    one = Labeller({**small_bundle, "code_sha256": "ab" * 32}).version
    other = Labeller({**small_bundle, "code_sha256": "cd" * 32}).version
    assert one == "items-test+00000000.abababab" and one != other


def test_temperature_sharpens_confidence_without_changing_the_label(small_bundle: dict) -> None:
    text = ["Det tok åtte måneder før vi fikk time hos BUP, og ingen ringte oss."]
    flat = Labeller(small_bundle).predict(text)[0]
    sharp = Labeller({**small_bundle, "label_temperature": 3.0}).predict(text)[0]
    assert sharp["label"] == flat["label"] and sharp["confidence"] > flat["confidence"]


def test_out_of_fold_does_not_depend_on_the_number_of_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = load_items()[::6]
    x = rows_of(items, with_section=False)
    y = np.array([i.label for i in items])
    folds = train_module._folds(items)
    results = []
    for jobs in (1, 2):
        monkeypatch.setattr(train_module, "_jobs", lambda jobs=jobs: jobs)
        oof = train_module.out_of_fold(vote_label_views, x, y, folds)
        results.append((oof.proba, oof.classes))
    (one, classes_one), (two, classes_two) = results
    assert list(classes_one) == list(classes_two) == sorted(set(y))
    # the same to the solver's rounding (in-process with two BLAS threads, a worker with one)
    assert np.allclose(one, two, rtol=0, atol=1e-6)
    assert np.allclose(one.sum(axis=1), 1.0)


def test_a_vote_member_is_scored_as_if_fitted_alone() -> None:
    items = load_items()[::8]
    member, (vote, _name) = next(iter(VOTE_MEMBERS.items()))
    read_off = train_module.cross_validate_labels(items, only=[member, vote])[member]
    alone = train_module.out_of_fold(
        LABEL_CANDIDATES[member],
        rows_of(items, with_section=False),
        np.array([i.label for i in items]),
        train_module._folds(items),
    )
    assert read_off["seconds"] == 0.0
    assert np.allclose(read_off["_proba"], alone.proba, rtol=0, atol=1e-6)
    assert list(read_off["_classes"]) == list(alone.classes)


def _item(batch: str, label: str, *themes: str) -> LabelledItem:
    return LabelledItem(
        id="x", note="n", text="t", section=None, label=label, themes=themes, lang="nb", batch=batch
    )


def test_figures_by_batch_score_each_batch_on_its_own_items() -> None:
    items = [
        _item("old", "challenge", "samarbeid"),
        _item("old", "wish", "informasjon"),
        _item("new", "good_practice"),
        _item("new", "wish", "overganger"),
    ]
    predicted = np.array(["challenge", "wish", "wish", "wish"], dtype=object)
    themes = [{"samarbeid"}, set(), set(), {"overganger", "krise-akutt"}]
    figures = figures_by_batch(items, predicted, themes)
    assert figures["old"]["items"] == figures["new"]["items"] == 2
    # old: challenge and wish right, good_practice absent (F 0 by convention)
    assert figures["old"]["label_macro_f1_core"] == pytest.approx(2 / 3, abs=1e-4)
    # new: good_practice missed, wish P 0.5 R 1
    assert figures["new"]["label_macro_f1_core"] == pytest.approx((0 + 0 + 2 / 3) / 3, abs=1e-4)
    assert figures["old"]["theme_micro_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["new"]["theme_micro_f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_items_carry_the_batch_of_their_file(tmp_path: Path) -> None:
    row = {"id": "a-1", "note": "a-n1", "text": "Lang ventetid", "label": "challenge"}
    for stem in ("set_a", "set_b", "set_z"):
        (tmp_path / f"{stem}.jsonl").write_text(json.dumps({**row, "id": stem}) + "\n")
    (tmp_path / "batches.yaml").write_text("early: [set_a, set_b]\n")
    assert load_batches(tmp_path) == {"set_a": "early", "set_b": "early"}
    assert [i.batch for i in load_items(tmp_path)] == ["early", "early", "set_z"]


def test_regrouping_the_batches_changes_the_data_hash(tmp_path: Path) -> None:
    (tmp_path / "set_a.jsonl").write_text('{"id": "a-1"}\n')
    (tmp_path / "batches.yaml").write_text("early: [set_a]\n")
    before = data_hash(tmp_path)
    (tmp_path / "batches.yaml").write_text("late: [set_a]\n")
    assert data_hash(tmp_path) != before


def test_every_item_file_is_in_a_listed_batch() -> None:
    listed = load_batches()
    assert {p.stem for p in item_files()} <= listed.keys()


@pytest.mark.parametrize("text", ["early: [set_a\n", "early: set_a\n", "- set_a\n", "early: [1]\n"])
def test_a_malformed_batches_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "batches.yaml").write_text(text)
    with pytest.raises(ValueError, match=r"batches\.yaml"):
        load_batches(tmp_path)


def test_train_command_turns_a_data_error_into_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from nlp.errors import RomnotatError
    from romnotat.cli import app

    def broken(out_dir: Path) -> dict:
        raise ValueError("batches.yaml: not valid YAML")

    monkeypatch.setattr(train_module, "train_and_save", broken)
    result = CliRunner().invoke(app, ["train"])
    assert isinstance(result.exception, RomnotatError)
    assert "batches.yaml: not valid YAML" in str(result.exception)
    assert "den forrige modellen er beholdt" in str(result.exception)
