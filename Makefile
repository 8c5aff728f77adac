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

# The demo runs as production does, DEBUG off: people see the portal's own Vietnamese error pages, never
# Django's technical ones. Plain http on this machine (no HTTPS redirect, no secure-only cookies); a secret key
# made for the run; static files served from the sources by WhiteNoise.
DEMO_ENV = DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 \
	STATIC_MANIFEST=0 STATIC_FROM_SOURCES=1 XHHT_SITE_URL=http://127.0.0.1:8000

# The web server and, beside it, the worker that runs the background jobs (stopped with the server).
run: demo
	export SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))'); \
	$(DEMO_ENV) $(MANAGE) jobs_schedule; \
	$(DEMO_ENV) $(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:8000

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
