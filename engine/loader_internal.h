#pragma once
// Shared between loader.cpp (reading elements) and resolve.cpp (checking references).

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/model.h"

namespace govmap::detail {

/// A link as written: one side may name a body kind instead of a body.
struct RawLink {
  Link link;
  std::string from_kind, to_kind;
  std::optional<double> total;  // funding only: the money of all the links a kind-level element stands for
};

/// A <coverage> element or a body's covers attribute: areas added to a body.
struct RawCoverage {
  std::string body;
  std::vector<std::string> areas;
  Location location;
};

/// Everything read from the files, before references are checked.
struct RawModel {
  Model model;
  std::vector<RawLink> links;
  std::vector<RawCoverage> coverage;
};

/// Checks every reference and vocabulary use, expands kind-level links, attaches coverage and
/// fills defaults from the vocabulary. Reports problems to `sink`.
void resolve(RawModel& raw, DiagnosticSink& sink);

}  // namespace govmap::detail
