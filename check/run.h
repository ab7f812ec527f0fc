#pragma once
// Running the rule catalogue over a model: run_checks applies the profile and the inline and
// baseline suppressions. Input problems go to a DiagnosticSink; findings are values.

#include <optional>
#include <string>
#include <vector>

#include "check/profile.h"
#include "engine/analysis.h"
#include "engine/diagnostics.h"
#include "engine/finding.h"
#include "engine/model.h"

namespace govmap {

struct CheckResult {
  /// Every finding, sorted by file, line, column, rule, message; suppressed ones included.
  std::vector<Finding> findings;
  /// Per finding: whether its suppression came from a baseline file (else inline, or none).
  std::vector<bool> suppressed_by_baseline;
  /// Unknown-rule, unused and expired suppressions (warnings, with locations).
  std::vector<Diagnostic> suppression_diagnostics;
  /// Ids of the rules that ran, sorted.
  std::vector<std::string> rules_run;
  /// Whether a baseline of accepted findings was given (SARIF then states each result's
  /// baselineState: "unchanged" when the baseline accepts it, else "new").
  bool with_baseline = false;
};

/// Runs every enabled rule of rule_catalogue() over the analysed model, sorts the findings,
/// and applies the model's inline suppressions and then the baseline ones. A suppression matches a finding of its rule when it names no subject or
/// names the id of one of the finding's subjects. A suppression whose `expires` is before
/// `today` (YYYY-MM-DD) no longer applies and is reported, as are ones that match nothing.
CheckResult run_checks(const Analysis& analysis, const RuleProfile& profile,
                       const std::vector<Suppression>& baseline, const std::string& today);

/// Whether a finding counts against --fail-on `level` (unsuppressed, at or above it).
/// `level` nullopt means "never".
bool fails(const Finding& finding, std::optional<Severity> level);

/// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace govmap
