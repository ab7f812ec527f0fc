#!/usr/bin/env python3
"""What an analyst might write instead of govmap to answer one of its questions: which councils
with social care duties (upper tier) are split between integrated care boards, and how their
population divides. pandas and networkx, the usual tools, reading the lookups govmap's England
model is built from (July 2022 ICBs):

    split_councils.py LSOA_ICB_LTLA_CSV LTLA_UTLA_CSV LSOA_POPULATION_CSV

scripts/bench times it beside `govmap check` of England (issue 16 set govmap's goal against such
a script). Shares below 0.5% are ignored, as boundary-split-area's default sliver ignores them;
its answer is the same ten councils that `govmap check models/england/model.xml --as-of
2022-10-01` reports split between integrated care boards.
"""
import sys

import networkx as nx
import pandas as pd

SLIVER = 0.005


def main(lookup_csv, upper_tier_csv, population_csv):
    lsoas = pd.read_csv(lookup_csv, usecols=["lsoa11_code", "icb22_code", "icb22_name", "ltla22_code"])
    upper_tier = pd.read_csv(upper_tier_csv, usecols=["ltla21_code", "utla21_code", "utla21_name"])
    population = pd.read_csv(population_csv, usecols=["lsoa11_code", "total_population"])
    lsoas = lsoas.merge(upper_tier, left_on="ltla22_code", right_on="ltla21_code")
    lsoas = lsoas.merge(population, on="lsoa11_code", how="left")
    pairs = lsoas.groupby(["utla21_code", "utla21_name", "icb22_code", "icb22_name"], as_index=False)[
        "total_population"
    ].sum()
    graph = nx.Graph()
    for row in pairs.itertuples(index=False):
        graph.add_node(row.utla21_code, kind="council", name=row.utla21_name)
        graph.add_node(row.icb22_code, kind="icb", name=row.icb22_name)
        graph.add_edge(row.utla21_code, row.icb22_code, population=row.total_population)
    councils = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == "council")
    for council in councils:
        edges = list(graph.edges(council, data="population"))
        total = sum(p for _, _, p in edges)
        shares = sorted(((p / total, graph.nodes[icb]["name"]) for _, icb, p in edges), reverse=True)
        shares = [(share, name) for share, name in shares if share >= SLIVER]
        if len(shares) > 1:
            parts = "; ".join(f"{share:.1%} in {name}" for share, name in shares)
            print(f"{graph.nodes[council]['name']} is split between {len(shares)} ICBs: {parts}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    try:
        main(*sys.argv[1:])
    except (OSError, ValueError, KeyError) as error:  # a missing file, a file without the columns
        print(f"split_councils.py: error: {error}", file=sys.stderr)
        sys.exit(2)
