// Every rule on its fixture: each file tests/rules/<category>/<slug>[.<variant>].xml runs the rule
// <category>-<slug> (through the profile, as `govmap check` does) once per run its OPTIONS
// declare, and its findings must be exactly the ones its EXPECT comments state, on the lines
// they state (syntax: tests/rules/README.md and tests/rule_fixture.h).

#include <doctest/doctest.h>

#include <filesystem>

#include "check/run.h"
#include "engine/analysis.h"
#include "rules/catalogue.h"
#include "tests/rule_fixture.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {

/// Every fixture under tests/rules/, sorted, as paths relative to the source directory.
std::vector<std::string> rule_fixtures() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(path("tests/rules"))) {
    if (entry.path().extension() == ".xml") out.push_back(fs::relative(entry.path(), source_dir()).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The rule a fixture is for: tests/rules/boundary/split-area.sliver.xml -> boundary-split-area.
std::string rule_of(const std::string& fixture) {
  const fs::path p(fixture);
  const std::string stem = p.filename().string();
  return p.parent_path().filename().string() + "-" + stem.substr(0, stem.find('.'));
}

/// The differences between one run of the rule and the fixture's expectations for that run.
std::string check_run(const std::string& fixture, const std::string& rule_id, const std::string& run,
                      const std::map<std::string, double>& options, const FixtureSpec& spec) {
  auto [model, diagnostics] = load(path(fixture));
  if (!model) return "the fixture does not load:\n" + diagnostics;
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules[rule_id].enabled = true;
  profile.rules[rule_id].options = options;
  const Analysis analysis(*model);
  const CheckResult result = run_checks(analysis, profile, {}, "2024-01-01");
  std::string problems;
  std::vector<std::pair<std::uint32_t, const Finding*>> actual;
  for (const Finding& f : result.findings) {
    if (f.suppressed) continue;
    if (f.location.file != 0) problems += "finding outside the fixture: " + model->where(f.location) + "\n";
    actual.emplace_back(f.location.line, &f);
  }
  std::vector<const ExpectedFinding*> expected;
  for (const auto& e : spec.expected) {
    if (std::find(e.runs.begin(), e.runs.end(), run) != e.runs.end()) expected.push_back(&e);
  }
  return problems + compare_findings(actual, expected);
}

}  // namespace

TEST_CASE("every rule reports exactly the findings its fixtures state, on the lines they state") {
  const auto fixtures = rule_fixtures();
  CHECK(fixtures.size() >= rule_catalogue().size());
  for (const auto& fixture : fixtures) {
    CAPTURE(fixture);
    const std::string rule_id = rule_of(fixture);
    const Rule* rule = find_rule(rule_id);
    CHECK_MESSAGE(rule != nullptr, fixture << " is named after no rule (" << rule_id << ")");
    if (rule == nullptr) continue;
    const FixtureSpec spec = parse_fixture(read_text(path(fixture)));
    for (const auto& error : spec.errors) FAIL_CHECK(fixture << ":" << error);
    for (const auto& [run, options] : spec.runs) {
      for (const auto& [name, value] : options) {
        const bool known = std::any_of(rule->options.begin(), rule->options.end(),
                                       [&](const RuleOption& o) { return o.name == name; });
        CHECK_MESSAGE(known, fixture << ": run " << run << " sets option " << name << ", which " << rule_id
                                     << " does not have");
      }
      const std::string problems = check_run(fixture, rule_id, run, options, spec);
      CHECK_MESSAGE(problems.empty(), fixture << " (run " << run << "):\n" << problems);
    }
  }
}

TEST_CASE("every rule's fixture states at least one finding of that rule") {
  for (const auto& rule : rule_catalogue()) {
    const auto dash = rule.id.find('-');
    const std::string fixture = "tests/rules/" + rule.id.substr(0, dash) + "/" + rule.id.substr(dash + 1) + ".xml";
    CAPTURE(fixture);
    REQUIRE(fs::is_regular_file(path(fixture)));
    const FixtureSpec spec = parse_fixture(read_text(path(fixture)));
    const bool stated = std::any_of(spec.expected.begin(), spec.expected.end(), [&](const ExpectedFinding& e) {
      return e.text.ends_with("[" + rule.id + "]");
    });
    CHECK_MESSAGE(stated, fixture << " states no EXPECT for " << rule.id);
  }
}

// The comparison itself, on a small fixture, so that a broken expectation is known to fail.
TEST_CASE("fixture expectations fail on a missing, extra, moved or reworded finding") {
  const std::string text =
      "<govmap>\n"                                                       // 1
      "  <!-- EXPECT: warning: A is split [boundary-split-area]\n"       // 2
      "       EVIDENCE: A: population 10\n"                              // 3
      "       SUBJECTS: a b -->\n"                                       // 4
      "  <body id=\"a\"/>\n"                                             // 5
      "  <body id=\"b\"/> <!-- EXPECT(low): info: B is\n"                // 6
      "       small [funding-small-pool] -->\n"                          // 7
      "  <!-- OPTIONS(low): min-share=0.5 -->\n"                         // 8
      "</govmap>\n";
  const FixtureSpec spec = parse_fixture(text);
  CHECK(spec.errors.empty());
  REQUIRE(spec.expected.size() == 2);
  CHECK(spec.expected[0].line == 5);
  CHECK(spec.expected[0].text == "warning: A is split [boundary-split-area]");
  CHECK(spec.expected[1].line == 6);  // after a tag on its own line: that line
  CHECK(spec.expected[1].text == "info: B is small [funding-small-pool]");
  CHECK(spec.expected[1].runs == std::vector<std::string>{"low"});
  CHECK(spec.runs.at("low").at("min-share") == 0.5);

  Finding f;
  f.rule = "boundary-split-area";
  f.message = "A is split";
  f.evidence = {"A: population 10"};
  f.subjects = {{"body", "a", "A", "council", ""}, {"body", "b", "B", "council", ""}};
  const std::vector<const ExpectedFinding*> expected{&spec.expected[0]};
  CHECK(compare_findings({{5, &f}}, expected).empty());
  CHECK(compare_findings({}, expected).starts_with("missing finding at line 5"));
  CHECK(compare_findings({{5, &f}, {5, &f}}, expected).starts_with("unexpected finding at line 5"));
  CHECK(compare_findings({{6, &f}}, expected).find("unexpected finding at line 6") != std::string::npos);
  Finding reworded = f;
  reworded.message = "A is divided";
  CHECK(compare_findings({{5, &reworded}}, expected).find("missing finding at line 5") != std::string::npos);
  Finding more_evidence = f;
  more_evidence.evidence.push_back("B: population 3");
  CHECK(compare_findings({{5, &more_evidence}}, expected).starts_with("evidence differs"));
  Finding other_subjects = f;
  other_subjects.subjects.pop_back();
  CHECK(compare_findings({{5, &other_subjects}}, expected).starts_with("subjects differ"));
  Finding error = f;
  error.severity = Severity::Error;
  CHECK_FALSE(compare_findings({{5, &error}}, expected).empty());
}

TEST_CASE("malformed fixture directives are reported, not ignored") {
  const FixtureSpec spec = parse_fixture(
      "<!-- EXPECT: a finding without its rule -->\n<a/>\n"
      "<!-- EVIDENCE: evidence of nothing -->\n<b/>\n"
      "<!-- EXPECT(nowhere): warning: x [board-size] -->\n<c/>\n"
      "<!-- OPTIONS: max-seats=lots -->\n");
  CHECK(spec.errors == std::vector<std::string>{
                           "line 1: EXPECT wants 'severity: message [rule-id]'",
                           "line 3: EVIDENCE must follow an EXPECT in the same comment",
                           "line 7: OPTIONS wants name=number pairs, not 'max-seats=lots'",
                           "line 5: EXPECT(nowhere) names no run declared by OPTIONS(nowhere)",
                       });
}

}  // namespace govmap::test
