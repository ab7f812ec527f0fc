#pragma once
// Helpers for rule fixture tests: run one rule of the catalogue over a fixture model.

#include <string>
#include <vector>

#include "engine/geography.h"
#include "engine/graph.h"
#include "rules/catalogue.h"
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

// The helpers below run a rule directly through a RuleContext (no profile or suppressions).

/// Runs one rule of the catalogue over a fixture, with options overriding the defaults.
inline std::vector<Finding> run_rule(const std::string& rule_id, const std::string& fixture,
                              std::map<std::string, double> options = {}) {
  auto [model, diagnostics] = load(path(fixture));
  REQUIRE_MESSAGE(model, diagnostics);
  const Rule* rule = find_rule(rule_id);
  REQUIRE(rule != nullptr);
  const Graph graph(*model);
  const Geography geography(*model);
  std::vector<Finding> findings;
  const RuleContext ctx(*model, graph, geography, *rule, rule->default_severity, std::move(options), findings);
  rule->check(ctx);
  return findings;
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
