#include <doctest/doctest.h>

#include "tests/rules_fixture_support.h"

namespace govmap::test {

TEST_CASE("structure-layering reports the four layers over place A once, with population shares") {
  const auto findings = rule_findings("structure/layering.xml", "structure-layering");
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.message ==
        "4 partnership layers overlap (more than 3): Shire ICS, Shire ICP, Place A partnership, "
        "Place A health and wellbeing board");
  CHECK(f.location.line == 24);
  CHECK(f.severity == Severity::Warning);
  REQUIRE(f.subjects.size() == 4);
  CHECK(f.subjects[0].id == "shire-ics");
  CHECK(f.subjects[3].id == "hwb-a");
  REQUIRE(f.evidence.size() == 5);
  CHECK(f.evidence[0] == "where they overlap: 2 areas (Place A North, Place A South), population 60,000");
  CHECK(f.evidence[1] == "Shire ICS (Integrated care system): 60% of its population is in this overlap");
  CHECK(f.evidence[3] == "Place A partnership (Place-based partnership): 100% of its population is in this overlap");
}

TEST_CASE("structure-layering follows its max-layers option") {
  CHECK(rule_findings("structure/layering.xml", "structure-layering", {{"max-layers", 4}}).empty());
  const auto strict = rule_findings("structure/layering.xml", "structure-layering", {{"max-layers", 2}});
  REQUIRE(strict.size() == 2);  // place A (4 layers) and place B (3); place C has 2
  CHECK(strict[0].message == "3 partnership layers overlap (more than 2): Shire ICS, Shire ICP, Place B board");
}

}  // namespace govmap::test
