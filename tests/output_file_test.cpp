// How commands write their output files (cli/output_file.cpp): never over an input, never
// through a symlink planted at the temporary file's name, keeping the permissions of the file
// they replace, leaving nothing behind, and saying why a folder cannot be written. Issue 18 items
// 1, 11 and 13.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace {
namespace fs = std::filesystem;

std::string folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("govmap-output-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("render refuses to write over its input model or a file the model includes") {
  const std::string dir = folder("input");
  std::ofstream(dir + "/m.xml") << R"(<govmap version="1" id="m" nation="scotland" title="M" as-of="2021-12-01" status="current">
  <include href="g.xml"/>
  <body id="a" name="A" kind="council"/>
</govmap>
)";
  std::ofstream(dir + "/g.xml") << R"(<govmap version="1"><area id="x"/></govmap>
)";
  const std::string model = read_text(dir + "/m.xml"), included = read_text(dir + "/g.xml");
  const auto same = run_govmap("render '" + dir + "/m.xml' -o '" + dir + "/m.xml' --format dot");
  CHECK(same.exit_code == 2);
  CHECK(same.err == dir + "/m.xml: error: would overwrite the input file '" + dir +
                        "/m.xml'; give another output file [output]\n");
  const auto include = run_govmap("render '" + dir + "/m.xml' -o '" + dir + "/g.xml' --format dot");
  CHECK(include.exit_code == 2);
  CHECK(include.err.find("would overwrite the input file") != std::string::npos);
  CHECK(read_text(dir + "/m.xml") == model);
  CHECK(read_text(dir + "/g.xml") == included);
}

TEST_CASE("the temporary output file does not follow a symlink planted at a predictable name") {
  // The shell plants the link at the name the old code used (".NAME.tmp-PID"), then becomes
  // govmap with the same process id.
  const std::string dir = folder("symlink");
  std::ofstream(dir + "/victim") << "precious\n";
  const std::string command = "cd '" + source_dir() + "' && sh -c 'ln -s \"" + dir + "/victim\" \"" + dir +
                              "/.out.dot.tmp-$$\" && exec \"" + GOVMAP_BINARY + "\" render examples/fife/model.xml -o \"" +
                              dir + "/out.dot\"' >/dev/null 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(read_text(dir + "/victim") == "precious\n");
  CHECK(fs::is_regular_file(fs::symlink_status(dir + "/out.dot")));
  CHECK(read_text(dir + "/out.dot").rfind("digraph", 0) == 0);
}

TEST_CASE("a replaced output keeps its permissions and no temporary file is left") {
  const std::string dir = folder("mode");
  const std::string out = dir + "/out.dot";
  std::ofstream(out) << "old\n";
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  CHECK(run_govmap("render examples/fife/model.xml -o '" + out + "'").exit_code == 0);
  CHECK(read_text(out).rfind("digraph", 0) == 0);
  CHECK((fs::status(out).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(entries(dir) == std::vector<std::string>{"out.dot"});
}

TEST_CASE("an output folder that cannot be written is reported as such, not as missing") {
  // /sys refuses new files even to root; a file is not a folder.
  const auto sys = run_govmap("render examples/fife/model.xml -o /sys/govmap-test.dot");
  CHECK(sys.exit_code == 2);
  CHECK(sys.err.rfind("/sys/govmap-test.dot: error: cannot create a file in folder '/sys': ", 0) == 0);
  const auto file = run_govmap("render examples/fife/model.xml -o examples/fife/model.xml/out.dot");
  CHECK(file.exit_code == 2);
  CHECK(file.err == "examples/fife/model.xml/out.dot: error: 'examples/fife/model.xml' is not a folder [output]\n");
  const auto missing = run_govmap("render examples/fife/model.xml -o no-such-folder/out.dot");
  CHECK(missing.err == "no-such-folder/out.dot: error: folder 'no-such-folder' does not exist [output]\n");
}

TEST_CASE("an option given twice is an error and a short option takes =VALUE") {
  const auto twice = run_govmap("check examples/fife/model.xml --format json --format csv");
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.rfind("govmap check: option '--format' is given more than once\n", 0) == 0);
  const std::string dir = folder("short");
  const auto r = run_govmap("render examples/fife/model.xml -o='" + dir + "/out.dot'");
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir + "/out.dot"));
}

}  // namespace
}  // namespace govmap::test
