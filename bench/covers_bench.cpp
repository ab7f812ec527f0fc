// Loading one body whose `covers` lists every area of the model (issue 18 item 6): resolving a
// long covers list once looked the attribute's position up again for every area, so 200,000
// areas took 4.9 s. The time per area should stay flat as the list grows. Run:
//   govmap_bench --benchmark_filter=LoadLongCovers

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "engine/loader.h"

namespace govmap::bench {
namespace {

/// The model files this process wrote, removed when it ends.
struct Files {
  std::map<std::size_t, std::string> paths;
  Files() = default;
  Files(const Files&) = delete;
  Files& operator=(const Files&) = delete;
  ~Files() {
    std::error_code ec;
    for (const auto& [areas, path] : paths) std::filesystem::remove(path, ec);
  }
};

/// A model of `areas` areas and one council covering all of them, written once per process.
const std::string& covers_file(std::size_t areas) {
  static Files files;
  auto& path = files.paths[areas];
  if (!path.empty()) return path;
  path = (std::filesystem::temp_directory_path() / fmt::format("govmap-bench-covers-{}-{}.xml", ::getpid(), areas))
             .string();
  std::string xml =
      "<govmap version=\"1\" id=\"covers\" nation=\"england\" title=\"One body covering every area\" "
      "as-of=\"2021-12-01\" status=\"current\">\n";
  std::string covers;
  for (std::size_t i = 0; i < areas; ++i) {
    xml += fmt::format("  <area id=\"a{}\" population=\"10\"/>\n", i);
    covers += fmt::format("{}a{}", i == 0 ? "" : " ", i);
  }
  xml += "  <body id=\"big\" name=\"Big Council\" kind=\"council\" covers=\"" + covers + "\"/>\n</govmap>\n";
  std::ofstream(path, std::ios::binary) << xml;
  return path;
}

void BM_LoadLongCovers(benchmark::State& state) {
  const auto areas = static_cast<std::size_t>(state.range(0));
  const auto& path = covers_file(areas);
  for (auto _ : state) {
    DiagnosticSink sink;
    auto model = load_model(path, sink);
    if (!model) state.SkipWithError("the covers model did not load");
    benchmark::DoNotOptimize(model);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));  // areas per second
}

}  // namespace

BENCHMARK(BM_LoadLongCovers)->Arg(25000)->Arg(50000)->Arg(100000)->Arg(200000)->Unit(benchmark::kMillisecond);

}  // namespace govmap::bench
