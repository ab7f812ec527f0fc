// funding-small-pool: a pooled budget that is a small share of what its contributors spend
// (the Better Care Fund, "less than 5%"). Amounts are compared within one financial year; the
// latest year for which the pool's inflow is fully known is used. Each contributor's spending
// is computed once per year (memoised), so the rule is linear in links.

#include <fmt/format.h>

#include <map>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// A contributor's spending in a year: the sum of its outgoing funding; when some outgoing
/// amounts are unknown, its income that year if that is fully known and larger. Otherwise the
/// known part, a lower bound (which can only make the pool look larger: the rule stays quiet).
class Spending {
 public:
  explicit Spending(const RuleContext& ctx) : ctx_(ctx) {}
  double of(BodyIndex body, Symbol year) {
    auto [it, inserted] = memo_.try_emplace({body, year}, 0.0);
    if (!inserted) return it->second;
    const Model& m = ctx_.model();
    MoneySum out(m), in(m);
    for (LinkIndex l : ctx_.graph().out_links(body, LinkKind::Funding)) {
      if (m.links[l].year == year) out.add(m.links[l]);
    }
    double spending = out.amount();
    if (!out.complete()) {
      for (LinkIndex l : ctx_.graph().in_links(body, LinkKind::Funding)) {
        if (m.links[l].year == year) in.add(m.links[l]);
      }
      if (!in.empty() && in.complete()) spending = std::max(spending, in.amount());
    }
    return it->second = spending;
  }

 private:
  const RuleContext& ctx_;
  std::map<std::pair<BodyIndex, Symbol>, double> memo_;
};

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const double min_share = ctx.option("min-share");
  Spending spending(ctx);
  const Symbol pooled_fund("pooled-fund");
  for (BodyIndex pool = 0; pool < m.bodies.size(); ++pool) {
    if (m.bodies[pool].kind != pooled_fund) continue;
    struct Year {
      explicit Year(const Model& model) : inflow(model) {}
      MoneySum inflow;
      std::vector<BodyIndex> contributors;  // in document order
      std::map<BodyIndex, double> given;    // known amounts each put in
    };
    std::map<Symbol, Year> years;  // by year, in text order as the strings were
    for (LinkIndex l : ctx.graph().in_links(pool, LinkKind::Funding)) {
      const Link& link = m.links[l];
      Year& y = years.try_emplace(link.year, m).first->second;
      y.inflow.add(link);
      const auto from = ctx.graph().from(l);
      if (!from || *from == pool) continue;
      auto [it, first] = y.given.try_emplace(*from, 0.0);
      if (first) y.contributors.push_back(*from);
      if (link.amount) it->second += *link.amount;
    }
    // The latest year whose inflow is fully known.
    auto year = years.rbegin();
    while (year != years.rend() && !(year->second.inflow.complete() && !year->second.contributors.empty())) ++year;
    if (year == years.rend()) continue;
    const MoneySum& inflow = year->second.inflow;
    const auto& contributors = year->second.contributors;
    double total = 0;
    std::vector<std::string> names, evidence;
    std::vector<Subject> subjects{ctx.body_subject(pool)};
    for (BodyIndex c : contributors) total += spending.of(c, year->first);
    if (total <= 0) continue;
    const double share = inflow.amount() / total;
    if (share >= min_share) continue;
    const std::string in_year = year->first.empty() ? "" : " in " + year->first;
    for (BodyIndex c : contributors) {
      names.push_back(chain::name_of(m, c));
      subjects.push_back(ctx.body_subject(c));
      const double given = year->second.given.at(c);
      const double spent = spending.of(c, year->first);
      const Body& contributor = m.bodies[c];
      evidence.push_back(fmt::format("{} {} {} of the {} {}{} ({})", names.back(), verb(contributor, "puts in", "put in"),
                                     money(given), money(spent), verb(contributor, "it spends", "they spend"), in_year,
                                     percent(spent > 0 ? given / spent : 0)));
    }
    evidence.push_back(fmt::format("threshold: {} of contributors' spending", percent(min_share)));
    ctx.report(fmt::format("{} {} {}{}, only {} of the {} {} contributors ({}) spend", chain::name_of(m, pool),
                           verb(m.bodies[pool], "pools", "pool"), money(inflow.amount()), in_year, percent(share),
                           money(total), verb(m.bodies[pool], "its", "their"), chain::join_names(names)),
               std::move(subjects), m.bodies[pool].provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& funding_small_pool_rule() {
  static const Rule rule{
      .id = "funding-small-pool",
      .default_severity = Severity::Info,
      .summary = "a pooled budget that is a small share of its partners' spending",
      .options = {
          {.name = "min-share",
           .default_value = 0.05,
           .help = "smallest share of the contributors' spending a pool should reach (0.05 = 5%)"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
