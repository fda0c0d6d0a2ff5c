#!/usr/bin/env python3
"""Writes the role training set (role_training.tsv) as a gold folder that `jobscope eval --gold` reads, so the
role rules can be measured on these 905 postings too (only the role rows mean anything: level, place and work
mode are placeholders, and there are no skill or pay labels).
Usage: python3 tests/gold/role_training_as_gold.py OUT_DIR [--data ../shared/data]
then:  ./build/jobscope eval --gold OUT_DIR     (the figures are under "dev")
"""
import argparse
import csv
import os
import zlib

csv.field_size_limit(1 << 30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(here, "role_training.tsv")) if not line.startswith("#")]
    tables = {}
    os.makedirs(os.path.join(args.out, "selection"), exist_ok=True)
    with open(os.path.join(args.out, "selection/postings.tsv"), "w") as selection, \
            open(os.path.join(args.out, "postings.tsv"), "w") as labels:
        for name, number, role in rows:
            if name not in tables:
                with open(os.path.join(args.data, name), newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
                    reader = csv.reader(f)
                    header = [h.strip() for h in next(reader)]
                    tables[name] = (header, [row for row in reader if row])
            header, table = tables[name]
            title = table[int(number) - 1][header.index("title") if "title" in header else header.index("Job Title")]
            selection.write(f"{name}\t{number}\tdev\t0\t{zlib.crc32(title.encode('utf-8', 'surrogateescape')):08x}\n")
            labels.write(f"{name}\t{number}\t{role}\tmid\tdefault\t\tunknown\n")
    for empty in ("skills.tsv", "pay.tsv", "selection/pay.tsv"):
        open(os.path.join(args.out, empty), "w").close()


if __name__ == "__main__":
    main()
