#include "render/view_builder.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "engine/text.h"
#include "render/labels.h"
#include "render/style.h"

namespace govmap {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Group {
  std::string id, kind, sector, tier;
  LegalStatus status = LegalStatus::Statutory;
  std::vector<std::size_t> members;
  long long count = 0;
};

int tier_rank(const Model& m, const std::string& tier) {
  const Tier* t = m.vocabulary ? m.vocabulary->tier(tier) : nullptr;
  return t == nullptr ? 1000 : t->rank;
}

int sector_rank(const Model& m, const std::string& sector) {
  if (!m.vocabulary) return 0;
  const auto& sectors = m.vocabulary->sectors;
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    if (sectors[i].id == sector) return static_cast<int>(i);
  }
  return static_cast<int>(sectors.size());
}

std::string tier_of(const Model& m, const Body& b) {
  const BodyKind* k = m.vocabulary ? m.vocabulary->body_kind(b.kind) : nullptr;
  return k == nullptr ? std::string() : k->tier;
}

// A government kind (sector "government") with at most this many selected bodies, each one
// organisation (count 1), keeps a box per body in an aggregated figure: two departments are two
// lines of accountability (the NAO's DH and DCLG), not "Government departments (2)".
constexpr std::size_t kFewBodies = 3;

// Groups the selected bodies: one per body, or one per kind (split by status only when a
// kind's bodies differ in status), except a few government bodies of one kind.
std::vector<Group> make_groups(const Model& m, const Selection& s, std::vector<std::size_t>& group_of) {
  struct KindSeen {
    std::set<LegalStatus> statuses;
    std::size_t bodies = 0;
    bool aggregates = false;  // a body standing for several (count other than 1)
  };
  std::map<std::string, KindSeen> kinds;
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    if (!s.bodies[i]) continue;
    KindSeen& k = kinds[m.bodies[i].kind];
    k.statuses.insert(m.bodies[i].status);
    ++k.bodies;
    k.aggregates = k.aggregates || m.bodies[i].count != 1;
  }
  std::vector<Group> groups;
  std::map<std::string, std::size_t> by_id;
  group_of.assign(m.bodies.size(), kNone);
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    if (!s.bodies[i]) continue;
    const Body& b = m.bodies[i];
    std::string id = "body-" + b.id;
    const KindSeen& k = kinds[b.kind];
    const bool few_apart = b.sector == "government" && k.bodies > 1 && k.bodies <= kFewBodies && !k.aggregates;
    if (s.aggregate && !few_apart && s.apart.count(b.id) == 0) {
      id = "kind-" + b.kind;
      if (k.statuses.size() > 1) id += fmt::format("-{}", to_string(b.status));
    }
    auto [it, added] = by_id.emplace(id, groups.size());
    if (added) groups.push_back({id, b.kind, b.sector, tier_of(m, b), b.status, {}, 0});
    groups[it->second].members.push_back(i);
    groups[it->second].count += b.count;
    group_of[i] = it->second;
  }
  return groups;
}

std::string group_label(const Model& m, const Selection& s, const Group& g) {
  std::string label;
  const Body& first = m.bodies[g.members.front()];
  if (!s.aggregate) {
    label = wrap_text(first.name, 24) + "\n" + wrap_text(m.kind_label(first.kind), 28);
    if (first.count > 1) label += fmt::format(" ({})", first.count);
  } else if (g.members.size() == 1 && g.count == 1) {
    label = wrap_text(first.name, 24);
  } else {
    label = wrap_text(fmt::format("{} ({})", m.kind_label(g.kind, true), g.count), 24);
  }
  const std::string suffix = status_suffix(g.status);
  return suffix.empty() ? label : label + "\n" + suffix;
}

// Findings per body id, as "[rule] message" lines, for unsuppressed findings.
std::map<std::string, std::vector<std::string>> findings_by_body(const Selection& s) {
  std::map<std::string, std::vector<std::string>> out;
  if (s.findings == nullptr) return out;
  for (const auto& f : *s.findings) {
    if (f.suppressed) continue;
    for (const auto& subject : f.subjects) {
      if (subject.type == "body") {
        out[subject.id].push_back(fmt::format("[{} {}] {}", to_string(f.severity), f.rule, f.message));
      }
    }
  }
  return out;
}

DiagramNode make_node(const Model& m, const Selection& s, const Group& g,
                      const std::map<std::string, std::vector<std::string>>& findings, LegendUse& use) {
  DiagramNode n;
  n.id = g.id;
  n.tier = g.tier;
  n.label = group_label(m, s, g);
  n.attributes = sector_style(g.sector);
  for (const auto& [name, value] : status_style(g.status)) {
    n.attributes[name] = name == "style" ? n.attributes[name] + "," + value : value;
  }
  std::vector<std::string> found;
  std::vector<const Body*> members;
  for (std::size_t i : g.members) {
    members.push_back(&m.bodies[i]);
    const auto it = findings.find(m.bodies[i].id);
    if (it != findings.end()) found.insert(found.end(), it->second.begin(), it->second.end());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  n.attributes["tooltip"] = node_tooltip(m, members, g.count, found);
  std::string classes = fmt::format("{} kind-{} status-{} sector-{}", s.aggregate ? "kind" : "body", g.kind,
                                    to_string(g.status), g.sector);
  if (!found.empty()) {
    for (const auto& [name, value] : findings_style()) n.attributes[name] = value;
    n.label = fmt::format("\u26A0 {} finding{}\n{}", found.size(), found.size() == 1 ? "" : "s", n.label);
    classes += " has-findings";
    use.findings = true;
  }
  n.attributes["class"] = classes;
  return n;
}

struct EdgeKey {
  int kind;
  std::string from, to;
  bool operator<(const EdgeKey& o) const { return std::tie(kind, from, to) < std::tie(o.kind, o.from, o.to); }
};

int kind_order(LinkKind kind) {
  int i = 0;
  for (LinkKind k : kAllLinkKinds) {
    if (k == kind) return i;
    ++i;
  }
  return i;
}

std::vector<std::string> collect_sources(const Model& m, const Selection& s, const std::vector<std::size_t>& group_of) {
  std::map<std::string, int> cited;
  for (const auto& id : m.model_sources) cited[id] += 1000;  // the model's own sources first
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    if (group_of[i] == kNone) continue;
    for (const auto& id : m.bodies[i].provenance.sources) ++cited[id];
  }
  for (const auto& link : m.links) {
    const auto from = m.body_index.find(link.from), to = m.body_index.find(link.to);
    if (from == m.body_index.end() || to == m.body_index.end()) continue;
    if (!s.link_kinds.count(link.kind) || group_of[from->second] == kNone || group_of[to->second] == kNone) continue;
    for (const auto& id : link.provenance.sources) ++cited[id];
  }
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [id, n] : cited) order.emplace_back(-n, id);
  std::sort(order.begin(), order.end());
  std::vector<std::string> ids;
  for (const auto& [n, id] : order) ids.push_back(id);
  return ids;
}

// Partnerships share the local tier with the commissioners they join; drawn in one row, their
// many links run sideways and their labels pile up. They get a row of their own below.
void split_partnership_row(Diagram& d, const std::vector<Group>& groups) {
  constexpr const char* kTier = "local";
  std::set<std::string> partnerships;
  bool others = false;
  for (const auto& g : groups) {
    if (g.tier != kTier) continue;
    if (g.sector == "partnership") partnerships.insert(g.id);
    else others = true;
  }
  if (partnerships.empty() || !others) return;
  for (auto& n : d.nodes) {
    if (partnerships.count(n.id)) n.tier = "local-partnerships";
  }
  for (std::size_t i = 0; i < d.tiers.size(); ++i) {
    if (d.tiers[i].id != kTier) continue;
    d.tiers[i].label = "Local commissioners";
    d.tiers.insert(d.tiers.begin() + static_cast<std::ptrdiff_t>(i) + 1, {"local-partnerships", "Local partnerships"});
    break;
  }
}

// A box with no drawn link, left in its tier, floats among the others as if its links had been
// forgotten. Such boxes get a last row of their own that says so.
void move_unlinked_to_own_row(Diagram& d, const std::set<std::string>& linked) {
  if (d.edges.empty()) return;
  bool any = false;
  for (auto& n : d.nodes) {
    if (linked.count(n.id)) continue;
    n.tier = "not-linked";
    any = true;
  }
  if (any) d.tiers.push_back({"not-linked", "Not linked in this model"});
}

}  // namespace

std::size_t kind_group_count(const Model& model, const std::vector<bool>& bodies) {
  std::set<std::string> kinds;
  for (std::size_t i = 0; i < model.bodies.size(); ++i) {
    if (bodies[i]) kinds.insert(model.bodies[i].kind);
  }
  return kinds.size();
}

Diagram build_diagram(const Model& m, const Selection& s) {
  Diagram d;
  d.title = s.title;
  d.subtitle = s.subtitle;
  d.notes = s.notes;
  std::vector<std::size_t> group_of;
  std::vector<Group> groups = make_groups(m, s, group_of);

  // Edges: one per (kind, from group, to group); parallel links become lines of its label.
  std::map<EdgeKey, std::vector<std::size_t>> edges;
  std::size_t internal = 0;
  for (std::size_t i = 0; i < m.links.size(); ++i) {
    const Link& link = m.links[i];
    if (!s.link_kinds.count(link.kind)) continue;
    const auto from = m.body_index.find(link.from), to = m.body_index.find(link.to);
    if (from == m.body_index.end() || to == m.body_index.end()) continue;
    const std::size_t a = group_of[from->second], b = group_of[to->second];
    if (a == kNone || b == kNone) continue;
    if (a == b) {
      ++internal;
      continue;
    }
    edges[{kind_order(link.kind), groups[a].id, groups[b].id}].push_back(i);
  }
  if (internal > 0 && s.aggregate) {
    d.notes.push_back(fmt::format("{} link{} between bodies of the same kind not drawn", internal,
                                  internal == 1 ? "" : "s"));
  }
  std::set<std::string> linked;
  LegendUse use;
  for (const auto& [key, links] : edges) {
    const LinkKind kind = m.links[links.front()].kind;
    DiagramEdge e;
    e.from = key.from;
    e.to = key.to;
    e.attributes = link_style(kind);
    const std::string label = edge_label(m, links, s.aggregate);
    if (!label.empty()) {
      e.attributes["label"] = label;
      // Underline the words and join them to their arrow: two labels placed side by side
      // ("Statutory duty Democratic (elections)") otherwise read as one.
      e.attributes["decorate"] = "true";
    }
    e.attributes["tooltip"] = edge_tooltip(m, links);
    e.attributes["class"] = fmt::format("link link-{}", to_string(kind));
    if (std::none_of(links.begin(), links.end(), [&](std::size_t l) { return m.links[l].operating(); })) {
      // Present in law but not operating at this date: drawn dashed and grey, with the period
      // in its label and the reason in its tooltip (a paragraph on the figure crowds its arrows).
      e.attributes["style"] = "dashed";
      e.attributes["color"] = "#999999";
      e.attributes["fontcolor"] = "#595959";  // 7:1 on white, as every label must reach 4.5:1
      const Provenance& period = m.links[links.front()].not_operating.front().provenance;
      e.attributes["label"] += fmt::format("{}not operating\n{}", label.empty() ? "" : "\n",
                                           period_text(period.since, period.until));
      e.attributes["class"] += " link-not-operating";
      use.not_operating = true;
    }
    e.attributes["id"] = fmt::format("link-{}-{}-{}", to_string(kind), key.from, key.to);
    if (kind != LinkKind::Funding && kind != LinkKind::Accountability) e.attributes["weight"] = "0";
    d.edges.push_back(std::move(e));
    linked.insert(key.from);
    linked.insert(key.to);
  }
  use.link_kinds = s.link_kinds;

  const auto findings = findings_by_body(s);
  std::vector<std::pair<std::tuple<int, int, std::string>, DiagramNode>> nodes;
  for (const auto& g : groups) {
    if (s.drop_unlinked && !linked.count(g.id)) continue;
    DiagramNode n = make_node(m, s, g, findings, use);
    nodes.push_back({{tier_rank(m, g.tier), sector_rank(m, g.sector), n.id}, std::move(n)});
  }
  std::sort(nodes.begin(), nodes.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [key, n] : nodes) d.nodes.push_back(std::move(n));

  if (m.vocabulary) {
    std::vector<Tier> tiers = m.vocabulary->tiers;
    std::stable_sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) { return a.rank < b.rank; });
    for (const auto& t : tiers) d.tiers.push_back({t.id, t.label});
  }
  split_partnership_row(d, groups);
  if (!s.drop_unlinked) move_unlinked_to_own_row(d, linked);
  d.legend = build_legend(m, use);
  d.caption = source_line(m, collect_sources(m, s, group_of), d.notes);
  // Bounded layout effort: network simplex and crossing minimisation stop early on big graphs.
  d.graph_attributes = {{"nslimit", "4"}, {"nslimit1", "4"}, {"mclimit", "0.6"}, {"searchsize", "40"},
                        {"splines", d.nodes.size() > 60 ? "polyline" : "spline"}};
  return d;
}

}  // namespace govmap
