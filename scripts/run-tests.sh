#!/usr/bin/env bash
# Install (into .venv) everything the tests need, Debian's Chromium included, check the code with ruff and run
# every test. With --stress the browser tests run while a bounded CPU burner keeps every core busy (as on a slow,
# loaded machine); other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
stress=0
args=()
for a in "$@"; do
  if [ "$a" = "--stress" ]; then stress=1; else args+=("$a"); fi
done
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements-dev.txt
.venv/bin/python -m pip install -q --no-deps -e .
# Debian's Chromium for the browser tests and poppler's pdftoppm to render the worksheet PDFs they download.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi
# axe-core checks every page for WCAG 2.1 A/AA violations in the browser tests (the app never loads it).
AXE_VERSION=4.14.1
if ! grep -qs "\"version\": \"$AXE_VERSION\"" .cache/axe/node_modules/axe-core/package.json; then
  npm install --no-save --no-audit --no-fund --silent --prefix .cache/axe "axe-core@$AXE_VERSION"
fi
.venv/bin/ruff check .
if [ "$stress" -eq 0 ]; then
  exec .venv/bin/python -m pytest -q "${args[@]}"
fi
.venv/bin/python -m pytest -q --ignore-glob='tests/test_browser*.py' "${args[@]}"
.venv/bin/python scripts/cpu_burner.py --seconds 3600 --parent $$ &
burner=$!
trap 'kill "$burner" 2>/dev/null || true' EXIT
echo "browser tests with every core kept busy (cpu_burner.py, pid $burner)"
.venv/bin/python -m pytest -q tests/test_browser*.py "${args[@]}"
