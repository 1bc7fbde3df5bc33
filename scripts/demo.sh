#!/usr/bin/env bash
# Parse the sample article bundled with newsmodel and print the structured result. Creates
# ./.venv and installs newsmodel into it on first use; needs only python3 (>= 3.10).
# Extra arguments go to `newsmodel parse --sample`, e.g. `bash scripts/demo.sh --format json`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi
if [ ! -x "$VENV/bin/newsmodel" ]; then
    "$VENV/bin/python" -m pip install -q -e .
fi
exec "$VENV/bin/newsmodel" parse --sample "$@"
