#!/usr/bin/env bash
# Install (into .venv) and start the Framing Lens dashboard on the bundled corpus; options go to `streamlit run`
# (e.g. --server.address 0.0.0.0). A warm-up runs the app once as soon as the server answers (ui/warm_up.py).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt
.venv/bin/python -m ui.warm_up "$@" &
exec .venv/bin/python -m streamlit run "$@" dashboard.py
