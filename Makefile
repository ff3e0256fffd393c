# Two commands do everything: `make run` and `make test`. `make setup` only prepares.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-stamp
SYSSTAMP := $(VENV)/.system-stamp
MODELSTAMP := $(VENV)/.models-stamp

.PHONY: setup run test test-quick lint format demo bench bundle installer clean

setup: $(MODELSTAMP)

$(SYSSTAMP): scripts/system-deps.sh
	bash scripts/system-deps.sh
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml $(SYSSTAMP)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,vietasr,cluster,train]'
	touch $@

$(MODELSTAMP): $(STAMP) models/manifest.json scripts/fetch_real_voices.py
	$(BIN)/reviewer models assemble
	$(BIN)/python scripts/fetch_real_voices.py
	touch $@

# With no ARGS: open the application on the demo case (analysed on first run). Without a display
# (no DISPLAY or WAYLAND_DISPLAY), analyse the demo headless and print the summary instead.
run: setup
	@if [ -n "$(ARGS)" ]; then $(BIN)/reviewer $(ARGS); \
	elif [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(BIN)/reviewer gui; \
	else echo "No display: analysing the demo headless (the application needs a screen)."; \
	  $(BIN)/reviewer demo; fi

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

test-quick: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not model and not slow and not bundle" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

demo: setup
	$(BIN)/python resources/demo/make_demo.py

bench: setup
	$(BIN)/python bench/bench_speech.py

# PyInstaller onedir into dist/LivestreamReviewer/ (CLI: dist/LivestreamReviewer/reviewer).
bundle: setup
	REVIEWER_BUNDLE_VIETASR=$(if $(VIETASR),1,0) $(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	@du -sh dist/LivestreamReviewer

# NSIS installer (dist/LivestreamReviewer-Setup.exe) from whatever bundle dist/ holds. Built
# here from the Linux bundle it only proves the script; the real one comes from Windows.
installer: bundle
	makensis -V2 -DBUNDLE_DIR=$(CURDIR)/dist/LivestreamReviewer \
	  -DOUT_FILE=$(CURDIR)/dist/LivestreamReviewer-Setup.exe installer/reviewer.nsi
	@ls -l dist/LivestreamReviewer-Setup.exe

clean:
	rm -rf $(VENV) build dist .pytest_cache
