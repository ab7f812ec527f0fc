#pragma once
// The self-contained HTML report: for each model its summary, sources, figure diagram (inline
// SVG) and findings; for each proposal a comparison with its baseline. One file, with its CSS
// and script inline, that fetches nothing from a network and prints well.

#include <string>
#include <vector>

#include "compare/comparison.h"
#include "engine/diagnostics.h"

namespace govmap {

struct ReportInput {
  std::string title = "govmap report";
  std::vector<const CheckedModel*> models;        // in the order given
  std::vector<const Comparison*> comparisons;     // each baseline with its proposals
};

/// Builds the report. Diagram problems are reported to `sink` and the report says a diagram is
/// missing rather than failing as a whole; nullopt only when nothing could be written.
std::string report_html(const ReportInput& input, DiagnosticSink& sink);

}  // namespace govmap
