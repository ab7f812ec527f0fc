#pragma once
// govmap's load and check timed beside a bare pugixml parse of the same files, in one process
// (govmap_bench --side-by-side MODEL; scripts/bench writes docs/performance.md from it).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace govmap::bench {

/// Medians of interleaved runs, in milliseconds.
struct SideBySide {
  std::vector<std::string> files;  // every file the model reads (includes, baselines)
  std::size_t bytes = 0;           // their total size
  double parse_ms = 0;             // pugixml load_file of each file and one walk of its nodes
  double load_ms = 0;              // load_model: what `govmap validate` does
  double load_one_thread_ms = 0;   // the same with no file parsed on a second thread
  double check_ms = 0;             // load, analyse and every rule: what `govmap check` does
};

/// Parses each file with pugixml and walks all nodes; returns the number of nodes (0 on error).
std::size_t bare_parse(const std::vector<std::string>& paths);

/// Times the model `repeats` times each way, after three untimed rounds; nullopt when it does not
/// load.
std::optional<SideBySide> side_by_side(const std::string& model_path, int repeats);

}  // namespace govmap::bench
