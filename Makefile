# The two commands of the README. Both create .venv and install the project themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format bench clean bundle smoke install-desktop uninstall-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bundle: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/iptwork $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m pytest

format: $(VENV)/.installed-test
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: $(VENV)/.installed-test
	for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The desktop program, one folder: dist/iptwork/iptwork (build.spec says what goes in).
bundle: $(VENV)/.installed-bundle
	$(BIN)/pyinstaller build.spec --noconfirm

# What CI runs after the tests: a fresh bundle, a check that it carries every library it
# links to and stays within its size budget, then the bundle's own check of itself.
# Issue #8 asks for 150 MB; with numpy's OpenBLAS (25 MB) and PDFium (7 MB) this stack
# measures 189 MB at best, so the budget holds that line until the lead decides.
BUNDLE_BUDGET_MB ?= 192
smoke: bundle
	$(BIN)/python packaging/check_bundle.py dist/iptwork --budget-mb $(BUNDLE_BUDGET_MB)
	dist/iptwork/iptwork --smoke-test

# Menu entry, icon and the .iptw file type for this user (~/.local/share), running the
# bundle if it is built, else the virtual environment's iptwork; PROGRAM=... overrides.
PROGRAM ?= $(abspath $(if $(wildcard dist/iptwork/iptwork),dist/iptwork/iptwork,$(BIN)/iptwork))
install-desktop:
	sh packaging/linux/install-desktop.sh "$(PROGRAM)"

uninstall-desktop:
	sh packaging/linux/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
