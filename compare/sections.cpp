#include "compare/sections.h"

#include <utility>

#include <fmt/format.h>

#include "compare/area_moves.h"
#include "engine/text.h"

namespace govmap {
namespace {

std::string body_label(const Body& b) {
  std::string label = fmt::format("{} [{}]", b.name, b.id);
  if (!b.code.empty() && b.code != b.id) label += fmt::format(" ({})", b.code);
  return label;
}

std::string link_label(const Model& m, const Link& l) {
  auto name = [&](const std::string& id) {
    const Body* b = m.find_body(id);
    return b ? b->name.str() : id;
  };
  std::string label = fmt::format("{} {} → {}", to_string(l.kind), name(l.from), name(l.to));
  if (!l.subtype.empty()) label += fmt::format(" ({})", l.subtype);
  if (l.amount) label += fmt::format(", {}", money(*l.amount));
  return label;
}

std::string field_changes(const std::vector<FieldChange>& fields) {
  std::vector<std::string> parts;
  for (const auto& f : fields) parts.push_back(fmt::format("{}: '{}' → '{}'", f.field, f.before, f.after));
  return join(parts, "; ");
}

std::string signed_change(double before, double after, bool as_money) {
  const double d = after - before;
  if (d == 0) return "";
  if (as_money) return (d > 0 ? "+" : "-") + money(d > 0 ? d : -d);
  return fmt::format("{:+}", static_cast<long long>(d));
}

int sign(double d) { return d > 0 ? 1 : d < 0 ? -1 : 0; }

}  // namespace

std::vector<MetricRow> metric_rows(const ComparisonMetrics& a, const ComparisonMetrics& b) {
  std::vector<MetricRow> rows;
  auto row = [&](const char* name, long long x, long long y) {
    rows.push_back({name, thousands(double(x)), thousands(double(y)), signed_change(double(x), double(y), false),
                    sign(double(y - x))});
  };
  row("bodies", a.bodies, b.bodies);
  row("boards and partnerships", a.boards, b.boards);
  row("board seats", a.seats, b.seats);
  row("people on several boards", a.people_on_several_boards, b.people_on_several_boards);
  row("posts on several boards", a.posts_on_several_boards, b.posts_on_several_boards);
  row("areas split between partners", a.split_areas, b.split_areas);
  row("bodies with no accountability route", a.no_accountability_route, b.no_accountability_route);
  row("findings (unsuppressed)", a.findings, b.findings);
  const bool both_stated = a.links_into_pools_stated > 0 && b.links_into_pools_stated > 0;
  rows.push_back({"money pooled", money_pooled_text(a), money_pooled_text(b),
                  both_stated ? signed_change(a.money_pooled, b.money_pooled, true) : "",
                  both_stated ? sign(b.money_pooled - a.money_pooled) : 0});
  auto share = [](const ComparisonMetrics& m) {
    return m.money_total > 0 && m.links_into_pools_stated > 0 ? percent(m.money_pooled / m.money_total) : "-";
  };
  rows.push_back({"share of stated money pooled", share(a), share(b), "", 0});
  return rows;
}

std::vector<ChangeList> structural_changes(const CheckedModel& checked_base, const ProposalComparison& p) {
  const Model& base = checked_base.model();
  const Model& prop = p.proposal.model();
  const ModelDiff& d = p.diff;
  std::vector<ChangeList> lists;
  auto add = [&](std::string title, std::vector<std::string> items) {
    if (!items.empty()) lists.push_back({std::move(title), std::move(items)});
  };
  std::vector<std::string> items;
  for (auto i : d.added_bodies) items.push_back("+ " + body_label(prop.bodies[i]) + ", " + prop.kind_label(prop.bodies[i].kind));
  add("Bodies added", std::exchange(items, {}));
  for (auto i : d.removed_bodies) items.push_back("- " + body_label(base.bodies[i]) + ", " + base.kind_label(base.bodies[i].kind));
  add("Bodies removed", std::exchange(items, {}));
  for (const auto& [b, q] : d.successions) {
    items.push_back(fmt::format("{} → {}", body_label(base.bodies[b]), body_label(prop.bodies[q])));
  }
  add("Bodies succeeded (merged, split, abolished with a successor, renamed, or replaced)", std::exchange(items, {}));
  for (const auto& ch : d.changed_bodies) {
    items.push_back("~ " + body_label(prop.bodies[ch.match.proposal]) + ": " + field_changes(ch.fields));
  }
  add("Bodies changed", std::exchange(items, {}));
  for (const auto& m : d.matches) {
    if (m.by == MatchBy::Id) continue;
    items.push_back(fmt::format("{} = {} (matched by {})", body_label(base.bodies[m.base]),
                                body_label(prop.bodies[m.proposal]), to_string(m.by)));
  }
  add("Bodies matched other than by id", std::exchange(items, {}));
  for (const auto& l : d.added_links) items.push_back("+ " + link_label(prop, prop.links[*l.proposal]));
  add("Links added", std::exchange(items, {}));
  for (const auto& l : d.removed_links) items.push_back("- " + link_label(base, base.links[*l.base]));
  add("Links removed", std::exchange(items, {}));
  for (const auto& l : d.merged_links) items.push_back("= " + link_label(base, base.links[*l.base]));
  add("Links merged into one when their bodies merged", std::exchange(items, {}));
  for (const auto& l : d.changed_links) {
    items.push_back("~ " + link_label(prop, prop.links[*l.proposal]) + ": " + field_changes(l.fields));
  }
  add("Links changed", std::exchange(items, {}));
  for (const auto& g : summarise_area_moves(d, base, prop, p.proposal.analysis->geography)) {
    const Area* area = prop.find_area(g.area);
    if (area == nullptr) area = base.find_area(g.area);
    const std::string name = area && !area->name.empty() ? fmt::format("{} ({})", area->name, g.area) : g.area;
    const std::string extent = g.whole ? (g.areas > 1 ? fmt::format("whole, {} areas", g.areas) : "whole")
                                       : fmt::format("{} of its areas, {} of its population", g.areas,
                                                     g.total > 0 ? percent(g.moved / g.total) : "?");
    // The bodies by name and id: "E54000034 → icb26-thames-valley" told a reader nothing.
    const auto bodies = [](const Model& m, const std::vector<std::string>& ids) {
      std::vector<std::string> labels;
      for (const auto& id : ids) {
        const Body* b = m.find_body(id);
        labels.push_back(b != nullptr ? fmt::format("{} [{}]", b->name, b->id) : id);
      }
      return labels.empty() ? std::string("none") : join(labels, ", ");
    };
    items.push_back(fmt::format("{} ({}), {}: {} → {}", name, extent, prop.kind_label(g.kind, true), bodies(base, g.from),
                                bodies(prop, g.to)));
  }
  add("Area assignments moved", std::exchange(items, {}));
  const auto board_label = [&](const SeatChange& s) {
    const Body* body = prop.find_body(s.body);
    if (body == nullptr) body = base.find_body(s.body);
    return body ? body_label(*body) : s.body;
  };
  for (const auto& s : d.seat_changes) {
    if (s.before == s.after && s.voting_before == s.voting_after) continue;
    std::vector<std::string> succeeded;
    for (const auto& id : s.succeeded) {
      if (id == s.body) continue;
      const Body* old_body = base.find_body(id);
      succeeded.push_back(old_body ? body_label(*old_body) : id);
    }
    items.push_back(fmt::format("{}: {} seats ({} voting) → {} seats ({} voting){}", board_label(s),
                                s.before, s.voting_before, s.after, s.voting_after,
                                succeeded.empty() ? "" : " (before: with the seats of " + join(succeeded, ", ") +
                                                             ", which it succeeds)"));
  }
  add("Board seats changed", std::exchange(items, {}));
  const auto titles = [](const Model& m, const std::vector<Symbol>& posts) {
    std::vector<std::string> out;
    for (const Symbol id : posts) {
      const Post* post = m.find_post(id);
      out.push_back(post != nullptr && !post->title.empty() ? fmt::format("{} [{}]", post->title, id) : id.str());
    }
    return out.empty() ? std::string("none") : join(out, ", ");
  };
  for (const auto& s : d.seat_changes) {
    if (s.holders_left.empty() && s.holders_joined.empty()) continue;
    items.push_back(fmt::format("{}: {} → {}", board_label(s), titles(base, s.holders_left), titles(prop, s.holders_joined)));
  }
  add("Board seats held by other posts", std::exchange(items, {}));
  return lists;
}

ChangeList claim_change_list(const CheckedModel& base, const ProposalComparison& p) {
  ChangeList list{"Claims whose outcome changes", {}};
  for (const auto& ch : claim_changes(base, p.proposal)) {
    list.items.push_back(fmt::format("{}{}: {} → {}", ch.id, ch.text.empty() ? "" : " (\"" + ch.text + "\")",
                                     ch.before, ch.after));
  }
  return list;
}

}  // namespace govmap
