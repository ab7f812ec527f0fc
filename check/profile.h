#pragma once
// A rules profile: which rules run, at what severity, with which options
// (docs/check-output.md, "Rules profile").

#include <map>
#include <optional>
#include <string>

#include "engine/diagnostics.h"
#include "rules/rule.h"

namespace govmap {

/// What a profile says about one rule; unset fields keep the rule's defaults.
struct RuleSettings {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, double> options;
};

/// A rules profile. The default profile runs every rule at its default severity with default
/// options.
struct RuleProfile {
  std::string path;  // the file it came from; empty for the defaults
  /// false (<rules default-enabled="false">): only the rules the profile names run.
  bool default_enabled = true;
  std::map<std::string, RuleSettings> rules;

  bool enabled(const Rule& rule) const;
  Severity severity(const Rule& rule) const;
  /// Configured option values (options not named keep their defaults in RuleContext).
  std::map<std::string, double> options(const Rule& rule) const;
};

/// Reads a profile:
///   <rules version="1" default-enabled="true">
///     <rule id="board-size" severity="error" enabled="true">
///       <option name="max-seats" value="20"/>
///     </rule>
///   </rules>
/// Reports every problem (unknown rule or option with "did you mean", bad values) with
/// file:line:col; nullopt when there was any error.
std::optional<RuleProfile> load_profile(const std::string& path, DiagnosticSink& sink);

/// The profile file found beside a model: govmap-rules.xml in the model's folder, or "".
std::string discover_profile(const std::string& model_path);

}  // namespace govmap
