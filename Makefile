# Two entry points, as the README says: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test bench clean

# PYTHONWARNINGS=ignore: setuptools prints a banner about editable installs even with --quiet.
$(BIN)/newsmon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e '.[test,bench,browser]'
	touch $(BIN)/newsmon

install: $(BIN)/newsmon

demo: install
	$(BIN)/newsmon demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/templates.py
	$(BIN)/python bench/metadata.py
	$(BIN)/python bench/links.py
	$(BIN)/python bench/facts.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/dedupe.py
	$(BIN)/python bench/alerts.py
	$(BIN)/python bench/soak.py

clean:
	rm -rf $(VENV) *.egg-info
