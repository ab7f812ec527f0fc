// accountability-cycle: accountability that loops back on itself. Each strongly connected
// group of bodies (Graph::cycles) is one finding; a breadth-first search inside the group
// from its first body finds the shortest loop to print in order. Linear in bodies + links.

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// The shortest loop of accountability links from `start` back to it, staying inside
/// `group`: the links in order.
std::vector<LinkIndex> shortest_loop(const Graph& graph, const std::vector<BodyIndex>& group,
                                     BodyIndex start) {
  const Model& m = graph.model();
  std::unordered_map<BodyIndex, LinkIndex> reached_by;  // body -> link that first reached it
  std::unordered_map<BodyIndex, bool> in_group;
  for (BodyIndex b : group) in_group[b] = true;
  std::vector<BodyIndex> queue{start};
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const BodyIndex v = queue[head];
    for (LinkIndex l : graph.out_links(v, LinkKind::Accountability)) {
      if (!m.links[l].operating()) continue;  // a paused line is no part of a loop (as in cycles())
      const auto w = graph.to(l);
      if (!w || !in_group.count(*w) || reached_by.count(*w)) continue;
      reached_by[*w] = l;
      if (*w == start) {
        std::vector<LinkIndex> loop;
        for (BodyIndex at = start;;) {
          const LinkIndex back = reached_by.at(at);
          loop.push_back(back);
          at = *graph.from(back);
          if (at == start) break;
        }
        std::reverse(loop.begin(), loop.end());
        return loop;
      }
      queue.push_back(*w);
    }
  }
  return {};
}

void check(const RuleContext& ctx) {
  const Graph& graph = ctx.graph();
  const Model& m = ctx.model();
  for (const auto& group : graph.cycles(LinkKind::Accountability)) {
    const BodyIndex start = group.front();
    const std::vector<LinkIndex> loop = shortest_loop(graph, group, start);
    if (loop.empty()) continue;  // cannot happen for a cycle; stay silent rather than guess
    std::vector<std::string> evidence;
    std::string path = chain::name_of(m, start);
    std::vector<Subject> subjects;
    for (LinkIndex l : loop) {
      const Link& link = m.links[l];
      subjects.push_back(ctx.body_subject(link.from));
      path += " -> " + chain::name_of(m, link.to);
      evidence.push_back(fmt::format("{} {} to {} ({})", chain::name_of(m, link.from),
                                     verb(m, link.from, "answers", "answer"), chain::name_of(m, link.to),
                                     chain::subtype_label(m, link)));
    }
    std::string message;
    if (loop.size() == 1) {
      const Body& body = m.bodies[start];
      message = fmt::format("{} {} recorded as answering to {}", chain::name_of(m, start), verb(body, "is", "are"),
                            verb(body, "itself", "themselves"));
    } else {
      message = fmt::format("accountability loops back on itself: {}", path);
    }
    if (group.size() > loop.size()) {
      std::vector<BodyIndex> on_loop;
      for (LinkIndex l : loop) on_loop.push_back(*graph.from(l));
      std::sort(on_loop.begin(), on_loop.end());
      std::vector<std::string> others;
      for (BodyIndex b : group) {
        if (std::binary_search(on_loop.begin(), on_loop.end(), b)) continue;
        others.push_back(chain::name_of(m, b));
        subjects.push_back(ctx.body_subject(b));
      }
      evidence.push_back(fmt::format("{} caught in the same loops: {}",
                                     plural(static_cast<long long>(others.size()), "other body is", "other bodies are"),
                                     chain::join_names(others)));
    }
    ctx.report(std::move(message), std::move(subjects), m.links[loop.front()].provenance.location,
               std::move(evidence));
  }
}

}  // namespace

const Rule& accountability_cycle_rule() {
  static const Rule rule{
      .id = "accountability-cycle",
      .default_severity = Severity::Warning,
      .summary = "accountability that loops back on itself",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
