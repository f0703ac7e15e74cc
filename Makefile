# Two commands on a fresh machine: `make demo` runs Parley's main job on the seed feed,
# `make test` runs the checks (ruff, mypy) and the test suite. Each creates .venv and installs what it needs, from
# requirements.lock (exact versions, checked against their hashes).
#
# After changing the dependencies in pyproject.toml, run `make lock` and commit requirements.lock:
# the install step refuses a lock made from other dependencies than pyproject.toml declares.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
UV_VERSION := uv>=0.9,<0.14
LOCK_FLAGS ?=
# A fingerprint of the dependencies pyproject.toml declares (not of the whole file: a change to
# the ruff or pytest settings needs no new lock). The lock records the one it was made from.
FINGERPRINT = $(shell $(PYTHON) -c 'import hashlib, json, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(hashlib.sha256(json.dumps([p["dependencies"], p.get("optional-dependencies", {})], sort_keys=True).encode()).hexdigest()[:16])')

.PHONY: demo test lint bench lock clean

$(STAMP): pyproject.toml $(LOCK)
	@test "$$(sed -n 's/^# pyproject-dependencies: //p' $(LOCK))" = "$(FINGERPRINT)" || { \
	  echo "make: the dependencies in pyproject.toml changed since $(LOCK) was made: run 'make lock', then commit $(LOCK)" >&2; \
	  exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the locked dependencies into $(VENV) (a minute on a fresh machine)..."
	$(BIN)/pip install --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/parley replay seeds --console

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/linearity.py

# Resolve pyproject.toml's dependencies (with the dev extra) for every platform and every
# Python >= 3.11 into requirements.lock, with the hash of every file, then record which
# dependencies it was made from. uv is installed into .venv with pip for this. Versions already
# pinned stay; `make lock LOCK_FLAGS=--upgrade` moves everything to the newest allowed.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install '$(UV_VERSION)'
	test ! -f $(LOCK) || cp $(LOCK) $(LOCK).tmp  # uv keeps the versions pinned there unless told to upgrade
	$(BIN)/uv pip compile $(LOCK_FLAGS) pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes \
	  --custom-compile-command 'make lock' --output-file $(LOCK).tmp
	{ echo "# pyproject-dependencies: $(FINGERPRINT)"; cat $(LOCK).tmp; } > $(LOCK)
	rm -f $(LOCK).tmp

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache parley.db
