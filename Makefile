# Planwatch: `make demo` runs the app with the demo world; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export PLANWATCH_DEBUG ?= 1
# Keep compiled byte-code (pip's at install, pytest's rewritten test modules): without it
# every run compiles the libraries and tests again, which was most of the collection time.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: demo test install system-deps lint format messages messages-todo clean-db typecheck openapi

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

## Install (with Chromium for the browser tests) and run the whole suite: everything but the
## browser tests on every core (pytest-xdist), then the browser tests one at a time.
test: install system-deps
	$(BIN)/pytest -n auto -m "not browser"
	$(BIN)/pytest -m browser

## mypy with django-stubs, as configured in pyproject.toml (strict for the pure rules).
typecheck: install
	$(BIN)/mypy

## Write the API's OpenAPI description to planwatch/openapi.json (a test compares the two).
openapi: install
	$(BIN)/planwatch export_openapi_schema --api planwatch.api.api --indent 2 --sorted \
		--output planwatch/openapi.json

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
	cd planwatch && ../$(BIN)/planwatch makemessages -l zh_Hans -l ko --no-obsolete --ignore 'static/*' --ignore 'intake/tests/corpus/*'
	cd planwatch && ../$(BIN)/planwatch compilemessages -l zh_Hans -l ko

## After `make messages`: count and list the Korean entries still empty or fuzzy (to translate).
messages-todo:
	@msgfmt --statistics -o /dev/null planwatch/locale/ko/LC_MESSAGES/django.po
	@msgattrib --untranslated --no-obsolete planwatch/locale/ko/LC_MESSAGES/django.po
	@msgattrib --only-fuzzy --no-obsolete planwatch/locale/ko/LC_MESSAGES/django.po
