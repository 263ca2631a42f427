# romnotat: two commands on a fresh machine — `make setup`, then `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup test lint models bench clean-models chromium

setup: $(BIN)/romnotat models chromium ## create .venv, install romnotat with dev extras, build the models

$(BIN)/romnotat: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

chromium: ## Debian's Chromium for the browser tests (tests/web), installed when missing
	test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

models: $(BIN)/romnotat ## build what is missing or stale (skipped when current)
	$(BIN)/romnotat model build
	$(BIN)/romnotat train --if-stale

test: ## the whole suite, slow tests included
	$(BIN)/ruff check nlp service romnotat tests bench data/tools models/ner/experiments
	$(BIN)/python data/tools/compile_notes.py --check
	$(BIN)/pytest -q

lint:
	$(BIN)/ruff check nlp service romnotat tests bench data/tools models/ner/experiments
	$(BIN)/ruff format --check nlp service romnotat tests bench data/tools models/ner/experiments

bench: ## benchmarks; figures go to bench/RESULTS.md
	$(BIN)/python -m bench.run

clean-models:
	rm -rf models/ner/pipeline models/ner/corpus models/classifier/*.joblib
