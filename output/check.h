#pragma once
// The formats of `govmap check` (docs/check-output.md): compiler-style text, JSON with stable
// field names, CSV for spreadsheets, and SARIF 2.1.0. Pure functions of their inputs: same input, same bytes.

#include <string>

#include "check/run.h"
#include "engine/analysis.h"

namespace govmap {

/// `path:line:col: severity: message [rule]`, evidence and subjects indented below, accepted
/// findings marked, then one summary line.
std::string check_text(const Analysis& analysis, const CheckResult& result);

/// JSON: findings, summary, suppression_problems and metrics (see docs/check-output.md).
std::string check_json(const Analysis& analysis, const CheckResult& result);

/// CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read "£" right): a header,
/// then one row per finding, accepted ones included. Cells that a spreadsheet would take for a
/// formula (starting = + - @) are prefixed with an apostrophe.
std::string check_csv(const Analysis& analysis, const CheckResult& result);

/// SARIF 2.1.0: one run; tool.driver.rules are the rules that ran, with their docs.
std::string check_sarif(const Analysis& analysis, const CheckResult& result);

/// A path written as a relative URI reference (percent-encoded), or a file:// URI when absolute.
std::string path_to_uri(const std::string& path);

}  // namespace govmap
