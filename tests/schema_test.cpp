// The XSD in models/schema/ describes the same format the loader reads: every bundled model
// file and example validates against it, and files the loader rejects for their shape fail it.

#include <filesystem>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {
// xmllint's exit status for schema validation: 0 valid, 3 invalid; anything else (1 not
// well-formed, 5 the schema does not compile, 127 no xmllint) means nothing was validated.
constexpr int kValid = 0, kInvalid = 3;

int xmllint_status(const std::string& file) {
  const std::string command = "xmllint --noout --nonet --schema '" + path("models/schema/govmap-1.xsd") + "' '" +
                              file + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
      CHECK(xmllint_status(entry.path().string()) == kValid);
      ++checked;
    }
  }
  CHECK(checked >= 1);
}

TEST_CASE("the XSD rejects what the loader rejects for its shape") {
  REQUIRE(std::system("command -v xmllint >/dev/null 2>&1") == 0);
  for (const char* name : {"unknown-element", "unknown-attribute", "missing-attribute", "bad-number", "bad-date",
                           "negative-money", "unsupported-version"}) {
    const std::string problem = name;
    CAPTURE(problem);
    CHECK(xmllint_status(path(std::string("tests/loader/bad/") + name + ".xml")) == kInvalid);
  }
}

}  // namespace govmap::test
