# The intake assistant. `make run` sets up what is missing and starts it; `make test` tests it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
WITH_ENV := $(PY) scripts/with_env.py
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.package-lock.json

.PHONY: help setup cluster-services train run run-cluster migrate staff-user retention erase eval safety-eval bench test lint validate unit e2e browser stories nlu-dev clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-no-deps.txt requirements-models.txt constraints.txt scripts/install.sh
	bash scripts/install.sh
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent

setup: $(STAMP) $(NPM_STAMP) ## Install what is missing: venv, pinned packages, spaCy's model, npm parts, Chromium
	@bash scripts/install_chromium.sh

cluster-services: ## Install Debian's PostgreSQL, Redis and nginx when missing (production profile)
	@bash scripts/install_cluster.sh

train: setup ## Train the model if config, domain, data or the intent classifier changed
	$(WITH_ENV) $(PY) scripts/model.py train

run: train ## Set up, train if needed, migrate, start everything (page on http://127.0.0.1:8000/)
	$(WITH_ENV) $(PY) scripts/run.py

run-cluster: train cluster-services ## The production profile: 2 Rasa replicas behind nginx, Redis locks, PostgreSQL
	$(WITH_ENV) $(PY) scripts/cluster.py $(ARGS)

migrate: setup ## Apply the database migrations (bookings, outbox) to DATABASE_URL
	$(WITH_ENV) $(PY) scripts/migrate.py

staff-user: setup ## Create a console account or reset its password (asks, or STAFF_* settings)
	$(WITH_ENV) $(PY) scripts/staff.py

retention: setup ## Delete conversations and bookings older than RETENTION_DAYS (make run does it daily)
	$(WITH_ENV) $(PY) scripts/retention.py

erase: setup ## Erase one patient: make erase ARGS="--phone '+1 212 555 0143'" (or --email, --conversation)
	$(WITH_ENV) $(PY) scripts/erase.py $(ARGS)

eval: setup ## NLU report: 5-fold cross-validation, dev sets with typos, stock vs ours (reports/nlu/)
	$(WITH_ENV) $(PY) scripts/nlu_eval.py $(ARGS)

safety-eval: setup ## Red-flag rules on sentences they were not written from: recall per code and level, false alarms (reports/safety/)
	$(WITH_ENV) $(PY) -m scripts.safety_eval $(ARGS)

bench: train cluster-services ## Load test: ours, ours on 2 replicas and a stock `rasa init` bot, 20 patients at once (reports/bench/)
	$(WITH_ENV) $(PY) scripts/bench.py $(ARGS)

test: lint validate unit train stories e2e nlu-dev ## Run every test
	@echo "All tests passed."

lint: setup ## Lint and format check (ruff)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

validate: setup ## Check the training data and domain for conflicts
	$(WITH_ENV) $(PY) -m rasa data validate --fail-on-warnings

unit: setup ## Unit tests: the clinic's knowledge, every action, the web server
	$(WITH_ENV) $(PY) -m pytest -q -m "not e2e"

e2e: train cluster-services ## Conversations over REST and in the widget in headless Chromium, all running
	$(WITH_ENV) $(PY) -m pytest -q -m e2e

browser: train ## Only the widget's tests in headless Chromium (part of e2e)
	$(WITH_ENV) $(PY) -m pytest -q -m browser

stories: train ## Test stories through the trained model
	$(WITH_ENV) $(PY) -m rasa test core --model $$($(PY) scripts/model.py path) \
		--stories tests/test_stories.yml --fail-on-prediction-errors --out var/test-results

nlu-dev: train ## NLU figures on the shared dev set; fails one miss past today's figures
	$(WITH_ENV) $(PY) scripts/nlu_dev_eval.py --min-body-part-accuracy 0.98 \
		--min-pain-recall 0.99 --max-off-topic 0.04

clean: ## Remove trained models and local databases (keeps the venv)
	rm -rf models/*.tar.gz var/
