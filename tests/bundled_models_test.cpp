// The bundled models are what users run first: every one loads with no diagnostic at all (not
// even a warning), checks without unused or expired suppressions, and cites a source on every
// body and link.

#include <filesystem>

#include <doctest/doctest.h>

#include "check/run.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {
std::vector<std::string> bundled_models() {
  std::vector<std::string> paths;
  for (const char* nation : {"england", "wales", "scotland", "northern-ireland"}) {
    // A nation has one dated model (<nation>/model.xml) or models per era (<nation>/<era>/).
    const std::string dated = std::string("models/") + nation + "/model.xml";
    if (fs::exists(path(dated))) paths.push_back(dated);
    for (const char* era : {"2017", "2021", "current"}) {
      const std::string model = std::string("models/") + nation + "/" + era + "/model.xml";
      if (fs::exists(path(model))) paths.push_back(model);
    }
    const fs::path proposals = path(std::string("models/") + nation + "/proposals");
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(proposals)) {
      if (entry.path().extension() == ".xml") found.push_back(fs::relative(entry.path(), source_dir()).string());
    }
    std::sort(found.begin(), found.end());
    paths.insert(paths.end(), found.begin(), found.end());
  }
  return paths;
}
}  // namespace

TEST_CASE("every bundled model and proposal loads with no diagnostic") {
  const auto paths = bundled_models();
  CHECK(paths.size() >= 11);  // four nations over time, England 2017 and the proposals
  for (const auto& model_path : paths) {
    CAPTURE(model_path);
    const auto [model, diagnostics] = load(path(model_path));
    CHECK(model.has_value());
    CHECK(diagnostics.empty());
  }
}

TEST_CASE("every bundled model checks without unused, expired or unknown suppressions") {
  for (const auto& model_path : bundled_models()) {
    CAPTURE(model_path);
    const auto [model, diagnostics] = load(path(model_path));
    REQUIRE(model.has_value());
    const auto result = run_checks(*analyse(*model), RuleProfile{}, {}, "2026-11-23");
    std::string problems;
    for (const auto& d : result.suppression_diagnostics) problems += d.message + "\n";
    CHECK(problems.empty());
  }
}

TEST_CASE("every body and link of the bundled models cites a source") {
  for (const auto& model_path : bundled_models()) {
    CAPTURE(model_path);
    const auto [model, diagnostics] = load(path(model_path));
    REQUIRE(model.has_value());
    std::string unsourced;
    for (const auto& b : model->bodies) {
      if (b.provenance.sources.empty() && model->model_sources.empty()) unsourced += "body " + b.id + "\n";
    }
    for (const auto& l : model->links) {
      if (l.provenance.sources.empty() && model->model_sources.empty()) {
        unsourced += "link " + l.from + " -> " + l.to + " at " + model->where(l.provenance.location) + "\n";
      }
    }
    CHECK(unsourced.empty());
  }
}

}  // namespace govmap::test
