// board-dual-role: someone sitting on a body and on a body that funds it or holds it to
// account. Funding and accountability links are indexed by pair of bodies once (linear); each
// holder's boards are then checked pairwise (boards per holder are few).

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "rules/seat_holders.h"
#include "rules/rule.h"

namespace govmap {
namespace {

using PairKey = std::uint64_t;

PairKey key_of(std::size_t a, std::size_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<PairKey>(a) << 32) | static_cast<PairKey>(b);
}

/// "NHS Fife funds Fife Integration Joint Board (delegated budget)".
std::string relation(const Model& m, const Link& link) {
  const Body& subject = *m.find_body(link.from);
  const std::string from = subject.name, to = m.find_body(link.to)->name;
  std::string how;
  if (link.kind == LinkKind::Funding) {
    const Labelled* mech = m.vocabulary ? m.vocabulary->mechanism(link.subtype) : nullptr;
    how = mech != nullptr ? mech->label : link.subtype.str();
    if (link.amount) how += ", " + money(*link.amount);
    return fmt::format("{} {} {}{}", from, verb(subject, "funds", "fund"), to, how.empty() ? "" : " (" + how + ")");
  }
  const Labelled* kind = m.vocabulary ? m.vocabulary->accountability_kind(link.subtype) : nullptr;
  how = kind != nullptr ? kind->label : link.subtype.str();
  return fmt::format("{} {} to {}{}", from, verb(subject, "answers", "answer"), to, how.empty() ? "" : " (" + how + ")");
}

/// The body in a link that has the upper hand: the funder, or the body answered to.
const std::string& overseer(const Link& link) {
  return link.kind == LinkKind::Funding ? link.from : link.to;
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  const std::vector<board::Holder> holders = board::seats_by_holder(m);
  std::vector<bool> held(m.bodies.size(), false);  // bodies with a named seat holder
  for (const board::Holder& holder : holders) {
    for (std::size_t s : holder.seats) {
      if (auto b = m.body_index.find(m.seats[s].body); b != m.body_index.end()) held[b->second] = true;
    }
  }
  std::unordered_map<PairKey, std::vector<std::size_t>> links;
  for (std::size_t l = 0; l < m.links.size(); ++l) {
    const LinkKind kind = graph.kind(l);  // read beside the graph, not from each Link
    if (kind != LinkKind::Funding && kind != LinkKind::Accountability) continue;
    const auto from = graph.from(l), to = graph.to(l);
    if (!from || !to || !held[*from] || !held[*to] || *from == *to) continue;
    links[key_of(*from, *to)].push_back(l);
  }
  for (const board::Holder& holder : holders) {
    std::vector<std::pair<std::size_t, std::size_t>> seat_on;  // (body, first seat)
    for (std::size_t s : holder.seats) {
      auto b = m.body_index.find(m.seats[s].body);
      if (b == m.body_index.end() || !board::is_board_kind(m.bodies[b->second])) continue;
      if (std::none_of(seat_on.begin(), seat_on.end(), [&](const auto& p) { return p.first == b->second; })) {
        seat_on.emplace_back(b->second, s);
      }
    }
    for (std::size_t i = 0; i < seat_on.size(); ++i) {
      for (std::size_t j = i + 1; j < seat_on.size(); ++j) {
        auto found = links.find(key_of(seat_on[i].first, seat_on[j].first));
        if (found == links.end()) continue;
        // Several people hold a shared post: only its own body is certainly shared with each.
        if (holder.shared && m.bodies[seat_on[i].first].id != holder.of && m.bodies[seat_on[j].first].id != holder.of) {
          continue;
        }
        const Link& first = m.links[found->second.front()];
        const std::size_t top = m.bodies[seat_on[i].first].id == overseer(first) ? i : j;
        const std::size_t other = top == i ? j : i;
        std::vector<std::string> evidence{board::seat_words(m, m.seats[seat_on[other].second]),
                                          board::seat_words(m, m.seats[seat_on[top].second])};
        std::vector<std::string> relations;
        for (std::size_t l : found->second) relations.push_back(relation(m, m.links[l]));
        std::vector<Subject> subjects{board::holder_subject(holder), ctx.body_subject(seat_on[other].first),
                                      ctx.body_subject(seat_on[top].first)};
        // Seats with an id and the post template are subjects too, so a <suppress> naming a
        // kind-level seat or a post template accepts the dual roles the law requires, once.
        for (std::size_t s : {seat_on[other].second, seat_on[top].second}) {
          if (!m.seats[s].id.empty()) subjects.push_back({"seat", m.seats[s].id, board::seat_words(m, m.seats[s]), "", ""});
        }
        if (const Post* post = board::post_of(m, holder); post != nullptr && !post->from_template.empty()) {
          subjects.push_back({"post-template", post->from_template, "", "", ""});
        }
        ctx.report(fmt::format("{} sits on both {} and {}, and {}", board::holder_words(holder),
                               m.bodies[seat_on[other].first].name, m.bodies[seat_on[top].first].name,
                               fmt::join(relations, "; ")),
                   std::move(subjects),
                   m.seats[seat_on[top].second].provenance.location, std::move(evidence));
      }
    }
  }
}

}  // namespace

const Rule& board_dual_role_rule() {
  static const Rule rule{
      .id = "board-dual-role",
      .default_severity = Severity::Warning,
      .summary = "someone sitting on a body and on a body that funds it or holds it to account",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
