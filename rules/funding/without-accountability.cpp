// funding-without-accountability: money paid from A to B where B does not answer, along any
// chain of accountability (links and part-of), to A or to a body above A. The electorate is
// left out of the comparison: every chain ends there, so sharing it says nothing about the
// money. Each body's chain is computed once, lazily, and capped at kMaxAbove bodies (the link
// is skipped when a chain is longer), so the rule is O(links * kMaxAbove).

#include <fmt/format.h>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

constexpr std::size_t kMaxAbove = 64;

/// Money that is not a grant to be accounted for: taxes and charges paid by the public,
/// contracts (which carry their own, contractual, accountability), and the devolved block
/// grant (unconditional by design: the recipient answers for it to its own legislature).
/// Ids compared once per funding link are symbols, compared as integers.
bool out_of_scope(const Link& link, const Body& from, const Body& to) {
  static const std::vector<Symbol> kMechanisms = {"taxation",    "devolved-tax", "council-tax",
                                                  "user-charge", "contract",     "gp-contract",
                                                  "block-grant"};
  static const Symbol kElectorate("electorate"), kPublic("public");
  return std::find(kMechanisms.begin(), kMechanisms.end(), link.subtype) != kMechanisms.end() ||
         from.kind == kElectorate || from.sector == kPublic || to.status == LegalStatus::None ||
         to.status == LegalStatus::Abolished || link.from == link.to;
}

bool is_voters(const Body& b) {
  static const Symbol kElectorate("electorate"), kPublic("public");
  return b.kind == kElectorate || b.sector == kPublic;
}

bool answers_back(const Model& m, BodyIndex payer, const std::vector<BodyIndex>& above_payer,
                  const std::vector<BodyIndex>& above_payee) {
  if (std::binary_search(above_payee.begin(), above_payee.end(), payer)) return true;
  auto a = above_payer.begin();
  for (BodyIndex b : above_payee) {
    while (a != above_payer.end() && *a < b) ++a;
    if (a != above_payer.end() && *a == b && !is_voters(m.bodies[b])) return true;
  }
  return false;
}

std::string answers_to(const Model& m, BodyIndex who, std::span<const std::uint32_t> direct) {
  const std::string subject = fmt::format("{} {} to ", chain::name_of(m, who), verb(m.bodies[who], "answers", "answer"));
  if (direct.empty()) return subject + "no body in the model";
  std::vector<std::string> names;
  for (BodyIndex d : direct) names.push_back(chain::name_of(m, d));
  return subject + chain::join_names(names);
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  chain::ChainsAbove chains(graph, kMaxAbove);
  for (LinkIndex l = 0; l < m.links.size(); ++l) {
    if (graph.kind(l) != LinkKind::Funding) continue;
    const Link& link = m.links[l];
    const auto from = graph.from(l), to = graph.to(l);
    if (!from || !to || out_of_scope(link, m.bodies[*from], m.bodies[*to])) continue;
    const auto* above_payee = chains.above(*to);
    const auto* above_payer = chains.above(*from);
    if (above_payee == nullptr || above_payer == nullptr) continue;  // unsure: stay silent
    if (answers_back(m, *from, *above_payer, *above_payee)) continue;
    const std::string payer = chain::name_of(m, *from), payee = chain::name_of(m, *to);
    const std::string amount = chain::amount_phrase(link);
    const Body &paying = m.bodies[*from], &paid = m.bodies[*to];
    ctx.report(fmt::format("{} {} {} {}through {} but {} {} not answer to {} or to any body {} {} to", payer,
                           verb(paying, "pays", "pay"), payee, amount.empty() ? "" : amount + " ",
                           chain::with_article(chain::subtype_label(m, link)), payee, verb(paid, "does", "do"), payer,
                           payer, verb(paying, "answers", "answer")),
               {ctx.body_subject(*from), ctx.body_subject(*to)}, link.provenance.location,
               {answers_to(m, *to, chains.direct(*to)), answers_to(m, *from, chains.direct(*from))});
  }
}

}  // namespace

const Rule& funding_without_accountability_rule() {
  static const Rule rule{
      .id = "funding-without-accountability",
      .default_severity = Severity::Warning,
      .summary = "money from A to B with no accountability from B back to A's chain",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
