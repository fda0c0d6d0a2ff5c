#!/usr/bin/env python3
"""How well two labellers agree on the dev postings both labelled: role and level accuracy, role macro-F1,
and the share of one labeller's skill names the other also wrote (exact names after lowercasing and
punctuation folding; names spelled differently count as disagreements, so this is a floor).
With --jobscope BIN, skill names are also linked to taxonomy ids through `BIN understand`, as the gold set's
scorer links them, and the second labeller is scored like a prediction: recall and precision by id.
Usage: python3 tests/gold/agreement/agreement.py [--jobscope ./build/jobscope]
"""
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
gold_dir = os.path.dirname(here)


def rows(path):
    return [line.rstrip("\n").split("\t") for line in open(path) if not line.startswith("#")]


first = {(r[0], r[1]): r for r in rows(os.path.join(gold_dir, "postings.tsv"))}
second = {(r[0], r[1]): r for r in rows(os.path.join(here, "postings.tsv"))}
both = [key for key in second if key in first]
role = sum(first[k][2] == second[k][2] for k in both) / len(both)
level = sum(first[k][3] == second[k][3] for k in both) / len(both)
f1s = []
for r in {first[k][2] for k in both} | {second[k][2] for k in both}:
    tp = sum(first[k][2] == r and second[k][2] == r for k in both)
    g = sum(first[k][2] == r for k in both)
    p = sum(second[k][2] == r for k in both)
    precision, recall = (tp / p if p else 0), (tp / g if g else 0)
    f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0)
print(f"{len(both)} postings: role agreement {role:.3f}, role macro-F1 {sum(f1s) / len(f1s):.3f}, level agreement {level:.3f}")
norm = lambda name: re.sub(r"[^a-z0-9+#]+", " ", name.lower()).strip()
skills1, skills2 = {}, {}
for r in rows(os.path.join(gold_dir, "skills.tsv")):
    skills1.setdefault((r[0], r[1]), set()).add(norm(r[2]))
for r in rows(os.path.join(here, "skills.tsv")):
    skills2.setdefault((r[0], r[1]), set()).add(norm(r[2]))
shared = sum(len(skills1.get(k, set()) & skills2[k]) for k in skills2)
n1 = sum(len(skills1.get(k, set())) for k in skills2)
n2 = sum(len(skills2[k]) for k in skills2)
print(f"{len(skills2)} postings' skills: the second labeller wrote {shared / n1:.3f} of the first's names, "
      f"the first {shared / n2:.3f} of the second's")

if "--jobscope" in sys.argv:
    binary = sys.argv[sys.argv.index("--jobscope") + 1]
    raw1, raw2 = {}, {}
    for r in rows(os.path.join(gold_dir, "skills.tsv")):
        raw1.setdefault((r[0], r[1]), set()).add(r[2])
    for r in rows(os.path.join(here, "skills.tsv")):
        raw2.setdefault((r[0], r[1]), set()).add(r[2])
    names = sorted({n for k in raw2 for n in raw2[k] | raw1.get(k, set())})
    lines = "".join(json.dumps({"title": "x", "description": n}) + "\n" for n in names)
    out = subprocess.run([binary, "understand", "--jsonl", "--no-tagger"], input=lines, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    ids = {n: {s["id"] for s in json.loads(o).get("skills", [])} or {"?" + n.lower()} for n, o in zip(names, out)}
    found = total1 = total2 = 0
    for k in raw2:
        first = set().union(*(ids[n] for n in raw1.get(k, set()))) if raw1.get(k) else set()
        second = set().union(*(ids[n] for n in raw2[k]))
        found += len(first & second)
        total1 += len(first)
        total2 += len(second)
    print(f"linked through the taxonomy: the second labeller's recall {found / total1:.3f}, precision {found / total2:.3f}")
