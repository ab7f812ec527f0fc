#!/usr/bin/env python3
"""Writes the two lookups that turn the ONS July 2022 ICB footprints into those in force from
1 April 2026 (written ministerial statement HCWS915, 9 September 2025), for import.xml beside
this file. Run from the repository root: python3 models/england/derive-icb-2026.py

Inputs (data/raw, see data/raw/SOURCES.md): the ONS LSOA11 -> SICBL22 -> ICB22 -> LAD22 lookup,
the LAD22 -> LAD23 and LTLA23 -> UTLA23 lookups and the ONS mid-2020 LSOA populations.

Rules (the only hand-written part; each cites its source in the model):
  * ICBs not named in the statement keep their July 2022 footprint, code and name.
  * A merged ICB is the union of the listed July 2022 ICBs, or of the parts of a July 2022 ICB
    lying in the listed upper-tier councils (for the three ICBs divided between successors:
    Frimley, Suffolk and North East Essex, Hertfordshire and West Essex).
Outputs:
  icb-2026-by-icb22-utla23.csv  key "ICB22 UTLA23" -> 2026 ICB, for every pair in the lookup
  icb-2026-by-icb22.csv         ICB22 -> the 2026 ICB holding most of its mid-2020 population
                                (used only for the inferred trust commissioning links)
"""
import csv
import os
import sys
from collections import defaultdict

RAW = "data/raw"
OUT = os.path.dirname(os.path.abspath(__file__))

# 2026 ICBs that are new bodies: id (no official code read), name.
NEW = {
    "icb26-norfolk-and-suffolk": "Norfolk and Suffolk Integrated Care Board",
    "icb26-essex": "Essex Integrated Care Board",
    "icb26-central-east": "Central East Integrated Care Board",
    "icb26-surrey-and-sussex": "Surrey and Sussex Integrated Care Board",
    "icb26-north-west-and-north-central-london": "North West and North Central London Integrated Care Board",
    "icb26-thames-valley": "Thames Valley Integrated Care Board",
}
HIOW = "E54000042"  # Hampshire and Isle of Wight ICB: kept, with a boundary change

# Whole July 2022 ICBs -> 2026 ICB.
WHOLE = {
    "E54000022": "icb26-norfolk-and-suffolk",                 # Norfolk and Waveney
    "E54000026": "icb26-essex",                               # Mid and South Essex
    "E54000024": "icb26-central-east",                        # Bedfordshire, Luton and Milton Keynes
    "E54000056": "icb26-central-east",                        # Cambridgeshire and Peterborough
    "E54000052": "icb26-surrey-and-sussex",                   # Surrey Heartlands
    "E54000053": "icb26-surrey-and-sussex",                   # Sussex
    "E54000027": "icb26-north-west-and-north-central-london", # North West London
    "E54000028": "icb26-north-west-and-north-central-london", # North Central London
    "E54000044": "icb26-thames-valley",                       # Buckinghamshire, Oxfordshire and Berkshire West
    HIOW: HIOW,
}
# July 2022 ICBs divided by upper-tier council (UTLA23 code) -> 2026 ICB.
BY_COUNCIL = {
    "E54000023": {"E10000029": "icb26-norfolk-and-suffolk", "E10000012": "icb26-essex"},       # Suffolk and NE Essex
    "E54000025": {"E10000015": "icb26-central-east", "E10000012": "icb26-essex"},              # Herts and West Essex
    "E54000034": {"E10000014": HIOW, "E10000030": "icb26-surrey-and-sussex",                  # Frimley: Hampshire, Surrey,
                  "E06000036": "icb26-thames-valley", "E06000039": "icb26-thames-valley",     # Bracknell Forest, Slough,
                  "E06000040": "icb26-thames-valley"},                                        # Windsor and Maidenhead
}


def rows(name):
    with open(os.path.join(RAW, name), newline="", encoding="utf-8-sig") as f:
        yield from csv.DictReader(f)


def main():
    lad23 = {r["ltla22_code"]: r["ltla23_code"] for r in rows("geographr_lookup_ltla22_ltla23.csv")}
    utla = {r["ltla23_code"]: r["utla23_code"] for r in rows("geographr_lookup_ltla23_utla23.csv")}
    pop = {r["lsoa11_code"]: float(r["total_population"]) for r in rows("demographr_population20_lsoa11.csv")}
    names, pairs = {}, set()
    icb_pop = defaultdict(lambda: defaultdict(float))
    for r in rows("geographr_lookup_lsoa11_sicbl22_icb22_ltla22.csv"):
        icb22, council = r["icb22_code"], utla[lad23[r["ltla22_code"]]]
        names[icb22] = r["icb22_name"]
        pairs.add((icb22, council))
        if icb22 in BY_COUNCIL:
            target = BY_COUNCIL[icb22].get(council)
            if target is None:
                sys.exit(f"no 2026 ICB for ICB22 {icb22} in council {council}")
        else:
            target = WHOLE.get(icb22, icb22)
        icb_pop[icb22][target] += pop[r["lsoa11_code"]]

    def name_of(code):
        return NEW.get(code) or names[code]

    def target_of(icb22, council):
        return BY_COUNCIL[icb22][council] if icb22 in BY_COUNCIL else WHOLE.get(icb22, icb22)

    with open(os.path.join(OUT, "icb-2026-by-icb22-utla23.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["icb22_utla23", "icb26_code", "icb26_name"])
        for icb22, council in sorted(pairs):
            code = target_of(icb22, council)
            w.writerow([f"{icb22} {council}", code, name_of(code)])
    with open(os.path.join(OUT, "icb-2026-by-icb22.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["icb22_code", "icb22_name", "icb26_trust_code", "share_of_icb22_population"])
        for icb22 in sorted(names):
            parts = icb_pop[icb22]
            code = max(parts, key=lambda c: (parts[c], c))
            w.writerow([icb22, names[icb22], code, f"{100 * parts[code] / sum(parts.values()):.1f}"])


if __name__ == "__main__":
    main()
