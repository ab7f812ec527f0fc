#include "engine/analysis.h"

namespace govmap {

Analysis::Analysis(Model loaded)
    : model(std::move(loaded)),
      graph(model),
      geography(model),
      stats(compute_stats(graph, geography)),
      claims(evaluate_claims(model, geography)) {}

std::unique_ptr<const Analysis> analyse(Model model) { return std::make_unique<const Analysis>(std::move(model)); }

}  // namespace govmap
