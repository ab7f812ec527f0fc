// funding-unbalanced: a body that only passes money on (a pooled fund, or a partnership that
// neither employs staff nor provides services) whose money in and money out in one financial
// year do not reconcile within a tolerance. Silent unless every funding link of that year, in
// and out, has an amount. One pass over each candidate's links: linear.

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// Bodies whose money in should equal their money out.
bool passes_money_through(const Body& b) {
  static const Symbol kPartnership("partnership"), kPooledFund("pooled-fund");  // integer compares
  if (b.kind == kPooledFund) return true;
  return b.sector == kPartnership && (b.powers & (kEmployStaff | kProvide)) == 0;
}

struct Flow {
  double in = 0, out = 0;
  bool complete = true;
  std::vector<LinkIndex> ins, outs;
};

std::string describe(const Model& m, const std::vector<LinkIndex>& links, bool incoming) {
  std::vector<std::string> parts;
  for (LinkIndex l : links) {
    const Link& link = m.links[l];
    parts.push_back(fmt::format("{} {} {}", money(*link.amount), incoming ? "from" : "to",
                                chain::name_of(m, incoming ? link.from : link.to)));
  }
  return chain::join_names(parts, 6);
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  const double tolerance = ctx.option("tolerance");
  for (BodyIndex b = 0; b < m.bodies.size(); ++b) {
    if (!passes_money_through(m.bodies[b])) continue;
    const auto ins = graph.in_links(b, LinkKind::Funding);
    const auto outs = graph.out_links(b, LinkKind::Funding);
    if (ins.empty() || outs.empty()) continue;
    std::map<std::string, Flow> years;
    bool any_dated = false;
    for (bool incoming : {true, false}) {
      for (LinkIndex l : incoming ? ins : outs) {
        const Link& link = m.links[l];
        if (link.from == link.to) continue;
        Flow& f = years[link.year];
        any_dated = any_dated || !link.year.empty();
        if (!link.amount) { f.complete = false; continue; }
        (incoming ? f.in : f.out) += *link.amount;
        (incoming ? f.ins : f.outs).push_back(l);
      }
    }
    for (const auto& [year, f] : years) {
      if ((year.empty() && any_dated) || !f.complete || f.ins.empty() || f.outs.empty()) continue;
      const double gap = f.in - f.out;
      const double larger = std::max(f.in, f.out);
      if (larger <= 0 || std::abs(gap) / larger <= tolerance) continue;
      const std::string in_year = year.empty() ? "" : " in " + year;
      const Body& body = m.bodies[b];
      ctx.report(fmt::format("{} {} {} but {} out {}{}: {} ({}) more {}", chain::name_of(m, b),
                             verb(body, "receives", "receive"), money(f.in), verb(body, "pays", "pay"),
                             money(f.out), in_year, money(std::abs(gap)), percent(std::abs(gap) / larger),
                             gap > 0 ? "comes in than goes out" : "goes out than comes in"),
                 {ctx.body_subject(b)}, m.bodies[b].provenance.location,
                 {"in: " + describe(m, f.ins, true), "out: " + describe(m, f.outs, false),
                  fmt::format("tolerance: {} of the larger side", percent(tolerance))});
    }
  }
}

}  // namespace

const Rule& funding_unbalanced_rule() {
  static const Rule rule{
      .id = "funding-unbalanced",
      .default_severity = Severity::Warning,
      .summary = "money in and out of a body that do not reconcile",
      .options = {
          {.name = "tolerance",
           .default_value = 0.02,
           .help = "largest gap between money in and out, as a share of the larger side (0.02 = "
                   "2%)"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
