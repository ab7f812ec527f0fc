#pragma once
// `govmap import`: turns official lookup CSVs into a geography model file (areas with
// populations and parents, bodies with official codes and coverage, partner links), as an
// import spec (models/<nation>/<era>/import.xml, format in docs/import.md) describes.
// Every bad row is reported as file:line:col; no text is returned when there is any error.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostics.h"

namespace govmap {

struct ImportOptions {
  /// Called now and then while reading rows: what is being done, rows done, rows in all.
  std::function<void(std::string_view what, std::size_t done, std::size_t total)> progress;
  /// When set, receives the path of every file the import read (the spec and each CSV, as the
  /// spec names them resolved against its folder), whether or not the import succeeded: the
  /// command refuses to write its output over any of them.
  std::vector<std::string>* files_read = nullptr;
};

/// Runs the import spec at `spec_path` and returns the generated model text (deterministic:
/// the same inputs give the same bytes), or nullopt when anything was wrong (see `sink`).
std::optional<std::string> import_geography(const std::string& spec_path, DiagnosticSink& sink,
                                            const ImportOptions& options = {});

}  // namespace govmap
