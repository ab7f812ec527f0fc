// Benchmarks of loading and checking synthetic models (bench/synthetic.h). Run:
//   govmap_bench --benchmark_filter=Check
// Sizes: bodies/links of 1,000/10,000, 10,000/100,000 and 100,000/1,000,000. BM_StackedBoards
// is the worst case of board-overlapping-remit: k boards with one remit over the same 2,000 areas.

#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "bench/synthetic.h"
#include "check/run.h"
#include "engine/loader.h"

namespace govmap::bench {
namespace {

/// The synthetic model file for a size, written once per process.
const std::string& model_file(std::size_t bodies, std::size_t links) {
  static std::map<std::pair<std::size_t, std::size_t>, std::string> files;
  auto& path = files[{bodies, links}];
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() / fmt::format("govmap-bench-{}-{}-{}.xml", ::getpid(), bodies, links)).string();
    write_synthetic_model({bodies, links, 1}, path);
  }
  return path;
}

void BM_LoadModel(benchmark::State& state) {
  const auto& path = model_file(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    DiagnosticSink sink;
    auto model = load_model(path, sink);
    if (!model) state.SkipWithError("the synthetic model did not load");
    benchmark::DoNotOptimize(model);
  }
  state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}

void BM_CheckCatalogue(benchmark::State& state) {
  const auto& path = model_file(static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  DiagnosticSink sink;
  auto model = load_model(path, sink);
  if (!model) {
    state.SkipWithError("the synthetic model did not load");
    return;
  }
  const auto analysis = analyse(std::move(*model));  // graph, geography, stats and claims
  std::size_t findings = 0;
  for (auto _ : state) {
    const CheckResult result = run_checks(*analysis, RuleProfile{}, {}, "2024-01-01");
    findings = result.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}

/// k partnership boards with the same remit, each covering the same `areas` areas.
std::string stacked_boards_xml(std::size_t boards, std::size_t areas) {
  std::string xml = "<govmap version=\"1\" id=\"stacked\" nation=\"england\" title=\"Stacked boards\" "
                    "as-of=\"2024-01-01\" status=\"current\">\n";
  std::string ids;
  for (std::size_t a = 0; a < areas; ++a) {
    xml += fmt::format("<area id=\"a{}\" kind=\"lsoa\" population=\"1500\"/>\n", a);
    ids += fmt::format("{}a{}", a == 0 ? "" : " ", a);
  }
  for (std::size_t b = 0; b < boards; ++b) {
    xml += fmt::format("<body id=\"p{}\" name=\"Partnership {}\" kind=\"place-partnership\" "
                       "functions=\"adult-social-care\"/>\n<coverage body=\"p{}\" areas=\"{}\"/>\n", b, b, b, ids);
  }
  return xml + "</govmap>\n";
}

void BM_StackedBoards(benchmark::State& state) {
  const auto boards = static_cast<std::size_t>(state.range(0));
  const auto path = (std::filesystem::temp_directory_path() / fmt::format("govmap-bench-stacked-{}-{}.xml", ::getpid(), boards)).string();
  {
    std::ofstream out(path, std::ios::binary);
    out << stacked_boards_xml(boards, 2000);
  }
  DiagnosticSink sink;
  auto model = load_model(path, sink);
  std::filesystem::remove(path);
  if (!model) {
    state.SkipWithError("the stacked model did not load");
    return;
  }
  const auto analysis = analyse(std::move(*model));
  RuleProfile profile;
  profile.default_enabled = false;
  profile.rules["board-overlapping-remit"].enabled = true;
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = run_checks(*analysis, profile, {}, "2024-01-01").findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK(BM_LoadModel)->Args({1000, 10000})->Args({10000, 100000})->Args({100000, 1000000})
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CheckCatalogue)->Args({1000, 10000})->Args({10000, 100000})->Args({100000, 1000000})
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_StackedBoards)->Arg(50)->Arg(200)->Arg(400)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace govmap::bench
