#pragma once
// Internal to render/: a diagram as the report shows it — inline SVG inside a pane with zoom
// controls (wired up by report.js), and the same diagram in words as its text alternative.

#include <optional>
#include <string>

#include "engine/diagnostics.h"
#include "render/diagram.h"

namespace govmap {

/// The pane, its zoom toolbar and a collapsed "The diagram in words" list of rows and arrows;
/// or a note saying why the diagram is missing.
std::string diagram_pane(const std::optional<Diagram>& diagram, DiagnosticSink& sink);

}  // namespace govmap
