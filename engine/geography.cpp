#include "engine/geography.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace govmap {
namespace {

// A set of areas marked one by one and read back in index order, each once: the union of
// lists of areas without sorting them, in time linear in the areas marked and in the span of
// indexes between the lowest and highest (a bit each).
class AreaMarks {
 public:
  explicit AreaMarks(std::size_t areas) : words_((areas + 63) / 64, 0) {}
  void mark(AreaIndex area) {
    const std::size_t word = area / 64;
    words_[word] |= std::uint64_t{1} << (area % 64);
    low_ = std::min(low_, word);
    high_ = std::max(high_, word + 1);
  }
  // Appends the areas marked, in index order, to `out`, and clears the marks.
  void take(std::vector<AreaIndex>& out) {
    for (std::size_t w = low_; w < high_; ++w) {
      for (std::uint64_t bits = std::exchange(words_[w], 0); bits != 0; bits &= bits - 1) {
        out.push_back(static_cast<AreaIndex>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
      }
    }
    low_ = SIZE_MAX;
    high_ = 0;
  }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t low_ = SIZE_MAX, high_ = 0;  // the words marked
};

}  // namespace

Geography::Geography(const Model& model)
    : model_(&model),
      children_(model.areas.size()),
      area_population_(model.areas.size(), 0.0),
      body_atoms_(model.bodies.size()),
      body_population_(model.bodies.size(), 0.0) {
  const auto n = static_cast<AreaIndex>(model.areas.size());
  std::vector<AreaIndex> parent(n, n);
  Symbol last_parent;        // a file lists a council's small areas together:
  AreaIndex last_index = n;  // look each run of one parent up once
  for (AreaIndex a = 0; a < n; ++a) {
    const Symbol id = model.areas[a].parent;
    if (id.empty()) continue;
    if (id != last_parent) {
      auto it = model.area_index.find(id);
      last_parent = id;
      last_index = it == model.area_index.end() ? n : static_cast<AreaIndex>(it->second);
    }
    parent[a] = last_index;
    if (parent[a] < n) children_[parent[a]].push_back(a);
  }
  // Populations: leaves as given; a parent as given, else the sum of its children.
  // Order areas so children come before parents (the loader rejects parent cycles).
  std::vector<AreaIndex> order;
  order.reserve(n);
  std::vector<std::uint32_t> pending(n);
  for (AreaIndex a = 0; a < n; ++a) pending[a] = static_cast<std::uint32_t>(children_[a].size());
  for (AreaIndex a = 0; a < n; ++a) if (pending[a] == 0) order.push_back(a);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const AreaIndex p = parent[order[i]];
    if (p < n && --pending[p] == 0) order.push_back(p);
  }
  std::vector<double> child_sum(n, 0.0);
  for (AreaIndex a : order) {
    const auto& given = model.areas[a].population;
    area_population_[a] = given ? *given : child_sum[a];
    if (parent[a] < n) child_sum[parent[a]] += area_population_[a];
  }
  // A body's atoms are the leaves it covers, in index order: marked and read back in order,
  // where sorting the leaves of each body took more time than the rest of the geography
  // (England: bodies covering hundreds of LSOAs through their councils). The leaves under an
  // area are found when a body first covers it and kept: many bodies cover the same council area.
  std::vector<std::vector<AreaIndex>> leaves(n);
  AreaMarks marks(n);
  area_start_.assign(n + 1, 0);
  for (std::size_t b = 0; b < model.bodies.size(); ++b) {
    for (const auto& id : model.bodies[b].covers) {
      auto it = model.area_index.find(id);
      if (it == model.area_index.end()) continue;
      const auto area = static_cast<AreaIndex>(it->second);
      if (is_leaf(area)) {
        marks.mark(area);
        continue;
      }
      if (leaves[area].empty()) leaves[area] = leaves_under(area);
      for (const AreaIndex leaf : leaves[area]) marks.mark(leaf);
    }
    marks.take(body_atoms_[b]);
    for (AreaIndex a : body_atoms_[b]) {
      ++area_start_[a + 1];
      body_population_[b] += area_population_[a];
    }
  }
  // Bodies by area in compressed rows, each row in body order.
  for (AreaIndex a = 0; a < n; ++a) area_start_[a + 1] += area_start_[a];
  area_bodies_.resize(area_start_[n]);
  std::vector<std::uint32_t> next(area_start_.begin(), area_start_.end() - 1);
  for (std::size_t b = 0; b < model.bodies.size(); ++b) {
    for (AreaIndex a : body_atoms_[b]) area_bodies_[next[a]++] = static_cast<std::uint32_t>(b);
  }
  share_of_.assign(model.bodies.size(), kNoShare);
  body_kind_.reserve(model.bodies.size());
  for (const Body& body : model.bodies) {
    body_kind_.push_back(kind_ids_.try_emplace(body.kind, static_cast<std::uint32_t>(kind_ids_.size())).first->second);
  }
}

std::vector<AreaIndex> Geography::joined_atoms(std::span<const std::size_t> bodies) const {
  if (bodies.size() == 1) return body_atoms_[bodies.front()];
  AreaMarks marks(area_population_.size());
  for (std::size_t b : bodies) {
    for (AreaIndex a : body_atoms_[b]) marks.mark(a);
  }
  std::vector<AreaIndex> joined;
  marks.take(joined);
  return joined;
}

std::vector<AreaIndex> Geography::leaves_under(AreaIndex area) const {
  std::vector<AreaIndex> leaves, stack{area};
  while (!stack.empty()) {
    const AreaIndex a = stack.back();
    stack.pop_back();
    if (children_[a].empty()) {
      leaves.push_back(a);
    } else {
      stack.insert(stack.end(), children_[a].begin(), children_[a].end());
    }
  }
  return leaves;
}

double Geography::overlap(std::size_t a, std::size_t b) const {
  const auto& x = body_atoms_[a];
  const auto& y = body_atoms_[b];
  double total = 0;
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      total += area_population_[x[i]];
      ++i, ++j;
    }
  }
  return total;
}

std::vector<Share> Geography::shares_by_kind(std::size_t body, std::string_view kind) const {
  const auto k = kind_ids_.find(kind);
  if (k == kind_ids_.end()) return {};
  // Each body of that kind met, with the population it shares summed in atom order (the order
  // the sums have always had, so they do not depend on the model's size). share_of_ finds a
  // body's entry without a search or a sort; it is cleared again before returning.
  std::vector<Share> shares;
  for (AreaIndex a : body_atoms_[body]) {
    for (std::uint32_t other : bodies_covering(a)) {
      if (other == body || body_kind_[other] != k->second) continue;
      std::uint32_t& slot = share_of_[other];
      if (slot == kNoShare) {
        slot = static_cast<std::uint32_t>(shares.size());
        shares.push_back({other, 0.0, 0.0});
      }
      shares[slot].population += area_population_[a];
    }
  }
  const double whole = body_population_[body];
  for (Share& share : shares) {
    share_of_[share.body] = kNoShare;
    share.fraction = whole > 0 ? share.population / whole : 0.0;
  }
  std::sort(shares.begin(), shares.end(), [&](const Share& a, const Share& b) {
    if (a.population != b.population) return a.population > b.population;
    return model_->bodies[a.body].id < model_->bodies[b.body].id;
  });
  return shares;
}

}  // namespace govmap
