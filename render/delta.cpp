#include "render/delta.h"

#include <map>
#include <set>

#include <fmt/format.h>

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

std::string first_line_removed(const std::string& label) {
  // Labels of boxes with findings start with a "⚠ n findings" line; the delta does not show findings.
  if (label.rfind("\u26A0", 0) == 0) {
    const auto nl = label.find('\n');
    return nl == std::string::npos ? label : label.substr(nl + 1);
  }
  return label;
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

}  // namespace

std::optional<Diagram> build_delta_view(const Model& base, const Model& proposal, DiagnosticSink& sink) {
  ViewOptions options;
  auto before = build_view(base, options, sink);
  auto after = build_view(proposal, options, sink);
  if (!before || !after) return std::nullopt;
  Diagram d = *after;
  const bool is_proposal = proposal.status == ModelStatus::Proposed;
  d.title = (is_proposal ? "What the proposal changes: " : "What changed: ") + nation_display_name(proposal.nation);
  d.subtitle = fmt::format("{} compared with {}", proposal.title, base.title);
  std::map<std::string, const DiagramNode*> old_nodes;
  for (const auto& n : before->nodes) old_nodes[n.id] = &n;
  std::set<std::string> new_ids;
  for (auto& n : d.nodes) {
    new_ids.insert(n.id);
    n.label = first_line_removed(n.label);
    n.attributes.erase("tooltip");
    auto it = old_nodes.find(n.id);
    if (it == old_nodes.end()) {
      n.label = "added\n" + n.label;
      mark(n.attributes, kAdded, nullptr);
    } else if (first_line_removed(it->second->label) != n.label || status_of(*it->second) != status_of(n)) {
      const std::string was = first_line_removed(it->second->label) != n.label
                                  ? first_line_removed(it->second->label)
                                  : status_of(*it->second) + ", now " + status_of(n);
      n.label = fmt::format("changed\n{}\n(was: {})", n.label, was);
      mark(n.attributes, kChanged, nullptr);
    }
  }
  for (const auto& n : before->nodes) {
    if (new_ids.count(n.id) != 0) continue;
    DiagramNode gone = n;
    gone.label = "removed\n" + first_line_removed(n.label);
    gone.attributes.erase("tooltip");
    gone.attributes["fillcolor"] = "white";
    mark(gone.attributes, kRemoved, "filled,dashed");
    d.nodes.push_back(std::move(gone));
  }
  std::map<std::string, const DiagramEdge*> old_edges;
  std::set<std::string> new_edges;
  for (const auto& e : before->edges) old_edges[edge_key(e)] = &e;
  for (auto& e : d.edges) {
    new_edges.insert(edge_key(e));
    const auto old = old_edges.find(edge_key(e));
    const auto label = [](const DiagramEdge& x) {
      auto it = x.attributes.find("label");
      return it == x.attributes.end() ? std::string() : it->second;
    };
    if (old == old_edges.end()) {
      mark(e.attributes, kAdded, nullptr);
      state_label(e.attributes, "added", e);
    } else if (label(*old->second) != label(e)) {
      const std::string was = label(*old->second);
      mark(e.attributes, kChanged, nullptr);
      state_label(e.attributes, "changed", e);
      e.attributes["label"] += "\n(was: " + (was.empty() ? "no label" : was) + ")";
    } else {
      e.attributes["color"] = e.attributes["color"].find(':') == std::string::npos
                                  ? std::string(kUnchangedLine) : fmt::format("{}:invis:{}", kUnchangedLine, kUnchangedLine);
      e.attributes["fontcolor"] = kUnchangedText;
    }
  }
  for (const auto& e : before->edges) {
    if (new_edges.count(edge_key(e)) != 0) continue;
    DiagramEdge gone = e;
    mark(gone.attributes, kRemoved, "dashed");
    state_label(gone.attributes, "removed", e);
    d.edges.push_back(std::move(gone));
  }
  std::erase_if(d.legend, [](const LegendEntry& e) { return e.group != "Links"; });
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
  d.notes.push_back("Unmarked boxes and arrows are unchanged; see the comparison for every body and link.");
  return d;
}

}  // namespace govmap
