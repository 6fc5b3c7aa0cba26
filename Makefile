# The two commands a new user needs: `make demo` (set up, file the bundled sample scans, report, search)
# and `make test` (set up, run the tests).
SHELL := /bin/bash
export DOSSIER_HOME ?= $(CURDIR)/.dossier

.PHONY: setup demo test test-fast test-browser lint services-up services-down

setup:
	@scripts/setup.sh

demo: setup
	.venv/bin/dossier ingest samples/scans
	@echo; echo "== 完整性报告 / completeness report =="
	.venv/bin/dossier report missing
	@echo; echo "== 搜索 / search: 交车 =="
	.venv/bin/dossier search 交车

test: setup
	.venv/bin/lint-imports
	.venv/bin/python -m pytest -q -m "not slow"
	.venv/bin/python -m pytest -q -m slow || [ $$? -eq 5 ]  # 5: no slow test selected

test-fast: setup
	.venv/bin/python -m pytest -q -m "not slow"

# The workbench in Debian's Chromium and the API fuzz (both marked slow, so `make test` runs them second).
test-browser: setup
	.venv/bin/python -m pytest -q -m "browser or fuzz"

lint: setup
	.venv/bin/ruff check .
	.venv/bin/mypy -p dossier
	.venv/bin/mypy -p tests

# Redis, PostgreSQL and OpenSearch on loopback (services/up.sh): `eval "$$(make -s services-up)"` sets
# REDIS_URL, DATABASE_URL and OPENSEARCH_URL in the calling shell; `make services-down` stops them.
services-up:
	@services/up.sh

services-down:
	@services/down.sh
