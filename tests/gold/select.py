#!/usr/bin/env python3
"""Chooses the gold set's postings and pay strings by the fixed rule in tests/gold/README.md.

Writes the selection (file, row, split, byte offsets; no text) to tests/gold/selection/, and, with --work DIR,
one reading file per item for the people who label them (texts stay outside the repository).
Usage: python3 tests/gold/select.py [--data ../shared/data] [--work DIR]
"""
import argparse
import csv
import os
import re
import zlib

csv.field_size_limit(1 << 30)

LINKEDIN = "linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv"
DATA_SCIENCE = "linkedin-aiml-jobs/data_science_job.csv"
GLASSDOOR = "glassdoor-ds-jobs/glassdoor_jobs.csv"
# file, every n-th data row (rows 1, 1+n, 1+2n, ...), columns: title, company, location, description, other
POSTING_RULES = [
    (LINKEDIN, 5, "title", "companyName", "location", "description", ["experienceLevel", "workType", "contractType", "sector"]),
    (GLASSDOOR, 6, "Job Title", "Company Name", "Location", "Job Description", ["Salary Estimate", "Size", "Industry"]),
    (DATA_SCIENCE, 32, "Job Title", "Company", "Location", None, ["Job Type", "Experience level", "Salary", "Requirment of the company"]),
]
SKILL_POSTINGS = {LINKEDIN: 40, GLASSDOOR: 24}  # the first N selected postings of these files get skill labels
MONEY = re.compile(r"[$€£]|\b(USD|EUR|GBP|CAD|AUD|INR|CHF)\b|\b(salary|salaries|per hour|hourly|/hr|/hour|"
                   r"compensation|pay range|base pay|per annum|annually)\b", re.I)
DIGIT = re.compile(r"\d")


def read(data, name):
    # Bytes that are not UTF-8 (data_science_job.csv holds Windows-1252) are kept as they are.
    with open(os.path.join(data, name), newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        reader = csv.reader(f)
        header = [h.lstrip("\ufeff").strip() for h in next(reader)]
        return header, [row for row in reader if row]


def utf8(text):
    """The field's bytes as jobscope reads them: UTF-8, or Windows-1252 decoded when it is not UTF-8."""
    raw = text.encode("utf-8", errors="surrogateescape")
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError:
        return raw.decode("cp1252").encode("utf-8")


def checksum(text):
    return "%08x" % zlib.crc32(utf8(text))


def select_postings(data):
    chosen = []
    for name, step, *_ in POSTING_RULES:
        header, rows = read(data, name)
        seen = set()
        ordinal = 0
        for index, row in enumerate(rows):
            number = index + 1
            if (number - 1) % step:
                continue
            key = tuple(row[1:])  # the same posting scraped twice is labelled once
            if key in seen:
                continue
            seen.add(key)
            split = "dev" if ordinal % 2 == 0 else "test"
            skills = ordinal < SKILL_POSTINGS.get(name, 0)
            chosen.append((name, number, split, skills, header, row))
            ordinal += 1
    return chosen


SENTENCE_END = re.compile(rb"(?<=[.!?])\s+(?=[A-Z0-9$*])")
LONG_LINE = 300  # bytes: a longer line (some postings are one paragraph) is cut into sentences


def lines_with_offsets(text):
    """Lines of `text` with their UTF-8 byte offsets; a long line is cut into its sentences."""
    raw = utf8(text)
    start = 0
    for piece in raw.split(b"\n"):
        cuts = [0] + [m.end() for m in SENTENCE_END.finditer(piece)] if len(piece) > LONG_LINE else [0]
        for a, b in zip(cuts, cuts[1:] + [len(piece)]):
            segment = piece[a:b]
            stripped = segment.strip()
            if stripped:
                begin = start + a + (len(segment) - len(segment.lstrip()))
                yield begin, begin + len(stripped), stripped.decode("utf-8", errors="surrogateescape")
        start += len(piece) + 1


def select_pay(data):
    chosen = []
    seen = set()
    for name, column in [(LINKEDIN, "description"), (GLASSDOOR, "Job Description")]:
        header, rows = read(data, name)
        col = header.index(column)
        for index, row in enumerate(rows):
            for begin, end, line in lines_with_offsets(row[col]):
                if line in seen or not MONEY.search(line) or not DIGIT.search(line):
                    continue
                seen.add(line)
                chosen.append((name, index + 1, column, begin, end, line))
    for name, column in [(GLASSDOOR, "Salary Estimate"), (DATA_SCIENCE, "Salary")]:
        header, rows = read(data, name)
        col = header.index(column)
        distinct = 0
        for index, row in enumerate(rows):
            value = row[col].strip()  # a field's value is read trimmed
            if not value or value in seen:
                continue
            seen.add(value)
            shape_rare = "Hour" in value or "Employer" in value
            if distinct % 8 == 0 or shape_rare:
                chosen.append((name, index + 1, column, 0, len(utf8(value)), value))
            distinct += 1
    return [(c, "dev" if i % 2 == 0 else "test") for i, c in enumerate(chosen)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    parser.add_argument("--work")
    args = parser.parse_args()
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "selection")
    os.makedirs(here, exist_ok=True)
    postings = select_postings(args.data)
    with open(os.path.join(here, "postings.tsv"), "w") as out:
        out.write("# file\trow\tsplit\tskills_labelled\ttitle_crc32\n")
        for name, number, split, skills, header, row in postings:
            title = row[header.index(POSTING_RULES[[r[0] for r in POSTING_RULES].index(name)][2])]
            out.write(f"{name}\t{number}\t{split}\t{int(skills)}\t{checksum(title)}\n")
    pay = select_pay(args.data)
    with open(os.path.join(here, "pay.tsv"), "w") as out:
        out.write("# file\trow\tcolumn\tbegin\tend\tsplit\ttext_crc32\n")
        for (name, number, column, begin, end, line), split in pay:
            out.write(f"{name}\t{number}\t{column}\t{begin}\t{end}\t{split}\t{checksum(line)}\n")
    print(f"{len(postings)} postings ({sum(p[3] for p in postings)} with skills), {len(pay)} pay strings")
    if not args.work:
        return
    os.makedirs(os.path.join(args.work, "postings"), exist_ok=True)
    for i, (name, number, split, skills, header, row) in enumerate(postings):
        rule = next(r for r in POSTING_RULES if r[0] == name)
        _, _, t, c, l, d, others = rule
        with open(os.path.join(args.work, "postings", "%03d.txt" % i), "w", errors="surrogateescape") as out:
            out.write(f"ITEM {i:03d}\nfile\t{name}\nrow\t{number}\nskills_labelled\t{int(skills)}\n")
            out.write(f"title\t{row[header.index(t)]}\ncompany\t{row[header.index(c)].splitlines()[0] if row[header.index(c)] else ''}\n")
            out.write(f"location\t{row[header.index(l)]}\n")
            for o in others:
                out.write(f"{o.strip()}\t{row[header.index(o.strip())]}\n")
            if d:
                out.write("description:\n" + row[header.index(d)] + "\n")
    with open(os.path.join(args.work, "pay.txt"), "w", errors="surrogateescape") as out:
        for i, ((name, number, column, begin, end, line), split) in enumerate(pay):
            out.write(f"{i:03d}\t{name}\t{number}\t{column}\t{line}\n")


if __name__ == "__main__":
    main()
