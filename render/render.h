#pragma once
// Turning a Diagram into bytes: SVG, PNG, PDF, or the canonical DOT of the graph before
// layout. Graphviz stays behind this interface (render/graphviz.h is internal).

#include <optional>
#include <string>
#include <string_view>

#include "engine/diagnostics.h"
#include "render/diagram.h"

namespace govmap {

enum class OutputFormat { Svg, Png, Pdf, Dot };

std::string_view to_string(OutputFormat format);
std::optional<OutputFormat> parse_output_format(std::string_view text);
/// The format a file name's extension names (".svg", ".png", ".pdf", ".dot", ".gv").
std::optional<OutputFormat> format_from_path(std::string_view path);

/// The canonical DOT text of the diagram's graph, not laid out: nodes, edges and attributes
/// only, no coordinates, so it is stable across Graphviz versions and used by golden tests.
std::optional<std::string> diagram_to_dot(const Diagram& diagram, DiagnosticSink& sink);

/// Lays the diagram out with `dot` and renders it. Graphviz's messages become diagnostics
/// in `sink` (code `graphviz`); nullopt when layout or rendering failed. Output is
/// deterministic: PDF creation dates are replaced by `pdf_date` (YYYY-MM-DD, or 2000-01-01).
std::optional<std::string> render_diagram(const Diagram& diagram, OutputFormat format,
                                          DiagnosticSink& sink, std::string_view pdf_date = {});

}  // namespace govmap
