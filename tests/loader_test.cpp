// The loader's bad-input corpus: tests/loader/bad/<problem>.xml with the exact diagnostics
// `govmap validate` must print in <problem>.expected, and exit code 2 for each.

#include <algorithm>
#include <filesystem>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

TEST_CASE("every bad-input file gets its exact diagnostics and exit code 2") {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(path("tests/loader/bad"))) {
    if (entry.path().extension() == ".xml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 15);
  for (const auto& name : names) {
    CAPTURE(name);
    const auto result = run_govmap("validate tests/loader/bad/" + name + ".xml");
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == read_text(path("tests/loader/bad/" + name + ".expected")));
  }
}

TEST_CASE("the corpus covers each problem the loader must report") {
  for (const char* code : {"xml-syntax", "unknown-element", "unknown-attribute", "missing-attribute",
                           "duplicate-id", "dangling-ref", "bad-number", "bad-date", "negative-money",
                           "vocabulary", "file-not-found", "include-cycle", "include-outside-root",
                           "encoding", "empty-file", "xml-doctype"}) {
    CAPTURE(code);
    bool found = false;
    for (const auto& entry : fs::directory_iterator(path("tests/loader/bad"))) {
      if (entry.path().extension() == ".expected" &&
          read_text(entry.path().string()).find(std::string("[") + code + "]") != std::string::npos) {
        found = true;
      }
    }
    CHECK(found);
  }
}

TEST_CASE("loader reports unknown attributes with a suggestion") {
  const auto [model, text] = load(path("tests/loader/bad/unknown-attribute.xml"));
  CHECK_FALSE(model);
  CHECK(text.find("did you mean 'covers'?") != std::string::npos);
}

TEST_CASE("loader reads the worked example of the format reference") {
  const auto [model, text] = load(path("examples/fife/model.xml"));
  REQUIRE(model);
  CHECK(text.empty());
  CHECK(model->bodies.size() == 3);
  CHECK(model->links.size() == 5);
  const Body* ijb = model->find_body("fife-ijb");
  REQUIRE(ijb);
  CHECK(ijb->status == LegalStatus::Statutory);
  CHECK(ijb->sector == "partnership");
  CHECK(ijb->provenance.location.line == 15);  // the <body id="fife-ijb"> line
}

TEST_CASE("kind-level links stand for one link per body of the kind") {
  const std::string dir = (fs::temp_directory_path() / "govmap-kind-links").string();
  fs::create_directories(dir);
  std::ofstream(dir + "/m.xml") << R"(<govmap version="1" id="k" nation="england" title="K" as-of="2022-07-01" status="current">
  <body id="nhse" name="NHS England" kind="national-nhs-body"/>
  <body id="icb-a" name="ICB A" kind="integrated-care-board"/>
  <body id="icb-b" name="ICB B" kind="integrated-care-board"/>
  <funding from="nhse" to-kind="integrated-care-board" mechanism="formula-allocation"/>
</govmap>
)";
  const auto [model, text] = load(dir + "/m.xml");
  REQUIRE(model);
  REQUIRE(model->links.size() == 2);
  CHECK(model->links[0].to == "icb-a");
  CHECK(model->links[1].to == "icb-b");
}

TEST_CASE("a hostile file with many errors stops at the error limit without hanging") {
  const std::string dir = (fs::temp_directory_path() / "govmap-many-errors").string();
  fs::create_directories(dir);
  std::ofstream out(dir + "/m.xml");
  out << R"(<govmap version="1" id="k" nation="england" title="K" as-of="2022-07-01" status="current">)" << "\n";
  for (int i = 0; i < 100000; ++i) out << "<bodie/>\n";
  out << "</govmap>\n";
  out.close();
  DiagnosticSink sink;
  CHECK_FALSE(load_model(dir + "/m.xml", sink));
  CHECK(sink.all().size() <= 202);
  CHECK(sink.all().back().code == "too-many-errors");
}

}  // namespace govmap::test
