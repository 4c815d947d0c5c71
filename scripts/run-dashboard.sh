#!/usr/bin/env bash
# Install (into .venv) and start the Framing Lens dashboard on the bundled corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt
exec .venv/bin/python -m streamlit run "$@" dashboard.py
