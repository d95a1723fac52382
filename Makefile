# The README's two commands are `make run` and `make test`; both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench demo clean help

help:
	@echo "make run    - set up and open SBPAC Desktop on the default SQLite database"
	@echo "make test   - set up and run ruff, the import-linter contracts, mypy and the whole test suite"
	@echo "make bench  - speed and memory benchmarks (pytest-benchmark)"
	@echo "make demo   - load the demo meeting into the default database"
	@echo "make forms  - compile the Qt Designer forms ui/*.ui into sbpac_desktop/gui/forms/"
	@echo "make screenshots - PNG of every screen on the demo data (Xvfb, 1366x768) into docs/images/"
	@echo "make translations - update the English catalogue from the code and compile it"

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
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# Designer forms: ui/<name>.ui -> sbpac_desktop/gui/forms/ui_<name>.py (committed; a test fails when stale)
.PHONY: forms screenshots
FORMS_DIR := sbpac_desktop/gui/forms
forms: $(STAMP)
	@for ui in ui/*.ui; do \
		name=$$(basename $$ui .ui); \
		$(BIN)/pyside6-uic $$ui -o $(FORMS_DIR)/ui_$$name.py || exit 1; \
		echo "$$ui -> $(FORMS_DIR)/ui_$$name.py"; \
	done

# PNG of every screen on the demo data at 1366x768 under Xvfb, into docs/images/gui-*.png
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python tools/screenshots.py docs/images

# Qt Linguist: refresh resources/translations/sbpac_desktop_en.ts from the code (Thai source strings;
# existing English kept, new strings listed as untranslated) and compile the bundled .qm. Both are
# committed; tests/gui/test_i18n.py fails on a stale or untranslated catalogue.
.PHONY: translations
translations: $(STAMP)
	$(BIN)/python resources/translations/catalogue.py
	$(BIN)/python tools/qt_thai_qm.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q tests/benchmarks --benchmark-only --override-ini addopts=

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis

# --- Installers (installer/README.md) --------------------------------------------------------
# make installer        PyInstaller one-folder build (dist/sbpac-desktop/) and the .deb (dist/)
# make installer-check  the above, then install the .deb (apt-get as root, else a scratch root),
#                       self-test and window start as an ordinary user, upgrade/downgrade/removal
#                       keep the user's data; compile the Windows NSIS script with a stand-in payload
.PHONY: installer installer-check
INSTALLER_STAMP := $(VENV)/.installer-tools
SBPAC_VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' sbpac_desktop/__init__.py)
DEB_REVISION ?= 1

$(INSTALLER_STAMP): installer/requirements.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r installer/requirements.txt
	touch $(INSTALLER_STAMP)

installer: $(INSTALLER_STAMP)
	installer/prereqs.sh build $(BIN)/python
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/sbpac-desktop.spec
	QT_QPA_PLATFORM=offscreen dist/sbpac-desktop/sbpac-desktop --self-test
	rm -rf build/installer-smoke && XDG_DATA_HOME=$(CURDIR)/build/installer-smoke/data \
		XDG_STATE_HOME=$(CURDIR)/build/installer-smoke/state XDG_CONFIG_HOME=$(CURDIR)/build/installer-smoke/config \
		QT_QPA_PLATFORM=offscreen SBPAC_GUI_SMOKE=1 dist/sbpac-desktop/sbpac-desktop
	$(BIN)/python installer/linux/build_deb.py --revision $(DEB_REVISION)

installer-check: installer
	installer/prereqs.sh check
	$(BIN)/python installer/linux/check_package.py dist/sbpac-desktop_$(SBPAC_VERSION)-$(DEB_REVISION)_amd64.deb
	$(BIN)/python installer/windows/build_nsis.py --stand-in
