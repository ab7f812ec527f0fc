#include <doctest/doctest.h>

#include <filesystem>
#include <fmt/format.h>
#include <regex>
#include <set>

#include "rules/catalogue.h"
#include "rules/docs.h"
#include "tests/test_support.h"

namespace govmap::test {

TEST_CASE("rule catalogue ids are unique, kebab-case category-slug and listed in sorted order") {
  const std::regex kebab("[a-z]+(-[a-z0-9]+)+");
  std::set<std::string> seen;
  std::string previous;
  for (const auto& rule : rule_catalogue()) {
    INFO("rule " << rule.id);
    CHECK(std::regex_match(rule.id, kebab));
    CHECK(seen.insert(rule.id).second);
    CHECK(previous < rule.id);
    previous = rule.id;
    CHECK(rule.check);
    CHECK_FALSE(rule.summary.empty());
  }
  CHECK(find_rule("claim-mismatch") != nullptr);
  CHECK(find_rule("no-such-rule") == nullptr);
}

// A rule's fixture, tests/rules/<category>/<slug>.xml, states the findings it expects beside the
// elements that trigger them (`<!-- EXPECT: warning: message [rule-id] -->`, with optional
// EVIDENCE, SUBJECTS and OPTIONS; tests/rules/README.md); tests/rules_fixtures_test.cpp runs
// every rule on its fixtures and requires each fixture to state at least one finding.
TEST_CASE("every rule has its doc, its fixture and help text for each option") {
  namespace fs = std::filesystem;
  for (const auto& rule : rule_catalogue()) {
    INFO("rule " << rule.id);
    const auto dash = rule.id.find('-');
    const std::string category = rule.id.substr(0, dash), slug = rule.id.substr(dash + 1);
    CHECK_FALSE(rule_doc(rule.id).empty());
    CHECK(fs::is_regular_file(path("tests/rules/" + category + "/" + slug + ".xml")));
    for (const auto& option : rule.options) {
      INFO("option " << option.name);
      CHECK_FALSE(option.help.empty());
    }
  }
}

TEST_CASE("every rule doc follows the template and belongs to a rule") {
  for (const auto& [id, doc] : rule_docs()) {
    INFO("doc " << id);
    CHECK(find_rule(id) != nullptr);
    for (const char* section : {"## What it finds", "## Why it matters", "## Example", "## Options",
                                "## Known limits", "## References"}) {
      CHECK(doc.find(section) != std::string_view::npos);
    }
  }
}

namespace {

/// The line under a rule doc's title, as the catalogue says it: severity and option defaults.
std::string severity_and_options_line(const Rule& rule) {
  std::string options;
  for (const auto& o : rule.options) {
    options += fmt::format("{}`{}` (default {})", options.empty() ? "" : ", ", o.name, o.default_value);
  }
  return fmt::format("Default severity: **{}**. Options: {}.", to_string(rule.default_severity),
                     options.empty() ? "none" : options);
}

std::string_view section(std::string_view doc, std::string_view heading) {
  const auto start = doc.find(heading);
  if (start == std::string_view::npos) return {};
  const auto end = doc.find("\n## ", start + heading.size());
  return doc.substr(start, end == std::string_view::npos ? doc.npos : end - start);
}

}  // namespace

TEST_CASE("every rule doc states the catalogue's severity and option defaults") {
  for (const auto& rule : rule_catalogue()) {
    INFO("rule " << rule.id);
    const std::string_view doc = rule_doc(rule.id);
    const std::string title = "# " + rule.id + "\n\n";
    CHECK(doc.starts_with(title));
    const std::string_view line = doc.substr(title.size(), doc.find('\n', title.size()) - title.size());
    CHECK(line == severity_and_options_line(rule));
    // The Options section gives each default again, in a table row or a list item.
    const std::string_view options = section(doc, "## Options");
    if (rule.options.empty()) CHECK(options.find("None") != std::string_view::npos);
    for (const auto& o : rule.options) {
      INFO("option " << o.name);
      const bool row = options.find(fmt::format("| `{}` | {} |", o.name, o.default_value)) != options.npos;
      const bool item = options.find(fmt::format("`{}` (default {})", o.name, o.default_value)) != options.npos;
      CHECK((row || item));
    }
  }
}

}  // namespace govmap::test
