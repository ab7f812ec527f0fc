// Findings of the board rules on their fixtures (tests/rules/board/*.xml), whose comments
// state the expected findings.

#include <doctest/doctest.h>

#include "tests/rules_fixture_support.h"

namespace govmap {
using test::check_fixture;
using test::lines;
using test::messages;
using test::subject_ids;

namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("board-interlock reports people on many boards or chairing several") {
  const auto [model, findings] = check_fixture("board-interlock", "tests/rules/board/interlock.xml");
  CHECK(messages(findings) == lines({"Ann Example sits on 4 boards (more than 3)",
                                      "Bob Example chairs 2 boards (more than 1)",
                                      "Dan Example sits on 4 boards (more than 3)",
                                      "Fay Example sits on 4 boards (more than 3) and chairs 4 of them (more than 1)"}));
  REQUIRE(findings.size() == 4);
  CHECK(subject_ids(findings[0]) == Strings{"ann", "hwb", "psb", "ijb1", "rpb"});
  CHECK(findings[0].subjects[0].type == "person");
  CHECK(lines(findings[0].evidence) == lines({"member of Example Health and Wellbeing Board",
                                        "member of Example Public Services Board",
                                        "member of North Integration Joint Board",
                                        "member of West Example Regional Partnership Board"}));
  CHECK(lines(findings[1].evidence) == lines({"chair of North Integration Joint Board", "co-chair of South Integration Joint Board"}));
  CHECK(findings[2].evidence[1] ==
        "member of Example Integrated Care Partnership");
  CHECK(findings[2].evidence[2] ==
        "member of Example Public Services Board (as Director of Public Health of NHS Example)");
  CHECK(model.where(findings[0].location).ends_with("interlock.xml:26:3"));
}

TEST_CASE("board-interlock takes its limits from options") {
  const auto [model, findings] =
      check_fixture("board-interlock", "tests/rules/board/interlock.xml", {{"max-boards", 4}, {"max-chairs", 4}});
  CHECK(findings.empty());
}

TEST_CASE("board-dual-role reports people on a board and on the body that funds or oversees it") {
  const auto [model, findings] = check_fixture("board-dual-role", "tests/rules/board/dual-role.xml");
  CHECK(messages(findings) == lines({"Alice Example sits on both Fife Integration Joint Board and NHS Fife, and NHS Fife funds Fife "
                "Integration Joint Board (Delegated budget, £300m)",
                "Bill Example sits on both Fife Integration Joint Board and Fife Council, and Fife Council funds "
                "Fife Integration Joint Board (Delegated budget); Fife Integration Joint Board answers to Fife "
                "Council (Scrutiny)"}));
  REQUIRE(findings.size() == 2);
  CHECK(subject_ids(findings[0]) == Strings{"alice", "fife-ijb", "nhs-fife"});
  CHECK(lines(findings[1].evidence) == lines({"vice-chair of Fife Integration Joint Board", "member of Fife Council"}));
  CHECK(model.where(findings[1].location).ends_with("dual-role.xml:33:3"));
}

TEST_CASE("board-overlapping-remit reports two boards sharing a function over one area") {
  const auto [model, findings] = check_fixture("board-overlapping-remit", "tests/rules/board/overlapping-remit.xml");
  CHECK(messages(findings) == lines({"Cardiff and Vale Regional Partnership Board and Cardiff Public Services Board share the remit "
                "health-wellbeing over 100% of Cardiff Public Services Board's population (362,400)"}));
  REQUIRE(findings.size() == 1);
  CHECK(subject_ids(findings[0]) == Strings{"rpb", "cardiff-psb"});
}

TEST_CASE("board-overlapping-remit counts a smaller overlap when min-overlap is lowered") {
  const auto [model, findings] = check_fixture("board-overlapping-remit", "tests/rules/board/overlapping-remit.xml",
                                               {{"min-overlap", 0.4}});
  REQUIRE(findings.size() == 2);
  CHECK(subject_ids(findings[1]) == Strings{"rpb", "place-board"});
}

TEST_CASE("board-size reports a board with more seats than the limit") {
  const auto [model, findings] = check_fixture("board-size", "tests/rules/board/size.xml");
  CHECK(messages(findings) == lines({"Gwent Regional Partnership Board has 40 seats on its board (more than 20): 30 voting, 10 non-voting"}));
  REQUIRE(findings.size() == 1);
  CHECK(lines(findings[0].evidence) == lines({"10 seats for Independent and voluntary providers",
                                        "12 seats nominated by Aneurin Bevan University Health Board",
                                        "18 seats nominated by Newport City Council"}));
}

TEST_CASE("board-sector-balance reports partnership boards dominated by one sector") {
  const auto [model, findings] = check_fixture("board-sector-balance", "tests/rules/board/sector-balance.xml");
  CHECK(messages(findings) == lines({"9 of 12 voting seats on Example Integrated Care Partnership (75%) represent Health (NHS) (more than 66%)",
                "3 of 4 voting seats on Example Regional Partnership Board (75%) represent Health (NHS) (more than 66%)"}));
  REQUIRE(findings.size() == 2);
  CHECK(subject_ids(findings[0]) == Strings{"icp"});
  CHECK(lines(findings[0].evidence) == lines({"Health (NHS): 9 voting seats", "Local government and social care: 3 voting seats"}));
}

}  // namespace govmap
