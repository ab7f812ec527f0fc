#pragma once
// The delta diagram of a comparison: the baseline's and the proposal's figures drawn as one,
// with every box and arrow marked as added, removed, changed or unchanged. Marks are words in
// the labels and line styles as well as colours, so they survive printing in grey.

#include <optional>
#include <vector>

#include "compare/comparison.h"
#include "engine/diagnostics.h"
#include "render/diagram.h"

namespace govmap {

/// The figure view of the proposal over the baseline, marked with what changed.
std::optional<Diagram> build_delta_view(const Model& base, const Model& proposal, DiagnosticSink& sink);

/// The baseline's and the proposal's figures drawn so that a box keeps its place in both and in
/// the delta diagram: each figure holds the other's boxes and arrows as invisible placeholders
/// (SVG ids "slot-…"), with nodes, arrows and tier rows in the delta's order, so `dot` lays the
/// three graphs out alike: a box keeps its row and its order in the row (the spacing follows the
/// words in the boxes). `*_findings`, when given, mark the bodies with findings.
struct AlignedFigures {
  Diagram before, after;
};
std::optional<AlignedFigures> build_aligned_figures(const Model& base, const std::vector<Finding>* base_findings,
                                                    const Model& proposal, const std::vector<Finding>* proposal_findings,
                                                    DiagnosticSink& sink);

}  // namespace govmap
