# Kreativ: `make demo` runs the site with demo content, `make test` runs the whole suite.
# Both create the virtual environment (.venv) when it is missing. `make help` lists the rest.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help venv messages demo serve test test-fast test-browser test-postgres test-redis lint check-install format check makemessages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-15s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,postgres,redis]"
	@touch $@

venv: $(VENV)/.installed ## Create the virtual environment and install the project

messages: venv ## Compile the translations (.po -> .mo)
	@.ci/ensure-debian-packages msgfmt:gettext
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0

makemessages: venv ## Collect new interface strings into the one catalog (site/kreativ/locale)
	$(MANAGE) makemessages -l cs -l sl --no-obsolete -v 0 --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=docs --ignore="*/static/*"

demo: messages ## Run the site with demo content on http://127.0.0.1:8000 and http://gorenjska.localhost:8000 (and the task cluster)
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo --address http://$(HOST):$(PORT)
	@.ci/serve-demo $(PY) $(HOST) $(PORT)

test: messages ## Run the whole test suite (installs Chromium for the browser tests when missing)
	@.ci/ensure-debian-packages chromium:chromium chromedriver:chromium-driver
	$(PY) -m pytest

test-fast: messages ## The suite without the browser tests
	$(PY) -m pytest -m "not browser"

test-postgres: messages ## The whole suite against a throwaway PostgreSQL server on loopback
	@.ci/ensure-debian-packages chromium:chromium chromedriver:chromium-driver
	.ci/with-postgres $(PY) -m pytest

# What shares state between processes through the cache or the task queue: the finder's page cache
# and facet index version, the header and footer cache, the rate limits (alerts, course registration),
# the alerts (instant runs, chunks, the two-cluster run) and the cross-process cache checks.
REDIS_TESTS := tests/kreativ/test_shared_cache.py tests/kreativ/test_fragments.py \
	tests/opportunities/test_finder_cache.py tests/opportunities/test_public.py \
	tests/kreativ/test_public_forms.py tests/hubs/test_registration.py tests/opportunities/test_alerts.py \
	tests/opportunities/test_alert_chunks.py tests/opportunities/test_alert_clusters.py

test-redis: messages ## The tests of the cache and the task queue against a throwaway Redis server on loopback
	.ci/with-redis $(PY) -m pytest $(REDIS_TESTS)

lint: venv ## ruff, the import contracts, Django's system checks, and missing migrations
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=kreativ.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=kreativ.settings.test $(MANAGE) makemigrations --check --dry-run

check-install: ## Install the project (pip install ., not editable) in a fresh environment and serve the demo from it
	.ci/check-install $(PYTHON)

format: venv ## Format and fix what ruff can
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean: ## Remove the environment and runtime data (database, uploads, index)
	rm -rf $(VENV) var
