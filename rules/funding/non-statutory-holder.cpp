// funding-non-statutory-holder: money paid to, or held by, a body without legal personality
// (a non-statutory partnership, a statutory committee, a pooled fund) when no body with legal
// personality is named to hold it (held-by on the link, or part-of on the receiving body).
// One pass over the links.

#include <fmt/format.h>

#include <unordered_set>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

bool is_pooled_fund(const Body& b) {
  static const Symbol kPooledFund("pooled-fund");  // compared with each body's kind as an integer
  return b.kind == kPooledFund;
}

bool has_legal_personality(const Body& b) {
  return !is_pooled_fund(b) && (b.status == LegalStatus::Statutory || b.status == LegalStatus::Contractor);
}

/// Bodies the rule is sure cannot hold money in their own name.
bool lacks_legal_personality(const Body& b) {
  return is_pooled_fund(b) || b.status == LegalStatus::NonStatutory ||
         b.status == LegalStatus::StatutoryCommittee;
}

/// Whether the body is part of a body with legal personality (its host).
bool has_host(const Graph& graph, BodyIndex b) {
  const auto parent = graph.parent(b);
  return parent && has_legal_personality(graph.model().bodies[*parent]);
}

/// "it is a pooled fund", or "they are pooled funds" for an aggregate body.
std::string_view what_it_is(const Body& b) {
  if (is_pooled_fund(b)) return verb(b, "it is a pooled fund", "they are pooled funds");
  if (b.status == LegalStatus::StatutoryCommittee) {
    return verb(b, "it is a statutory committee", "they are statutory committees");
  }
  return verb(b, "it is a non-statutory body", "they are non-statutory bodies");
}

/// A host that cannot hold money either: "a statutory committee", "non-statutory".
std::string host_status(const Body& host) {
  if (is_pooled_fund(host)) return "a pooled fund";
  switch (host.status) {
    case LegalStatus::StatutoryCommittee: return "a statutory committee";
    case LegalStatus::NonStatutory: return "a non-statutory body";
    default: return fmt::format("of legal status '{}'", to_string(host.status));
  }
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  // Whether each body may be reported, decided once per body rather than per link.
  std::vector<bool> unhosted(m.bodies.size());
  for (BodyIndex b = 0; b < m.bodies.size(); ++b) {
    unhosted[b] = lacks_legal_personality(m.bodies[b]) && !has_host(graph, b);
  }
  std::vector<std::vector<LinkIndex>> held(m.bodies.size());  // links whose money a body holds
  for (LinkIndex l = 0; l < m.links.size(); ++l) {
    if (graph.kind(l) != LinkKind::Funding) continue;
    const Link& link = m.links[l];
    const auto holder = link.held_by.empty() ? graph.to(l) : graph.index_of(link.held_by);
    if (holder && unhosted[*holder]) held[*holder].push_back(l);
  }
  constexpr std::size_t kShown = 5;
  for (BodyIndex b = 0; b < m.bodies.size(); ++b) {
    if (held[b].empty()) continue;
    const Body& body = m.bodies[b];
    double total = 0;
    bool all_known = true;
    std::vector<std::string> payers, evidence;
    std::unordered_set<Symbol> seen_payers;
    std::vector<Subject> subjects{ctx.body_subject(b)};
    for (LinkIndex l : held[b]) {
      const Link& link = m.links[l];
      const auto from = graph.from(l);
      const std::string payer = from ? chain::name_of(m, *from) : link.from.str();
      if (seen_payers.insert(link.from).second) {
        payers.push_back(payer);
        subjects.push_back(from ? ctx.body_subject(*from) : ctx.body_subject(link.from));
      }
      if (link.amount) total += *link.amount; else all_known = false;
      if (evidence.size() < kShown) {
        const std::string amount = chain::amount_phrase(link);
        evidence.push_back(fmt::format("{} from {}{}{}", chain::subtype_label(m, link), payer,
                                       amount.empty() ? "" : ": " + amount,
                                       link.to == body.id ? "" : ", directed by " + chain::name_of(m, link.to)));
      }
    }
    if (held[b].size() > kShown) evidence.push_back(fmt::format("and {} more payments", held[b].size() - kShown));
    const std::string sum = all_known && total > 0 ? money(total) : "money";
    std::string fix(is_pooled_fund(body)
                        ? verb(body, "no host body is named to hold it (held-by on its links, or part-of its host)",
                               "no host body is named to hold it (held-by on their links, or part-of their host)")
                        : "no body with legal personality is named to hold it (held-by or part-of)");
    if (const auto parent = graph.parent(b)) {  // a host written, but one that cannot hold money either
      fix = fmt::format("the body {} part of, {}, is {} and cannot hold it either: name one with legal personality "
                        "(held-by on the links, or part-of a statutory body)",
                        verb(body, "it is", "they are"), chain::name_of(m, *parent), host_status(m.bodies[*parent]));
    }
    ctx.report(fmt::format("{} {} {} from {}, but {} without legal personality and {}",
                           chain::name_of(m, b), verb(body, "holds", "hold"), sum, chain::join_names(payers), what_it_is(body), fix),
               std::move(subjects), m.links[held[b].front()].provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& funding_non_statutory_holder_rule() {
  static const Rule rule{
      .id = "funding-non-statutory-holder",
      .default_severity = Severity::Warning,
      .summary = "a body without legal personality holding money",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
