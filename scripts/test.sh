#!/usr/bin/env bash
# Command 2: set up (if needed) and run the whole test suite against $DATABASE_URL
# (SQLite when unset). Extra arguments go to pytest, e.g. -m browser, or -n 0 for one process.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
fi
# The pages ask for Arial; without a font of its metrics Chromium falls back to DejaVu Sans,
# which is wider, and the layout tests at 768 pixels measure a different page than users see.
if ! fc-match Arial 2>/dev/null | grep -q Liberation; then
  echo "==> Installing fonts-liberation (the Arial-metric font Chromium shows for Arial)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq fonts-liberation >/dev/null
fi
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "==> Installing poppler-utils (pdftotext reads export PDFs back in the tests)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq poppler-utils >/dev/null
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "==> Checking the house plan (import-linter contracts in pyproject.toml)"
.venv/bin/lint-imports --no-cache
echo "==> Linting with ruff (rules and their reasons in pyproject.toml)"
.venv/bin/ruff check .
echo "==> Checking types (mypy; strict on analysis.core and the services, see pyproject.toml)"
.venv/bin/mypy
echo "==> Running tests on ${DATABASE_URL:-SQLite}"
set +e
# Two worker processes, one per core (pytest-xdist); the real-model tests share one worker
# (xdist_group), so only one process loads MiniLM and spaCy.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadgroup "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: treating that as a failure" >&2
  exit 1
fi
exit "$status"
