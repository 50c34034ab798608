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
# Its libraries are packed with UPX 4 (packaging/upx.py); packaging/get_upx.sh finds it or
# fetches Debian's upx-ucl into build/tools. Without it the bundle is still built, with a
# loud warning, and `make smoke` then fails on the size budget. `make bundle NO_UPX=1`
# builds it uncompressed on purpose (about 190 MB; starts about 0.5 s sooner).
bundle: $(VENV)/.installed-bundle
	if [ -n "$(NO_UPX)" ]; then upx=; \
	elif ! upx="$$(sh packaging/get_upx.sh build/tools)"; then upx=; \
	  echo "bundle: NO UPX: building uncompressed, about 50 MB over the budget" >&2; fi; \
	IPTWORK_UPX="$$upx" $(BIN)/pyinstaller build.spec --noconfirm

# What CI runs after the tests: a fresh bundle, a check that it carries every library it
# links to, that each of them loads (UPX unpacks them on load) and that it stays within
# its size budget (issue #8), then the bundle's own check of itself.
BUNDLE_BUDGET_MB ?= 150
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
