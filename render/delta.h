#pragma once
// The delta diagram of a comparison: the baseline's and the proposal's figures drawn as one,
// with every box and arrow marked as added, removed, changed or unchanged. Marks are words in
// the labels and line styles as well as colours, so they survive printing in grey.

#include <optional>

#include "compare/comparison.h"
#include "engine/diagnostics.h"
#include "render/diagram.h"

namespace govmap {

/// The figure view of the proposal over the baseline, marked with what changed.
std::optional<Diagram> build_delta_view(const Model& base, const Model& proposal, DiagnosticSink& sink);

}  // namespace govmap
