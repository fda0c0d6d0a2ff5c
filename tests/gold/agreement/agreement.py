#!/usr/bin/env python3
"""How well two labellers agree on the dev postings both labelled: role and level accuracy, role macro-F1,
and the share of one labeller's skill names the other also wrote (exact names after lowercasing and
punctuation folding; names spelled differently count as disagreements, so this is a floor).
Usage: python3 tests/gold/agreement/agreement.py
"""
import os
import re

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
