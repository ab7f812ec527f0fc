#pragma once
// Findings: what a rule reports about a model. They belong to the engine so that checking,
// comparing, output and rendering can all speak of them without depending on the rules.

#include <functional>
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

/// A finding's identity: its rule and the set of its subjects (type and id), written as a
/// readable key ("boundary-split-area|area:E10000012|body:E54000023"). `id_of` may map subject
/// ids into another model's terms (compare maps a baseline body to its successor).
std::string finding_key(const Finding& finding, const std::function<std::string(const Subject&)>& id_of = {});

/// A short stable hash of finding_key (16 hex digits), for SARIF partialFingerprints and
/// comparison JSON.
std::string fingerprint(std::string_view key);

}  // namespace govmap
