// Diagram -> cgraph graph -> bytes. The graph has one rank=same subgraph per tier (with a
// plain-text tier heading at its left), the diagram's nodes and edges, a key cluster below
// the last tier and a source line below the key.

#include "render/render.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include <fmt/format.h>

#include "engine/text.h"
#include "render/graphviz.h"

namespace govmap {
namespace {

namespace gv = graphviz;

// Graphviz reads backslash escapes in labels and tooltips ("\n", "\N"); our text is literal,
// so backslashes are doubled and line breaks become the "\n" escape.
std::string escape_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_text_attribute(const std::string& name) {
  return name == "label" || name == "xlabel" || name == "tooltip" || name == "headlabel" ||
         name == "taillabel";
}

void set_attributes(void* object, const Attributes& attributes) {
  for (const auto& [name, value] : attributes) {
    gv::set(object, name, is_text_attribute(name) ? escape_text(value) : value);
  }
}

Agnode_t* node(Agraph_t* graph, const std::string& name) {
  return agnode(graph, const_cast<char*>(name.c_str()), 1);
}

Agedge_t* edge(Agraph_t* graph, Agnode_t* from, Agnode_t* to) {
  return agedge(graph, from, to, nullptr, 1);
}

// Rows are anonymous subgraphs: cgraph orders named subgraphs by the address of their name
// string, which would make the DOT text and the layout vary from run to run; anonymous ones
// get sequential ids. Only the key is named, because Graphviz draws a cluster by its name.
Agraph_t* row_subgraph(Agraph_t* graph) { return agsubg(graph, nullptr, 1); }

Agraph_t* cluster_subgraph(Agraph_t* graph, const std::string& name) {
  return agsubg(graph, const_cast<char*>(name.c_str()), 1);
}

void invisible_edge(Agraph_t* g, Agnode_t* from, Agnode_t* to, const std::string& weight) {
  Agedge_t* e = edge(g, from, to);
  gv::set(e, "style", "invis");
  gv::set(e, "weight", weight);
}

// The key, inside a "Key" cluster: one row per group of entries ("Links", "Legal status",
// "Sector"), each headed by its name, wrapping after six arrows or seven boxes so the key
// stays narrower than most figures. Invisible edges keep the entries in order, left to right,
// top down.
constexpr std::size_t kLinksPerRow = 6;
constexpr std::size_t kNodesPerRow = 7;

Agnode_t* add_legend(Agraph_t* g, const Diagram& d, Agnode_t* above) {
  if (d.legend.empty()) return above;
  Agraph_t* cluster = cluster_subgraph(g, "cluster_legend");
  set_attributes(cluster, {{"label", "Key"}, {"labeljust", "l"}, {"style", "rounded"}, {"color", "#767676"},
                           {"fontsize", "12"}, {"margin", "8"}, {"id", "legend"}});
  Agraph_t* row = nullptr;
  Agnode_t* row_start = nullptr;  // first node of the current row
  Agnode_t* row_end = nullptr;    // last node of the current row
  Agnode_t* first_row_start = nullptr;
  std::size_t in_row = 0;
  const std::string* row_group = nullptr;
  int i = 0;
  for (const auto& entry : d.legend) {
    const std::string id = fmt::format("legend-{}", i++);
    const bool new_group = row_group == nullptr || *row_group != entry.group;
    const std::size_t per_row = entry.kind == LegendEntry::Kind::Link ? kLinksPerRow : kNodesPerRow;
    if (new_group || in_row == per_row) {
      row = row_subgraph(cluster);
      gv::set(row, "rank", "same");
      Agnode_t* heading = node(row, id + "-group");
      set_attributes(heading, {{"label", new_group ? entry.group : ""}, {"shape", "plaintext"}, {"fontsize", "10"},
                               {"fontname", "Helvetica-Bold"}, {"width", "1.1"}, {"class", "key-group"}});
      if (row_start != nullptr) invisible_edge(cluster, row_start, heading, "10");
      if (first_row_start == nullptr) first_row_start = heading;
      row_start = row_end = heading;
      row_group = &entry.group;
      in_row = 0;
    }
    Agnode_t* first = nullptr;
    Agnode_t* last = nullptr;
    if (entry.kind == LegendEntry::Kind::Link) {
      // A sample arrow pointing at its words. The words are a node, not the edge's label:
      // labels on edges within one rank crash Graphviz 2.42's flat-edge code inside clusters.
      first = node(row, id + "-from");
      set_attributes(first, {{"label", ""}, {"shape", "point"}, {"width", "0.05"}, {"color", "#767676"}});
      last = node(row, id + "-label");
      set_attributes(last, {{"label", entry.label}, {"shape", "plaintext"}, {"fontsize", "9"}, {"margin", "0.02,0"}});
      Attributes attributes = entry.attributes;
      attributes["minlen"] = "2";
      attributes["weight"] = "20";
      set_attributes(edge(cluster, first, last), attributes);
    } else {
      first = last = node(row, id);
      Attributes attributes = entry.attributes;
      attributes["height"] = "0.3";
      // A component's tabs take room on its left: more margin keeps the words clear of them.
      attributes["margin"] = attributes["shape"] == "component" ? "0.14,0.03" : "0.06,0.03";
      attributes["label"] = entry.label;
      set_attributes(first, attributes);
    }
    invisible_edge(cluster, row_end, first, "10");
    row_end = last;
    ++in_row;
  }
  if (above != nullptr && first_row_start != nullptr) invisible_edge(g, above, first_row_start, "10");
  return row_start;
}

void set_title(Agraph_t* g, const std::string& title, const std::string& subtitle) {
  std::string html = "<FONT POINT-SIZE=\"20\">" + xml_escape(title) + "</FONT>";
  if (!subtitle.empty()) html += "<BR/><FONT POINT-SIZE=\"13\" COLOR=\"#333333\">" + xml_escape(subtitle) + "</FONT>";
  Agsym_t* label = agattr(g, AGRAPH, const_cast<char*>("label"), const_cast<char*>(""));
  char* text = agstrdup_html(g, html.data());
  agxset(g, label, text);
  agstrfree(g, text);
}

// How many node separations an edge label needs: its longest line in 9-point Helvetica
// (about 5 points a character) plus a margin, over nodesep (inches).
int flat_edge_minlen(const std::string& label, double nodesep_inches) {
  std::size_t longest = 0, start = 0;
  for (std::size_t end = 0; end <= label.size(); ++end) {
    if (end == label.size() || label[end] == '\n') {
      longest = std::max(longest, end - start);
      start = end + 1;
    }
  }
  const double points = 5.0 * static_cast<double>(longest) + 16.0;
  return std::max(1, static_cast<int>(std::ceil(points / (72.0 * std::max(nodesep_inches, 0.05)))));
}

void build(Agraph_t* g, const Diagram& d) {
  Attributes graph = {{"rankdir", "TB"}, {"fontname", "Helvetica"}, {"labelloc", "t"},
                      {"labeljust", "c"}, {"fontsize", "20"}, {"newrank", "true"},
                      {"nodesep", "0.35"}, {"ranksep", "0.7"}, {"pad", "0.3"}};
  for (const auto& [name, value] : d.graph_attributes) graph[name] = value;
  set_attributes(g, graph);
  const double graph_nodesep = parse_number(graph["nodesep"]).value_or(0.25);
  set_title(g, d.title, d.subtitle);
  Agraph_t* defaults = g;
  agattr(defaults, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(defaults, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(defaults, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(defaults, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));

  // Tiers: a heading node per tier that has nodes, chained invisibly top to bottom, under an
  // empty top row that keeps labels of arrows within the first tier clear of the title.
  std::map<std::string, Agraph_t*> tier_graphs;
  Agnode_t* previous_heading = node(g, "top");
  set_attributes(previous_heading, {{"label", ""}, {"shape", "point"}, {"style", "invis"}, {"height", "0"}, {"width", "0"}});
  for (const auto& tier : d.tiers) {
    bool used = false;
    for (const auto& n : d.nodes) used = used || n.tier == tier.id;
    if (!used) continue;
    Agraph_t* row = row_subgraph(g);
    gv::set(row, "rank", "same");
    tier_graphs[tier.id] = row;
    Agnode_t* heading = node(row, "tier-" + tier.id);
    set_attributes(heading, {{"label", tier.label}, {"shape", "plaintext"}, {"fontsize", "12"},
                    {"fontcolor", "#555555"}, {"class", "tier"}, {"id", "tier-" + tier.id}});
    if (previous_heading != nullptr) invisible_edge(g, previous_heading, heading, "100");
    previous_heading = heading;
  }
  std::map<std::string, std::string> tier_of;
  for (const auto& n : d.nodes) {
    if (!n.tier.empty()) tier_of[n.id] = n.tier;
    const auto row = tier_graphs.find(n.tier);
    Agnode_t* created = node(row == tier_graphs.end() ? g : row->second, n.id);
    Attributes attributes = n.attributes;
    attributes["label"] = n.label;
    if (!attributes.count("id")) attributes["id"] = n.id;
    set_attributes(created, attributes);
  }
  for (const auto& e : d.edges) {
    Agnode_t* from = agnode(g, const_cast<char*>(e.from.c_str()), 0);
    Agnode_t* to = agnode(g, const_cast<char*>(e.to.c_str()), 0);
    if (from == nullptr || to == nullptr) continue;  // views only draw edges between drawn nodes
    Attributes attributes = e.attributes;
    // An arrow within one tier carries its words as an xlabel: Graphviz 2.42 can corrupt
    // memory laying out labels of edges within one rank (flat edges) when clusters exist.
    // dot keeps the two ends of such an edge minlen × nodesep apart: enough for the words.
    if (tier_of.count(e.from) && tier_of[e.from] == tier_of[e.to] && attributes.count("label")) {
      attributes["minlen"] = std::to_string(flat_edge_minlen(attributes["label"], graph_nodesep));
      attributes["xlabel"] = attributes["label"];
      attributes.erase("label");
    }
    set_attributes(edge(g, from, to), attributes);
  }
  Agnode_t* bottom = add_legend(g, d, previous_heading);
  if (!d.caption.empty()) {
    Agnode_t* caption = node(g, "caption");
    set_attributes(caption, {{"label", d.caption}, {"shape", "plaintext"}, {"fontsize", "9"},
                    {"fontcolor", "#333333"}, {"id", "caption"}, {"class", "caption"}});
    if (bottom != nullptr) invisible_edge(g, bottom, caption, "10");
  }
}

const char* graphviz_format(OutputFormat format) {
  switch (format) {
    case OutputFormat::Svg: return "svg";
    case OutputFormat::Png: return "png:cairo";
    case OutputFormat::Pdf: return "pdf:cairo";
    case OutputFormat::Dot: return "canon";
  }
  return "canon";
}

// Cairo stamps PDFs with the time of writing; a fixed date of the same length keeps the
// cross-reference offsets valid and the output reproducible.
std::string fix_pdf_date(std::string pdf, std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (c != '-') digits += c;
  }
  if (digits.size() != 8) digits = "20000101";
  static const std::regex creation(R"(/CreationDate \(D:\d{14}Z\))");
  return std::regex_replace(pdf, creation, fmt::format("/CreationDate (D:{}000000Z)", digits),
                            std::regex_constants::format_first_only);
}

std::optional<std::string> run(const Diagram& d, OutputFormat format, DiagnosticSink& sink,
                               std::string_view pdf_date) {
  gv::ErrorCapture errors;
  gv::Context context;
  gv::Graph graph("govmap");
  build(graph.get(), d);
  std::optional<std::string> result;
  if (format == OutputFormat::Dot) {
    result = gv::write_dot(graph);
  } else {
    gv::Layout layout(context, graph);
    if (layout.run("dot")) result = gv::render_data(context, graph, graphviz_format(format));
  }
  const std::size_t errors_before = sink.error_count();
  errors.report_to(sink, "render");
  // An error from Graphviz means the output is not to be trusted (for example an SVG it has
  // itself found not well-formed), even when it produced some bytes.
  if (!result || sink.error_count() > errors_before) {
    sink.error("render", fmt::format("Graphviz could not produce {} output", to_string(format)), "graphviz");
    return std::nullopt;
  }
  if (format == OutputFormat::Pdf) return fix_pdf_date(std::move(*result), pdf_date);
  if (format == OutputFormat::Svg) {
    // The SVG's <title> is the Graphviz graph's name; screen readers and browsers show it, so
    // it should be the diagram's title.
    const std::string graph_title = "<title>govmap</title>";
    const auto at = result->find(graph_title);
    if (at != std::string::npos) result->replace(at, graph_title.size(), "<title>" + xml_escape(d.title) + "</title>");
  }
  return result;
}

}  // namespace

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::Svg: return "svg";
    case OutputFormat::Png: return "png";
    case OutputFormat::Pdf: return "pdf";
    case OutputFormat::Dot: return "dot";
  }
  return "dot";
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  for (auto f : {OutputFormat::Svg, OutputFormat::Png, OutputFormat::Pdf, OutputFormat::Dot}) {
    if (to_string(f) == text) return f;
  }
  if (text == "gv") return OutputFormat::Dot;
  return std::nullopt;
}

std::optional<OutputFormat> format_from_path(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string extension(path.substr(dot + 1));
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return parse_output_format(extension);
}

std::optional<std::string> diagram_to_dot(const Diagram& diagram, DiagnosticSink& sink) {
  return run(diagram, OutputFormat::Dot, sink, {});
}

std::optional<std::string> render_diagram(const Diagram& diagram, OutputFormat format,
                                          DiagnosticSink& sink, std::string_view pdf_date) {
  return run(diagram, format, sink, pdf_date);
}

}  // namespace govmap
