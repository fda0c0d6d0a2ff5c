#!/usr/bin/env python3
"""Chooses the postings labelled with a role to TRAIN the role model (tests/gold/role_training.tsv).

Every LinkedIn and Glassdoor posting that is not in the gold set and does not repeat one (same title and
company, or the same opening of its description) nor an earlier chosen posting, so that no gold posting, dev
or test, has a near-copy among the training rows. Writes the selection (file, row; no text) and, with
--work DIR, one reading file per posting for the labellers.
Usage: python3 tests/gold/select_role_training.py [--data ../shared/data] [--work DIR]
"""
import argparse
import csv
import os
import re

csv.field_size_limit(1 << 30)
FILES = [("linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv", "title", "companyName", "location", "description"),
         ("glassdoor-ds-jobs/glassdoor_jobs.csv", "Job Title", "Company Name", "Location", "Job Description")]


def read(data, name):
    with open(os.path.join(data, name), newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        return header, [row for row in reader if row]


def keys(title, company, description):
    norm = lambda text: re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return (norm(title) + "|" + norm(company.splitlines()[0] if company else ""), norm(description)[:300])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    parser.add_argument("--work")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    gold = {(line.split("\t")[0], int(line.split("\t")[1])) for line in open(os.path.join(here, "selection/postings.tsv"))
            if not line.startswith("#")}
    seen = set()
    tables = {}
    for name, t, c, l, d in FILES:  # the gold postings' keys first: nothing like them is chosen
        header, rows = read(args.data, name)
        tables[name] = (header, rows)
        for number, row in enumerate(rows, 1):
            if (name, number) in gold:
                seen.update(keys(row[header.index(t)], row[header.index(c)], row[header.index(d)]))
    chosen = []
    for name, t, c, l, d in FILES:
        header, rows = tables[name]
        for number, row in enumerate(rows, 1):
            k = keys(row[header.index(t)], row[header.index(c)], row[header.index(d)])
            if (name, number) in gold or k[0] in seen or k[1] in seen:
                continue
            seen.update(k)
            chosen.append((name, number, row, header, t, c, l, d))
    with open(os.path.join(here, "role_training_selection.tsv"), "w") as out:
        out.write("# file\trow\n")
        for name, number, *_ in chosen:
            out.write(f"{name}\t{number}\n")
    print(f"{len(chosen)} postings for role training")
    if args.work:
        os.makedirs(args.work, exist_ok=True)
        for i, (name, number, row, header, t, c, l, d) in enumerate(chosen):
            with open(os.path.join(args.work, "%03d.txt" % i), "w", errors="surrogateescape") as out:
                out.write(f"ITEM {i:03d}\ntitle\t{row[header.index(t)]}\ncompany\t{row[header.index(c)].splitlines()[0] if row[header.index(c)] else ''}\n")
                out.write(f"location\t{row[header.index(l)]}\ndescription:\n{row[header.index(d)]}\n")


if __name__ == "__main__":
    main()
