#include <doctest/doctest.h>

#include <filesystem>
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

}  // namespace govmap::test
