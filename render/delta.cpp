#include "render/delta.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "render/labels.h"
#include "render/views.h"

namespace govmap {
namespace {

// One colour per change state, none of them a link kind's (style.cpp), each at least 4.5:1
// against white so the words in them are legible; unchanged arrows are drawn light grey.
constexpr const char* kAdded = "#C0007A";      // magenta
constexpr const char* kRemoved = "#767676";    // grey, always dashed
constexpr const char* kChanged = "#8A5A00";    // dark amber
constexpr const char* kUnchangedLine = "#BBBBBB";
constexpr const char* kUnchangedText = "#595959";

// What an arrow is, in words: its kind from its "link link-<kind>" class.
std::string kind_words(const DiagramEdge& e) {
  auto it = e.attributes.find("class");
  const std::string cls = it == e.attributes.end() ? "" : it->second;
  const auto at = cls.find("link-");
  return at == std::string::npos ? "link" : cls.substr(at + 5);
}

std::string edge_key(const DiagramEdge& e) {
  auto it = e.attributes.find("class");
  return e.from + "\n" + e.to + "\n" + (it == e.attributes.end() ? "" : it->second);
}

// The legal status a box shows, from its "status-<status>" class.
std::string status_of(const DiagramNode& n) {
  auto it = n.attributes.find("class");
  if (it == n.attributes.end()) return {};
  const auto at = it->second.find("status-");
  if (at == std::string::npos) return {};
  const auto end = it->second.find(' ', at);
  return it->second.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
}

void mark(Attributes& a, const char* colour, const char* style) {
  // A colour list ("c:invis:c") draws parallel lines (delegation); keep the pattern.
  a["color"] = a["color"].find(':') == std::string::npos ? std::string(colour) : fmt::format("{}:invis:{}", colour, colour);
  a["fontcolor"] = colour;
  a["penwidth"] = "2.5";
  if (style != nullptr) a["style"] = style;
}

// "added: accountability" then the arrow's own words, if any.
void state_label(Attributes& a, const std::string& state, const DiagramEdge& e) {
  const std::string label = a["label"];
  a["label"] = state + " " + kind_words(e) + (label.empty() ? "" : ":\n" + label);
}

// The tier rows of both figures: the proposal's, with each tier only the baseline has placed
// after the tier that precedes it in the baseline.
std::vector<DiagramTier> union_tiers(const Diagram& before, const Diagram& after) {
  std::vector<DiagramTier> tiers = after.tiers;
  auto position = [&](const std::string& id) {
    return std::find_if(tiers.begin(), tiers.end(), [&](const DiagramTier& t) { return t.id == id; });
  };
  for (std::size_t i = 0; i < before.tiers.size(); ++i) {
    if (position(before.tiers[i].id) != tiers.end()) continue;
    const auto at = i == 0 ? tiers.begin() : std::next(position(before.tiers[i - 1].id));
    tiers.insert(at, before.tiers[i]);
  }
  return tiers;
}

// A box or arrow of the other figure, kept for its size and place but drawn as nothing.
Attributes placeholder(Attributes a, const std::string& id) {
  for (const char* drawn : {"tooltip", "URL", "href", "target", "class"}) a.erase(drawn);
  a["style"] = "invis";
  a["id"] = "slot-" + id;
  return a;
}

// `own` in the order of `order`: each of order's nodes taken from `own` where it has it, else a
// placeholder of it. Nodes of `own` that `order` lacks are not expected (order is a superset).
std::vector<DiagramNode> nodes_in_order(const std::vector<DiagramNode>& order, const std::vector<DiagramNode>& own) {
  std::map<std::string, const DiagramNode*> by_id;
  for (const auto& n : own) by_id[n.id] = &n;
  std::vector<DiagramNode> nodes;
  for (const auto& n : order) {
    const auto it = by_id.find(n.id);
    if (it != by_id.end()) {
      nodes.push_back(*it->second);
    } else {
      nodes.push_back({n.id, n.label, n.tier, placeholder(n.attributes, n.id)});
    }
  }
  return nodes;
}

std::vector<DiagramEdge> edges_in_order(const std::vector<DiagramEdge>& order, const std::vector<DiagramEdge>& own) {
  std::map<std::string, std::vector<const DiagramEdge*>> by_key;  // several arrows may share a key
  for (const auto& e : own) by_key[edge_key(e)].push_back(&e);
  std::map<std::string, std::size_t> used;
  std::vector<DiagramEdge> edges;
  for (const auto& e : order) {
    const std::string key = edge_key(e);
    const auto it = by_key.find(key);
    std::size_t& n = used[key];
    if (it != by_key.end() && n < it->second.size()) {
      edges.push_back(*it->second[n++]);
    } else {
      // Unique among the figure's ids: the arrow's own id (kind and ends), and which of its kind.
      const auto id = e.attributes.find("id");
      const std::string name = id != e.attributes.end() ? id->second : e.from + "-" + e.to;
      edges.push_back({e.from, e.to, placeholder(e.attributes, fmt::format("{}-{}", name, n++))});
    }
  }
  return edges;
}

// The delta's order of boxes and arrows: the proposal's, then those only the baseline has.
template <class T, class Key>
std::vector<T> after_then_removed(const std::vector<T>& before, const std::vector<T>& after, Key key) {
  std::vector<T> all = after;
  std::map<std::string, std::size_t> in_after;
  for (const auto& x : after) ++in_after[key(x)];
  for (const auto& x : before) {
    auto it = in_after.find(key(x));
    if (it != in_after.end() && it->second > 0) {
      --it->second;
    } else {
      all.push_back(x);
    }
  }
  return all;
}

// The bodies of both models whose links or areas differ, when few enough to draw on their own.
// A figure draws a kind as one box, so a change between two bodies of one kind (an area moved
// from one health board to another, with its integration authority's links) shows only when
// those bodies have boxes of their own; past a handful the figure would no longer be a figure.
constexpr std::size_t kMaxApart = 8;

std::set<std::string> changed_bodies(const Model& base, const Model& proposal) {
  // A body's ties: its links (kind, ends, mechanism, holder) and, as kind -1, the areas it covers.
  using Tie = std::tuple<int, Symbol, Symbol, Symbol, Symbol>;
  const auto ties = [](const Model& m) {  // body id -> its ties, sorted
    std::map<Symbol, std::vector<Tie>> out;
    for (const Link& l : m.links) {
      const Tie tie{static_cast<int>(l.kind), l.from, l.to, l.subtype, l.held_by};
      for (const Symbol& end : {l.from, l.to}) {
        if (!end.empty()) out[end].push_back(tie);
      }
    }
    for (const Body& b : m.bodies) {
      auto& mine = out[b.id];
      for (const Symbol& area : b.covers) mine.emplace_back(-1, area, Symbol(), Symbol(), Symbol());
      std::sort(mine.begin(), mine.end());
    }
    return out;
  };
  const auto before = ties(base), after = ties(proposal);
  std::map<Symbol, std::size_t> of_kind;  // bodies of each kind, in the larger of the two
  for (const Model* m : {&base, &proposal}) {
    std::map<Symbol, std::size_t> count;
    for (const Body& b : m->bodies) ++count[b.kind];
    for (const auto& [kind, n] : count) of_kind[kind] = std::max(of_kind[kind], n);
  }
  std::set<std::string> changed;
  for (const Body& b : proposal.bodies) {
    const Body* was = base.find_body(b.id.view());
    // Added, of another kind, or alone in its kind: its box is its own already.
    if (was == nullptr || was->kind != b.kind || of_kind[b.kind] < 2) continue;
    const auto old = before.find(b.id);
    const auto now = after.find(b.id);
    if (old == before.end() || now == after.end() || old->second != now->second) changed.insert(b.id.str());
    if (changed.size() > kMaxApart) return {};
  }
  return changed;
}

}  // namespace

std::optional<Diagram> build_delta_view(const Model& base, const Model& proposal, DiagnosticSink& sink) {
  ViewOptions options;
  options.apart = changed_bodies(base, proposal);
  auto before = build_view(base, options, sink);
  auto after = build_view(proposal, options, sink);
  if (!before || !after) return std::nullopt;
  Diagram d = *after;
  d.tiers = union_tiers(*before, *after);
  const bool is_proposal = proposal.status == ModelStatus::Proposed;
  d.title = (is_proposal ? "What the proposal changes: " : "What changed: ") + nation_display_name(proposal.nation);
  d.subtitle = fmt::format("{} compared with {}", proposal.title, base.title);
  // Boxes and arrows in the order of the aligned figures (so each keeps its row and its order in
  // the row), each marked with its state in words and colour.
  std::size_t marked = 0;  // boxes and arrows marked added, removed or changed
  const auto mark_as = [&](Attributes& a, const char* colour, const char* style) {
    mark(a, colour, style);
    ++marked;
  };
  std::map<std::string, const DiagramNode*> old_nodes, new_nodes;
  for (const auto& n : before->nodes) old_nodes[n.id] = &n;
  for (const auto& n : after->nodes) new_nodes[n.id] = &n;
  d.nodes = after_then_removed(before->nodes, after->nodes, [](const DiagramNode& n) { return n.id; });
  for (auto& n : d.nodes) {
    n.attributes.erase("tooltip");
    const auto old = old_nodes.find(n.id);
    if (new_nodes.count(n.id) == 0) {
      n.label = "removed\n" + n.label;
      n.attributes["fillcolor"] = "white";
      mark_as(n.attributes, kRemoved, "filled,dashed");
    } else if (old == old_nodes.end()) {
      n.label = "added\n" + n.label;
      mark_as(n.attributes, kAdded, nullptr);
    } else if (old->second->label != n.label || status_of(*old->second) != status_of(n)) {
      const std::string was = old->second->label != n.label ? old->second->label
                                                            : status_of(*old->second) + ", now " + status_of(n);
      n.label = fmt::format("changed\n{}\n(was: {})", n.label, was);
      mark_as(n.attributes, kChanged, nullptr);
    }
  }
  const auto label_of = [](const DiagramEdge& x) {
    auto it = x.attributes.find("label");
    return it == x.attributes.end() ? std::string() : it->second;
  };
  std::map<std::string, std::vector<const DiagramEdge*>> old_edges;
  for (const auto& e : before->edges) old_edges[edge_key(e)].push_back(&e);
  const std::size_t drawn_after = after->edges.size();
  d.edges = after_then_removed(before->edges, after->edges, edge_key);
  for (std::size_t i = 0; i < d.edges.size(); ++i) {
    auto& e = d.edges[i];
    auto& olds = old_edges[edge_key(e)];
    if (i >= drawn_after) {
      mark_as(e.attributes, kRemoved, "dashed");
      state_label(e.attributes, "removed", e);
    } else if (olds.empty()) {
      mark_as(e.attributes, kAdded, nullptr);
      state_label(e.attributes, "added", e);
    } else {
      const DiagramEdge* old = olds.front();
      olds.erase(olds.begin());
      if (label_of(*old) != label_of(e)) {
        mark_as(e.attributes, kChanged, nullptr);
        state_label(e.attributes, "changed", e);
        e.attributes["label"] += "\n(was: " + (label_of(*old).empty() ? "no label" : label_of(*old)) + ")";
      } else {
        e.attributes["color"] = e.attributes["color"].find(':') == std::string::npos
                                    ? std::string(kUnchangedLine) : fmt::format("{}:invis:{}", kUnchangedLine, kUnchangedLine);
        e.attributes["fontcolor"] = kUnchangedText;
      }
    }
  }
  for (const auto& [label, colour, style] : {std::tuple{is_proposal ? "added in the proposal" : "added", kAdded, "solid"},
                                             std::tuple{is_proposal ? "removed by the proposal" : "removed", kRemoved, "dashed"},
                                             std::tuple{"changed (label, count\nor status)", kChanged, "solid"},
                                             std::tuple{"unchanged arrow:\nlight grey", kUnchangedLine, "solid"}}) {
    LegendEntry entry;
    entry.kind = LegendEntry::Kind::Node;
    entry.label = label;
    entry.group = "Changes";
    entry.attributes = {{"shape", "box"}, {"color", colour}, {"fontcolor", colour == kUnchangedLine ? kUnchangedText : colour},
                        {"penwidth", "2.5"}, {"style", style}, {"fontsize", "9"}};
    d.legend.push_back(std::move(entry));
  }
  // A change the figure does not draw (seats, or more bodies of one kind than kMaxApart): say so
  // rather than seem to show that the proposal changes nothing.
  d.notes.push_back(marked > 0 ? "Unmarked boxes and arrows are unchanged; see the comparison for every body and link"
                               : "Nothing this figure draws changes (kinds of body and the links between "
                                 "them): the comparison lists what the proposal changes");
  for (const auto& note : d.notes) {
    if (std::find(after->notes.begin(), after->notes.end(), note) == after->notes.end()) d.caption += caption_note(note);
  }
  return d;
}

std::optional<AlignedFigures> build_aligned_figures(const Model& base, const std::vector<Finding>* base_findings,
                                                    const Model& proposal, const std::vector<Finding>* proposal_findings,
                                                    DiagnosticSink& sink) {
  ViewOptions options;
  options.apart = changed_bodies(base, proposal);
  options.findings = base_findings;
  auto before = build_view(base, options, sink);
  options.findings = proposal_findings;
  auto after = build_view(proposal, options, sink);
  if (!before || !after) return std::nullopt;
  const auto node_id = [](const DiagramNode& n) { return n.id; };
  const auto nodes = after_then_removed(before->nodes, after->nodes, node_id);
  const auto edges = after_then_removed(before->edges, after->edges, edge_key);
  const auto tiers = union_tiers(*before, *after);
  AlignedFigures aligned{std::move(*before), std::move(*after)};
  for (Diagram* d : {&aligned.before, &aligned.after}) {
    d->nodes = nodes_in_order(nodes, d->nodes);
    d->edges = edges_in_order(edges, d->edges);
    d->tiers = tiers;
  }
  return aligned;
}

}  // namespace govmap
