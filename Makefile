# Rectify Workbook — `make` or `make help` lists the targets.
# On a fresh machine only python3 and make are needed: every target builds the venv first.

PYTHON ?= python3
VENV = .venv
KERNEL_NAME = rectify-workbook
KERNEL_DISPLAY = Python (rectify-workbook)
# Where `make kernel` registers the kernel: --sys-prefix (inside the venv) or --user.
KERNEL_SCOPE ?= --sys-prefix
PYTEST_ARGS ?= -n auto

.DEFAULT_GOAL := help
.PHONY: help install data reports test lint lab kernel bench clean

help: ## list the targets (the default)
	@echo "usage: make TARGET   (PYTHON=$(PYTHON) builds $(VENV)/)"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --disable-pip-version-check --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --disable-pip-version-check -e ".[test,cluster]"
	touch $@

install: $(VENV)/.installed ## create .venv and install the package with its test tools

data/processed/.built: $(VENV)/.installed $(wildcard data/raw/*) $(shell find rectify_utils -name "*.py" -o -path "*/resources/*" -type f)
	@mkdir -p data/processed
	$(VENV)/bin/rectify parse data/raw --out data/processed --format csv
	touch $@

data: data/processed/.built ## parse data/raw into tables in data/processed (CSV)

reports: $(VENV)/.installed ## execute the notebooks and build the HTML reports in reports/
	$(VENV)/bin/rectify report

test: $(VENV)/.installed ## run the tests (installs Debian's chromium for browser tests if missing)
	@bash scripts/install-chromium.sh
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed ## check style with ruff (lint and formatting)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

kernel: $(VENV)/.installed ## register the Jupyter kernel "Python (rectify-workbook)"
	$(VENV)/bin/python -m ipykernel install $(KERNEL_SCOPE) --name $(KERNEL_NAME) --display-name "$(KERNEL_DISPLAY)"

# JupyterLab refuses to start as root without --allow-root (containers, CI machines run as root).
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: kernel ## open JupyterLab on notebooks/ with the project kernel (as root too)
	$(VENV)/bin/jupyter lab $(LAB_ARGS) notebooks/

bench: $(VENV)/.installed ## run the benchmarks
	$(VENV)/bin/python benchmarks/run_all.py

clean: ## remove built tables, report outputs and caches (never data/raw or .venv)
	rm -rf data/processed data/interim .cache build test-output .pytest_cache .ruff_cache .hypothesis
	if [ -d reports ]; then find reports -mindepth 1 -maxdepth 1 ! -name config.yml -exec rm -rf {} +; fi
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
