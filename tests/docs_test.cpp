// The docs where they quote the tool: the rule index in docs/rules.md against the catalogue, the
// findings quoted in each rule doc (what `govmap explain` prints) against what the rule reports,
// and the files the docs name against the tree.

#include <doctest/doctest.h>

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "check/run.h"
#include "engine/analysis.h"
#include "rules/catalogue.h"
#include "rules/docs.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {

/// docs/rules.md's row for a rule, as the catalogue says it.
std::string index_row(const Rule& rule) {
  std::string options;
  for (const auto& o : rule.options) {
    options += fmt::format("{}`{}` {}", options.empty() ? "" : ", ", o.name, o.default_value);
  }
  const auto dash = rule.id.find('-');
  return fmt::format("| {} | {} | {} | {} | [doc](../rules/{}/{}.md) |", rule.id, to_string(rule.default_severity),
                     options.empty() ? "none" : options, rule.summary, rule.id.substr(0, dash),
                     rule.id.substr(dash + 1));
}

/// A model loaded once per test run, with its analysis (the bundled models are large).
struct Loaded {
  Model model;
  std::unique_ptr<Analysis> analysis;
};

const Loaded& loaded(const std::string& relative) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto& slot = cache[relative];
  if (!slot) {
    auto [model, diagnostics] = load(path(relative));
    REQUIRE_MESSAGE(model, relative << " does not load:\n" << diagnostics);
    slot = std::make_unique<Loaded>(Loaded{*model, nullptr});
    slot->analysis = std::make_unique<Analysis>(std::move(*model));
  }
  return *slot;
}

/// The unsuppressed findings of one rule, alone with its defaults, with where each points
/// (path relative to the source directory, line and column).
std::vector<std::pair<std::string, const Finding*>> findings_of(const std::string& rule_id, const Loaded& m,
                                                                std::vector<Finding>& storage) {
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules[rule_id].enabled = true;
  storage = run_checks(*m.analysis, profile, {}, "2024-01-01").findings;
  std::vector<std::pair<std::string, const Finding*>> out;
  for (const Finding& f : storage) {
    if (f.suppressed) continue;
    std::string where = m.model.where(f.location);
    if (where.starts_with(source_dir() + "/")) where.erase(0, source_dir().size() + 1);
    out.emplace_back(where, &f);
  }
  return out;
}

/// The model file to load for a path a doc quotes: a generated geography.xml is read through
/// the model.xml that includes it.
std::string model_for(const std::string& quoted) {
  const fs::path p(quoted);
  return p.filename() == "geography.xml" ? (p.parent_path() / "model.xml").string() : quoted;
}

/// The lines of a doc's ``` blocks (not ```xml ones), with the block's later lines after each.
std::vector<std::vector<std::string>> code_blocks(std::string_view doc) {
  std::vector<std::vector<std::string>> blocks;
  std::istringstream in{std::string(doc)};
  bool inside = false, plain = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("```")) {
      if (!inside) {
        plain = line == "```" || line == "```text";
        if (plain) blocks.emplace_back();
      }
      inside = !inside;
      continue;
    }
    if (inside && plain) blocks.back().push_back(line);
  }
  return blocks;
}

}  // namespace

TEST_CASE("docs/rules.md lists every rule with the catalogue's severity, option defaults and summary") {
  const std::string index = read_text(path("docs/rules.md"));
  std::size_t rows = 0;
  for (const auto& rule : rule_catalogue()) {
    const std::string row = index_row(rule);
    CHECK_MESSAGE(index.find("\n" + row + "\n") != std::string::npos, "docs/rules.md wants the row\n" << row);
  }
  std::istringstream lines(index);
  for (std::string line; std::getline(lines, line);) rows += line.starts_with("| ") && line.find("](../rules/") != line.npos;
  CHECK(rows == rule_catalogue().size());
}

TEST_CASE("findings quoted in rule docs are what the rule reports, where the doc says") {
  // "path:line:col: severity: message [rule]" is checked at that place; "severity: message
  // [rule]" alone must be reported on the rule's fixture. Evidence lines below it (indented,
  // up to "...") must be the finding's evidence, in order.
  const std::regex quoted(R"(^(?:(\S+\.xml):(\d+):(\d+): )?(error|warning|info): (.*) \[([a-z0-9-]+)\]$)");
  std::size_t checked = 0;
  for (const auto& rule : rule_catalogue()) {
    const auto dash = rule.id.find('-');
    const std::string fixture = "tests/rules/" + rule.id.substr(0, dash) + "/" + rule.id.substr(dash + 1) + ".xml";
    for (const auto& block : code_blocks(rule_doc(rule.id))) {
      for (std::size_t i = 0; i < block.size(); ++i) {
        std::smatch m;
        if (!std::regex_match(block[i], m, quoted)) continue;
        CAPTURE(rule.id);
        CAPTURE(block[i]);
        CHECK(m[6] == rule.id);
        const std::string where = m[1].matched ? fmt::format("{}:{}:{}", m[1].str(), m[2].str(), m[3].str()) : "";
        std::vector<Finding> storage;
        const auto findings = findings_of(rule.id, loaded(m[1].matched ? model_for(m[1]) : fixture), storage);
        const Finding* found = nullptr;
        for (const auto& [at, f] : findings) {
          if ((where.empty() || at == where) && to_string(f->severity) == m[4].str() && f->message == m[5].str()) found = f;
        }
        CHECK_MESSAGE(found != nullptr, "no such finding" << (where.empty() ? " on " + fixture : " at " + where));
        for (std::size_t e = 0; found && i + 1 + e < block.size() && block[i + 1 + e].starts_with("    "); ++e) {
          const std::string line = block[i + 1 + e].substr(4);
          if (line == "...") break;
          REQUIRE(e < found->evidence.size());
          CHECK(line == found->evidence[e]);
        }
        ++checked;
      }
    }
  }
  CHECK(checked >= rule_catalogue().size() / 2);
}

TEST_CASE("rule docs cite documents a reader can find, and name files that exist") {
  const std::regex repo_path(R"(`((?:models|tests|docs|examples|rules|scripts)/[^`<>*{} ]+)`)");
  for (const auto& [id, doc] : rule_docs()) {
    CAPTURE(id);
    // The seed files are the team's copies; a reader needs the document's name.
    CHECK_MESSAGE(doc.find("seed 0") == std::string_view::npos, "cite the document, not its seed number");
    const std::string text(doc);
    for (std::sregex_iterator it(text.begin(), text.end(), repo_path), end; it != end; ++it) {
      CHECK_MESSAGE(fs::exists(path((*it)[1])), (*it)[1] << " does not exist");
    }
  }
}

TEST_CASE("docs/models-layout.md names only files and folders that exist") {
  const std::string doc = read_text(path("docs/models-layout.md"));
  const auto start = doc.find("```\nmodels/\n");
  REQUIRE(start != std::string::npos);
  std::istringstream block(doc.substr(start + 12, doc.find("```", start + 12) - start - 12));
  std::size_t named = 0;
  for (std::string line; std::getline(block, line);) {
    std::istringstream words(line);
    std::string entry;
    words >> entry;
    if (entry.empty() || entry.find('<') != std::string::npos) continue;  // <nation>/... are patterns
    for (std::string part; entry.find(',') != std::string::npos;) {  // "FORMAT.md, schema/"
      part = entry.substr(0, entry.find(','));
      CHECK_MESSAGE(fs::exists(path("models/" + part)), "models/" << part);
      words >> entry;
    }
    CHECK_MESSAGE(fs::exists(path("models/" + entry)), "models/" << entry);
    ++named;
  }
  CHECK(named >= 2);
}

}  // namespace govmap::test
