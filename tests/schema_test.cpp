// The XSD in models/schema/ describes the same format the loader reads: every bundled model
// file and example validates against it, and files the loader rejects for their shape fail it.

#include <filesystem>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {
bool xmllint_validates(const std::string& file) {
  const std::string command = "xmllint --noout --nonet --schema '" + path("models/schema/govmap-1.xsd") + "' '" +
                              file + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}
}  // namespace

TEST_CASE("every bundled model file validates against the XSD") {
  REQUIRE(std::system("command -v xmllint >/dev/null 2>&1") == 0);
  std::size_t checked = 0;
  for (const char* folder : {"models", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(path(folder))) {
      if (entry.path().extension() != ".xml") continue;
      const std::string text = read_text(entry.path().string());
      if (text.find("<govmap ") == std::string::npos && text.find("<govmap>") == std::string::npos &&
          text.find("<govmap\n") == std::string::npos) {
        continue;  // vocabulary, import specs
      }
      CAPTURE(entry.path().string());
      CHECK(xmllint_validates(entry.path().string()));
      ++checked;
    }
  }
  CHECK(checked >= 1);
}

TEST_CASE("the XSD rejects what the loader rejects for its shape") {
  for (const char* name : {"unknown-element", "unknown-attribute", "missing-attribute", "bad-number", "bad-date",
                           "negative-money", "unsupported-version"}) {
    const std::string problem = name;
    CAPTURE(problem);
    CHECK_FALSE(xmllint_validates(path(std::string("tests/loader/bad/") + name + ".xml")));
  }
}

}  // namespace govmap::test
