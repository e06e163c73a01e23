# Planwatch: `make demo` runs the app with the demo world; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export PLANWATCH_DEBUG ?= 1

.PHONY: demo test install system-deps lint format messages clean-db

$(BIN)/planwatch: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(BIN)/planwatch

install: $(BIN)/planwatch

## Install, migrate the SQLite database under var/, load the demo world, serve on $(HOST).
demo: install
	$(BIN)/planwatch migrate --no-input
	$(BIN)/planwatch demo
	@echo "Planwatch is at http://$(HOST)/ (sign in with a demo account above)"
	$(BIN)/planwatch db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/planwatch runserver $(HOST)

## Install (with Chromium for the browser tests) and run the whole suite.
test: install system-deps
	$(BIN)/pytest

system-deps:
	@scripts/system-deps

## Remove the demo's SQLite database (and its WAL files); `make demo` then starts afresh.
clean-db:
	rm -f var/planwatch.sqlite3 var/planwatch.sqlite3-wal var/planwatch.sqlite3-shm

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Extract and compile the translations (needs gettext).
messages: install
	cd planwatch && ../$(BIN)/planwatch makemessages -l zh_Hans --no-obsolete --ignore 'static/*' --ignore 'intake/tests/corpus/*'
	cd planwatch && ../$(BIN)/planwatch compilemessages -l zh_Hans
