// board-overlapping-remit: two boards with a function in common over much the same area.
// Candidate pairs come from the leaf areas both cover (population summed per pair), so the
// work is the sum over leaf areas of the boards covering them, not all pairs of boards.

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
    out[b] = body.functions;
    std::sort(out[b].begin(), out[b].end());
    out[b].erase(std::unique(out[b].begin(), out[b].end()), out[b].end());
  }
  return out;
}

/// Pairs that are meant to share a remit: a body and its part (an HWB of its council), a
/// partnership and its members, and bodies joined by a delegation of functions.
std::unordered_set<std::uint64_t> related_pairs(const Model& m) {
  std::unordered_set<std::uint64_t> out;
  const auto add = [&](const std::string& a, const std::string& b) {
    auto x = m.body_index.find(a), y = m.body_index.find(b);
    if (x != m.body_index.end() && y != m.body_index.end()) out.insert(key_of(x->second, y->second));
  };
  for (const Body& b : m.bodies) if (!b.part_of.empty()) add(b.id, b.part_of);
  for (const Link& l : m.links) if (l.kind == LinkKind::Delegation || l.kind == LinkKind::Partner) add(l.from, l.to);
  return out;
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double min_overlap = ctx.option("min-overlap");
  const auto functions = remits(ctx);
  const auto related = related_pairs(m);
  for (std::size_t x = 0; x < m.bodies.size(); ++x) {
    if (functions[x].empty()) continue;
    std::unordered_map<std::size_t, double> shared;
    for (AreaIndex a : geo.atoms(x)) {
      for (std::size_t y : geo.bodies_covering(a)) {
        if (y > x && !functions[y].empty()) shared[y] += geo.area_population(a);
      }
    }
    std::vector<std::pair<std::size_t, double>> candidates(shared.begin(), shared.end());
    std::sort(candidates.begin(), candidates.end());
    for (const auto& [y, population] : candidates) {
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
}

}  // namespace

const Rule& board_overlapping_remit_rule() {
  static const Rule rule{
      "board-overlapping-remit",
      Severity::Warning,
      "two boards with a function in common over much the same area",
      {{"min-overlap", 0.5, "shared population, as a fraction of the smaller board's, from which boards overlap"}},
      check};
  return rule;
}

}  // namespace govmap
