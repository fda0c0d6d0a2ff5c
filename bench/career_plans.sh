#!/usr/bin/env bash
# The career plans of docs/BENCHMARKS.md: three real résumés of different categories (the first distinct
# résumé of each category in ../shared/data/resumes-updated), each planned towards a target against the main
# job's store (`JOBSCOPE_SERVE=0 bash scripts/run` makes jobscope.db), then the graph's own figures (`career check`).
# The résumés are written to a temporary folder and removed; their text never enters the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${JOBSCOPE_SHARED_DATA:-../shared/data}
DB=${JOBSCOPE_DB:-jobscope.db}
BIN=${JOBSCOPE_BIN:-./build/jobscope}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$DATA/resumes-updated/UpdatedResumeDataSet.csv" "$work" <<'PY'
import csv, sys
first = {}
with open(sys.argv[1], encoding="utf-8", errors="replace", newline="") as f:
    for row in list(csv.reader(f))[1:]:
        first.setdefault(row[0], row[1])
for category in ("Data Science", "ETL Developer", "Python Developer"):
    with open(f"{sys.argv[2]}/{category.replace(' ', '_')}.txt", "w", encoding="utf-8") as out:
        out.write(first[category])
PY
for pair in "Data_Science nlp_engineer" "ETL_Developer mlops_engineer" "Python_Developer ml_engineer:senior"; do
  set -- $pair
  echo "### $1 -> $2"
  "$BIN" career "$work/$1.txt" --db "$DB" --target "$2" "${@:3}"
  echo
done
"$BIN" career check --onet "$DATA/onet"
