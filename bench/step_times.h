#pragma once
// Where `govmap check` spends its time after loading: each step of the analysis (graph,
// geography, statistics, claims) and each rule of the catalogue on its own, medians of
// interleaved runs (govmap_bench --steps REPEATS MODEL), to find what grows faster than the model.

#include <string>
#include <utility>
#include <vector>

namespace govmap::bench {

/// (step, median milliseconds) in the order they run; empty when the model does not load.
std::vector<std::pair<std::string, double>> step_times(const std::string& model_path, int repeats);

}  // namespace govmap::bench
