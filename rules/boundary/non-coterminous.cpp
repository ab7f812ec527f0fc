// boundary-non-coterminous: a partnership whose footprint differs from its members'. For each
// kind of area-based member (local or regional tier), the union of those members' areas is
// compared with the partnership's, both ways. Linear in the members' atoms per partnership.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "rules/boundary_shares.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// Population of the atoms in sorted `x` that are not in sorted `y`.
double population_outside(const Geography& geo, const std::vector<AreaIndex>& x,
                          const std::vector<AreaIndex>& y) {
  double total = 0;
  auto j = y.begin();
  for (AreaIndex a : x) {
    while (j != y.end() && *j < a) ++j;
    if (j == y.end() || *j != a) total += geo.area_population(a);
  }
  return total;
}

bool is_partnership(const Body& b) {
  return b.sector == "partnership" && b.kind != "pooled-fund" && b.status != LegalStatus::Abolished;
}

/// Members whose footprint should match: area-based bodies, not providers or national bodies.
bool is_area_member(const Model& m, const Body& b) {
  if (b.status == LegalStatus::Abolished || !m.vocabulary) return false;
  const BodyKind* kind = m.vocabulary->body_kind(b.kind);
  return kind != nullptr && (kind->tier == "local" || kind->tier == "regional");
}

void check_partnership(const RuleContext& ctx, std::size_t p) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double whole = geo.population(p);
  if (whole <= 0) return;
  const double threshold = ctx.option("sliver") * whole;
  std::map<std::string, std::vector<std::size_t>> members;  // by kind, sorted kinds
  for (LinkIndex l : ctx.graph().in_links(p, LinkKind::Partner)) {
    const auto from = ctx.graph().from(l);
    if (!from || *from == p || !is_area_member(m, m.bodies[*from])) continue;
    auto& list = members[m.bodies[*from].kind];
    if (std::find(list.begin(), list.end(), *from) == list.end()) list.push_back(*from);
  }
  const Body& partnership = m.bodies[p];
  const std::string& name = partnership.name;
  const std::string_view its = verb(partnership, "its", "their"), it = verb(partnership, "it", "them");
  std::vector<std::string> differences;
  std::vector<std::size_t> differing;
  for (const auto& [kind, list] : members) {
    const bool unknown = std::any_of(list.begin(), list.end(), [&](std::size_t b) { return !geo.has_coverage(b); });
    if (unknown) continue;  // unsure: a member's area is not in the model
    const std::vector<AreaIndex> joined = geo.joined_atoms(list);
    const double missing = population_outside(geo, geo.atoms(p), joined);
    const double outside = population_outside(geo, joined, geo.atoms(p));
    const bool single = list.size() == 1;
    const std::string kinds = boundary::kind_words(m, kind, !single);
    const std::string who = single ? fmt::format("{} partner {} ({})", its, m.bodies[list[0]].name, kinds)
                                   : fmt::format("{} {} partner {}", its, list.size(), kinds);
    // A single member containing the whole partnership is nesting, not a mismatch: an NHS
    // board spans several integration authorities by design (boundary-many-partners).
    const bool nested = single && missing <= threshold;
    const bool gap = missing > threshold, spill = outside > threshold && !nested;
    if (gap) {
      differences.push_back(fmt::format("{} of {} population ({}) lies outside {}", percent(missing / whole), its,
                                        thousands(missing), single ? m.bodies[list[0]].name.str() : "all " + who));
    }
    if (spill) {
      differences.push_back(fmt::format("{} cover{} {} people outside {}", who, single ? "s" : "", thousands(outside), it));
    }
    if (gap || spill) differing.insert(differing.end(), list.begin(), list.end());
  }
  if (differences.empty()) return;
  std::vector<Subject> subjects{ctx.body_subject(p)};
  std::vector<std::string> evidence{fmt::format("{}: population {}", name, thousands(whole))};
  for (std::size_t b : differing) {
    subjects.push_back(ctx.body_subject(b));
    evidence.push_back(fmt::format("{}: population {}, of whom {} live within {}", m.bodies[b].name,
                                   thousands(geo.population(b)), thousands(geo.overlap(b, p)), name));
  }
  ctx.report(fmt::format("{} {} not coterminous with {} partners: {}", name, verb(partnership, "is", "are"), its,
                         fmt::join(differences, "; ")),
             std::move(subjects), m.bodies[p].provenance.location, std::move(evidence));
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  for (std::size_t p = 0; p < m.bodies.size(); ++p) {
    if (is_partnership(m.bodies[p]) && ctx.geography().has_coverage(p)) check_partnership(ctx, p);
  }
}

}  // namespace

const Rule& boundary_non_coterminous_rule() {
  static const Rule rule{
      .id = "boundary-non-coterminous",
      .default_severity = Severity::Warning,
      .summary = "a partnership whose area differs from the areas of its members",
      .options = {
          {.name = "sliver",
           .default_value = 0.005,
           .help = "differences below this fraction of the partnership's population are ignored"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
