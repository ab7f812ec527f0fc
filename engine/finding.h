#pragma once
// Findings: what a rule reports about a model. They belong to the engine so that checking,
// comparing, output and rendering can all speak of them without depending on the rules.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.h"

namespace govmap {

enum class Severity { Info, Warning, Error };
std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

/// Something a finding is about.
struct Subject {
  std::string type;  // "body", "area", "person", "post", "link", "claim", "seat"
  std::string id, name, kind, code;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  std::vector<Subject> subjects;
  Location location;                 // where in the model (resolve with Model::where)
  std::vector<std::string> evidence; // e.g. "Fife Council: 64% in NHS Fife, 36% in NHS Tayside"
  // Filled by the engine, not by rules:
  bool suppressed = false;
  std::string suppression_reason;
  Location suppression_location;
};

}  // namespace govmap
