#!/usr/bin/env bash
# Load on the search endpoint (loopback only): `jobscope serve` on a store, wrk from Debian with 2 client
# threads asking the queries of bench/load_queries.txt, plain and with the web UI's facets and filters, for a
# bounded time; the server's resident memory sampled every 10 s. Prints throughput, latency percentiles and
# memory at the start, middle and end.
#
# With --cache-pages 0 every request is searched on the index; by default the server keeps the pages it
# answered (serve --cache-pages), so the cycled requests are mostly answered from kept pages after the first
# round: run both and report both.
#
# usage: bench/load_bench.sh --db STORE [--seconds 300] [--connections 8] [--port 8099] [--cache-pages N]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="" SECONDS_RUN=300 CONNECTIONS=8 PORT=8099 CACHE_PAGES=1024
BIN=${JOBSCOPE_BIN:-./build/jobscope}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --cache-pages) CACHE_PAGES="$2"; shift 2 ;;
    *) echo "usage: bench/load_bench.sh --db STORE [--seconds 300] [--connections 8] [--port 8099] [--cache-pages N]" >&2; exit 2 ;;
  esac
done
[[ -n "$DB" && -f "$DB" ]] || { echo "load_bench: give --db with an existing store" >&2; exit 2; }
command -v wrk >/dev/null || bash scripts/setup
work=$(mktemp -d)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The request paths: each query plain, with facets, and with a role filter and a pay floor.
python3 - "$work/paths.txt" <<'PY'
import sys, urllib.parse
lines = [l.strip() for l in open("bench/load_queries.txt", encoding="utf-8") if l.strip() and not l.startswith("#")]
with open(sys.argv[1], "w") as out:
    for q in lines:
        e = urllib.parse.quote(q)
        out.write(f"/api/v1/search?q={e}\n")
        out.write(f"/api/v1/search?q={e}&facets=role,level,remote,skill,salary\n")
        out.write(f"/api/v1/search?q={e}&role=ml_engineer,data_scientist&min_salary=100000&facets=role,level\n")
PY

start=$(date +%s.%N)
"$BIN" serve --db "$DB" --port "$PORT" --no-web --cache-pages "$CACHE_PAGES" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
postings=$(curl -sf "http://127.0.0.1:$PORT/api/v1/health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("postings"))')
echo "cache pages: $CACHE_PAGES"
echo "server ready in $(python3 -c "print(round($ready - $start, 1))") s with $postings postings ($(wc -l < "$work/paths.txt") request paths)"

( while kill -0 "$server_pid" 2>/dev/null; do
    awk '/^VmRSS/ {rss=$2} /^RssAnon/ {anon=$2} END {print rss, anon}' "/proc/$server_pid/status"; sleep 10
  done ) >"$work/rss.txt" &
sampler=$!
LOAD_PATHS="$work/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s bench/load_bench.lua \
  "http://127.0.0.1:$PORT" | tee "$work/wrk.txt"
kill "$sampler" 2>/dev/null || true
curl -sf "http://127.0.0.1:$PORT/metrics" | grep '^jobscope_search_cache' || true
python3 - "$work/rss.txt" <<'PY'
import sys
# RSS counts the pages of the memory-mapped store that hits were read from (file-backed, which the kernel
# reclaims); the anonymous part is the server's own memory.
samples = [[int(v) / 1024 for v in line.split()] for line in open(sys.argv[1]) if len(line.split()) == 2]
for column, name in ((0, "RSS"), (1, "anonymous")):
    values = [sample[column] for sample in samples]
    if values:
        mid = values[len(values) // 2]
        print(f"server memory ({name}, MiB): start {values[0]:.0f}, middle {mid:.0f}, end {values[-1]:.0f}, "
              f"max {max(values):.0f} over {len(values)} samples")
PY
