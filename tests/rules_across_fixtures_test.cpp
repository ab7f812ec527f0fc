// The few rule checks a fixture's EXPECT comments cannot state (tests/rules_fixtures_test.cpp runs
// each rule on its own fixture): one rule on another rule's fixture, the subject details that
// JSON and SARIF output carry, and how claims are evaluated.

#include <doctest/doctest.h>

#include <map>

#include "check/run.h"
#include "engine/analysis.h"
#include "engine/claims.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

/// The unsuppressed findings of one rule, alone, on a fixture.
std::vector<Finding> findings_of(const std::string& rule_id, const std::string& fixture) {
  auto [model, diagnostics] = load(path(fixture));
  REQUIRE_MESSAGE(model, diagnostics);
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules[rule_id].enabled = true;
  return run_checks(Analysis(*model), profile, {}, "2024-01-01").findings;
}

}  // namespace

TEST_CASE("boundary-many-partners leaves split bodies to boundary-split-area") {
  const auto findings = findings_of("boundary-many-partners", "tests/rules/boundary/split-area.xml");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].subjects[0].id == "nhs-tayside");  // nested IJBs; Cumbria is split, not reported here
}

TEST_CASE("finding subjects carry their type, kind and official code") {
  const auto split = findings_of("boundary-split-area", "tests/rules/boundary/split-area.xml");
  REQUIRE(split.size() == 1);
  CHECK(split[0].subjects[0].type == "body");
  CHECK(split[0].subjects[0].kind == "council");
  CHECK(split[0].subjects[0].code == "E10000006");
  const auto interlock = findings_of("board-interlock", "tests/rules/board/interlock.xml");
  REQUIRE_FALSE(interlock.empty());
  CHECK(interlock[0].subjects[0].type == "person");
  const auto claims = findings_of("claim-mismatch", "tests/rules/claim/mismatch.xml");
  REQUIRE_FALSE(claims.empty());
  CHECK(claims[0].subjects[0].type == "claim");
}

TEST_CASE("a kind-level total counts once, and never as one body's share") {
  auto [model, diagnostics] = load(path("tests/rules/claim/mismatch.xml"));
  REQUIRE_MESSAGE(model, diagnostics);
  const Geography geography(*model);
  std::map<std::string, ClaimCheck> checks;
  for (auto& c : evaluate_claims(*model, geography)) checks[c.claim->id] = c;
  REQUIRE(checks["allocation"].model_value);
  CHECK(*checks["allocation"].model_value == 3000000);
  CHECK_FALSE(checks["north-allocation"].model_value);
  CHECK(checks["north-allocation"].note == "not checkable: 1 matching funding link has no amount");
}

}  // namespace govmap::test
