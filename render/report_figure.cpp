#include "render/report_figure.h"

#include <map>
#include <vector>

#include <fmt/format.h>

#include "engine/text.h"
#include "render/render.h"

namespace govmap {
namespace {

std::string one_line(const std::string& label) {
  std::string out;
  for (char c : label) out += c == '\n' ? ' ' : c;
  return out;
}

std::string attribute(const Attributes& a, const std::string& name) {
  const auto it = a.find(name);
  return it == a.end() ? std::string() : it->second;
}

// The kind of an arrow from its class ("link link-funding" -> "funding").
std::string link_kind(const DiagramEdge& e) {
  const std::string cls = attribute(e.attributes, "class");
  const auto at = cls.find("link-");
  return at == std::string::npos ? "link" : cls.substr(at + 5);
}

// Rows with their boxes, then every arrow: what a screen reader or a text-only reader needs.
std::string in_words(const Diagram& d) {
  std::map<std::string, std::string> names;
  std::map<std::string, std::vector<std::string>> by_tier;
  for (const auto& n : d.nodes) {
    names[n.id] = one_line(n.label);
    by_tier[n.tier].push_back(names[n.id]);
  }
  std::string out = "<details class=\"text-alt\"><summary>The diagram in words</summary>\n<p><strong>Boxes by row</strong></p><ul>\n";
  for (const auto& t : d.tiers) {
    const auto it = by_tier.find(t.id);
    if (it == by_tier.end()) continue;
    out += "<li><b>" + xml_escape(t.label) + "</b>: " + xml_escape(join(it->second, "; ")) + "</li>\n";
  }
  out += fmt::format("</ul>\n<p><strong>Arrows ({})</strong></p><ul>\n", d.edges.size());
  for (const auto& e : d.edges) {
    const std::string label = one_line(attribute(e.attributes, "label"));
    out += "<li>" + xml_escape(names[e.from]) + " \u2192 " + xml_escape(names[e.to]) + ": " + xml_escape(link_kind(e)) +
           (label.empty() ? "" : " (" + xml_escape(label) + ")") + "</li>\n";
  }
  return out + "</ul></details>\n";
}

}  // namespace

std::string diagram_pane(const std::optional<Diagram>& diagram, DiagnosticSink& sink) {
  if (!diagram) return "<p class=\"missing\">The diagram could not be built.</p>";
  const auto svg = render_diagram(*diagram, OutputFormat::Svg, sink);
  if (!svg) return "<p class=\"missing\">The diagram could not be laid out.</p>";
  const auto start = svg->find("<svg");
  if (start == std::string::npos) return {};
  const std::string inline_svg = svg->substr(start);
  return "<div class=\"pane-tools\" role=\"toolbar\" aria-label=\"Zoom the diagram\">"
         "<button type=\"button\" data-zoom=\"out\" aria-label=\"Zoom out\">\u2212</button>"
         "<button type=\"button\" data-zoom=\"in\" aria-label=\"Zoom in\">+</button>"
         "<button type=\"button\" data-zoom=\"fit\">Fit</button>"
         "<button type=\"button\" data-zoom=\"actual\">100%</button>"
         "<span class=\"scale\" aria-live=\"polite\"></span>"
         "<span class=\"hint\">Drag or scroll to move around; click a box for its details.</span></div>\n"
         "<div class=\"pane\" tabindex=\"0\" role=\"region\" aria-label=\"" + xml_escape(diagram->title) + " (diagram)\">" +
         inline_svg + "</div>\n" + in_words(*diagram);
}

}  // namespace govmap
