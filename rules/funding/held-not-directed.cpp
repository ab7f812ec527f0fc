// funding-held-not-directed: a budget directed by one body but held by another (the Scottish
// set-aside budget). One pass over the links.

#include <fmt/format.h>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  for (LinkIndex l = 0; l < m.links.size(); ++l) {
    if (graph.kind(l) != LinkKind::Funding) continue;  // read beside the graph, not from the Link
    const Link& link = m.links[l];
    if (link.held_by.empty() || link.held_by == link.to) continue;
    const std::string director = chain::name_of(m, link.to);
    const std::string_view directs = verb(m, link.to, "directs", "direct");
    const std::string holder = chain::name_of(m, link.held_by);
    const std::string amount = chain::amount_phrase(link);
    const std::string budget = chain::subtype_label(m, link);
    std::string message =
        link.held_by == link.from
            ? fmt::format("{} {} {}{} from {} that {} still {}", director, directs, chain::with_article(budget),
                          amount.empty() ? "" : " of " + amount, holder, holder,
                          verb(m, link.held_by, "holds", "hold"))
            : fmt::format("{} {} {}{} from {} that is held by {}", director, directs, chain::with_article(budget),
                          amount.empty() ? "" : " of " + amount, chain::name_of(m, link.from), holder);
    std::vector<std::string> evidence{
        fmt::format("paid by {}, directed by {}, held by {}", chain::name_of(m, link.from), director, holder)};
    if (!amount.empty()) evidence.push_back("amount: " + amount);
    if (!link.provenance.evidence.empty()) evidence.push_back("model evidence: " + link.provenance.evidence);
    std::vector<Subject> subjects{ctx.body_subject(link.to), ctx.body_subject(link.held_by)};
    if (link.from != link.held_by) subjects.push_back(ctx.body_subject(link.from));
    ctx.report(std::move(message), std::move(subjects), link.provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& funding_held_not_directed_rule() {
  static const Rule rule{
      .id = "funding-held-not-directed",
      .default_severity = Severity::Warning,
      .summary = "a budget held by one body and directed by another (set-aside)",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
