#!/usr/bin/env bash
# README's test command: install everything (system packages included), then lint,
# type-check, validate the shipped rule files and run the whole test suite.
# PostgreSQL: uses $ORDERINTAKE_TEST_DATABASE_URL when set, else the tests start a
# throwaway cluster of their own from the installed PostgreSQL binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install.sh --dev

echo ">> ruff"
.venv/bin/ruff check daemon tests training_set
.venv/bin/ruff format --check daemon tests training_set
echo ">> mypy"
.venv/bin/mypy
echo ">> rule files"
.venv/bin/orderintake rules check rules/
echo ">> pytest"
exec .venv/bin/pytest -p no:cacheprovider "$@"
