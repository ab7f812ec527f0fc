// govmap import: the CSV reader, the importer on small fixtures (tests/import/), and the
// committed geography models, which must be exactly what their import specs generate.

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "engine/csv.h"
#include "engine/import.h"
#include "tests/test_support.h"

namespace govmap {
namespace {

std::pair<std::optional<CsvTable>, std::string> parse(const std::string& text, std::vector<std::string> wanted = {}) {
  SourceFiles files;
  const auto file = files.add("t.csv", text);
  DiagnosticSink sink;
  auto table = parse_csv(files, file, wanted, sink);
  std::ostringstream out;
  print_diagnostics(out, sink);
  return {std::move(table), out.str()};
}

TEST_CASE("csv reader handles quoted fields with commas, quotes and line breaks") {
  const auto [table, diagnostics] = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
  REQUIRE(table);
  CHECK(diagnostics.empty());
  REQUIRE(table->rows.size() == 2);
  CHECK(table->rows[0] == std::vector<std::string>{"x, y", "say \"hi\""});
  CHECK(table->rows[1] == std::vector<std::string>{"two\nlines", "z"});
  CHECK(table->lines == std::vector<std::uint32_t>{2, 3});
}

TEST_CASE("csv reader accepts CRLF line ends, a byte order mark and selects columns by name") {
  const auto [table, diagnostics] = parse("\xEF\xBB\xBFid,name,pop\r\nA,Alpha,1\r\n\r\nB,Beta,2\r\n", {"pop", "id"});
  REQUIRE(table);
  CHECK(diagnostics.empty());
  CHECK(table->columns == std::vector<std::string>{"pop", "id"});
  CHECK(table->rows == std::vector<std::vector<std::string>>{{"1", "A"}, {"2", "B"}});
  CHECK(table->lines == std::vector<std::uint32_t>{2, 4});
}

TEST_CASE("csv reader reports a missing column with a suggestion and malformed rows with their line") {
  CHECK(parse("code,name\nA,x\n", {"nmae"}).second ==
        "t.csv:1:1: error: missing column 'nmae' (did you mean 'name'?) [missing-column]\n  code,name\n  ^\n");
  const auto [table, diagnostics] = parse("a,b\n1,2,3\n\"x\"y,2\n\"open,2\n");
  REQUIRE(table);
  CHECK(table->rows.empty());
  CHECK(diagnostics ==
        "t.csv:2:1: error: row has 3 fields; the header has 2 [csv-syntax]\n  1,2,3\n  ^\n"
        "t.csv:3:4: error: unexpected text after a closing quote (write \"\" for a quote inside a quoted field) [csv-syntax]\n"
        "  \"x\"y,2\n     ^\n"
        "t.csv:4:1: error: unterminated quoted field [csv-syntax]\n  \"open,2\n  ^\n");
}

/// Checks that the spec imports without a word into exactly the expected file.
void imports_as(const std::string& spec, const std::string& expected) {
  DiagnosticSink sink;
  const auto text = import_geography(test::path(spec), sink);
  std::ostringstream diagnostics;
  print_diagnostics(diagnostics, sink);
  CHECK(diagnostics.str().empty());
  REQUIRE(text);
  CHECK(*text == test::read_text(test::path(expected)));
}

TEST_CASE("import turns a lookup with renamed columns into areas, bodies, coverage and links") {
  imports_as("tests/import/basic.xml", "tests/import/basic.expected.xml");
}

TEST_CASE("a join keyed on a template of two columns maps each pair, so a merger can reunite a split district") {
  DiagnosticSink sink;
  const auto text = import_geography(test::path("tests/import/two-key-join.xml"), sink);
  std::ostringstream diagnostics;
  print_diagnostics(diagnostics, sink);
  CHECK(diagnostics.str().empty());
  REQUIRE(text);
  // D2 lies in boards B1 and B2; both of its pairs map to M1, so M1 covers D2 whole.
  CHECK(text->find(R"(<body id="M1" name="Merged board one" kind="health-board" code="M1" covers="D1 D2" source="lookup"/>)") !=
        std::string::npos);
  CHECK(text->find(R"(<body id="M2" name="Merged board two" kind="health-board" code="M2" covers="D3" source="lookup"/>)") !=
        std::string::npos);
}

TEST_CASE("a template join reports the pair it cannot find, with the template") {
  const auto r = test::run_govmap("import tests/import/two-key-join-incomplete.xml -o /tmp/govmap-never-written.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("tests/import/lookup.csv:6:1: error: no row of merged-boards-incomplete.csv has district_board = "
                    "'D3/B2' (from template '{district}/{board_code}') [no-match]\n", 0) == 0);
}

TEST_CASE("import output loads as a model") {
  const auto [model, diagnostics] = test::load(test::path("tests/import/basic.expected.xml"));
  CHECK(diagnostics.empty());
  REQUIRE(model);
  CHECK(model->areas.size() == 8);
  CHECK(to_strings(model->find_body("B1")->covers) == std::vector<std::string>{"A03", "D1"});
}

TEST_CASE("a dated spec writes what stays the same once and what changed as versions, which load at each date") {
  imports_as("tests/import/periods.xml", "tests/import/periods.expected.xml");
  // Districts D1 and D2 merge into D9 on 2023-04-01: A01's parent, the councils and board B1's
  // coverage change on that day; D3, its council and board B2 are the same throughout.
  const auto at = [](const std::string& date) { return test::model_at("tests/import/periods.expected.xml", date); };
  const Model before = at("2023-03-31");
  const Model after = at("2023-04-01");
  CHECK(before.find_area("A01")->parent == "D1");
  CHECK(after.find_area("A01")->parent == "D9");
  CHECK(before.find_body("D9") == nullptr);
  CHECK(after.find_body("D1") == nullptr);
  CHECK(to_strings(before.find_body("B1")->covers) == std::vector<std::string>{"A03", "D1"});
  CHECK(to_strings(after.find_body("B1")->covers) == std::vector<std::string>{"A01", "A02", "A03"});
  CHECK(to_strings(after.find_body("D3")->provenance.sources) == std::vector<std::string>{"lookup", "lookup-2023"});
  CHECK(to_strings(after.find_body("D9")->predecessors) == std::vector<std::string>{"D1", "D2"});  // succeeds="council"
  // Compared by small area, B1 did not move although it is written with other areas after the
  // merger (D1 whole before, A01 and A02 after): only the councils and their authorities moved.
  const auto r = test::run_govmap("compare tests/import/periods.expected.xml@2023-03-31 tests/import/periods.expected.xml");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Bodies succeeded (merged, split, abolished with a successor, renamed, or replaced) (2):\n"
                   "  Dee \"One\" Council [D1] → Dee Nine Council [D9]\n") != std::string::npos);
  CHECK(r.out.find("Area assignments moved (2):\n"
                   "  Dee Nine (D9) (2 of its areas, 50% of its population), Integration authorities: Dee \"One\" Council "
                   "integration authority [ia-D1] → Dee Nine Council integration authority [ia-D9]\n") !=
        std::string::npos);
  CHECK(r.out.find("Health boards:") == std::string::npos);
}

TEST_CASE("a dated spec's periods follow one another, and everything it generates is inside one") {
  const auto r = test::run_govmap("import tests/import/bad-periods.xml -o /tmp/govmap-never-written.xml");
  CHECK(r.exit_code == 2);
  for (const char* message : {
           "tests/import/bad-periods.xml:10:11: error: this period must start on the day the one before ends "
           "(2022-04-01): periods follow one another without gap or overlap [bad-date]",
           "tests/import/bad-periods.xml:13:3: error: the period needs an <areas> element [missing-element]",
           "tests/import/bad-periods.xml:13:3: error: every period but the last needs an until (the next one's "
           "since) [bad-date]",
           "tests/import/bad-periods.xml:16:30: error: until (2024-01-01) is not after since (2024-04-01) [bad-date]",
           "tests/import/bad-periods.xml:5:3: error: a spec with <period> elements has everything it generates "
           "inside them: move this into a <period> [unknown-element]",
           "tests/import/bad-periods.xml:8:65: error: 'succeeds' names the kinds of body of the period before that "
           "this one replaced: it is for a <body> in the <areas> of a <period> after another [bad-value]"}) {
    CAPTURE(message);
    CHECK(r.err.find(message) != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists("/tmp/govmap-never-written.xml"));
  const auto typo = test::run_govmap("import tests/import/succeeds-typo.xml -o /tmp/govmap-never-written.xml");
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.rfind("tests/import/succeeds-typo.xml:26:13: error: the period before generates no body of kind "
                       "'councl' (did you mean 'council'?) [bad-value]\n", 0) == 0);
}

TEST_CASE("import reports every malformed row with file and line and writes nothing") {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / ("govmap-import-test-" + std::to_string(::getpid()) + ".xml");
  fs::remove(out);
  const auto r = test::run_govmap("import tests/import/bad-rows.xml -o '" + out.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(!fs::exists(out));
  CHECK(r.err ==
        "tests/import/bad-rows.csv:6:1: error: row has 4 fields; the header has 3 [csv-syntax]\n  A03,D2,B2,extra\n  ^\n"
        "tests/import/bad-rows.csv:8:1: error: no row of bad-population.csv has code = 'A06' (from column 'small_area') [no-match]\n"
        "  A06,D2,B2\n  ^\n"
        "tests/import/bad-rows.csv:3:1: error: empty small-area code [empty-code]\n  ,D1,B1\n  ^\n"
        "tests/import/bad-rows.csv:4:1: error: population 'lots' of small-area 'A02' is not a non-negative number [bad-number]\n"
        "  A02,D1,B1\n  ^\n"
        "tests/import/bad-rows.csv:5:1: error: small-area 'A02' has two parents: 'D1' (line 4) and 'D2' [two-parents]\n"
        "  A02,D2,B1\n  ^\n"
        "tests/import/bad-rows.csv:7:1: error: population '-5' of small-area 'A04' is not a non-negative number [bad-number]\n"
        "  A04,D2,B2\n  ^\n"
        "govmap import: 6 errors; " + out.string() + " not written\n");
}

TEST_CASE("an error repeated on many rows is reported once, with the rows it is also on") {
  // A column of names used as codes: every row of a board repeats its name.
  const auto r = test::run_govmap("import tests/import/name-as-code.xml -o /tmp/govmap-never-written.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "tests/import/lookup.csv:2:40: error: board code 'Board, first' contains white space, which a model id may not "
        "[bad-id]\n  A01,\"Alpha, north\",D1,\"Dee \"\"One\"\"\",B1,\"Board, first\"\n"
        "                                         ^\n"
        "tests/import/lookup.csv:3:37: note: the same on 2 more rows (lines 3, 4)\n"
        "  A02,Alpha south,D1,\"Dee \"\"One\"\"\",B1,\"Board, first\"\n                                      ^\n"
        "tests/import/lookup.csv:5:29: error: board code 'Board second' contains white space, which a model id may not "
        "[bad-id]\n  A04,Beta east,D2,Dee Two,B2,Board second\n                              ^\n"
        "tests/import/lookup.csv:7:36: note: the same on 1 more row\n"
        "  with a line break\",D3,Dee Three,B2,Board second\n                                     ^\n"
        "govmap import: 2 errors; /tmp/govmap-never-written.xml not written\n");
}

TEST_CASE("a spec's kinds are checked before any row is read") {
  const auto r = test::run_govmap("import tests/import/bad-kinds.xml -o /tmp/govmap-never-written.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("tests/import/bad-kinds.xml:11:11: warning: 'health-bord' is not a body kind in govmap's vocabulary "
                   "(did you mean 'health-board'?); a model that includes the output needs a vocabulary of its own "
                   "that has it [vocabulary]\n") != std::string::npos);
  CHECK(r.err.find("tests/import/bad-kinds.xml:13:91: error: 'partnr' is not a link kind (did you mean 'partner'?) "
                   "[bad-value]\n") != std::string::npos);
  CHECK(r.err.find("tests/import/bad-kinds.xml:14:3: error: from-kind 'health-board' is not a kind of body the spec "
                   "generates (did you mean 'health-bord'?) [bad-value]\n") != std::string::npos);
  CHECK(r.err.find("govmap import: 2 errors;") != std::string::npos);
}

TEST_CASE("import leaves an existing output file untouched when the spec has errors") {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / ("govmap-import-keep-" + std::to_string(::getpid()) + ".xml");
  { std::ofstream(out) << "previous"; }
  const auto r = test::run_govmap("import tests/import/missing-column.xml -o '" + out.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(test::read_text(out.string()) == "previous");
  CHECK(r.err.find("tests/import/missing-column.xml:6:44: error: no column 'district_nme' in lookup.csv "
                   "(did you mean 'district'?) [missing-column]") != std::string::npos);
  fs::remove(out);
}

TEST_CASE("import reports a missing lookup file") {
  const auto r = test::run_govmap("import tests/import/missing-file.xml -o /tmp/govmap-never-written.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("tests/import/no-such-lookup.csv: error: cannot open 'tests/import/no-such-lookup.csv': "
                    "no such file [file-not-found]\n", 0) == 0);
}

TEST_CASE("import without -o is a usage error and --help describes the command") {
  CHECK(test::run_govmap("import tests/import/basic.xml").exit_code == 2);
  const auto help = test::run_govmap("import --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("import SPEC -o OUT") != std::string::npos);
}

TEST_CASE("each committed geography.xml is exactly what its import spec generates") {
  namespace fs = std::filesystem;
  std::vector<std::string> specs;
  std::set<std::string> nations;  // every nation has a generated geography: one dated, or one per era
  for (const auto& nation : fs::directory_iterator(test::path("models"))) {
    if (!nation.is_directory()) continue;
    for (const auto& folder : {nation.path(), nation.path() / "2021", nation.path() / "current"}) {
      const auto spec = folder / "import.xml";
      if (!fs::exists(spec)) continue;
      specs.push_back(spec.string());
      nations.insert(nation.path().filename().string());
    }
  }
  std::sort(specs.begin(), specs.end());
  CHECK(nations == std::set<std::string>{"england", "northern-ireland", "scotland", "wales"});
  for (const auto& spec : specs) {
    CAPTURE(spec);
    DiagnosticSink sink;
    const auto text = import_geography(spec, sink);
    REQUIRE(text);
    const auto committed = fs::path(spec).parent_path() / "geography.xml";
    CHECK(*text == test::read_text(committed.string()));  // scripts/regenerate-geography.sh updates them
  }
}

}  // namespace
}  // namespace govmap
