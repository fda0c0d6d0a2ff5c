#!/usr/bin/env bash
# End-to-end ingest into SQLite on one core, at three corpus sizes, to show throughput and that peak memory
# stays flat as the corpus grows. The corpus repeats the real LinkedIn and Glassdoor postings with new ids
# and shuffled sentences (bench/make_corpus.py). Prints one JSON line per size.
#
# usage: bench/ingest_bench.sh [SIZES...]      (default: 50000 100000 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${JOBSCOPE_SHARED_DATA:-../shared/data}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(50000 100000 200000)
mkdir -p bench/out
for size in "${SIZES[@]}"; do
  corpus="bench/out/corpus${size}.jsonl"
  [ -s "$corpus" ] || python3 bench/make_corpus.py --shared "$SHARED" --count "$size" --out "$corpus"
  db="bench/out/ingest${size}.db"
  rm -f "$db" "$db-wal" "$db-shm"
  bytes=$(stat -c %s "$corpus")
  /usr/bin/time -f "%e %M" -o bench/out/time.txt taskset -c 0 ./build/jobscope ingest --json --db "$db" "$corpus" > bench/out/ingest.json
  read -r seconds peak_kib < bench/out/time.txt
  stored=$(python3 -c "import json;print(json.load(open('bench/out/ingest.json'))['counts']['stored'])")
  python3 - "$size" "$bytes" "$seconds" "$peak_kib" "$stored" <<'PY'
import json, sys
size, bytes_, seconds, peak_kib, stored = sys.argv[1:]
seconds = float(seconds)
print(json.dumps({"postings": int(size), "stored": int(stored), "corpus_mb": round(int(bytes_) / 1e6, 1),
                  "seconds": seconds, "postings_per_s": round(int(size) / seconds),
                  "mb_per_s": round(int(bytes_) / 1e6 / seconds, 1), "peak_rss_mb": round(int(peak_kib) / 1024, 1)}))
PY
  rm -f "$db" "$db-wal" "$db-shm"
done
