// govmap_bench: Google Benchmark main, plus
//   govmap_bench --write-synthetic BODIES LINKS FILE
// to write a synthetic model for measuring the CLI (e.g. with /usr/bin/time -v govmap check),
//   govmap_bench --side-by-side REPEATS MODEL
// to print, tab-separated, the bytes a model reads and the median milliseconds of a bare pugixml
// parse of its files, of loading it (with and without a second thread) and of checking it
// (bench/side_by_side.h), then the files, and
//   govmap_bench --steps REPEATS MODEL
// to print the median milliseconds of each analysis step and each rule (bench/step_times.h), and
//   govmap_bench --parse FILE...
// to parse files with pugixml and nothing else (for the parse's peak memory). scripts/bench
// runs these and writes docs/performance.md.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include <benchmark/benchmark.h>

#include "bench/side_by_side.h"
#include "bench/step_times.h"
#include "bench/synthetic.h"
#include "engine/memory.h"

int main(int argc, char** argv) {
  govmap::tune_allocator();  // as govmap's own main: the parse and govmap share one allocator
  if (argc == 5 && std::string(argv[1]) == "--write-synthetic") {
    const govmap::bench::SyntheticOptions options{std::strtoull(argv[2], nullptr, 10), std::strtoull(argv[3], nullptr, 10), 1};
    if (!govmap::bench::write_synthetic_model(options, argv[4])) {
      std::cerr << "govmap_bench: cannot write " << argv[4] << "\n";
      return 2;
    }
    return 0;
  }
  if (argc == 4 && std::string(argv[1]) == "--side-by-side") {
    const auto result = govmap::bench::side_by_side(argv[3], std::max(1, std::atoi(argv[2])));
    if (!result) {
      std::cerr << "govmap_bench: " << argv[3] << " does not load\n";
      return 2;
    }
    std::cout << result->bytes << '\t' << result->parse_ms << '\t' << result->load_ms << '\t'
              << result->load_one_thread_ms << '\t' << result->check_ms;
    for (const auto& file : result->files) std::cout << '\t' << file;
    std::cout << '\n';
    return 0;
  }
  if (argc == 4 && std::string(argv[1]) == "--steps") {
    const auto steps = govmap::bench::step_times(argv[3], std::max(1, std::atoi(argv[2])));
    if (steps.empty()) {
      std::cerr << "govmap_bench: " << argv[3] << " does not load\n";
      return 2;
    }
    for (const auto& [step, ms] : steps) std::cout << step << '\t' << ms << '\n';
    return 0;
  }
  if (argc >= 3 && std::string(argv[1]) == "--parse") {
    return govmap::bench::bare_parse({argv + 2, argv + argc}) > 0 ? 0 : 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
