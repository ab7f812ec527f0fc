#pragma once
// An abstract diagram: what a view wants drawn, independent of Graphviz. Views (views.h)
// build one from a Model; render/graphviz.h turns it into a cgraph graph. Attribute maps hold
// Graphviz attribute names and values, but no Graphviz type appears here, so views and tests
// need no Graphviz header.

#include <map>
#include <string>
#include <vector>

namespace govmap {

using Attributes = std::map<std::string, std::string>;

/// A box on the diagram: one body ("body-<id>") or one kind group ("kind-<kind>").
struct DiagramNode {
  std::string id;     // Graphviz node name, also the SVG element id
  std::string label;  // may contain '\n' for line breaks
  std::string tier;   // vocabulary tier id; nodes of one tier share a row
  Attributes attributes;  // shape, style, peripheries, fillcolor, tooltip, class, ...
};

/// An arrow between two nodes.
struct DiagramEdge {
  std::string from, to;  // node ids
  Attributes attributes;
};

/// A row of the diagram (a vocabulary tier), top to bottom in `Diagram::tiers` order.
struct DiagramTier {
  std::string id, label;
};

/// One key entry. A link entry shows an arrow drawn with `attributes`; a node entry shows a
/// sample box drawn with `attributes`.
struct LegendEntry {
  enum class Kind { Link, Node };
  Kind kind = Kind::Node;
  std::string label;
  Attributes attributes;
  std::string group;  // the key's row, headed by this word: "Links", "Legal status", "Sector"
};

struct Diagram {
  std::string title;     // "Funding and accountability in the health and social care system in Wales"
  std::string subtitle;  // era and as-of date, view description
  std::string caption;   // source line: model id, as-of date, sources' titles
  std::vector<std::string> notes;  // what was simplified (aggregation, links not drawn)
  std::vector<DiagramTier> tiers;
  std::vector<DiagramNode> nodes;  // in a deterministic order (tier, sector, label)
  std::vector<DiagramEdge> edges;  // in a deterministic order
  std::vector<LegendEntry> legend;
  Attributes graph_attributes;     // layout bounds and fonts
};

}  // namespace govmap
