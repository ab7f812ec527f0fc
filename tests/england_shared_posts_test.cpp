// The directors English councils share (models/england/membership.xml, "Shared posts") are
// what board-interlock finds on the English health and wellbeing boards (issue 13): each shared
// post is one holder on the boards of every council it serves, and the English rules profile
// (models/england/govmap-rules.xml) lists a post on a second board, at every date.

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace {

/// The board-interlock finding lines of `govmap check ARGS`, in output order.
std::vector<std::string> interlock_lines(const std::string& args) {
  const auto result = run_govmap("check " + args + " --format text --fail-on never");
  CHECK(result.exit_code == 0);
  std::vector<std::string> out;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("[board-interlock]") != std::string::npos) out.push_back(line.substr(line.find("warning: ")));
  }
  return out;
}

}  // namespace

TEST_CASE("board-interlock finds the directors English councils share today, one finding per shared post") {
  CHECK(interlock_lines("models/england/model.xml") ==
        std::vector<std::string>{
            "warning: Director of public health, Newcastle upon Tyne and Gateshead sits on 2 boards (more than 1) "
            "[board-interlock]",
            "warning: Joint director of public health, North Lincolnshire and North East Lincolnshire sits on 2 "
            "boards (more than 1) [board-interlock]",
            "warning: Bi-borough director of public health, Westminster and Kensington and Chelsea sits on 2 boards "
            "(more than 1) [board-interlock]",
            "warning: Bi-borough director of children's services, Westminster and Kensington and Chelsea sits on 2 "
            "boards (more than 1) [board-interlock]",
        });
}

TEST_CASE("a shared director is found only at the dates it was shared") {
  // Before April 2024 Newcastle and Gateshead each had their own director of public health.
  const auto before = interlock_lines("models/england/model.xml@2024-03-31");
  CHECK(before.size() == 3);
  for (const auto& line : before) CHECK(line.find("Newcastle") == std::string::npos);
  // North and West Northamptonshire shared one until 31 March 2022.
  const auto in_2021 = interlock_lines("models/england/model.xml@2021-12-01");
  CHECK(in_2021.size() == 4);
  CHECK(in_2021.front().find("North Northamptonshire and West Northamptonshire sits on 2 boards") != std::string::npos);
  const auto after = interlock_lines("models/england/model.xml@2022-04-01");
  CHECK(after.size() == 3);
  for (const auto& line : after) CHECK(line.find("Northamptonshire") == std::string::npos);
}

TEST_CASE("a proposal on England, and England named by name, are checked with England's rules profile") {
  // The profile is found beside the model's own file, else beside the baseline it extends.
  const auto proposal = run_govmap("check models/england/proposals/nhs-england-abolition-2025.xml --fail-on never");
  CHECK(proposal.out.find("[board-interlock]") != std::string::npos);
  const auto named = run_govmap("check england --models models --fail-on never");
  CHECK(named.out.find("[board-interlock]") != std::string::npos);
}

TEST_CASE("stats counts the English shared directors as posts on several boards") {
  const auto result = run_govmap("stats models/england/model.xml");
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("posts on several boards: 4\n") != std::string::npos);
}

TEST_CASE("every shared post of the bundled English models cites a source and says where in it") {
  for (const char* date : {"2021-12-01", "2026-11-30"}) {  // the 2021 report's date and the model's as-of
    CAPTURE(date);
    const auto [model, diagnostics] = load_at("models/england/model.xml", date);
    REQUIRE(model);
    std::size_t shared = 0;
    for (const Post& p : model->posts) {
      if (p.replaces.empty()) continue;
      CAPTURE(p.id);
      ++shared;
      CHECK(!p.provenance.sources.empty());
      CHECK(!p.provenance.evidence.empty());
    }
    CHECK(shared == 4);
  }
}

}  // namespace govmap::test
