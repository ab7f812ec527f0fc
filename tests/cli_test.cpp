// End-to-end tests of the govmap command: exit codes, messages and output a user sees.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {

TEST_CASE("govmap with no command prints usage and exits 2") {
  const auto r = run_govmap("");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("usage: govmap COMMAND") != std::string::npos);
}

TEST_CASE("govmap --version names the model format") {
  const auto r = run_govmap("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("govmap ", 0) == 0);
  CHECK(r.out.find("model format 1") != std::string::npos);
}

TEST_CASE("govmap --help lists every command") {
  const auto r = run_govmap("--help");
  CHECK(r.exit_code == 0);
  for (const char* command : {"validate", "stats"}) CHECK(r.out.find(std::string("  ") + command) != std::string::npos);
}

TEST_CASE("an unknown command gets a suggestion and exit 2") {
  const auto r = run_govmap("valdate examples/fife/model.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown command 'valdate' (did you mean 'validate'?)") != std::string::npos);
}

TEST_CASE("an unknown option gets a suggestion and exit 2") {
  const auto r = run_govmap("stats --formt json examples/fife/model.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown option '--formt' (did you mean '--format'?)") != std::string::npos);
}

TEST_CASE("a bad option value lists the allowed ones") {
  const auto r = run_govmap("stats --format yaml examples/fife/model.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("expected one of: text, json") != std::string::npos);
}

TEST_CASE("each command has its own help") {
  const auto r = run_govmap("validate --help");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("usage: govmap validate MODEL...") != std::string::npos);
}

TEST_CASE("validate exits 0 on a valid model and says what it loaded") {
  const auto r = run_govmap("validate examples/fife/model.xml");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "examples/fife/model.xml: ok (3 bodies, 5 links, 1 areas, 1 files)\n");
  CHECK(r.err.empty());
}

TEST_CASE("validate checks every model given and exits 2 if any is invalid") {
  const auto r = run_govmap("validate examples/fife/model.xml tests/loader/bad/dangling-ref.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("examples/fife/model.xml: ok") != std::string::npos);
  CHECK(r.err.find("dangling-ref.xml: invalid (1 error)") != std::string::npos);
}

TEST_CASE("validate reports a missing file with exit 2") {
  const auto r = run_govmap("validate no/such/model.xml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no/such/model.xml: error: cannot open 'no/such/model.xml': no such file [file-not-found]") !=
        std::string::npos);
}

TEST_CASE("without --format, the -o file's extension chooses the format of check, compare and stats") {
  const auto dir = std::filesystem::temp_directory_path() / ("govmap-format-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto out = [&](const std::string& name) { return (dir / name).string(); };
  const std::string model = "examples/fife/model.xml --fail-on never --today 2026-01-01";
  REQUIRE(run_govmap("check " + model + " -o " + out("f.json")).exit_code == 0);
  CHECK(read_text(out("f.json")) == run_govmap("check " + model + " --format json").out);
  REQUIRE(run_govmap("check " + model + " -o " + out("f.SARIF")).exit_code == 0);
  CHECK(read_text(out("f.SARIF")) == run_govmap("check " + model + " --format sarif").out);
  REQUIRE(run_govmap("check " + model + " -o " + out("f.csv")).exit_code == 0);
  CHECK(read_text(out("f.csv")) == run_govmap("check " + model + " --format csv").out);
  const std::string text = run_govmap("check " + model).out;
  for (const char* name : {"f.txt", "f.xml", "f"}) {
    REQUIRE(run_govmap("check " + model + " -o " + out(name)).exit_code == 0);
    CHECK_MESSAGE(read_text(out(name)) == text, name);
  }
  // --format, when given, wins over the extension.
  REQUIRE(run_govmap("check " + model + " --format text -o " + out("g.json")).exit_code == 0);
  CHECK(read_text(out("g.json")) == text);
  const std::string pair = "examples/fife/model.xml tests/compare/merge-boards.xml --today 2026-01-01";
  REQUIRE(run_govmap("compare " + pair + " -o " + out("c.html")).exit_code == 0);
  CHECK(read_text(out("c.html")).rfind("<!DOCTYPE html>", 0) == 0);
  REQUIRE(run_govmap("compare " + pair + " -o " + out("c.json")).exit_code == 0);
  CHECK(read_text(out("c.json")) == run_govmap("compare " + pair + " --format json").out);
  REQUIRE(run_govmap("stats examples/fife/model.xml -o " + out("s.json")).exit_code == 0);
  CHECK(read_text(out("s.json")) == run_govmap("stats examples/fife/model.xml --format json").out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a model named with a typo is told the name it is near") {
  const auto r = run_govmap("check walse --models models");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "walse: error: cannot open 'walse': no such file [file-not-found]\n"
                 "govmap: note: no model is named 'walse' either (did you mean 'wales'?); 'govmap models' lists the "
                 "names\n");
  // A path is not a name: no note.
  CHECK(run_govmap("check no/such/model.xml").err.find("note:") == std::string::npos);
}

TEST_CASE("a folder of the user's own named like a model, without a model.xml, does not hide the model") {
  // My own folder of Welsh proposals was "wales": `govmap check wales` there, and a proposal beside
  // it with extends="wales", read the folder and failed ("is a folder, not a model file").
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("govmap-own-folders-" + std::to_string(::getpid()));
  fs::create_directories(dir / "wales");
  std::ofstream(dir / "proposal.xml") << "<govmap version=\"1\" id=\"p\" nation=\"wales\" title=\"p\" "
                                         "as-of=\"2026-11-30\" status=\"proposed\" extends=\"wales\"/>\n";
  const std::string here = "cd '" + dir.string() + "' &&";
  const auto check = run_govmap_with(here, "check wales --fail-on never");
  CHECK(check.exit_code == 0);
  CHECK(check.err.find("govmap: note: 'wales' here is a folder with no model.xml; reading the model named 'wales'") !=
        std::string::npos);
  const auto proposal = run_govmap_with(here, "validate proposal.xml");
  CHECK(proposal.exit_code == 0);
  CHECK(proposal.err.empty());
  // A folder not named like a model is still what was asked for.
  fs::create_directories(dir / "mine");
  CHECK(run_govmap_with(here, "check mine").err.find("'mine' is a folder, not a model file") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a file name that is not there, written in the working folder, is missing, with the name nearly so") {
  // In my own folder, a misspelt include was "outside the model root '.'": the path of a missing
  // file stayed relative when resolved, so it was not inside the (absolute) root.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("govmap-own-files-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "geo.xml") << "<govmap version=\"1\" id=\"g\" nation=\"wales\" title=\"g\" as-of=\"2026-11-30\" "
                                    "status=\"current\"/>\n";
  std::ofstream(dir / "model.xml") << "<govmap version=\"1\" id=\"m\" nation=\"wales\" title=\"m\" as-of=\"2026-11-30\" "
                                      "status=\"current\">\n  <include href=\"goe.xml\"/>\n</govmap>\n";
  std::ofstream(dir / "proposal.xml") << "<govmap version=\"1\" id=\"p\" nation=\"wales\" title=\"p\" "
                                         "as-of=\"2026-11-30\" status=\"proposed\" extends=\"modle.xml\"/>\n";
  const std::string here = "cd '" + dir.string() + "' &&";
  const auto include = run_govmap_with(here, "validate model.xml");
  CHECK(include.exit_code == 2);
  CHECK(include.err.rfind("model.xml:2:12: error: cannot open 'goe.xml': no such file (did you mean 'geo.xml'?) "
                          "[file-not-found]\n", 0) == 0);
  const auto extends = run_govmap_with(here, "validate proposal.xml");
  CHECK(extends.exit_code == 2);
  CHECK(extends.err.find("error: baseline 'modle.xml' not found: no such file beside this model (did you mean "
                         "'model.xml'?) [extends-not-found]") != std::string::npos);
  const auto argument = run_govmap_with(here, "check modle.xml");
  CHECK(argument.exit_code == 2);
  CHECK(argument.err == "modle.xml: error: cannot open 'modle.xml': no such file (did you mean 'model.xml'?) "
                        "[file-not-found]\n");
  fs::remove_all(dir);
}

TEST_CASE("validate of a folder or a pipe says what it is, with exit 2, not an internal error") {
  const auto folder = run_govmap("validate models/wales");
  CHECK(folder.exit_code == 2);
  CHECK(folder.err.find("models/wales: error: 'models/wales' is a folder, not a model file (did you mean "
                        "'models/wales/model.xml'?) [file-not-found]") != std::string::npos);
  // A pipe's path (/dev/stdin here, /dev/fd/63 for <(...)) resolves to no file: it stopped
  // govmap with "internal error: cannot make canonical path".
  const auto pipe = run_govmap_with("cat examples/fife/model.xml |", "validate /dev/stdin");
  CHECK(pipe.exit_code == 2);
  CHECK(pipe.err.find("/dev/stdin: error: '/dev/stdin' is not a regular file; govmap reads its inputs from files") !=
        std::string::npos);
  CHECK(pipe.err.find("internal error") == std::string::npos);
}

TEST_CASE("stats counts the example's bodies, seats and population") {
  const auto r = run_govmap("stats examples/fife/model.xml");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("bodies: 3 (3 elements)") != std::string::npos);
  CHECK(r.out.find("seats: 8 (8 voting) on 1 boards") != std::string::npos);
  CHECK(r.out.find("population: 374,130") != std::string::npos);
}

TEST_CASE("stats of a model whose areas state no population says so, not 0") {
  // My own geography, imported from a lookup without populations, said "population: 0".
  const auto file = std::filesystem::temp_directory_path() / ("govmap-no-population-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(file) << "<govmap version=\"1\" id=\"m\" nation=\"england\" title=\"m\" as-of=\"2026-11-30\" "
                         "status=\"current\">\n  <area id=\"E01000001\" kind=\"lsoa\"/>\n</govmap>\n";
  const auto r = run_govmap("stats '" + file.string() + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("areas: 1 (1 smallest areas)   population: not stated\n") != std::string::npos);
  std::filesystem::remove(file);
}

TEST_CASE("stats lists each claim with the published and the model's figure") {
  const auto r = run_govmap("stats tests/rules/claim/mismatch.xml");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("claims: 7 of 11 hold; 3 do not; 1 not checkable\n") != std::string::npos);
  CHECK(r.out.find("  does not hold  councils                             published              5   model              3\n") !=
        std::string::npos);
  const auto j = run_govmap("stats --format json tests/rules/claim/mismatch.xml");
  CHECK(j.out.find("\"claims_checked\"") != std::string::npos);
}

TEST_CASE("stats as JSON has stable field names") {
  const auto r = run_govmap("stats --format json examples/fife/model.xml");
  CHECK(r.exit_code == 0);
  for (const char* field : {"\"bodies\": 3", "\"bodies_by_kind\"", "\"links_by_kind\"", "\"seats\": 8",
                            "\"population\": 374130", "\"coterminosity\"", "\"money_by_mechanism\""}) {
    CAPTURE(field);
    CHECK(r.out.find(field) != std::string::npos);
  }
}

TEST_CASE("stats output is the same bytes on every run") {
  CHECK(run_govmap("stats --format json examples/fife/model.xml").out ==
        run_govmap("stats --format json examples/fife/model.xml").out);
}

TEST_CASE("every command that takes --today refuses a date that is not YYYY-MM-DD") {
  for (const char* command : {"check examples/fife/model.xml", "compare examples/fife/model.xml examples/fife/model.xml",
                              "report examples/fife/model.xml -o /tmp/govmap-never-written",
                              "render examples/fife/model.xml --findings -o /tmp/govmap-never-written.dot"}) {
    CAPTURE(command);
    const auto r = run_govmap(std::string(command) + " --today notadate");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("'notadate' is not a date written YYYY-MM-DD (--today)") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists("/tmp/govmap-never-written"));
  CHECK_FALSE(std::filesystem::exists("/tmp/govmap-never-written.dot"));
}

TEST_CASE("SARIF results carry the finding identity compare uses, and a baseline state when a baseline is given") {
  const auto plain = run_govmap("check tests/check/suppressions.xml --format sarif --fail-on never");
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("\"govmap/v1\": \"") != std::string::npos);
  CHECK(plain.out.find("baselineState") == std::string::npos);
  const auto with = run_govmap("check tests/check/suppressions.xml --format sarif --fail-on never --baseline tests/check/baseline.xml");
  CHECK(with.exit_code == 0);
  CHECK(with.out.find("\"baselineState\": \"unchanged\"") != std::string::npos);
  CHECK(with.out.find("\"baselineState\": \"new\"") != std::string::npos);
}

TEST_CASE("models lists the four nations' models with their files") {
  const auto r = run_govmap("models --models models");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("models:\n", 0) == 0);  // the --models folder comes first
  for (const char* nation : {"england", "wales", "scotland", "northern-ireland"}) {
    // One dated model (<nation>/model.xml), or a 2021 and a current model.
    const bool dated = std::filesystem::exists(path(std::string("models/") + nation + "/model.xml"));
    for (const auto& name : dated ? std::vector<std::string>{nation}
                                        : std::vector<std::string>{std::string(nation) + "/2021", std::string(nation) + "/current"}) {
      CHECK_MESSAGE(r.out.find("\n  " + name + " ") != std::string::npos, name);
      CHECK_MESSAGE(r.out.find(" models/" + name + "/model.xml\n") != std::string::npos, name);
    }
  }
  CHECK(r.out.find("  scotland                   scotland          2026-11-30  Funding and accountability") !=
        std::string::npos);
  // A model over time says from when it describes its nation and how to read a date.
  CHECK(r.out.find("over time, 2017-01-01 to 2026-11-30: scotland@YYYY-MM-DD reads it at a date\n") !=
        std::string::npos);
  CHECK(r.out.find(" models/england/2017/model.xml\n") != std::string::npos);  // the NAO-era England
  CHECK(r.out.find("proposals") == std::string::npos);  // proposals are not baselines to extend
}

TEST_CASE("models as JSON gives each model's name, nation, as-of date, title and path") {
  const auto r = run_govmap("models --models models --format json");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"search_path\": [\n    \"models\"") != std::string::npos);
  CHECK(r.out.find("\"name\": \"wales\",\n      \"id\": \"wales\",\n      \"nation\": \"wales\",\n"
                   "      \"as_of\": \"2026-11-30\",\n      \"since\": \"2019-04-01\",\n      \"status\": \"current\"") != std::string::npos);
  CHECK(r.out.find("\"path\": \"models/wales/model.xml\"") != std::string::npos);
}

TEST_CASE("models refuses a --models folder that does not exist") {
  const auto r = run_govmap("models --models no/such/folder");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "govmap models: 'no/such/folder' is not a folder (--models)\n");
  CHECK(r.out.empty());
}

TEST_CASE("models reads GOVMAP_MODELS after --models, warns about a broken model.xml and marks hidden names") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("govmap-models-" + std::to_string(::getpid()));
  for (const char* name : {"mine", "broken", "scotland"}) fs::create_directories(dir / name);
  std::ofstream(dir / "mine" / "model.xml")
      << R"(<govmap version="1" id="m" nation="wales" title="Mine" as-of="2026-01-01" status="current"/>)";
  std::ofstream(dir / "broken" / "model.xml") << "<govmap";
  std::ofstream(dir / "scotland" / "model.xml")
      << R"(<govmap version="1" id="s" nation="scotland" title="Mine too" as-of="2026-01-01" status="current"/>)";
  ::setenv("GOVMAP_MODELS", dir.c_str(), 1);
  const auto r = run_govmap("models --models models");
  ::unsetenv("GOVMAP_MODELS");
  fs::remove_all(dir);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("models:\n", 0) == 0);
  CHECK(r.out.find("\n" + dir.string() + ":\n  mine                       wales             2026-01-01  Mine\n") !=
        std::string::npos);
  CHECK(r.err == dir.string() + "/broken/model.xml: warning: not a govmap model (Error parsing start element tag); not listed\n");
  // The same name in a later folder is listed but hidden: extends="scotland" means models/'s.
  CHECK(r.out.find("/scotland/model.xml (hidden by the model of this name above)") != std::string::npos);
  CHECK(r.out.find("models/scotland/model.xml (hidden") == std::string::npos);
}

}  // namespace govmap::test
