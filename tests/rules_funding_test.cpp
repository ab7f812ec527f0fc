// Tests for the funding rules: each loads its fixture (tests/rules/funding/) and
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

TEST_CASE("funding-without-accountability finds money paid to a body that does not answer back") {
  const auto findings = run_rule("funding-without-accountability", "tests/rules/funding/without-accountability.xml");
  CHECK(messages(findings) ==
        lines({
            "Government pays Council through a grant (not ring-fenced) but Council does not answer to "
            "Government or to any body Government answers to",
            "NHS Board pays Integration Joint Board £120m in 2021/22 through a delegated budget but Integration "
            "Joint Board does not answer to NHS Board or to any body NHS Board answers to",
        }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[1].location.line == 42);
  CHECK(findings[1].evidence == std::vector<std::string>{"Integration Joint Board answers to Council",
                                                         "NHS Board answers to Government"});
  CHECK(subject_ids(findings[1]) == std::vector<std::string>{"nhs-board", "ijb"});
}

TEST_CASE("funding-held-not-directed finds set-aside budgets") {
  const auto findings = run_rule("funding-held-not-directed", "tests/rules/funding/held-not-directed.xml");
  CHECK(messages(findings) ==
        lines({
            "Integration Joint Board directs a set-aside budget of £45m in 2021/22 from NHS Board that NHS "
            "Board still holds",
            "Health and Wellbeing Board directs a pooled budget contribution from North ICB that is held by "
            "Council",
        }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.line == 21);
  CHECK(findings[0].evidence == std::vector<std::string>{
                                    "paid by NHS Board, directed by Integration Joint Board, held by NHS Board",
                                    "amount: £45m in 2021/22", "model evidence: Integrated finances"});
  CHECK(subject_ids(findings[1]) == std::vector<std::string>{"hwb", "council", "icb"});
}

TEST_CASE("funding-duty-without-means finds duties without a budget or staff") {
  const auto findings = run_rule("funding-duty-without-means", "tests/rules/funding/duty-without-means.xml");
  CHECK(messages(findings) ==
        lines({
            "Cwm Taf Regional Partnership Board has 3 statutory duties (needs-assessment, joint-plan, "
            "pooled-funds) but cannot hold a budget or employ staff",
            "Integration Joint Board has 1 statutory duty (strategic-plan) but cannot employ staff",
        }));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].evidence ==
        std::vector<std::string>{"duties: needs-assessment, joint-plan, pooled-funds", "powers: none"});
  CHECK(findings[0].location.line == 18);
}

TEST_CASE("funding-non-statutory-holder finds money held by bodies without legal personality") {
  const auto findings = run_rule("funding-non-statutory-holder", "tests/rules/funding/non-statutory-holder.xml");
  CHECK(messages(findings) ==
        lines({
            "North Integrated Care System holds £2m from North ICB, but it is a non-statutory body without "
            "legal personality and no body with legal personality is named to hold it (held-by or part-of)",
            "North Better Care Fund holds money from Council and North ICB, but it is a pooled fund without "
            "legal personality and no host body is named to hold it (held-by on its links, or part-of its host)",
            "Place Alliance holds money from NHS Board, but it is a non-statutory body without legal "
            "personality and no body with legal personality is named to hold it (held-by or part-of)",
        }));
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].location.line == 34);
  CHECK(findings[1].location.line == 35);
  CHECK(findings[2].location.line == 41);
  CHECK(findings[2].evidence ==
        std::vector<std::string>{"set-aside budget from NHS Board, directed by Integration Joint Board"});
}

TEST_CASE("funding-small-pool compares a pool with its contributors' spending in the same year") {
  const auto findings = run_rule("funding-small-pool", "tests/rules/funding/small-pool.xml");
  CHECK(messages(findings) ==
        lines({
            "North Better Care Fund pools £34m in 2021/22, only 3% of the £1.0bn its contributors (North "
            "Council and North ICB) spend",
        }));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].evidence == std::vector<std::string>{
                                    "North Council puts in £10m of the £200m it spends in 2021/22 (5%)",
                                    "North ICB puts in £24m of the £800m it spends in 2021/22 (3%)",
                                    "threshold: 5% of contributors' spending"});
  CHECK(findings[0].severity == Severity::Info);
  CHECK(subject_ids(findings[0]) == std::vector<std::string>{"bcf-north", "north-council", "north-icb"});
}

TEST_CASE("funding-small-pool takes its threshold from the min-share option") {
  CHECK(run_rule("funding-small-pool", "tests/rules/funding/small-pool.xml", {{"min-share", 0.03}}).empty());
}

TEST_CASE("funding-unbalanced finds a pass-through body whose money in and out differ") {
  const auto findings = run_rule("funding-unbalanced", "tests/rules/funding/unbalanced.xml");
  CHECK(messages(findings) ==
        lines({
            "Integration Joint Board receives £400m but pays out £340m in 2021/22: £60m (15%) more comes in "
            "than goes out",
        }));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].evidence == std::vector<std::string>{"in: £300m from NHS Board and £100m from Council",
                                                         "out: £250m to NHS Board and £90m to Council",
                                                         "tolerance: 2% of the larger side"});
}

TEST_CASE("funding-unbalanced takes its tolerance from the option") {
  const auto findings = run_rule("funding-unbalanced", "tests/rules/funding/unbalanced.xml", {{"tolerance", 0.005}});
  CHECK(messages(findings) ==
        lines({
            "Integration Joint Board receives £400m but pays out £340m in 2021/22: £60m (15%) more comes in "
            "than goes out",
            "Pooled Fund receives £10m but pays out £10m in 2021/22: £100,000 (1.0%) more goes out than comes in",
        }));
}

}  // namespace govmap
