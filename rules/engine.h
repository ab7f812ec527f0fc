#pragma once
// The rule engine: a rules profile (which rules run, at what severity, with which options),
// baselines of accepted findings, and run_checks, which runs the catalogue over a model and
// applies suppressions. Input problems go to a DiagnosticSink; findings are values.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/model.h"
#include "rules/rule.h"

namespace govmap {

/// What a profile says about one rule; unset fields keep the rule's defaults.
struct RuleSettings {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, double> options;
};

/// A rules profile (docs/check-output.md, "Rules profile"). The default profile runs every
/// rule at its default severity with default options.
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

struct CheckResult {
  /// Every finding, sorted by file, line, column, rule, message; suppressed ones included.
  std::vector<Finding> findings;
  /// Per finding: whether its suppression came from a baseline file (else inline, or none).
  std::vector<bool> suppressed_by_baseline;
  /// Unknown-rule, unused and expired suppressions (warnings, with locations).
  std::vector<Diagnostic> suppression_diagnostics;
  /// Ids of the rules that ran, sorted.
  std::vector<std::string> rules_run;
};

/// Runs every enabled rule of rule_catalogue() over the model (Graph and Geography built
/// once), sorts the findings, and applies the model's inline suppressions and then the
/// baseline ones. A suppression matches a finding of its rule when it names no subject or
/// names the id of one of the finding's subjects. A suppression whose `expires` is before
/// `today` (YYYY-MM-DD) no longer applies and is reported, as are ones that match nothing.
CheckResult run_checks(const Model& model, const RuleProfile& profile,
                       const std::vector<Suppression>& baseline, const std::string& today);

/// Whether a finding counts against --fail-on `level` (unsuppressed, at or above it).
/// `level` nullopt means "never".
bool fails(const Finding& finding, std::optional<Severity> level);

/// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace govmap
