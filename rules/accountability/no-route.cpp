// accountability-no-route: a body with no chain of accountability to an elected body.
// One backwards search from the elected bodies (linear), then a memoised walk up one chain
// per body to say where its accountability ends (linear).

#include <fmt/format.h>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// Kinds and sectors the rule names, as symbols, compared with each body's as integers (made on
/// first use, once the model is read, so the model's own symbols are numbered as without it).
Symbol electorate() { static const Symbol s("electorate"); return s; }
Symbol legislature() { static const Symbol s("legislature"); return s; }
Symbol public_sector() { static const Symbol s("public"); return s; }

/// Bodies the rule does not ask to answer to anyone: the public, legislatures, and bodies
/// that do not (or no longer) exist as bodies.
bool exempt(const Body& b) {
  return b.kind == electorate() || b.sector == public_sector() || b.kind == legislature() ||
         b.status == LegalStatus::None || b.status == LegalStatus::Abolished;
}

/// Where accountability can end well: elected bodies, the electorate, legislatures.
bool answers_to_voters(const Body& b) {
  return b.elected || b.kind == electorate() || b.kind == legislature();
}

bool is_contract(const Link& l) {
  return l.kind == LinkKind::Commissioning ||
         (l.kind == LinkKind::Funding && (l.subtype == "contract" || l.subtype == "gp-contract"));
}

/// For every body, whether a chain of accountability links, part-of relations, or (for a
/// contractor) a contract with a commissioner leads to a body answering to voters.
std::vector<bool> routes_to_voters(const Graph& graph) {
  const Model& m = graph.model();
  const std::size_t n = m.bodies.size();
  std::vector<std::vector<BodyIndex>> parts(n);
  for (BodyIndex b = 0; b < n; ++b) {
    if (auto p = graph.parent(b)) parts[*p].push_back(b);
  }
  // Contractors, found once per body: a link's own record is then read only when it may be a
  // contract with one.
  std::vector<bool> contractor(n);
  for (BodyIndex b = 0; b < n; ++b) contractor[b] = m.bodies[b].status == LegalStatus::Contractor;
  std::vector<bool> route(n, false);
  std::vector<BodyIndex> stack;
  const auto mark = [&](std::optional<BodyIndex> b) {
    if (b && !route[*b]) route[*b] = true, stack.push_back(*b);
  };
  for (BodyIndex b = 0; b < n; ++b) {
    if (answers_to_voters(m.bodies[b])) mark(b);
  }
  while (!stack.empty()) {
    const BodyIndex v = stack.back();
    stack.pop_back();
    for (LinkIndex l : graph.in_links(v)) {
      if (graph.kind(l) == LinkKind::Accountability && graph.operating(l)) mark(graph.from(l));
    }
    for (BodyIndex child : parts[v]) mark(child);
    for (LinkIndex l : graph.out_links(v)) {
      const LinkKind kind = graph.kind(l);
      if (kind != LinkKind::Commissioning && kind != LinkKind::Funding) continue;  // no contract
      const auto to = graph.to(l);
      if (to && !route[*to] && contractor[*to] && is_contract(m.links[l])) mark(to);
    }
  }
  return route;
}

/// "NHS Fife (performance management)" for each body `body` answers to, in order.
std::vector<std::string> masters_with_kind(const Graph& graph, BodyIndex body,
                                           std::span<const std::uint32_t> direct) {
  const Model& m = graph.model();
  const auto links = graph.out_links(body, LinkKind::Accountability);
  std::vector<std::string> named;
  for (BodyIndex master : direct) {
    std::string how(verb(m.bodies[body], "it is part of it", "they are part of it"));
    for (LinkIndex l : links) {
      if (graph.to(l) == master) {
        how = chain::subtype_label(m, m.links[l]);
        break;
      }
    }
    named.push_back(fmt::format("{} ({})", chain::name_of(m, master), how));
  }
  return named;
}

void check(const RuleContext& ctx) {
  const Graph& graph = ctx.graph();
  const Model& m = ctx.model();
  const std::vector<bool> route = routes_to_voters(graph);
  constexpr std::size_t kMaxSteps = 8;
  for (BodyIndex b = 0; b < m.bodies.size(); ++b) {
    if (route[b] || exempt(m.bodies[b])) continue;
    const auto direct = graph.masters(b);
    const std::vector<std::string> named = masters_with_kind(graph, b, direct);
    // Follow the first line upwards to show where it stops.
    std::vector<BodyIndex> path{b};
    std::string ending;
    while (path.size() <= kMaxSteps) {
      const auto next = graph.masters(path.back());
      if (next.empty()) {
        ending = fmt::format("which {} to no other body in the model", verb(m.bodies[path.back()], "answers", "answer"));
        break;
      }
      if (std::find(path.begin(), path.end(), next.front()) != path.end()) {
        ending = fmt::format("which {} back to {}: the chain loops", verb(m.bodies[path.back()], "answers", "answer"),
                             chain::name_of(m, next.front()));
        break;
      }
      path.push_back(next.front());
    }
    std::vector<std::string> steps;
    for (BodyIndex p : path) steps.push_back(chain::name_of(m, p));
    std::string message;
    std::vector<std::string> evidence;
    const Body& body = m.bodies[b];
    const std::string subject = fmt::format("{} {} no chain of accountability to an elected body: {}",
                                            chain::name_of(m, b), verb(body, "has", "have"),
                                            verb(body, "it answers", "they answer"));
    if (direct.empty()) {
      message = subject + " to no other body in the model";
    } else {
      message = fmt::format("{} to {}", subject, chain::join_names(named));
      std::string shown;
      for (const auto& s : steps) shown += (shown.empty() ? "" : " -> ") + s;
      evidence.push_back(fmt::format("chain followed: {}, {}", shown,
                                     path.size() > kMaxSteps ? "and further" : ending));
    }
    for (LinkIndex l : graph.out_links(b, LinkKind::Accountability)) {
      const Link& link = m.links[l];
      if (link.operating()) continue;
      evidence.push_back(fmt::format("not counted: its {} accountability to {} is {}", chain::subtype_label(m, link),
                                     chain::name_of(m, link.to), link.not_operating_text()));
    }
    ctx.report(std::move(message), {ctx.body_subject(b)}, m.bodies[b].provenance.location,
               std::move(evidence));
  }
}

}  // namespace

const Rule& accountability_no_route_rule() {
  static const Rule rule{
      .id = "accountability-no-route",
      .default_severity = Severity::Warning,
      .summary = "a body with no chain of accountability to an elected body",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
