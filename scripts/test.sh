#!/usr/bin/env bash
# Run the test suite with coverage. Creates ./.venv with the dev extra on first use (or adds
# the dev extra to a ./.venv that scripts/demo.sh made); set VENV=/path to use another
# virtualenv (CI passes its fresh one).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi
if ! "$VENV/bin/python" -c "import pytest, pytest_cov, hypothesis" 2>/dev/null; then
    "$VENV/bin/python" -m pip install -q -e '.[dev]'
fi
"$VENV/bin/python" -m pytest --cov=newsmodel --cov-report=term --cov-fail-under=85 "$@"
