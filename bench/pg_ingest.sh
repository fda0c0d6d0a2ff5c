#!/usr/bin/env bash
# Ingest throughput into PostgreSQL with 1, 2 and 4 workers beside SQLite's one, on the same postings: the
# first N of bench/make_unique_corpus.py's unique postings (real fields and sentences recombined, so the
# duplicate detector links few), cut into 4 files. A throwaway PostgreSQL server (scripts/pg) on a unix
# socket, fsync off as in the tests; each run into a fresh store. W workers share the 4 files round-robin.
# Prints postings ingested per second (wall clock from the first worker's start to the last one's end) and
# the unique postings each store holds after (the same in every run: nothing lost, nothing twice).
#
# usage: bench/pg_ingest.sh [--postings 100000] [--corpus bench/out/unique1000000.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
POSTINGS=100000 CORPUS=bench/out/unique1000000.jsonl
BIN=${JOBSCOPE_BIN:-./build/jobscope}
while [ $# -gt 0 ]; do
  case "$1" in
    --postings) POSTINGS=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    *) echo "usage: bench/pg_ingest.sh [--postings N] [--corpus FILE]" >&2; exit 2 ;;
  esac
done
if [ ! -f "$CORPUS" ]; then
  echo "no corpus at $CORPUS: make it with python3 bench/make_unique_corpus.py" >&2
  exit 1
fi
work=$(mktemp -d /tmp/jobscope-pg-ingest.XXXXXX)
pg=$(mktemp -d /tmp/jobscope-pg.XXXXXX)  # its own folder: the server runs as postgres when this runs as root
trap 'bash scripts/pg stop "$pg"; rm -rf "$work"' EXIT
server=$(bash scripts/pg start "$pg")
head -n "$POSTINGS" "$CORPUS" >"$work/all.jsonl"
split -n l/4 -d --additional-suffix=.jsonl "$work/all.jsonl" "$work/part"
parts=("$work"/part0*.jsonl)

stored_count() {  # STORE
  "$BIN" stats --json --db "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["postings"])'
}

run() {  # LABEL STORE WORKERS
  local label=$1 store=$2 workers=$3
  local start end pids=()
  start=$(date +%s.%N)
  for ((w = 0; w < workers; w++)); do
    local mine=()
    for ((p = w; p < 4; p += workers)); do mine+=("${parts[$p]}"); done
    "$BIN" ingest --db "$store" "${mine[@]}" >/dev/null 2>"$work/worker$w.log" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)
  local stored
  stored=$(stored_count "$store")
  python3 -c "import sys; s, e, n, u = map(float, sys.argv[1:5]); print(f'| {sys.argv[5]} | {int(u)} | {e - s:.1f} | {n / (e - s):,.0f} |')" \
    "$start" "$end" "$POSTINGS" "$stored" "$label"
}

echo "corpus: the first $POSTINGS postings of $CORPUS, in 4 files; $(nproc) cores"
echo
echo "| store, workers | unique postings held after | seconds | postings/s |"
echo "|---|---|---|---|"
run "SQLite, 1" "$work/sqlite.db" 1
for workers in 1 2 4; do
  psql -X -q "$server" -c "CREATE DATABASE w$workers"
  uri="postgresql://postgres@/w$workers?host=$pg"
  # The workers make the store together: its migration runs under a lock, once.
  run "PostgreSQL, $workers" "$uri" "$workers"
done
