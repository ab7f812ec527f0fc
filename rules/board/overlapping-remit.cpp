// board-overlapping-remit: two boards with a function in common over much the same area.
// Leaf areas are first grouped by the set of boards covering them (one pass, hashing each
// set); candidate pairs then come from each distinct set once, with its population. The work
// is linear in coverage plus the pairs within distinct sets: boards stacked over the same
// footprint cost one set, whose pairs are exactly the overlaps to report.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "rules/seat_holders.h"
#include "rules/rule.h"

namespace govmap {
namespace {

std::uint64_t key_of(std::size_t a, std::size_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

/// Boards with a remit: seats recorded or a partnership, functions given, an area covered.
std::vector<std::vector<std::string>> remits(const RuleContext& ctx) {
  const Model& m = ctx.model();
  std::vector<bool> seated(m.bodies.size(), false);
  for (const Seat& s : m.seats) {
    if (auto it = m.body_index.find(s.body); it != m.body_index.end()) seated[it->second] = true;
  }
  std::vector<std::vector<std::string>> out(m.bodies.size());
  for (std::size_t b = 0; b < m.bodies.size(); ++b) {
    const Body& body = m.bodies[b];
    const bool board = seated[b] || body.sector == "partnership";
    if (!board || !board::is_board_kind(body) || ctx.geography().population(b) <= 0) continue;
    out[b] = to_strings(body.functions);
    std::sort(out[b].begin(), out[b].end());
    out[b].erase(std::unique(out[b].begin(), out[b].end()), out[b].end());
  }
  return out;
}

/// Pairs that are meant to share a remit: a body and its part (an HWB of its council), a
/// partnership and its members, and bodies joined by a delegation of functions.
std::unordered_set<std::uint64_t> related_pairs(const Graph& graph) {
  const Model& m = graph.model();
  std::unordered_set<std::uint64_t> out;
  const auto add = [&](Symbol a, Symbol b) {
    auto x = m.body_index.find(a), y = m.body_index.find(b);
    if (x != m.body_index.end() && y != m.body_index.end()) out.insert(key_of(x->second, y->second));
  };
  for (const Body& b : m.bodies) if (!b.part_of.empty()) add(b.id, b.part_of);
  for (LinkIndex l = 0; l < m.links.size(); ++l) {
    const LinkKind kind = graph.kind(l);  // read beside the graph, not from each Link
    if (kind != LinkKind::Delegation && kind != LinkKind::Partner) continue;
    add(m.links[l].from, m.links[l].to);
  }
  return out;
}

struct SetHash {
  std::size_t operator()(const std::vector<std::size_t>& v) const {
    std::size_t h = v.size();
    for (std::size_t x : v) h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
  }
};

/// Population covered by each pair of boards with a remit, keyed by key_of(x, y).
std::unordered_map<std::uint64_t, double> shared_population(const Model& m, const Geography& geo,
                                                            const std::vector<std::vector<std::string>>& functions) {
  std::unordered_map<std::vector<std::size_t>, double, SetHash> by_set;
  std::vector<std::size_t> boards;
  for (AreaIndex a = 0; a < m.areas.size(); ++a) {
    if (!geo.is_leaf(a)) continue;
    boards.clear();
    for (std::size_t b : geo.bodies_covering(a)) {
      if (!functions[b].empty()) boards.push_back(b);
    }
    if (boards.size() < 2) continue;
    std::sort(boards.begin(), boards.end());
    by_set[boards] += geo.area_population(a);
  }
  std::unordered_map<std::uint64_t, double> out;
  for (const auto& [set, population] : by_set) {
    for (std::size_t i = 0; i < set.size(); ++i) {
      for (std::size_t j = i + 1; j < set.size(); ++j) out[key_of(set[i], set[j])] += population;
    }
  }
  return out;
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double min_overlap = ctx.option("min-overlap");
  const auto functions = remits(ctx);
  const auto related = related_pairs(ctx.graph());
  // Pairs in body order (x < y), as the findings are reported.
  std::vector<std::pair<std::uint64_t, double>> pairs;
  for (const auto& entry : shared_population(m, geo, functions)) pairs.push_back(entry);
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [key, population] : pairs) {
    const std::size_t x = key >> 32, y = key & 0xffffffffULL;
    const std::size_t smaller = geo.population(y) < geo.population(x) ? y : x;
    if (population < min_overlap * geo.population(smaller) || related.count(key_of(x, y)) != 0) continue;
    std::vector<std::string> common;
    std::set_intersection(functions[x].begin(), functions[x].end(), functions[y].begin(), functions[y].end(),
                          std::back_inserter(common));
    if (common.empty()) continue;
    const Body& bx = m.bodies[x];
    const Body& by = m.bodies[y];
    std::vector<std::string> evidence{
        fmt::format("{}: functions {}; population {}", bx.name, fmt::join(functions[x], " "), thousands(geo.population(x))),
        fmt::format("{}: functions {}; population {}", by.name, fmt::join(functions[y], " "), thousands(geo.population(y))),
        fmt::format("population covered by both: {}", thousands(population))};
    ctx.report(fmt::format("{} and {} share the remit {} over {} of {}'s population ({})", bx.name, by.name,
                           fmt::join(common, ", "), percent(population / geo.population(smaller)),
                           m.bodies[smaller].name, thousands(population)),
               {ctx.body_subject(x), ctx.body_subject(y)}, m.bodies[smaller].provenance.location,
               std::move(evidence));
  }
}

}  // namespace

const Rule& board_overlapping_remit_rule() {
  static const Rule rule{
      .id = "board-overlapping-remit",
      .default_severity = Severity::Warning,
      .summary = "two boards with a function in common over much the same area",
      .options = {
          {.name = "min-overlap",
           .default_value = 0.5,
           .help = "shared population, as a fraction of the smaller board's, from which boards "
                   "overlap"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
