#!/usr/bin/env bash
# Command 1: set up (if needed) and start Forum Voice with demo data on http://127.0.0.1:5000
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077  # the database, job queue, uploads and keys are for this user only
if [ "${FORUM_SKIP_SETUP:-}" != 1 ]; then  # 1: the venv was made another way
  bash scripts/setup.sh
fi
export FLASK_APP=app HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
FLASK=.venv/bin/flask
export FORUM_VENV="$PWD/.venv"
export FORUM_HOST=${FORUM_HOST:-127.0.0.1} FORUM_PORT=${FORUM_PORT:-5000}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2} WEB_THREADS=${WEB_THREADS:-8}
DATA_DIR=${FORUM_DATA_DIR:-data}
export FORUM_RUN_DIR=${FORUM_RUN_DIR:-$DATA_DIR/run}
mkdir -p "$FORUM_RUN_DIR"
FORUM_RUN_DIR=$(cd "$FORUM_RUN_DIR" && pwd)

echo "==> Applying database migrations"
$FLASK db upgrade 2>&1 | grep -v '^INFO' || true
$FLASK demo load --if-empty
$FLASK demo logins

# supervisord (from PyPI) keeps the web server and the worker running: either one that
# dies is restarted on its own while the other carries on. Ctrl+C stops both.
echo "==> Starting the web server on http://$FORUM_HOST:$FORUM_PORT and the background worker (Ctrl+C stops everything)"
exec .venv/bin/supervisord -c scripts/supervisord.conf
