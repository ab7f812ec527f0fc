// structure-layering: more partnership layers over one area than a threshold.

#include <map>

#include <fmt/format.h>

#include "engine/text.h"
#include "rules/rule.h"

namespace govmap {
namespace {

constexpr std::size_t kAreasShown = 5;

/// A partnership layer: a partnership-sector body that is not a pooled fund (a pooled fund is
/// money held under an agreement, not a board).
bool is_partnership_layer(const Body& body) {
  static const Symbol kPartnership("partnership"), kPooledFund("pooled-fund");  // integer compares
  return body.sector == kPartnership && body.kind != kPooledFund;
}

/// Leaf areas covered by the same set of partnership bodies.
struct Group {
  std::vector<AreaIndex> areas;
  double population = 0;
};

std::string area_list(const Model& m, const std::vector<AreaIndex>& areas) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < areas.size() && i < kAreasShown; ++i) {
    const Area& a = m.areas[areas[i]];
    names.push_back(a.name.empty() ? a.id : a.name);
  }
  std::string list = join(names, ", ");
  if (areas.size() > kAreasShown) list += fmt::format(" and {} more", areas.size() - kAreasShown);
  return list;
}

void report_group(const RuleContext& ctx, const std::vector<std::size_t>& bodies, const Group& group,
                  double max_layers) {
  const Model& m = ctx.model();
  std::vector<std::string> names;
  std::vector<Subject> subjects;
  std::vector<std::string> evidence;
  evidence.push_back(fmt::format("where they overlap: {} area{} ({}), population {}", group.areas.size(),
                                 group.areas.size() == 1 ? "" : "s", area_list(m, group.areas),
                                 thousands(group.population)));
  for (std::size_t b : bodies) {
    const Body& body = m.bodies[b];
    names.push_back(body.name);
    subjects.push_back(ctx.body_subject(b));
    const double total = ctx.geography().population(b);
    evidence.push_back(fmt::format("{} ({}): {} of its population is in this overlap", body.name,
                                   m.kind_label(body.kind), total > 0 ? percent(group.population / total) : "n/a"));
  }
  ctx.report(fmt::format("{} partnership layers overlap (more than {}): {}", bodies.size(),
                         fmt::format("{:g}", max_layers), join(names, ", ")),
             std::move(subjects), m.bodies[bodies.front()].provenance.location, std::move(evidence));
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double max_layers = ctx.option("max-layers");
  std::vector<bool> layer(m.bodies.size());
  for (std::size_t b = 0; b < m.bodies.size(); ++b) layer[b] = is_partnership_layer(m.bodies[b]);

  std::map<std::vector<std::size_t>, Group> groups;
  std::vector<std::size_t> covering;
  for (AreaIndex a = 0; a < m.areas.size(); ++a) {
    if (!geo.is_leaf(a)) continue;
    covering.clear();
    for (std::size_t b : geo.bodies_covering(a)) {
      if (layer[b]) covering.push_back(b);
    }
    if (static_cast<double>(covering.size()) <= max_layers) continue;
    Group& group = groups[covering];
    group.areas.push_back(a);
    group.population += geo.area_population(a);
  }
  for (const auto& [bodies, group] : groups) report_group(ctx, bodies, group, max_layers);
}

}  // namespace

const Rule& structure_layering_rule() {
  static const Rule rule{
      .id = "structure-layering",
      .default_severity = Severity::Warning,
      .summary = "more partnership layers over one area than a threshold",
      .options = {
          {.name = "max-layers",
           .default_value = 3,
           .help = "the most partnership bodies (any kind except pooled funds) that may overlap "
                   "over one area"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
