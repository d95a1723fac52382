# The README's two commands are `make run` and `make test`; both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench demo clean help

help:
	@echo "make run    - set up and open SBPAC Desktop on the default SQLite database"
	@echo "make test   - set up and run ruff, the import-linter contracts and the whole test suite"
	@echo "make bench  - speed and memory benchmarks (pytest-benchmark)"
	@echo "make demo   - load the demo meeting into the default database"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sbpac-desktop init
	$(BIN)/sbpac-desktop

demo: $(STAMP)
	$(BIN)/sbpac-desktop init
	$(BIN)/sbpac-desktop demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q tests/benchmarks --benchmark-only --override-ini addopts=

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
