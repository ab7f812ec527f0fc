#pragma once
// Baselines: files of accepted findings, read for `check --baseline` and written by
// `check --write-baseline`.

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/finding.h"
#include "engine/model.h"

namespace govmap {

/// Reads a baseline of accepted findings:
///   <baseline version="1">
///     <suppress rule="board-size" subject="fife-ijb" reason="..." expires="2026-03-31"/>
///   </baseline>
/// The file is added to a copy of the model's source files (model.files is replaced) so that
/// the suppressions' locations resolve with Model::where. nullopt on any error.
std::optional<std::vector<Suppression>> load_baseline(const std::string& path, Model& model,
                                                      DiagnosticSink& sink);

/// A baseline document accepting every unsuppressed finding, each with the reason
/// "accepted in baseline on <today>". Sorted and deterministic.
std::string baseline_xml(const std::vector<Finding>& findings, const std::string& today);

}  // namespace govmap
