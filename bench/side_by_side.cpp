// govmap's load and check set beside a bare pugixml parse of the same files, in one process, so
// that the ratios hold whatever else the machine is doing. scripts/bench runs it and writes
// docs/performance.md from its output.

#include "bench/side_by_side.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>

#include <pugixml.hpp>

#include "check/run.h"
#include "engine/analysis.h"
#include "engine/loader.h"

namespace govmap::bench {
namespace {

/// Wall time of `work` in milliseconds.
double time_ms(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// Counts every node and attribute below `node`: the one walk a reader of the file makes.
std::size_t walk(const pugi::xml_node& node) {
  std::size_t count = 1;
  for (auto attribute : node.attributes()) count += attribute.value()[0] != '\0' ? 1 : 0;
  for (auto child : node.children()) count += walk(child);
  return count;
}

}  // namespace

std::size_t bare_parse(const std::vector<std::string>& paths) {
  std::size_t nodes = 0;
  for (const auto& path : paths) {
    pugi::xml_document doc;
    if (!doc.load_file(path.c_str())) return 0;
    nodes += walk(doc);
  }
  return nodes;
}

std::optional<SideBySide> side_by_side(const std::string& model_path, int repeats) {
  DiagnosticSink sink;
  const auto model = load_model(model_path, sink);
  if (!model) return std::nullopt;
  SideBySide result;
  for (std::uint32_t f = 0; f < model->files->size(); ++f) {
    result.files.push_back(model->files->path(f));
    result.bytes += model->files->text(f).size();
  }
  const std::string today = "2026-11-30";
  // Interleaved, so that a change in the machine's load falls on all three alike.
  std::vector<double> parse, load, check;
  for (int i = 0; i < repeats; ++i) {
    parse.push_back(time_ms([&] { bare_parse(result.files); }));
    load.push_back(time_ms([&] {
      DiagnosticSink s;
      auto loaded = load_model(model_path, s);
    }));
    check.push_back(time_ms([&] {
      DiagnosticSink s;
      auto loaded = load_model(model_path, s);
      const auto analysis = analyse(std::move(*loaded));
      const auto findings = run_checks(*analysis, RuleProfile{}, {}, today);
    }));
  }
  result.parse_ms = median(parse);
  result.load_ms = median(load);
  result.check_ms = median(check);
  return result;
}

}  // namespace govmap::bench
