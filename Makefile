# dnakd: the two commands of the README are `make run` and `make test`; both create or reuse .venv first.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH ?= torch==2.13.0
PROFILE ?= default
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false
export PYTHONHASHSEED ?= 0
# the venv's tools (nbdev_test, papermill, jupyter kernels) come first on PATH for every recipe
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup run test export sync-check clean help
help:
	@echo "make run   - the whole chain teacher -> students -> inference (PROFILE=default|real)"
	@echo "make test  - nbdev_test over every notebook, then check dnakd_nb/ and kaggle/ are built from nbs/"

# The stamp is rebuilt when the pins change; torch goes in first so nothing pulls a CUDA build.
$(BIN)/.dnakd-installed: requirements.txt setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "$(TORCH)"
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@
setup: $(BIN)/.dnakd-installed

run: setup
	$(BIN)/dnakd run --profile $(PROFILE)

test: setup
	$(BIN)/python tools/nbtest.py
	$(MAKE) --no-print-directory sync-check

# nbs/ is the source of truth: exporting must not change dnakd_nb/, and kaggle/ must be built from both.
sync-check: setup
	$(BIN)/nbdev_export
	@if [ -n "$$(git status --porcelain -- dnakd_nb)" ]; then \
	  git status --porcelain -- dnakd_nb; git --no-pager diff --stat -- dnakd_nb; \
	  echo "dnakd_nb/ is out of sync with nbs/: run nbdev_export and commit"; exit 1; \
	else echo "dnakd_nb/ is in sync with nbs/"; fi
	@# the committed Kaggle kernels embed the package and the experiment notebooks: they must be rebuilt with them
	$(BIN)/dnakd kaggle validate kaggle || { echo "kaggle/ is stale: run '$(BIN)/dnakd kaggle build --username dnakd' and commit"; exit 1; }
	@# records and committed files name no absolute path of the machine they were made on
	$(BIN)/python tools/relative_paths.py --check . && echo "no absolute machine paths in the repository"

export: setup
	$(BIN)/nbdev_export

clean:
	rm -rf $(VENV) build *.egg-info _proc _docs
