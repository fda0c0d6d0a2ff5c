#!/usr/bin/env python3
"""Builds a benchmark corpus of unique postings from the real ones: each posting takes its title, company,
place and pay text from different real postings and its description from 8-24 sentences drawn from the
sentences of all of them, so no two are near-copies and the duplicate detector links (almost) none. A market
shaped like a deduplicated one: postings lists and score bounds get no help from repeats. Written as JSON
Lines; deterministic (seeded).

usage: python3 bench/make_unique_corpus.py --shared ../shared/data --count 1000000 --out bench/out/unique1000000.jsonl
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_corpus import read_postings  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared/data")
    parser.add_argument("--count", type=int, default=1000000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    postings = read_postings(args.shared)
    sentences = [s.strip() for p in postings for s in SENTENCE.split(p["description"]) if len(s.strip()) > 20]
    titles = [p["title"] for p in postings if p["title"]]
    companies = sorted({p["company"] for p in postings if p["company"]})
    places = [p["location"] for p in postings if p["location"]]
    pays = [p["salary"] for p in postings]
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for number in range(args.count):
            description = " ".join(rng.choice(sentences) for _ in range(rng.randint(8, 24)))
            out.write(json.dumps({"source_id": f"u{number}", "title": rng.choice(titles),
                                  "company": rng.choice(companies), "location": rng.choice(places),
                                  "salary": rng.choice(pays), "description": description},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
