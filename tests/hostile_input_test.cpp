// Hostile and broken input that the bad-input corpus cannot hold as small files: inputs made
// here at their hostile size (issue 18). Each test failed before its fix.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "engine/csv.h"
#include "engine/import.h"
#include "engine/text.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kRoot =
    R"(<govmap version="1" id="h" nation="england" title="H" as-of="2022-07-01" status="current">)";

/// A fresh folder for one test's files.
std::string folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("govmap-hostile-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::size_t count_code(const DiagnosticSink& sink, std::string_view code) {
  return static_cast<std::size_t>(
      std::count_if(sink.all().begin(), sink.all().end(), [&](const Diagnostic& d) { return d.code == code; }));
}

TEST_CASE("kind-level links that stand for more than a million links are a located error") {
  // 1,001 councils and 1,000 kind-level funding lines: a 140 KB file that would expand to
  // 1,001,000 links (issue 18 item 12: 462 KB had become 4 million links and 1.67 GB).
  const std::string dir = folder("expansion");
  std::ofstream out(dir + "/m.xml");
  out << kRoot << "\n  <body id=\"g\" name=\"G\" kind=\"government\"/>\n";
  for (int i = 0; i < 1001; ++i) out << "  <body id=\"c" << i << "\" name=\"C\" kind=\"council\"/>\n";
  for (int i = 0; i < 1000; ++i) {
    out << "  <funding from=\"g\" to-kind=\"council\" mechanism=\"unringfenced-grant\"/>\n";
  }
  out << "</govmap>\n";
  out.close();
  DiagnosticSink sink;
  CHECK_FALSE(load_model(dir + "/m.xml", sink));
  REQUIRE(sink.all().size() == 1);
  const Diagnostic& d = sink.all().front();
  CHECK(d.code == "too-many");
  CHECK(d.line == 2003);  // the 1,000th link, which takes the total past the limit
  CHECK(d.message ==
        "with this link, kind-level links stand for more than 1000000 links, the limit for one model "
        "(see Limits in models/FORMAT.md)");
}

TEST_CASE("errors found after parsing stop at the error limit") {
  // Issue 18 item 7: 1,000 unknown areas printed 1,000 errors and then "stopped after 200".
  const std::string dir = folder("many-unknown");
  std::ofstream out(dir + "/m.xml");
  out << kRoot << "\n  <body id=\"b\" name=\"B\" kind=\"council\" covers=\"";
  for (int i = 0; i < 1000; ++i) out << " unknown" << i;
  out << "\"/>\n</govmap>\n";
  out.close();
  DiagnosticSink sink;
  CHECK_FALSE(load_model(dir + "/m.xml", sink));
  CHECK(count_code(sink, "dangling-ref") == 200);
  CHECK(sink.all().size() == 201);
  CHECK(sink.all().back().message == "stopped after 200 errors");
}

TEST_CASE("a list attribute of more than a million words is a located error") {
  // Issue 18 item 6: a 200 MB covers list had grown the loader to 4.7 GB.
  const std::string dir = folder("long-list");
  std::ofstream out(dir + "/m.xml");
  out << kRoot << "\n  <area id=\"a\"/>\n  <body id=\"b\" name=\"B\" kind=\"council\"\n        covers=\"";
  for (int i = 0; i < 1'000'001; ++i) out << "a ";
  out << "\"/>\n</govmap>\n";
  out.close();
  DiagnosticSink sink;
  CHECK_FALSE(load_model(dir + "/m.xml", sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all().front().line == 4);
  CHECK(sink.all().front().column == 9);
  CHECK(sink.all().front().message == "attribute 'covers' lists 1000001 words; the limit is 1000000");
}

TEST_CASE("a body may cover many areas, each checked") {
  const std::string dir = folder("many-areas");
  std::ofstream out(dir + "/m.xml");
  out << kRoot << "\n";
  for (int i = 0; i < 50'000; ++i) out << "  <area id=\"a" << i << "\"/>\n";
  out << "  <body id=\"b\" name=\"B\" kind=\"council\" covers=\"";
  for (int i = 0; i < 50'000; ++i) out << " a" << i;
  out << " missing\"/>\n</govmap>\n";
  out.close();
  DiagnosticSink sink;
  CHECK_FALSE(load_model(dir + "/m.xml", sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all().front().message == "unknown area 'missing'");
  CHECK(sink.all().front().line == 50'002);
}

TEST_CASE("thousands prints any finite number, however large, and never -0") {
  // Issue 18 item 5: a population of 1e19 reached thousands() as LLONG_MIN, negated it
  // (undefined behaviour; an ASan abort) and printed "-0" in the release build.
  CHECK(thousands(1e19) == "10,000,000,000,000,000,000");
  CHECK(thousands(-1e19) == "-10,000,000,000,000,000,000");
  CHECK(thousands(-0.4) == "0");
  CHECK(thousands(374129.5) == "374,130");
  CHECK(thousands(-2.5) == "-3");
  CHECK(thousands(0) == "0");
}

TEST_CASE("the bounded edit distance agrees with the full one within its bound") {
  // The band that keeps suggestions cheap for long ids must not change any distance it reports.
  const auto full = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      }
    }
    return d[a.size()][b.size()];
  };
  std::mt19937 random(18);
  for (int round = 0; round < 3000; ++round) {
    std::string a, b;
    const auto length = [&] { return std::uniform_int_distribution<int>(0, 12)(random); };
    for (int i = length(); i > 0; --i) a += static_cast<char>('a' + random() % 3);
    for (int i = length(); i > 0; --i) b += static_cast<char>('a' + random() % 3);
    const std::size_t bound = random() % 6;
    const std::size_t expected = std::min(full(a, b), bound + 1);
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(bound);
    CHECK(edit_distance(a, b, bound) == expected);
  }
}

TEST_CASE("import matches a derive pattern against a very long cell without overflowing the stack") {
  // Issue 18 item 8: std::regex_match recursed once per character; 1,000,005 characters ended
  // in SIGSEGV (exit 139).
  const std::string dir = folder("long-cell");
  std::ofstream(dir + "/spec.xml") << R"(<govmap-import version="1" id="g" nation="wales" title="G" as-of="2021-12-01" status="historical">
  <source id="s" title="S" publisher="P" year="2021" file="lookup.csv"/>
  <areas file="lookup.csv">
    <derive column="district" from="name" regex="^(?:The )?(.*) [0-9]{3}[A-Z]$"/>
    <level kind="small-area" code="code" name="name" source="s"/>
    <level kind="district" code="district" source="s"/>
  </areas>
</govmap-import>
)";
  std::ofstream(dir + "/lookup.csv") << "code,name\nA1," << std::string(1'000'000, 'x') << "\nA2,Tiny 002B\n";
  const auto r = run_govmap("import '" + dir + "/spec.xml' -o '" + dir + "/out.xml'");
  CHECK(r.exit_code == 2);
  // The message quotes the start of the value, not a million characters.
  CHECK(r.err.rfind(dir + "/lookup.csv:2:1: error: '" + std::string(60, 'x') + "…' (1000000 bytes) in column "
                    "'name' does not match the pattern ^(?:The )?(.*) [0-9]{3}[A-Z]$ (spec line 4) [no-match]\n", 0) == 0);
}

TEST_CASE("a CSV header that names a wanted column twice is an error") {
  // Issue 18 item 13: a second 'district' column silently re-parented every area.
  SourceFiles files;
  const auto file = files.add("t.csv", "code,district,name,district\nA1,D1,Alpha,D9\n");
  DiagnosticSink sink;
  CHECK_FALSE(parse_csv(files, file, {"code", "district"}, sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all().front().message ==
        "column 'district' appears 2 times in the header (columns 2, 4); govmap cannot tell which to read");
  CHECK(sink.all().front().code == "duplicate-column");
}

TEST_CASE("import points at the field of a bad value, past quoted commas") {
  const std::string dir = folder("field");
  std::ofstream(dir + "/spec.xml") << R"(<govmap-import version="1" id="g" nation="wales" title="G" as-of="2021-12-01" status="historical">
  <source id="s" title="S" publisher="P" year="2021" file="lookup.csv"/>
  <areas file="lookup.csv">
    <level kind="small-area" code="code" name="name" population="pop" population-year="2020" source="s"/>
    <level kind="district" code="district" name="district" source="s"/>
  </areas>
</govmap-import>
)";
  std::ofstream(dir + "/lookup.csv") << "code,name,district,pop\nA1,\"North, upper\",D1,\"1,500\"\nA2,South,D1,7\n";
  const auto r = run_govmap("import '" + dir + "/spec.xml' -q -o '" + dir + "/out.xml'");
  CHECK(r.exit_code == 2);
  const std::string csv = dir + "/lookup.csv";
  CHECK(r.err.find(csv + ":2:22: error: population '1,500' of small-area 'A1' is not a non-negative number [bad-number]\n"
                   "  A1,\"North, upper\",D1,\"1,500\"\n" + std::string(2 + 21, ' ') + "^\n") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out.xml"));
}

TEST_CASE("import refuses a code or name that the model it writes could not hold") {
  // Found re-running issue 18 by hand: a 2,000,000-character name imported "ok" into a model
  // that validate then refused (ids at most 256 characters without spaces, names at most 65,536).
  const std::string dir = folder("unreadable");
  std::ofstream(dir + "/spec.xml") << R"(<govmap-import version="1" id="g" nation="wales" title="G" as-of="2021-12-01" status="historical">
  <source id="s" title="S" publisher="P" year="2021" file="lookup.csv"/>
  <areas file="lookup.csv">
    <level kind="small-area" code="code" name="name" source="s"/>
  </areas>
</govmap-import>
)";
  std::ofstream(dir + "/lookup.csv") << "code,name\nA1,Fine\nA2," << std::string(70'000, 'n') << "\n"
                                     << std::string(300, 'c') << ",Long code\nA 4,Spaced code\n";
  const auto r = run_govmap("import '" + dir + "/spec.xml' -q -o '" + dir + "/out.xml'");
  CHECK(r.exit_code == 2);
  const std::string csv = dir + "/lookup.csv";
  CHECK(r.err.find(csv + ":3:4: error: small-area name '" + std::string(40, 'n') +
                   "…' is 70000 characters long; a model's names may have at most 65536 [too-long]\n") != std::string::npos);
  CHECK(r.err.find(csv + ":4:1: error: small-area code '" + std::string(40, 'c') +
                   "…' is 300 characters long; a model id may have at most 256 [too-long]\n") != std::string::npos);
  CHECK(r.err.find(csv + ":5:1: error: small-area code 'A 4' contains white space, which a model id may not [bad-id]\n") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out.xml"));
}

}  // namespace
}  // namespace govmap::test
