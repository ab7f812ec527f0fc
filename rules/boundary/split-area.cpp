// boundary-split-area: a body (e.g. a council) whose population is divided between several
// bodies of a kind it must partner (e.g. integrated care systems), with population shares.
// One pass over the bodies of each must-partner kind; each pass is linear in their atoms.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/boundary_shares.h"
#include "rules/rule.h"

namespace govmap {
namespace {

void check_pair(const RuleContext& ctx, const std::vector<std::size_t>& a_bodies,
                const std::string& b_kind) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double sliver = ctx.option("sliver");
  for (std::size_t a : a_bodies) {
    const Body& body = m.bodies[a];
    if (body.status == LegalStatus::Abolished || !geo.has_coverage(a)) continue;
    const std::vector<Share> shares = boundary::live_shares(m, geo, a, b_kind);
    if (!boundary::is_split(geo, shares, sliver)) continue;
    std::vector<Subject> subjects{ctx.body_subject(a)};
    std::vector<std::string> parts, evidence, slivers;
    double covered = 0;
    evidence.push_back(fmt::format("{}: population {}", body.name, thousands(geo.population(a))));
    for (const Share& s : shares) {
      covered += s.population;
      const std::string& name = m.bodies[s.body].name;
      if (s.fraction < sliver) {
        slivers.push_back(fmt::format("{} ({}, {})", name, thousands(s.population), percent(s.fraction)));
        continue;
      }
      subjects.push_back(ctx.body_subject(s.body));
      parts.push_back(fmt::format("{} in {}", percent(s.fraction), name));
      evidence.push_back(fmt::format("{} ({}) in {}", percent(s.fraction), thousands(s.population), name));
    }
    if (!slivers.empty()) {
      evidence.push_back(fmt::format("ignored as under {}: {}", percent(sliver), fmt::join(slivers, ", ")));
    }
    const double outside = geo.population(a) - covered;
    if (outside > sliver * geo.population(a)) {
      evidence.push_back(fmt::format("not in any {}: {} ({})", boundary::kind_words(m, b_kind, false),
                                     thousands(outside), percent(outside / geo.population(a))));
    }
    ctx.report(fmt::format("{} {} split between {} {}: {}", body.name, verb(body, "is", "are"), parts.size(),
                           boundary::kind_words(m, b_kind, true), fmt::join(parts, ", ")),
               std::move(subjects), body.provenance.location, std::move(evidence));
  }
}

void check(const RuleContext& ctx) {
  for (const auto& pair : boundary::partnering_kinds(ctx.model())) check_pair(ctx, pair.bodies, pair.partner_kind);
}

}  // namespace

const Rule& boundary_split_area_rule() {
  static const Rule rule{
      .id = "boundary-split-area",
      .default_severity = Severity::Warning,
      .summary = "a body divided between several bodies of a kind it must partner, with "
                 "population shares",
      .options = {
          {.name = "sliver",
           .default_value = 0.005,
           .help = "shares of a body's population below this fraction are ignored"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
