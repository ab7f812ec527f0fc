#pragma once
// Rule fixtures state their expected findings beside the element that triggers them, in XML
// comments (tests/rules/README.md describes the syntax):
//
//   <!-- EXPECT: warning: Board B has 40 seats on its board (more than 20) [board-size]
//        EVIDENCE: 40 seats nominated by Example Council
//        SUBJECTS: board-b -->
//   <body id="board-b" .../>
//
// An expectation belongs to the line of the next tag after its comment, or to its own line when
// the comment follows a tag on that line. `OPTIONS: name=value ...` sets the rule's options for
// the fixture; `OPTIONS(run): ...` declares a further run of the rule with other options, whose
// findings are stated as `EXPECT(run): ...` (`EXPECT(default, run): ...` for both runs).
// This file parses fixtures and compares their expectations with what the rule reports.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace govmap::test {

/// One expected finding: where, what the user reads, and optionally its evidence and subjects.
struct ExpectedFinding {
  std::uint32_t line = 0;       // line of the element the finding points at
  std::uint32_t comment_line = 0;  // where the expectation is written (for messages)
  std::vector<std::string> runs;   // the runs it belongs to ("default" unless named)
  std::string text;                // "severity: message [rule-id]"
  std::optional<std::vector<std::string>> evidence;  // checked when stated
  std::optional<std::vector<std::string>> subjects;  // subject ids, checked when stated
};

/// A fixture's runs (name -> options) and expectations, or the problems in writing them.
struct FixtureSpec {
  std::map<std::string, std::map<std::string, double>> runs{{"default", {}}};
  std::vector<ExpectedFinding> expected;
  std::vector<std::string> errors;  // "line N: ..." for malformed directives
};

/// Parses the EXPECT, EVIDENCE, SUBJECTS and OPTIONS directives of a fixture's text.
FixtureSpec parse_fixture(std::string_view text);

/// How a finding reads in an expectation: "warning: message [rule-id]".
std::string expectation_text(const Finding& finding);

/// The differences between the findings of one run (each with the line it points at) and the
/// expectations of that run, one a line ("missing", "unexpected", "evidence differs", ...);
/// empty when they agree. Findings are matched by line and text, in order.
std::string compare_findings(const std::vector<std::pair<std::uint32_t, const Finding*>>& actual,
                             const std::vector<const ExpectedFinding*>& expected);

}  // namespace govmap::test
