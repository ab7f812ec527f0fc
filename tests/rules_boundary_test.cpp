// Findings of the boundary rules on their fixtures (tests/rules/boundary/*.xml), whose
// comments state the expected findings.

#include <doctest/doctest.h>

#include "tests/rules_fixture_support.h"

namespace govmap {
using test::check_fixture;
using test::lines;
using test::messages;
using test::subject_ids;

namespace {

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("boundary-split-area reports Cumbria split between two integrated care systems") {
  const auto [model, findings] = check_fixture("boundary-split-area", "tests/rules/boundary/split-area.xml");
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.rule == "boundary-split-area");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.message ==
        "Cumbria County Council is split between 2 integrated care systems: 66% in North East and North "
        "Cumbria ICS, 34% in Lancashire and South Cumbria ICS");
  CHECK(subject_ids(f) == Ids{"cumbria", "nenc", "lsc"});
  CHECK(f.subjects[0].code == "E10000006");
  CHECK(lines(f.evidence) == lines({"Cumbria County Council: population 497,700",
                                               "66% (326,200) in North East and North Cumbria ICS",
                                               "34% (171,500) in Lancashire and South Cumbria ICS"}));
  CHECK(model.where(f.location).ends_with("split-area.xml:39:3"));
}

TEST_CASE("boundary-split-area counts a sliver once it is over the threshold") {
  const auto [model, findings] =
      check_fixture("boundary-split-area", "tests/rules/boundary/split-area.xml", {{"sliver", 0.001}});
  REQUIRE(findings.size() == 2);
  CHECK(findings[1].message ==
        "Borderdale Council is split between 2 integrated care systems: 100% in North East and North "
        "Cumbria ICS, 0.3% in Lancashire and South Cumbria ICS");
}

TEST_CASE("boundary-non-coterminous reports partnerships whose partners cover other areas") {
  const auto [model, findings] =
      check_fixture("boundary-non-coterminous", "tests/rules/boundary/non-coterminous.xml");
  CHECK(messages(findings) ==
        lines({"Clackmannanshire and Stirling Integration Joint Board is not coterminous with its partners: 36% of "
               "its population (51,540) lies outside Stirling Council",
               "Tay Example Partnership Board is not coterminous with its partners: 44% of its population (115,820) "
               "lies outside all its 2 partner councils with social care duties; its 2 partner councils with social "
               "care duties cover 51,540 people outside it"}));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "boundary-non-coterminous");
  CHECK(findings[0].severity == Severity::Warning);
  CHECK(subject_ids(findings[0]) == Ids{"clacks-stirling-ijb", "stirling-council"});
  CHECK(subject_ids(findings[1]) == Ids{"tay-board", "dundee-council", "clacks-council"});
  CHECK(lines(findings[1].evidence) ==
        lines({"Tay Example Partnership Board: population 264,030",
               "Dundee City Council: population 148,210, of whom 148,210 live within Tay Example Partnership Board",
               "Clackmannanshire Council: population 51,540, of whom 0 live within Tay Example Partnership Board"}));
}

TEST_CASE("boundary-many-partners reports health boards working with several integration authorities") {
  const auto [model, findings] = check_fixture("boundary-many-partners", "tests/rules/boundary/many-partners.xml");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "NHS Tayside works with 3 integration authorities over its area (more than 1): Perth and Kinross "
        "Integration Joint Board (36%), Dundee City Integration Joint Board (36%), Angus Integration Joint Board "
        "(28%)");
  CHECK(subject_ids(findings[0]) == Ids{"nhs-tayside", "pk-ijb", "dundee-ijb", "angus-ijb"});
  CHECK(findings[1].message ==
        "NHS Highland works with 2 integration authorities over its area (more than 1): Argyll and Bute "
        "Integration Joint Board, Highland Health and Social Care Partnership");
  CHECK(findings[1].evidence[0] ==
        "Argyll and Bute Integration Joint Board: area not in the model; NHS Highland is a partner in it");
}

TEST_CASE("boundary-many-partners leaves split bodies to boundary-split-area") {
  const auto [model, findings] = check_fixture("boundary-many-partners", "tests/rules/boundary/split-area.xml");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].subjects[0].id == "nhs-tayside");  // nested IJBs; Cumbria is split, not reported here
}

TEST_CASE("boundary-many-partners allows more partners when max-partners is raised") {
  const auto [model, findings] = check_fixture("boundary-many-partners", "tests/rules/boundary/many-partners.xml",
                                               {{"max-partners", 3}});
  CHECK(findings.empty());
}

}  // namespace govmap
