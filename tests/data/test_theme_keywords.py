"""The maintained keyword stems of data/themes/themes.yaml hit the guide's own examples."""

from __future__ import annotations

import pytest

from nlp.classify.keyword_hits import KeywordHits
from nlp.classify.train import load_theme_keywords

KEYWORDS = load_theme_keywords()


def _hit_themes(text: str) -> set[str]:
    hits = KeywordHits(KEYWORDS).fit([])
    row = hits.transform([{"text": text, "section": None}]).toarray()[0]
    return {theme for theme, n in zip(hits.themes_, row) if n}


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Pårørende fikk ikke beskjed om utskrivingen.", "informasjon"),
        ("Det er uklart hva utgiftsdekningen omfatter.", "informasjon"),
        ("Vi fekk ikkje beskjed om kva som skjedde.", "informasjon"),
        ("Brevet fra barneverntjenesten var vanskelig å forstå.", "informasjon"),
        ("Ansvarsgruppen møttes bare én gang.", "samarbeid"),
        ("Epikrisen kom for sent til kommunen.", "samarbeid"),
        ("Ingen koordinerte tilbudene rundt familien.", "samarbeid"),
        ("Et felles møte med skole og BUP før oppstart.", "samarbeid"),
        ("Ventetiden på BUP var åtte måneder.", "tilgjengelighet"),
    ],
)
def test_a_guide_example_hits_its_theme(text: str, theme: str) -> None:
    assert theme in _hit_themes(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Ventetiden på BUP var åtte måneder.", "informasjon"),
        ("Hun har vært pårørende til broren i tjue år.", "samarbeid"),
    ],
)
def test_an_example_without_the_topic_does_not_hit_it(text: str, theme: str) -> None:
    assert theme not in _hit_themes(text)


def test_every_theme_has_stems_and_no_stem_is_listed_twice_for_it() -> None:
    for theme, stems in KEYWORDS.items():
        cleaned = [s.strip().lower() for s in stems]
        assert cleaned, theme
        assert len(cleaned) == len(set(cleaned)), theme
