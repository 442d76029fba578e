#!/usr/bin/env bash
# Command 1: set up (if needed) and start Forum Voice with demo data on http://127.0.0.1:5000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export FLASK_APP=app HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
PY=.venv/bin/python
FLASK=.venv/bin/flask
HOST=${FORUM_HOST:-127.0.0.1}
PORT=${FORUM_PORT:-5000}

echo "==> Applying database migrations"
$FLASK db upgrade 2>&1 | grep -v '^INFO' || true
$FLASK demo load --if-empty
$FLASK demo logins

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo "==> Starting the background worker"
.venv/bin/huey_consumer forum.worker.huey --workers 1 --worker-type thread --quiet &
pids+=($!)
echo "==> Starting the web server on http://$HOST:$PORT (Ctrl+C stops everything)"
.venv/bin/gunicorn --bind "$HOST:$PORT" --workers "${WEB_CONCURRENCY:-2}" --threads "${WEB_THREADS:-8}" \
  --access-logfile - --log-level warning "app:create_app()" &
pids+=($!)
wait -n "${pids[@]}"
