#!/usr/bin/env python3
"""Writes population-estimates.csv beside this file: an ESTIMATED mid-2020 population for each
part of a local government district lying in a health and social care trust (the areas of
import.xml). Run from the repository root:
    python3 models/northern-ireland/derive-population.py

What is measured and what is estimated:
  * Trust totals are NISRA's mid-2020 estimates (data/raw/demographr_age_gender_hsct20_ni.csv);
    the parts of each trust add up to them exactly.
  * data/raw has no district population and no small-area population for Northern Ireland, so
    each trust's total is shared among its parts in proportion to a weight: the number of 2011
    small areas in the district (ONS/NISRA SA2011 -> LGD lookup; small areas were drawn with
    roughly equal populations) times the part's share of the district's AREA (the DoH trust /
    LGD boundary overlay). Both are proxies: within a district split between trusts people are
    assumed spread evenly by area, which they are not (towns), so every part of a split district
    (Belfast, Causeway Coast and Glens, Lisburn and Castlereagh, Mid Ulster, Newry, Mourne and
    Down) and every district total is an estimate.
  * Parts under 1% of a district's area are dropped as in import.xml; the district's weight is
    shared among its remaining parts.
"""
import csv
import os
from collections import Counter, defaultdict

RAW = "data/raw"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "population-estimates.csv")
MIN_SHARE = 1.0


def rows(name):
    with open(os.path.join(RAW, name), newline="", encoding="utf-8-sig") as f:
        yield from csv.DictReader(f)


def main():
    trust_pop = {r["hsct20_code"]: int(r["total_population"]) for r in rows("demographr_age_gender_hsct20_ni.csv")}
    small_areas = Counter(r["lgd18_code"] for r in rows("geographr_lookup_sa11_soa11_lgd18.csv"))
    parts = [r for r in rows("derived_ni_lgd21_hsct_area_overlay.csv") if float(r["share"]) >= MIN_SHARE]
    kept_share = defaultdict(float)
    for p in parts:
        kept_share[p["ltla21_code"]] += float(p["share"])
    weight = {}
    for p in parts:
        d = p["ltla21_code"]
        weight[(d, p["trust18_code"])] = small_areas[d] * float(p["share"]) / kept_share[d]
    estimate = {}
    for trust, total in trust_pop.items():
        mine = sorted(k for k in weight if k[1] == trust)
        w = sum(weight[k] for k in mine)
        exact = {k: total * weight[k] / w for k in mine}
        floor = {k: int(v) for k, v in exact.items()}
        # Largest remainder, so the parts add up to the trust's published total.
        left = total - sum(floor.values())
        for k in sorted(mine, key=lambda k: (-(exact[k] - floor[k]), k))[:left]:
            floor[k] += 1
        estimate.update(floor)
    split = {d for d, _ in weight if sum(1 for k in weight if k[0] == d) > 1}
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["part_code", "ltla21_code", "trust18_code", "area_share", "district_small_areas_2011",
                    "population_mid2020_estimate", "basis"])
        for (d, t) in sorted(weight):
            basis = ("trust total shared by small-area count and area share (district split between trusts)"
                     if d in split else "trust total shared by small-area count (district wholly in this trust)")
            share = next(p["share"] for p in parts if p["ltla21_code"] == d and p["trust18_code"] == t)
            w.writerow([f"{d}-{t}", d, t, share, small_areas[d], estimate[(d, t)], basis])


if __name__ == "__main__":
    main()
