#!/usr/bin/env bash
# Skill-span quality on the gold sets, as the markdown tables in docs/BENCHMARKS.md: the taxonomy matcher, or
# with `--tagger data/models/skill_tagger.bin` the trained span tagger.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${JOBSCOPE_SHARED_DATA:-../shared/data}
S="$SHARED/skillspan/data/conll"
EVAL=./build/bench/jobscope_skill_eval
EXTRA=("$@")   # e.g. --tagger data/models/skill_tagger.bin
row() {
  local label=$1; shift
  "$EVAL" --json "${EXTRA[@]}" "$@" | python3 -c "
import json, sys
r = json.load(sys.stdin)
e, p = r['exact'], r['partial']
print(f\"| $label | {r['sentences']:,} | {r['gold_spans']:,} | {r['predicted_spans']:,} | \"
      f\"{e['precision']:.3f} / {e['recall']:.3f} / {e['f1']:.3f} | {p['precision']:.3f} / {p['recall']:.3f} / {p['f1']:.3f} |\")"
}
echo "| gold set | sentences | gold | predicted | exact P / R / F1 | partial P / R / F1 |"
echo "|---|---|---|---|---|---|"
row "SkillSpan test, knowledge" --kind knowledge "$S/skillspan_house_test.conll" "$S/skillspan_tech_test.conll"
row "SkillSpan test, skill" --kind skill "$S/skillspan_house_test.conll" "$S/skillspan_tech_test.conll"
row "SkillSpan test, both" --kind both "$S/skillspan_house_test.conll" "$S/skillspan_tech_test.conll"
row "Green et al. gold, Skill" --format green --kind Skill "$SHARED/green-skillext/raw_data/testset.txt"
row "SkillSpan dev, knowledge (curation split)" --kind knowledge "$S/skillspan_house_dev.conll" "$S/skillspan_tech_dev.conll"
