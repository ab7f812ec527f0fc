#pragma once
// Evaluates a <claim>'s metric against the model (models/FORMAT.md, "<claim>"). Used by the
// claim-mismatch rule and by the `metrics` section of `govmap check --format json`.

#include <optional>
#include <string>
#include <vector>

#include "engine/geography.h"
#include "engine/model.h"

namespace govmap {

struct ClaimCheck {
  const Claim* claim = nullptr;
  std::optional<double> model_value;  // nullopt when the metric is unknown
  std::string note;                   // e.g. "2 matching funding links have no amount"
  bool holds() const;
};

/// What the model gives for one claim's metric.
ClaimCheck evaluate_claim(const Model& model, const Geography& geography, const Claim& claim);

/// Every claim of the model, in document order.
std::vector<ClaimCheck> evaluate_claims(const Model& model, const Geography& geography);

/// A claim figure as people write it: "13", "374,130", "2.5".
std::string claim_number(double value);

}  // namespace govmap
