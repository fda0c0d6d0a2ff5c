#!/usr/bin/env python3
"""Builds a large benchmark corpus from the real postings: the LinkedIn and Glassdoor rows repeated with new
ids and their sentences shuffled, so no two postings are byte-identical and postings lists stay realistic.
Written as JSON Lines (title, company, location, description, salary, source_id). Deterministic (seeded).

usage: bench/make_corpus.py --shared ../shared/data --count 200000 --out bench/out/corpus.jsonl
"""
import argparse
import csv
import json
import random
import re
import sys


def read_postings(shared):
    postings = []
    csv.field_size_limit(sys.maxsize)
    with open(f"{shared}/linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv", newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            postings.append({"title": row["title"], "company": row["companyName"], "location": row["location"],
                             "description": row["description"], "salary": ""})
    with open(f"{shared}/glassdoor-ds-jobs/glassdoor_jobs.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            postings.append({"title": row["Job Title"], "company": row["Company Name"].split("\n")[0],
                             "location": row["Location"], "description": row["Job Description"],
                             "salary": row["Salary Estimate"]})
    return postings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared/data")
    parser.add_argument("--count", type=int, default=200000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    postings = read_postings(args.shared)
    splitter = re.compile(r"(?<=[.!?])\s+|\n+")
    with open(args.out, "w", encoding="utf-8") as out:
        for index in range(args.count):
            base = postings[index % len(postings)]
            sentences = [s for s in splitter.split(base["description"]) if s.strip()]
            rng.shuffle(sentences)
            record = dict(base)
            record["description"] = "\n".join(sentences)
            record["source_id"] = f"bench-{index}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
