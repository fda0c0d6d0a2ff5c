#!/usr/bin/env python3
"""Derives data/currency_rates.tsv from the aijobs.net salary survey (CC0): for each currency, the median of
salary_in_usd / salary over the latest survey year that has at least 5 rows in it. The survey converts with
the year's average rate, so the table is dated by that year.

usage: scripts/build_currency_rates.py ../shared/data/aijobs-salaries/salaries.csv > data/currency_rates.tsv
"""
import csv
import statistics
import sys
from collections import defaultdict


def main(path):
    ratios = defaultdict(lambda: defaultdict(list))
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            salary, usd = float(row["salary"]), float(row["salary_in_usd"])
            if salary > 0 and usd > 0:
                ratios[row["salary_currency"]][int(row["work_year"])].append(usd / salary)
    print("# USD per unit of each currency, derived by scripts/build_currency_rates.py from the aijobs.net")
    print("# salary survey (CC0): the median of salary_in_usd / salary in the latest year with >= 5 rows.")
    print("# generated, do not edit")
    years_used = []
    rows = []
    for currency in sorted(ratios):
        if currency == "USD":
            continue
        by_year = ratios[currency]
        years = [year for year in sorted(by_year) if len(by_year[year]) >= 5] or sorted(by_year)
        year = years[-1]
        years_used.append(year)
        rows.append((currency, statistics.median(by_year[year]), year, len(by_year[year])))
    print(f"# as_of: {max(years_used)}")
    print("currency\tusd_per_unit\tyear\trows")
    for currency, rate, year, count in rows:
        print(f"{currency}\t{rate:.6g}\t{year}\t{count}")


if __name__ == "__main__":
    main(sys.argv[1])
