#pragma once
// The geography index: every body's covered atoms (leaf areas) with populations, so overlap
// and coterminosity are population-weighted set operations.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model.h"

namespace govmap {

using AreaIndex = std::uint32_t;

/// One body's share of another's population.
struct Share {
  std::size_t body;   // index in Model::bodies
  double population;  // population of the intersection
  double fraction;    // of the first body's population (0 when it has none)
};

class Geography {
 public:
  explicit Geography(const Model& model);

  /// Leaf areas covered by a body, sorted by area index.
  const std::vector<AreaIndex>& atoms(std::size_t body) const { return body_atoms_[body]; }
  /// Bodies covering a leaf area, sorted.
  const std::vector<std::size_t>& bodies_covering(AreaIndex area) const { return area_bodies_[area]; }
  /// Population of an area: as given, or the sum of its children's.
  double area_population(AreaIndex area) const { return area_population_[area]; }
  /// Population covered by a body (sum over its atoms).
  double population(std::size_t body) const { return body_population_[body]; }
  bool has_coverage(std::size_t body) const { return !body_atoms_[body].empty(); }
  /// Leaf areas under an area (itself when a leaf).
  std::vector<AreaIndex> leaves_under(AreaIndex area) const;
  bool is_leaf(AreaIndex area) const { return children_[area].empty(); }

  /// Population shared by two bodies.
  double overlap(std::size_t a, std::size_t b) const;
  /// How `body`'s population divides among bodies of `kind`: one Share per body of that kind
  /// that overlaps it, sorted by population descending then body id. Linear in its atoms.
  std::vector<Share> shares_by_kind(std::size_t body, std::string_view kind) const;
  /// Whether two bodies cover the same atoms.
  bool same_footprint(std::size_t a, std::size_t b) const { return body_atoms_[a] == body_atoms_[b]; }

 private:
  const Model* model_;
  std::vector<std::vector<AreaIndex>> children_;
  std::vector<double> area_population_;
  std::vector<std::vector<AreaIndex>> body_atoms_;
  std::vector<std::vector<std::size_t>> area_bodies_;
  std::vector<double> body_population_;
};

}  // namespace govmap
