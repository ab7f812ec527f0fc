#pragma once
// Helpers for rule fixture tests: run one rule of the catalogue over a fixture model.

#include <string>
#include <vector>

#include "rules/engine.h"
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
  return run_checks(*model, profile, {}, "2024-01-01").findings;
}

}  // namespace govmap::test
