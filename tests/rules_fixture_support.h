#pragma once
// Helpers for rule fixture tests: run one rule of the catalogue over a fixture model.

#include <string>
#include <vector>

#include "check/run.h"
#include "engine/analysis.h"
#include "rules/catalogue.h"
#include "tests/test_support.h"

namespace govmap::test {

/// Findings of rule `rule_id` alone for tests/rules/<fixture>, with optional option values.
inline std::vector<Finding> rule_findings(const std::string& fixture, const std::string& rule_id,
                                          std::map<std::string, double> options = {}) {
  auto [model, diagnostics] = load(path("tests/rules/" + fixture));
  if (!model) throw std::runtime_error("fixture did not load: " + diagnostics);
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules[rule_id].enabled = true;
  profile.rules[rule_id].options = std::move(options);
  return run_checks(*analyse(std::move(*model)), profile, {}, "2024-01-01").findings;
}

// The helpers below run a rule directly through a RuleContext (no profile or suppressions).

/// A fixture model and the findings of one rule on it.
struct Checked {
  Model model;
  std::vector<Finding> findings;
};

/// Runs one rule of the catalogue over a fixture, with options overriding the defaults; keeps
/// the model so that tests can resolve finding locations (Model::where).
inline Checked check_fixture(std::string_view rule_id, const std::string& fixture,
                             std::map<std::string, double> options = {}) {
  const Rule* rule = find_rule(rule_id);
  REQUIRE(rule != nullptr);
  auto [model, diagnostics] = load(path(fixture));
  REQUIRE_MESSAGE(model.has_value(), diagnostics);
  Checked out{std::move(*model), {}};
  const Analysis analysis(out.model);  // a copy: the test keeps the model to resolve locations
  const RuleContext ctx(analysis, *rule, rule->default_severity, std::move(options), out.findings);
  rule->check(ctx);
  return out;
}

/// The findings of one rule over a fixture.
inline std::vector<Finding> run_rule(const std::string& rule_id, const std::string& fixture,
                                     std::map<std::string, double> options = {}) {
  return check_fixture(rule_id, fixture, std::move(options)).findings;
}

/// The findings' messages, one a line (doctest prints strings in full when they differ).
inline std::string messages(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.message + "\n";
  return out;
}

inline std::string lines(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) out += t + "\n";
  return out;
}

inline std::vector<std::string> subject_ids(const Finding& finding) {
  std::vector<std::string> out;
  for (const auto& s : finding.subjects) out.push_back(s.id);
  return out;
}

}  // namespace govmap::test
