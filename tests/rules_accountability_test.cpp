// Tests for the accountability rules: each loads its fixture (tests/rules/accountability/) and
// checks the exact findings, as a user would read them.

#include <doctest/doctest.h>

#include "engine/geography.h"
#include "engine/graph.h"
#include "rules/catalogue.h"
#include "tests/rules_fixture_support.h"

namespace govmap {
using test::lines;
using test::messages;
using test::run_rule;
using test::subject_ids;

TEST_CASE("accountability-no-route finds bodies whose chain of accountability stops short of voters") {
  const auto findings = run_rule("accountability-no-route", "tests/rules/accountability/no-route.xml");
  CHECK(messages(findings) ==
        lines({
            "Department of Integration has no chain of accountability to an elected body: it answers to no "
            "other body in the model",
            "Integration Agency has no chain of accountability to an elected body: it answers to Department of "
            "Integration (performance management)",
            "Place Alliance has no chain of accountability to an elected body: it answers to no other body in "
            "the model",
            "Board A has no chain of accountability to an elected body: it answers to Board B (scrutiny)",
            "Board B has no chain of accountability to an elected body: it answers to Board A (scrutiny)",
        }));
  REQUIRE(findings.size() == 5);
  CHECK(findings[1].evidence == std::vector<std::string>{
                                    "chain followed: Integration Agency -> Department of Integration, which "
                                    "answers to no other body in the model"});
  CHECK(findings[3].evidence == std::vector<std::string>{
                                    "chain followed: Board A -> Board B, which answers back to Board A: the "
                                    "chain loops"});
  CHECK(subject_ids(findings[1]) == std::vector<std::string>{"agency"});
  CHECK(findings[1].subjects[0].kind == "national-nhs-body");
  CHECK(findings[1].location.line == 41);
  CHECK(findings[1].severity == Severity::Warning);
}

TEST_CASE("accountability-multiple-masters finds a joint board answering to both its partners") {
  const auto findings =
      run_rule("accountability-multiple-masters", "tests/rules/accountability/multiple-masters.xml");
  CHECK(messages(findings) ==
        lines({
            "Integration Joint Board answers to Council and NHS Board (scrutiny), and neither answers to "
            "the other",
            "Community Trust answers to North ICB and South ICB (community-health), and neither answers to "
            "the other",
        }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].evidence == std::vector<std::string>{"scrutiny: answers to Council and NHS Board"});
  CHECK(subject_ids(findings[0]) == std::vector<std::string>{"ijb", "council", "nhs-board"});
  CHECK(subject_ids(findings[1]) == std::vector<std::string>{"trust2", "icb-north", "icb-south"});
}

TEST_CASE("accountability-multiple-masters counts regulators only when asked") {
  const auto findings = run_rule("accountability-multiple-masters",
                                 "tests/rules/accountability/multiple-masters.xml", {{"include-regulatory", 1}});
  // The care home is inspected by two regulators that do not answer to each other.
  CHECK(messages(findings) ==
        lines({
            "Integration Joint Board answers to Council and NHS Board (scrutiny), and neither answers to "
            "the other",
            "Riverside Care Home answers to Care Regulator and Health Inspectorate (regulatory inspection), "
            "and neither answers to the other",
            "Community Trust answers to North ICB and South ICB (community-health), and neither answers to "
            "the other",
        }));
}

TEST_CASE("accountability-cycle prints each loop in order") {
  const auto findings = run_rule("accountability-cycle", "tests/rules/accountability/cycle.xml");
  CHECK(messages(findings) ==
        lines({
            "accountability loops back on itself: Alpha Board -> Beta Board -> Gamma Board -> Alpha Board",
            "Self Board is recorded as answering to itself",
        }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].evidence == std::vector<std::string>{
                                    "Alpha Board answers to Beta Board (duty to have regard to plans)",
                                    "Beta Board answers to Gamma Board (scrutiny)",
                                    "Gamma Board answers to Alpha Board (duty to have regard to plans)",
                                    "1 other bodies are caught in the same loops: Delta Board",
                                });
  CHECK(subject_ids(findings[0]) == std::vector<std::string>{"alpha", "beta", "gamma", "delta"});
  CHECK(findings[0].location.line == 26);
  CHECK(findings[1].location.line == 31);
}

}  // namespace govmap
