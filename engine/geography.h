#pragma once
// The geography index: every body's covered atoms (leaf areas) with populations, so overlap
// and coterminosity are population-weighted set operations. Built once per run (Analysis).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
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
  std::span<const std::uint32_t> bodies_covering(AreaIndex area) const {
    return {area_bodies_.data() + area_start_[area], area_bodies_.data() + area_start_[area + 1]};
  }
  /// Population of an area: as given, or the sum of its children's.
  double area_population(AreaIndex area) const { return area_population_[area]; }
  /// Population covered by a body (sum over its atoms).
  double population(std::size_t body) const { return body_population_[body]; }
  bool has_coverage(std::size_t body) const { return !body_atoms_[body].empty(); }
  /// Leaf areas under an area (itself when a leaf).
  std::vector<AreaIndex> leaves_under(AreaIndex area) const;
  bool is_leaf(AreaIndex area) const { return children_[area].empty(); }
  /// The areas whose parent is `area`, in model order.
  const std::vector<AreaIndex>& children(AreaIndex area) const { return children_[area]; }

  /// Population shared by two bodies.
  double overlap(std::size_t a, std::size_t b) const;
  /// How `body`'s population divides among bodies of `kind`: one Share per body of that kind
  /// that overlaps it, sorted by population descending then body id. O(p log p) for the p
  /// pairs of its atoms and the bodies of that kind covering them.
  std::vector<Share> shares_by_kind(std::size_t body, std::string_view kind) const;
  /// The atoms of all the bodies, sorted, each once.
  std::vector<AreaIndex> joined_atoms(std::span<const std::size_t> bodies) const;
  /// Whether two bodies cover the same atoms.
  bool same_footprint(std::size_t a, std::size_t b) const { return body_atoms_[a] == body_atoms_[b]; }

 private:
  const Model* model_;
  std::vector<std::vector<AreaIndex>> children_;
  std::vector<double> area_population_;
  std::vector<std::vector<AreaIndex>> body_atoms_;
  /// Bodies covering each area: area_bodies_[area_start_[a] .. area_start_[a + 1]).
  std::vector<std::uint32_t> area_start_, area_bodies_;
  std::vector<double> body_population_;
  /// Each body's kind as a small number, so shares_by_kind compares numbers, not strings.
  std::unordered_map<std::string_view, std::uint32_t> kind_ids_;
  std::vector<std::uint32_t> body_kind_;
  /// Scratch for shares_by_kind: each body's entry in the shares being summed, kNoShare outside
  /// a call (used from one thread).
  static constexpr std::uint32_t kNoShare = UINT32_MAX;
  mutable std::vector<std::uint32_t> share_of_;
};

}  // namespace govmap
