#pragma once
// A synthetic model generator for benchmarks and scale tests: a realistic England-like model of
// about `bodies` bodies and `links` links (areas with populations, councils, NHS boards,
// layers of partnerships, pooled funds, providers, seats, funding and accountability, claims).
// Deterministic for a given seed.

#include <cstddef>
#include <cstdint>
#include <string>

namespace govmap::bench {

struct SyntheticOptions {
  std::size_t bodies = 1000;
  std::size_t links = 10000;
  std::uint32_t seed = 1;
};

/// The model as XML text.
std::string synthetic_model_xml(const SyntheticOptions& options);

/// Writes the model to `path`; returns false when it cannot be written.
bool write_synthetic_model(const SyntheticOptions& options, const std::string& path);

}  // namespace govmap::bench
