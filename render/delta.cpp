#include "render/delta.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "render/views.h"

namespace govmap {
namespace {

constexpr const char* kAdded = "#009E73";    // Okabe–Ito bluish green
constexpr const char* kRemoved = "#999999";  // grey
constexpr const char* kChanged = "#D55E00";  // vermillion

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
  a["color"] = colour;
  a["fontcolor"] = colour;
  a["penwidth"] = "2.5";
  if (style != nullptr) a["style"] = style;
}

void prefix_label(Attributes& a, const std::string& prefix) {
  const std::string label = a["label"];
  a["label"] = label.empty() ? prefix : prefix + " " + label;
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
      n.label = "+ added\n" + n.label;
      mark(n.attributes, kAdded, nullptr);
    } else if (first_line_removed(it->second->label) != n.label || status_of(*it->second) != status_of(n)) {
      const std::string was = first_line_removed(it->second->label) != n.label
                                  ? first_line_removed(it->second->label)
                                  : status_of(*it->second) + ", now " + status_of(n);
      n.label = fmt::format("~ changed\n{}\n(was: {})", n.label, was);
      mark(n.attributes, kChanged, nullptr);
    }
  }
  for (const auto& n : before->nodes) {
    if (new_ids.count(n.id) != 0) continue;
    DiagramNode gone = n;
    gone.label = "\u2212 removed\n" + first_line_removed(n.label);
    gone.attributes.erase("tooltip");
    gone.attributes["fillcolor"] = "white";
    mark(gone.attributes, kRemoved, "filled,dashed");
    d.nodes.push_back(std::move(gone));
  }
  std::set<std::string> old_edges, new_edges;
  for (const auto& e : before->edges) old_edges.insert(edge_key(e));
  for (auto& e : d.edges) {
    new_edges.insert(edge_key(e));
    if (old_edges.count(edge_key(e)) == 0) {
      mark(e.attributes, kAdded, nullptr);
      prefix_label(e.attributes, "+");
    }
  }
  for (const auto& e : before->edges) {
    if (new_edges.count(edge_key(e)) != 0) continue;
    DiagramEdge gone = e;
    mark(gone.attributes, kRemoved, "dashed");
    prefix_label(gone.attributes, "\u2212");
    d.edges.push_back(std::move(gone));
  }
  d.legend.clear();
  for (const auto& [label, colour, style] : {std::tuple{is_proposal ? "+ added in the proposal" : "+ added", kAdded, "solid"},
                                             std::tuple{is_proposal ? "\u2212 removed by the proposal" : "\u2212 removed", kRemoved, "dashed"},
                                             std::tuple{"~ changed (count or status)", kChanged, "solid"}}) {
    LegendEntry entry;
    entry.kind = LegendEntry::Kind::Node;
    entry.label = label;
    entry.attributes = {{"shape", "box"}, {"color", colour}, {"fontcolor", colour}, {"penwidth", "2.5"}, {"style", style}};
    d.legend.push_back(std::move(entry));
  }
  d.notes.push_back("Unmarked boxes and arrows are unchanged; see the comparison for every body and link.");
  return d;
}

}  // namespace govmap
