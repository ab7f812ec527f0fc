#include <algorithm>

#include <doctest/doctest.h>

#include <sstream>

#include "check/baseline.h"
#include "check/run.h"
#include "rules/catalogue.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

std::string printed(const DiagnosticSink& sink) {
  std::ostringstream out;
  print_diagnostics(out, sink);
  return out.str();
}

RuleProfile only_mine() {
  DiagnosticSink sink;
  auto profile = load_profile(path("tests/check/only-mine.xml"), sink);
  REQUIRE(profile);
  return *profile;
}

}  // namespace

TEST_CASE("a rules profile enables, disables and sets options of rules") {
  const RuleProfile profile = only_mine();
  const Rule* layering = find_rule("structure-layering");
  REQUIRE(layering);
  CHECK(profile.enabled(*layering));
  CHECK(profile.options(*layering).at("max-layers") == 3);
  CHECK(profile.severity(*layering) == Severity::Warning);
  for (const auto& rule : rule_catalogue()) {
    if (rule.id != "structure-layering" && rule.id != "claim-mismatch") CHECK_FALSE(profile.enabled(rule));
  }
}

TEST_CASE("a bad rules profile reports each mistake at its line with did you mean") {
  DiagnosticSink sink;
  CHECK_FALSE(load_profile(path("tests/check/bad-profile.xml"), sink));
  const std::string text = printed(sink);
  CHECK(sink.error_count() == 3);
  CHECK(text.find("bad-profile.xml:9:9: error: unknown rule 'structure-layring' (did you mean "
                  "'structure-layering'?) [unknown-rule]") != std::string::npos);
  CHECK(text.find("bad-profile.xml:10:29: error: 'fatal' is not a valid value for 'severity'") != std::string::npos);
  CHECK(text.find("has no option 'max-layer' (did you mean 'max-layers'?)") != std::string::npos);
}

TEST_CASE("run_checks applies inline suppressions and reports unused, expired and unknown ones") {
  auto [model, diagnostics] = load(path("tests/check/suppressions.xml"));
  REQUIRE(model);
  const CheckResult result = run_checks(*analyse(*model), only_mine(), {}, "2024-06-01");
  REQUIRE(result.findings.size() == 4);
  CHECK(result.findings[0].rule == "structure-layering");
  CHECK(result.findings[0].suppressed);
  CHECK(result.findings[0].suppression_reason == "the ICS and ICP share one board in practice");
  CHECK(result.findings[1].suppressed);   // councils
  CHECK_FALSE(result.findings[2].suppressed);  // money
  CHECK_FALSE(result.findings[3].suppressed);  // areas: its suppression expired
  REQUIRE(result.suppression_diagnostics.size() == 3);
  CHECK(result.suppression_diagnostics[0].code == "unused-suppression");
  CHECK(result.suppression_diagnostics[0].line == 34);
  CHECK(result.suppression_diagnostics[1].code == "expired-suppression");
  CHECK(result.suppression_diagnostics[2].code == "unknown-rule");
  CHECK(result.suppression_diagnostics[2].message.find("did you mean 'structure-layering'") != std::string::npos);
}

TEST_CASE("a baseline's suppression that matches nothing in a proposal is not reported as unused") {
  auto [model, diagnostics] = load(path("tests/check/suppressions-proposal.xml"));
  REQUIRE(model);
  const CheckResult result = run_checks(*analyse(*model), only_mine(), {}, "2024-06-01");
  CHECK(std::none_of(result.findings.begin(), result.findings.end(),
                     [](const Finding& f) { return f.rule == "structure-layering"; }));
  std::vector<std::string> codes;
  for (const auto& d : result.suppression_diagnostics) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"expired-suppression", "unknown-rule"});
}

TEST_CASE("an expiry date still in the future keeps a suppression in force") {
  auto [model, diagnostics] = load(path("tests/check/suppressions.xml"));
  REQUIRE(model);
  const CheckResult result = run_checks(*analyse(*model), only_mine(), {}, "2024-01-31");
  CHECK(result.findings[3].suppressed);
}

TEST_CASE("baseline suppressions accept findings and their locations point into the baseline") {
  auto [model, diagnostics] = load(path("tests/check/suppressions.xml"));
  REQUIRE(model);
  DiagnosticSink sink;
  const auto baseline = load_baseline(path("tests/check/baseline.xml"), *model, sink);
  REQUIRE(baseline);
  const CheckResult result = run_checks(*analyse(*model), only_mine(), *baseline, "2024-06-01");
  const Finding& money = result.findings[2];
  CHECK(money.suppressed);
  CHECK(result.suppressed_by_baseline[2]);
  CHECK(model->where(money.suppression_location).find("tests/check/baseline.xml:3:3") != std::string::npos);
}

TEST_CASE("a written baseline accepts every unsuppressed finding by rule and subject") {
  auto [model, diagnostics] = load(path("tests/check/suppressions.xml"));
  REQUIRE(model);
  const CheckResult result = run_checks(*analyse(*model), only_mine(), {}, "2024-06-01");
  CHECK(baseline_xml(result.findings, "2024-06-01") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- Findings accepted by govmap check (option write-baseline). Give each a real reason. -->\n"
        "<baseline version=\"1\">\n"
        "  <suppress rule=\"claim-mismatch\" subject=\"areas\" reason=\"accepted in baseline on 2024-06-01\"/>\n"
        "  <suppress rule=\"claim-mismatch\" subject=\"money\" reason=\"accepted in baseline on 2024-06-01\"/>\n"
        "</baseline>\n");
}

TEST_CASE("fail-on counts unsuppressed findings at or above the level") {
  Finding warning;
  warning.severity = Severity::Warning;
  CHECK(fails(warning, Severity::Warning));
  CHECK(fails(warning, Severity::Info));
  CHECK_FALSE(fails(warning, Severity::Error));
  CHECK_FALSE(fails(warning, std::nullopt));
  warning.suppressed = true;
  CHECK_FALSE(fails(warning, Severity::Info));
}

}  // namespace govmap::test
