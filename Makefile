# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
DEMO_PASSWORD ?= xhht-demo-2025

.PHONY: run test test-postgres test-e2e install install-dev migrate demo messages lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

messages: install
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=static >/dev/null

migrate: install messages
	DEBUG=1 $(MANAGE) migrate --noinput

demo: migrate
	DEBUG=1 $(MANAGE) load_demo --password "$(DEMO_PASSWORD)"

# The web server and, beside it, the worker that runs the background jobs (stopped with the server).
run: demo
	DEBUG=1 $(MANAGE) jobs_schedule
	DEBUG=1 $(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install messages
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install messages
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres $(PY) -m pytest $(PYTEST_ARGS)

# The browser journey alone (tests/e2e; Chromium is installed with apt when missing). Screenshots: artifacts/e2e/.
test-e2e: install messages
	$(PY) -m pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3*
