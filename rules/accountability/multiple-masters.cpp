// accountability-multiple-masters: a body answering to several bodies for the same thing
// (the same kind of accountability, or overlapping functions) where those bodies do not
// answer to one another. Linear in links: each body's accountability links are grouped once,
// and each master's chain is followed upwards once, at most kMaxAbove bodies.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

constexpr std::size_t kMaxAbove = 32;

/// Which kinds of accountability count, as the options say. Kinds are compared as symbols (an
/// integer each, asked once per link).
struct Counted {
  explicit Counted(const RuleContext& ctx)
      : regulatory(ctx.option("include-regulatory") != 0), have_regard(ctx.option("include-have-regard") != 0) {}
  bool operator()(Symbol kind) const {
    if (kind == kRegulatory || kind == kAudit) return regulatory;
    if (kind == kHaveRegard) return have_regard;
    return true;
  }
  bool regulatory, have_regard;
  const Symbol kRegulatory{"regulatory"}, kAudit{"audit"}, kHaveRegard{"have-regard"};
};

/// The masters of one group that answer to no other master of the group; nullopt when a
/// chain was too long to follow (then the rule stays silent).
std::optional<std::vector<BodyIndex>> top_masters(const std::vector<BodyIndex>& masters,
                                                  chain::ChainsAbove& chains) {
  std::vector<BodyIndex> tops;
  for (BodyIndex master : masters) {
    const auto* above = chains.above(master);
    if (above == nullptr) return std::nullopt;
    const bool layered = std::any_of(masters.begin(), masters.end(), [&](BodyIndex other) {
      return other != master && std::binary_search(above->begin(), above->end(), other);
    });
    if (!layered) tops.push_back(master);
  }
  return tops;
}

/// Whether the counted links go to at least two bodies other than `b` (else no group of what it
/// answers for can have two masters).
bool answers_to_several(const Graph& graph, BodyIndex b, const std::vector<LinkIndex>& links, const Counted& counted) {
  std::optional<BodyIndex> first;
  for (LinkIndex l : links) {
    const auto to = graph.to(l);
    if (!to || *to == b || !counted(graph.model().links[l].subtype)) continue;
    if (first && *first != *to) return true;
    first = to;
  }
  return false;
}

void check(const RuleContext& ctx) {
  const Graph& graph = ctx.graph();
  const Model& m = ctx.model();
  const Counted counted(ctx);
  chain::ChainsAbove chains(graph, kMaxAbove);
  std::unordered_map<Symbol, Symbol> labels;  // accountability kind -> its label
  // Reused for every body: its accountability links, the kinds it has a link for that names no
  // function, and what it answers for (a function, or the label of a kind of accountability)
  // with the distinct bodies it answers to for it. A body has few of each: found by integer
  // compares, not by maps.
  std::vector<LinkIndex> links;
  std::vector<Symbol> unscoped;
  std::vector<std::pair<Symbol, std::vector<BodyIndex>>> groups;
  for (BodyIndex b = 0; b < m.bodies.size(); ++b) {
    // A figure-level box ("GP practices", count 928) stands for many bodies, each of which may
    // answer to a different one of its masters: stay silent.
    if (m.bodies[b].count > 1) continue;
    graph.out_links(b, LinkKind::Accountability, links);
    if (!answers_to_several(graph, b, links, counted)) continue;
    unscoped.clear();
    for (LinkIndex l : links) {
      const Link& link = m.links[l];
      if (!counted(link.subtype) || !link.functions.empty()) continue;
      if (std::find(unscoped.begin(), unscoped.end(), link.subtype) == unscoped.end()) {
        unscoped.push_back(link.subtype);
      }
    }
    groups.clear();
    const auto add = [&](Symbol what, BodyIndex master) {
      const auto named = [&](const auto& g) { return g.first == what; };
      auto group = std::find_if(groups.begin(), groups.end(), named);
      if (group == groups.end()) group = groups.insert(groups.end(), {what, {}});
      auto& list = group->second;
      if (std::find(list.begin(), list.end(), master) == list.end()) list.push_back(master);
    };
    for (LinkIndex l : links) {
      const Link& link = m.links[l];
      const auto to = graph.to(l);
      if (!to || *to == b || !counted(link.subtype)) continue;
      for (const auto& f : link.functions) add(f, *to);
      if (std::find(unscoped.begin(), unscoped.end(), link.subtype) == unscoped.end()) continue;
      auto label = labels.find(link.subtype);
      if (label == labels.end()) {
        label = labels.emplace(link.subtype, Symbol(chain::subtype_label(m, link))).first;
      }
      add(label->second, *to);
    }
    // In text order, as a map by the text had them.
    std::sort(groups.begin(), groups.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    // Groups with the same top masters are one problem: name them together.
    std::map<std::vector<BodyIndex>, std::vector<std::string>> problems;  // few per body
    bool unsure = false;
    for (const auto& [what, masters] : groups) {
      if (masters.size() < 2) continue;
      const auto tops = top_masters(masters, chains);
      if (!tops) unsure = true;
      if (tops && tops->size() >= 2) problems[*tops].push_back(what);
    }
    if (problems.empty() || unsure) continue;
    std::vector<std::string> evidence;
    std::vector<Subject> subjects{ctx.body_subject(b)};
    for (const auto& [tops, whats] : problems) {
      std::vector<std::string> names;
      for (BodyIndex t : tops) {
        names.push_back(chain::name_of(m, t));
        subjects.push_back(ctx.body_subject(t));
      }
      evidence.push_back(fmt::format("{}: answers to {}", chain::join_names(whats, 6),
                                     chain::join_names(names, 6)));
    }
    // Subjects: the body, then each master once.
    std::sort(subjects.begin() + 1, subjects.end(), [](const Subject& x, const Subject& y) { return x.id < y.id; });
    subjects.erase(std::unique(subjects.begin() + 1, subjects.end(),
                               [](const Subject& x, const Subject& y) { return x.id == y.id; }),
                   subjects.end());
    const auto& [tops, whats] = *problems.begin();
    std::vector<std::string> names;
    for (BodyIndex t : tops) names.push_back(chain::name_of(m, t));
    ctx.report(fmt::format("{} answers to {} ({}), and {} answers to the other{}", chain::name_of(m, b),
                           chain::join_names(names), chain::join_names(whats),
                           tops.size() == 2 ? "neither" : "none of them",
                           tops.size() == 2 ? "" : "s"),
               std::move(subjects), m.bodies[b].provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& accountability_multiple_masters_rule() {
  static const Rule rule{
      .id = "accountability-multiple-masters",
      .default_severity = Severity::Warning,
      .summary = "a body answering to several bodies for the same thing",
      .options = {
          {.name = "include-regulatory",
           .default_value = 0,
           .help = "1 to count regulatory and audit accountability (normally many inspectors are "
                   "expected)"},
          {.name = "include-have-regard",
           .default_value = 0,
           .help = "1 to count duties to have regard to another body's plans"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
