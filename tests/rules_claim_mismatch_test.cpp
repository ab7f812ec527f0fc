#include <doctest/doctest.h>

#include <map>

#include "engine/claims.h"
#include "tests/rules_fixture_support.h"

namespace govmap::test {

TEST_CASE("claim-mismatch reports the claims the fixture model does not reproduce, with both numbers") {
  const auto findings = rule_findings("claim/mismatch.xml", "claim-mismatch");
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "claim 'councils' (nt2021, Table 4): published 5, model gives 3");
  CHECK(findings[0].location.line == 40);
  CHECK(findings[0].severity == Severity::Error);
  CHECK(findings[0].evidence.front() == "claim: \"five councils with social care duties\"");
  CHECK(findings[1].message == "claim 'split-councils' (nt2021, Table 4): published 13, model gives 1");
  CHECK(findings[1].location.line == 43);
  CHECK(findings[2].message == "claim 'pooled-money': published 1,000,000, model gives 600,000");
  CHECK(findings[2].evidence.back() == "1 matching funding link has no amount");
  REQUIRE(findings[2].subjects.size() == 1);
  CHECK(findings[2].subjects[0].type == "claim");
  CHECK(findings[2].subjects[0].id == "pooled-money");
}

TEST_CASE("claim-mismatch is silent on claims that hold, including within tolerance and below the sliver") {
  for (const auto& finding : rule_findings("claim/mismatch.xml", "claim-mismatch")) {
    const std::string id = finding.subjects.at(0).id;
    CHECK(id != "boards");
    CHECK(id != "split-ok");
    CHECK(id != "split-boards");
    CHECK(id != "coterminous");
    CHECK(id != "seats");
    CHECK(id != "population");
    CHECK(id != "allocation");
    CHECK(id != "north-allocation");
  }
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
