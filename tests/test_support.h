#pragma once
// Helpers for tests: run the built govmap binary, read files, load models quietly.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include <doctest/doctest.h>

#include "engine/diagnostics.h"
#include "engine/loader.h"

namespace govmap::test {

inline std::string source_dir() { return GOVMAP_SOURCE_DIR; }
inline std::string path(const std::string& relative) { return source_dir() + "/" + relative; }

inline std::string read_text(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Runs `ENVIRONMENT govmap ARGS` from the source directory (ENVIRONMENT: shell variable
/// assignments, or ""); captures stdout, stderr and the exit code.
inline RunResult run_govmap_with(const std::string& environment, const std::string& args) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() / ("govmap-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string out = (dir / ("out" + std::to_string(counter))).string();
  const std::string err = (dir / ("err" + std::to_string(counter++))).string();
  const std::string command =
      "cd '" + source_dir() + "' && " + environment + " '" + std::string(GOVMAP_BINARY) + "' " + args + " >'" + out +
      "' 2>'" + err + "'";
  const int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

/// Runs `govmap ARGS` from the source directory; captures stdout, stderr and the exit code.
inline RunResult run_govmap(const std::string& args) { return run_govmap_with("", args); }

/// Loads a model; returns it and the printed diagnostics.
inline std::pair<std::optional<Model>, std::string> load(const std::string& file) {
  DiagnosticSink sink;
  auto model = load_model(file, sink);
  std::ostringstream text;
  print_diagnostics(text, sink);
  return {std::move(model), text.str()};
}

/// A model of the source tree (`relative`) read as it stood on `date`, and every diagnostic
/// printed: "" when it loaded without a word.
inline std::pair<std::optional<Model>, std::string> load_at(const std::string& relative, const std::string& date) {
  DiagnosticSink sink;
  LoadOptions options;
  options.as_of = date;
  auto model = load_model(path(relative), sink, options);
  std::ostringstream text;
  print_diagnostics(text, sink);
  return {std::move(model), text.str()};
}

/// A model of the source tree read at `date`; the test fails unless it loads without a word.
inline Model model_at(const std::string& relative, const std::string& date) {
  auto [model, diagnostics] = load_at(relative, date);
  REQUIRE_MESSAGE(model, relative << " at " << date << ":\n" << diagnostics);
  CHECK_MESSAGE(diagnostics.empty(), "diagnostics at " << date << ":\n" << diagnostics);
  return *model;
}

/// Bodies of a kind, each counting its `count`.
inline int bodies_of_kind(const Model& model, const std::string& kind) {
  int n = 0;
  for (const auto& b : model.bodies) {
    if (b.kind == kind) n += b.count;
  }
  return n;
}

/// The ids of `ids` that the model holds as bodies.
inline std::vector<std::string> present(const Model& model, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    if (model.find_body(id) != nullptr) out.push_back(id);
  }
  return out;
}

}  // namespace govmap::test
