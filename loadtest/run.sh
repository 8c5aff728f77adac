#!/usr/bin/env bash
# The load test: gunicorn on the national-scale PostgreSQL database, locust headless against it.
#   loadtest/run.sh [users] [duration] [output dir]        e.g. loadtest/run.sh 50 150s /tmp/xhht-load
# Build the data once first: .venv/bin/python loadtest/build_data.py
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-50}
DURATION=${2:-150s}
OUT=${3:-/tmp/xhht-load}
PORT=${PORT:-8765}
WORKERS=${WORKERS:-4}
THREADS=${THREADS:-2}
KEEPALIVE=${KEEPALIVE:-2}  # gunicorn's default; see docs/benchmarks.md on the connection resets
mkdir -p "$OUT"
export LOAD_RESULT="$OUT/steady.json"

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/xhht_load}
export SECRET_KEY=loadtest DEBUG=0 STATIC_MANIFEST=0 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0
export ALLOWED_HOSTS=127.0.0.1,localhost AXES_ENABLED=1 LOG_LEVEL=ERROR

.venv/bin/python manage.py migrate --noinput -v 0  # the code may be newer than the data
.venv/bin/gunicorn xhht.wsgi -w "$WORKERS" --threads "$THREADS" -b "127.0.0.1:$PORT" --keep-alive "$KEEPALIVE" \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
GUNICORN=$!
# The background jobs worker beside it (as in production: a lower priority than the web server).
nice -n 5 .venv/bin/python manage.py db_worker --no-reload --interval 1 >"$OUT/worker.log" 2>&1 &
WORKER=$!
trap 'kill "$GUNICORN" "$WORKER" 2>/dev/null || true; wait "$GUNICORN" "$WORKER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/dang-nhap/" && break
  sleep 0.2
done

# Users log in while spawning (password hashing); --reset-stats keeps only the steady state.
.venv/bin/locust -f loadtest/locustfile.py --headless -H "http://127.0.0.1:$PORT" \
  -u "$USERS" -r 10 -t "$DURATION" --reset-stats --only-summary --csv "$OUT/stats" 2>&1 | tee "$OUT/locust.txt" || true  # locust exits 1 when a request failed
.venv/bin/python loadtest/summary.py "$OUT/steady.json" | tee "$OUT/summary.md"
