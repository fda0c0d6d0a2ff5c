#!/usr/bin/env python3
"""Chooses the résumé-matching gold set by the fixed rule in tests/gold/match/README.md.

Writes the selection (file, row, split, checksum; no text) to tests/gold/match/selection.tsv and, with
--work DIR, one reading file per résumé and posting for the people who grade the pairs (texts stay outside
the repository).
Usage: python3 tests/gold/match/select.py [--data ../shared/data] [--work DIR]
"""
import argparse
import csv
import os
import zlib

csv.field_size_limit(1 << 30)

RESUMES = "resumes-updated/UpdatedResumeDataSet.csv"
LINKEDIN = "linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv"
GLASSDOOR = "glassdoor-ds-jobs/glassdoor_jobs.csv"
# (category, how many distinct résumés of it, split of each in turn)
# The second batch (graded later, by the same rules) takes the rest of the data categories' distinct
# résumés, continuing each category's alternation of splits.
RESUME_RULE = [
    ("Data Science", ["dev", "test", "dev", "test", "dev", "test", "dev", "test", "dev", "test"]),
    ("Python Developer", ["test", "dev", "test", "dev", "test", "dev"]),
    ("Hadoop", ["dev", "test", "dev", "test", "dev", "test", "dev"]),
    ("ETL Developer", ["test", "dev", "test", "dev", "test"]),
    ("Database", ["dev"]),
    ("DevOps Engineer", ["test"]),
    ("Java Developer", ["dev"]),
    ("Business Analyst", ["test", "dev", "test", "dev", "test", "dev"]),
    ("Automation Testing", ["dev"]),
    ("DotNet Developer", ["test"]),
    ("Blockchain", ["dev"]),
    ("Web Designing", ["test"]),
]
# file, first data row, step, how many, columns: title, company, location, description
POSTING_RULE = [
    (LINKEDIN, 3, 21, 20, "title", "companyName", "location", "description"),
    (GLASSDOOR, 4, 23, 20, "Job Title", "Company Name", "Location", "Job Description"),
]


def read(data, name):
    with open(os.path.join(data, name), newline="", encoding="utf-8-sig", errors="replace") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        return header, [row for row in reader if row]


def checksum(text):
    return "%08x" % zlib.crc32(text.encode("utf-8"))


def select_resumes(data):
    header, rows = read(data, RESUMES)
    category, text = header.index("Category"), header.index("Resume")
    first = {}  # text -> (row, category): the first row of each distinct résumé
    for index, row in enumerate(rows):
        first.setdefault(row[text], (index + 1, row[category]))
    chosen = []
    for wanted, splits in RESUME_RULE:
        # Of a category's distinct résumés, those with the lowest checksums: fixed, and blind to content.
        pool = sorted((checksum(t), number, t) for t, (number, c) in first.items() if c == wanted)
        for (crc, number, body), split in zip(pool, splits):
            chosen.append((RESUMES, number, split, crc, wanted, body))
    return chosen


def select_postings(data):
    chosen = []
    for name, start, step, count, *columns in POSTING_RULE:
        header, rows = read(data, name)
        at = [header.index(c) for c in columns]
        seen = set()
        number = start
        picked = 0
        while picked < count and number <= len(rows):
            row = rows[number - 1]
            body = row[at[3]]
            if body.strip() and body not in seen:
                seen.add(body)
                text = "TITLE: %s\nCOMPANY: %s\nLOCATION: %s\n\n%s" % (row[at[0]], row[at[1]], row[at[2]], body)
                chosen.append((name, number, "-", checksum(body), row[at[0]], text))
                picked += 1
            number += step
    return chosen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--work")
    args = parser.parse_args()
    resumes, postings = select_resumes(args.data), select_postings(args.data)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "selection.tsv"), "w") as out:
        out.write("# kind\tfile\trow\tsplit\tcrc32  (résumés: split of the pairs; postings are graded against every résumé)\n")
        for kind, items in (("resume", resumes), ("posting", postings)):
            for name, number, split, crc, *_ in items:
                out.write("%s\t%s\t%d\t%s\t%s\n" % (kind, name, number, split, crc))
    if args.work:
        os.makedirs(args.work, exist_ok=True)
        for name, number, split, crc, category, body in resumes:
            with open(os.path.join(args.work, "resume_%d.txt" % number), "w") as f:
                f.write(body)
        for name, number, split, crc, title, body in postings:
            tag = "linkedin" if name == LINKEDIN else "glassdoor"
            with open(os.path.join(args.work, "posting_%s_%d.txt" % (tag, number)), "w") as f:
                f.write(body)
    print("%d résumés, %d postings" % (len(resumes), len(postings)))


if __name__ == "__main__":
    main()
