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
  const auto parse_files = [&] { bare_parse(result.files); };
  // The load as govmap does it, and with streaming off (one thread).
  const auto load_streaming = [&](bool stream) {
    DiagnosticSink s;
    LoadOptions options;
    options.stream = stream;
    auto loaded = load_model(model_path, s, options);
  };
  const auto load = [&] { load_streaming(true); };
  const auto load_one_thread = [&] { load_streaming(false); };
  const auto check = [&] {
    DiagnosticSink s;
    auto loaded = load_model(model_path, s);
    const auto analysis = analyse(std::move(*loaded));
    const auto findings = run_checks(*analysis, RuleProfile{}, {}, today);
  };
  // Untimed rounds first, until the heap has grown to what a round needs: before that, fresh
  // pages are faulted in and cleared, and they fell on whichever step came first (England's
  // parse took three times as long in each of the first three rounds as in the rest).
  constexpr int kWarmUp = 3;
  for (int i = 0; i < kWarmUp; ++i) {
    parse_files();
    load();
    load_one_thread();
    check();
  }
  // Interleaved, so that a change in the machine's load falls on all three alike.
  std::vector<double> parse_times, load_times, one_thread_times, check_times;
  for (int i = 0; i < repeats; ++i) {
    parse_times.push_back(time_ms(parse_files));
    load_times.push_back(time_ms(load));
    one_thread_times.push_back(time_ms(load_one_thread));
    check_times.push_back(time_ms(check));
  }
  result.parse_ms = median(parse_times);
  result.load_ms = median(load_times);
  result.load_one_thread_ms = median(one_thread_times);
  result.check_ms = median(check_times);
  return result;
}

}  // namespace govmap::bench
