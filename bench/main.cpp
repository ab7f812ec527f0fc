// govmap_bench: Google Benchmark main, plus
//   govmap_bench --write-synthetic BODIES LINKS FILE
// to write a synthetic model for measuring the CLI (e.g. with /usr/bin/time -v govmap check).

#include <cstdlib>
#include <iostream>
#include <string>

#include <benchmark/benchmark.h>

#include "bench/synthetic.h"

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "--write-synthetic") {
    const govmap::bench::SyntheticOptions options{std::strtoull(argv[2], nullptr, 10), std::strtoull(argv[3], nullptr, 10), 1};
    if (!govmap::bench::write_synthetic_model(options, argv[4])) {
      std::cerr << "govmap_bench: cannot write " << argv[4] << "\n";
      return 2;
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
