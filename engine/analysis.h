#pragma once
// One model analysed once: its graph, geography, statistics and claim checks, built once per
// run and shared by the rules, the outputs, comparisons and the report.

#include <memory>
#include <vector>

#include "engine/claims.h"
#include "engine/geography.h"
#include "engine/graph.h"
#include "engine/metrics.h"
#include "engine/model.h"

namespace govmap {

/// Not copyable or movable (the graph and geography point at the model): make one with
/// analyse() and pass it by reference or by the pointer.
struct Analysis {
  explicit Analysis(Model loaded);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const Model model;
  const Graph graph;
  const Geography geography;
  const Stats stats;
  const std::vector<ClaimCheck> claims;  // every claim, in document order
};

std::unique_ptr<const Analysis> analyse(Model model);

}  // namespace govmap
