// boundary-many-partners: a body that must work with several bodies of one kind over its area
// (an NHS board with several integration authorities, a county council with several CCGs).
// Partners are bodies of the must-partner kind that overlap it by more than a sliver, or that
// it has a partner link to. Bodies split across a boundary are left to boundary-split-area.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/boundary_shares.h"
#include "rules/rule.h"

namespace govmap {
namespace {

struct Partner {
  std::size_t body;
  double population = 0;  // shared with the checked body; 0 when known only by a link
  bool linked = false;
};

std::vector<Partner> partners_of(const RuleContext& ctx, std::size_t a, const std::string& b_kind,
                                 bool& split) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const double sliver = ctx.option("sliver");
  std::vector<Partner> out;
  if (geo.has_coverage(a)) {
    const std::vector<Share> shares = boundary::live_shares(m, geo, a, b_kind);
    split = boundary::is_split(geo, shares, sliver);
    for (const Share& s : shares) {
      const double smaller = std::min(geo.population(a), geo.population(s.body));
      if (s.population > 0 && s.population >= sliver * smaller) out.push_back({s.body, s.population});
    }
  }
  for (LinkIndex l : ctx.graph().out_links(a, LinkKind::Partner)) {
    const auto to = ctx.graph().to(l);
    if (!to || m.bodies[*to].kind != b_kind || m.bodies[*to].status == LegalStatus::Abolished) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const Partner& p) { return p.body == *to; });
    if (it == out.end()) out.push_back({*to, 0, true});
    else it->linked = true;
  }
  return out;
}

void check_body(const RuleContext& ctx, std::size_t a, const std::string& b_kind) {
  const Model& m = ctx.model();
  const Geography& geo = ctx.geography();
  const auto max_partners = ctx.option("max-partners");
  bool split = false;
  const std::vector<Partner> partners = partners_of(ctx, a, b_kind, split);
  if (split || static_cast<double>(partners.size()) <= max_partners) return;
  const Body& body = m.bodies[a];
  const double whole = geo.population(a);
  std::vector<Subject> subjects{ctx.body_subject(a)};
  std::vector<std::string> named, evidence;
  for (const Partner& p : partners) {
    const std::string& name = m.bodies[p.body].name;
    subjects.push_back(ctx.body_subject(p.body));
    const bool measured = p.population > 0 && whole > 0;
    named.push_back(measured ? fmt::format("{} ({})", name, percent(p.population / whole)) : name);
    std::string note = measured ? fmt::format("{}: {} people, {} of {}", name, thousands(p.population),
                                              percent(p.population / whole), body.name)
                                : fmt::format("{}: area not in the model", name);
    if (p.linked) note += fmt::format("; {} {} in it", body.name, verb(body, "is a partner", "are partners"));
    evidence.push_back(std::move(note));
  }
  ctx.report(fmt::format("{} {} with {} {} over {} (more than {}): {}", body.name, verb(body, "works", "work"),
                         partners.size(), boundary::kind_words(m, b_kind, true), verb(body, "its area", "their area"),
                         max_partners, fmt::join(named, ", ")),
             std::move(subjects), body.provenance.location, std::move(evidence));
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  for (const auto& pair : boundary::partnering_kinds(m)) {
    for (std::size_t a : pair.bodies) {
      if (m.bodies[a].status != LegalStatus::Abolished) check_body(ctx, a, pair.partner_kind);
    }
  }
}

}  // namespace

const Rule& boundary_many_partners_rule() {
  static const Rule rule{
      .id = "boundary-many-partners",
      .default_severity = Severity::Warning,
      .summary = "a body that must work with several bodies of one kind over its area",
      .options = {
          {.name = "max-partners",
           .default_value = 1,
           .help = "most bodies of one must-partner kind a body may work with"},
          {.name = "sliver",
           .default_value = 0.005,
           .help = "overlaps below this fraction of the smaller body's population are ignored"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
