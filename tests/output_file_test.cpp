// How commands write their output files (cli/output_file.cpp): never over an input (a model, a
// file it includes, a profile, a baseline, a CSV an import spec reads) or over another output of
// the same run, never through a symlink planted at the temporary file's name, keeping the
// permissions of the file they replace, leaving nothing behind even when interrupted, writing
// into /dev/stdout and /dev/null rather than replacing them, and saying why a folder cannot be
// written. Issue 18 items 1, 11 and 13.

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

/// Runs govmap as run_govmap does, with tests/shim/output_shim.cc preloaded in `modes`; the exit
/// status is the shell's (128 + N when govmap was killed by signal N).
RunResult run_with_shim(const std::string& modes, const std::string& args) {
  return run_govmap_with("GOVMAP_OUTPUT_SHIM=" + modes + " LD_PRELOAD='" + std::string(GOVMAP_OUTPUT_SHIM) +
                             "' ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0\"",
                         args);
}

TEST_CASE("import refuses to write over a CSV its spec reads, however the path is written") {
  const std::string dir = folder("import");
  for (const char* file : {"basic.xml", "lookup.csv", "population.csv"}) {
    fs::copy_file(path(std::string("tests/import/") + file), dir + "/" + file);
  }
  const std::string lookup = read_text(dir + "/lookup.csv"), population = read_text(dir + "/population.csv");
  fs::create_hard_link(dir + "/lookup.csv", dir + "/hard.csv");
  fs::create_symlink("population.csv", dir + "/link.csv");
  for (const char* out : {"lookup.csv", "population.csv", "hard.csv", "link.csv", "./lookup.csv"}) {
    CAPTURE(out);
    const auto r = run_govmap("import '" + dir + "/basic.xml' -q -o '" + dir + "/" + out + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("would overwrite the input file '" + dir + "/") != std::string::npos);
  }
  CHECK(read_text(dir + "/lookup.csv") == lookup);
  CHECK(read_text(dir + "/population.csv") == population);
  CHECK(run_govmap("import '" + dir + "/basic.xml' -q -o '" + dir + "/out.xml'").exit_code == 0);
}

TEST_CASE("check, compare and report refuse outputs that are inputs or each other") {
  const std::string dir = folder("every command");
  fs::copy_file(path("examples/fife/model.xml"), dir + "/model.xml");
  CHECK(run_govmap("check '" + dir + "/model.xml' --fail-on never --write-baseline '" + dir + "/baseline.xml'")
            .exit_code == 0);
  const std::string baseline = read_text(dir + "/baseline.xml");
  const std::string m = "'" + dir + "/model.xml'";
  // The baseline read with --baseline is an input of check.
  const auto check = run_govmap("check " + m + " --baseline '" + dir + "/baseline.xml' --fail-on never -o '" + dir +
                                "/./baseline.xml'");
  CHECK(check.exit_code == 2);
  CHECK(read_text(dir + "/baseline.xml") == baseline);
  // compare's --delta and -o naming one file: neither is written.
  const auto both = run_govmap("compare " + m + " " + m + " --delta '" + dir + "/d.dot' -o '" + dir + "/./d.dot'");
  CHECK(both.exit_code == 2);
  CHECK(both.err == dir + "/./d.dot: error: two outputs of this command would be written to the same file; give "
                          "each its own file [output]\n");
  CHECK_FALSE(fs::exists(dir + "/d.dot"));
  // compare's --delta over the model: refused before -o is written.
  const auto delta = run_govmap("compare " + m + " " + m + " --delta '" + dir + "/model.xml' -o '" + dir + "/c.txt'");
  CHECK(delta.exit_code == 2);
  CHECK_FALSE(fs::exists(dir + "/c.txt"));
  // report's folder holding a model named report.html: refused, nothing created.
  fs::copy_file(dir + "/model.xml", dir + "/report.html");
  const std::string model = read_text(dir + "/report.html");
  const auto report = run_govmap("report '" + dir + "/report.html' -o '" + dir + "'");
  CHECK(report.exit_code == 2);
  CHECK(report.err.find("would overwrite the input file") != std::string::npos);
  CHECK(read_text(dir + "/report.html") == model);
}

TEST_CASE("an output that is a pipe or /dev/stdout is written into, not replaced") {
  // Replacing them (a rename in /dev) turned /dev/null into a regular file for the whole machine
  // whenever compare_test's `-o /dev/null` ran as root. A named pipe stands in for /dev/null here,
  // since other checkouts' tests on this machine may replace /dev/null while this one runs.
  const std::string dir = folder("pipe");
  const std::string pipe = dir + "/pipe";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  // The test holds the reading end open before govmap starts (a reader started beside govmap
  // may open it too late, and then waits for a writer for ever); the figure fits in the pipe's
  // buffer, so govmap never waits for it to be read.
  const int reader = ::open(pipe.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  REQUIRE(reader >= 0);
  const auto written = run_govmap("render examples/fife/model.xml --format dot -o '" + pipe + "'");
  CHECK(written.exit_code == 0);
  std::string read;
  char buffer[4096];
  for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;) read.append(buffer, static_cast<std::size_t>(n));
  ::close(reader);
  CHECK(fs::is_fifo(pipe));
  CHECK(read.rfind("digraph", 0) == 0);
  // With no reader, waiting would never end.
  const auto alone = run_govmap("render examples/fife/model.xml --format dot -o '" + pipe + "'");
  CHECK(alone.exit_code == 2);
  CHECK(alone.err == pipe + ": error: no process is reading from this pipe [output]\n");
  const auto out = run_govmap("render examples/fife/model.xml --format dot -o /dev/stdout");
  CHECK(out.exit_code == 0);
  CHECK(out.out.rfind("digraph", 0) == 0);
  CHECK(fs::is_symlink("/dev/stdout"));
}

TEST_CASE("an output through a symlink replaces the file it points at and keeps the link") {
  const std::string dir = folder("through link");
  fs::create_directories(dir + "/real");
  fs::create_directory_symlink("real", dir + "/linked folder");
  std::ofstream(dir + "/real/figure.dot") << "old\n";
  fs::create_symlink("real/figure.dot", dir + "/latest.dot");
  CHECK(run_govmap("render examples/fife/model.xml -o '" + dir + "/latest.dot'").exit_code == 0);
  CHECK(fs::is_symlink(dir + "/latest.dot"));
  CHECK(read_text(dir + "/real/figure.dot").rfind("digraph", 0) == 0);
  CHECK(run_govmap("render examples/fife/model.xml -o '" + dir + "/linked folder/new.dot'").exit_code == 0);
  CHECK(read_text(dir + "/real/new.dot").rfind("digraph", 0) == 0);
  CHECK(entries(dir + "/real") == std::vector<std::string>{"figure.dot", "new.dot"});
}

TEST_CASE("where the folder has no O_TMPFILE or /proc, outputs are still written whole and leave nothing") {
  for (const char* modes : {"no-tmpfile", "no-link"}) {
    CAPTURE(modes);
    const std::string dir = folder(modes);
    const std::string out = dir + "/out.dot";
    CHECK(run_with_shim(modes, "render examples/fife/model.xml -o '" + out + "'").exit_code == 0);
    std::ofstream(out) << "old\n";
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
    CHECK(run_with_shim(modes, "render examples/fife/model.xml -o '" + out + "'").exit_code == 0);
    CHECK(read_text(out).rfind("digraph", 0) == 0);
    CHECK((fs::status(out).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(entries(dir) == std::vector<std::string>{"out.dot"});
  }
}

TEST_CASE("Ctrl-C just before the output is renamed into place ends the run once it is whole") {
  // SIGINT arrives between naming the temporary file and the rename; it takes effect after the
  // rename, so the new output is in place and no temporary file is left.
  for (const char* modes : {"sigint-at-rename", "no-tmpfile,sigint-at-rename"}) {
    CAPTURE(modes);
    const std::string dir = folder(std::string("interrupted ") + modes);
    const std::string out = dir + "/out.dot";
    std::ofstream(out) << "old\n";
    const auto r = run_with_shim(modes, "render examples/fife/model.xml -o '" + out + "'");
    CHECK(r.exit_code == 128 + SIGINT);
    CHECK(read_text(out).rfind("digraph", 0) == 0);
    CHECK(entries(dir) == std::vector<std::string>{"out.dot"});
  }
}

TEST_CASE("report says when its output folder cannot be created") {
  const auto r = run_govmap("report examples/fife/model.xml -o examples/fife/model.xml/report");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "examples/fife/model.xml/report: error: cannot create the output folder: Not a directory [output]\n");
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
