// Benchmarks of drawing diagrams: each bundled nation figure (build the view, lay out, render
// SVG), and the largest body-level view of a synthetic model at several --max-nodes limits.
// Run from the source folder (the nation models are read from models/):
//   govmap_bench --benchmark_filter=Render

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>

#include <unistd.h>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "bench/synthetic.h"
#include "engine/loader.h"
#include "render/render.h"
#include "render/views.h"

namespace govmap::bench {
namespace {

const char* const kNationModels[] = {
    "models/england/model.xml",
    "models/wales/model.xml",
    "models/scotland/model.xml",
    "models/northern-ireland/model.xml",
};

void render_once(benchmark::State& state, const Model& model, const ViewOptions& options) {
  DiagnosticSink sink;
  const auto diagram = build_view(model, options, sink);
  if (!diagram) {
    state.SkipWithError("the view could not be built");
    return;
  }
  const auto svg = render_diagram(*diagram, OutputFormat::Svg, sink, model.as_of);
  if (!svg) state.SkipWithError("Graphviz failed");
  state.counters["boxes"] = static_cast<double>(diagram->nodes.size());
  state.counters["arrows"] = static_cast<double>(diagram->edges.size());
  benchmark::DoNotOptimize(svg);
}

void BM_RenderNationFigure(benchmark::State& state) {
  const std::string path = kNationModels[state.range(0)];
  state.SetLabel(path);
  DiagnosticSink sink;
  const auto model = std::filesystem::exists(path) ? load_model(path, sink) : std::nullopt;
  if (!model) {
    state.SkipWithError("model missing or invalid (run from the source folder)");
    return;
  }
  for (auto _ : state) render_once(state, *model, {});
}
BENCHMARK(BM_RenderNationFigure)
    ->DenseRange(0, static_cast<int>(std::size(kNationModels)) - 1)
    ->Unit(benchmark::kMillisecond);

// A body view to depth 1 from the most linked body of a synthetic 1,000-body model: hundreds of
// bodies, drawn one box each up to --max-nodes (range 0), else grouped by kind.
void BM_RenderLargestBodyView(benchmark::State& state) {
  const std::string path =
      (std::filesystem::temp_directory_path() / fmt::format("govmap-render-bench-{}.xml", ::getpid())).string();
  if (!write_synthetic_model({1000, 10000, 1}, path)) {
    state.SkipWithError("cannot write the synthetic model");
    return;
  }
  DiagnosticSink sink;
  const auto model = load_model(path, sink);
  std::filesystem::remove(path);
  if (!model || model->bodies.empty()) {
    state.SkipWithError("the synthetic model did not load");
    return;
  }
  ViewOptions options;
  options.view = ViewKind::Body;
  std::map<std::string, int> degree;  // start from the most linked body
  for (const auto& link : model->links) {
    ++degree[link.from];
    ++degree[link.to];
  }
  options.body = std::max_element(degree.begin(), degree.end(), [](const auto& a, const auto& b) {
                   return a.second < b.second;
                 })->first;
  options.depth = 1;
  options.max_nodes = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) render_once(state, *model, options);
}
BENCHMARK(BM_RenderLargestBodyView)->Arg(150)->Arg(400)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace govmap::bench
