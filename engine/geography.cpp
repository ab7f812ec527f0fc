#include "engine/geography.h"

#include <algorithm>

namespace govmap {

Geography::Geography(const Model& model)
    : model_(&model),
      children_(model.areas.size()),
      area_population_(model.areas.size(), 0.0),
      body_atoms_(model.bodies.size()),
      body_population_(model.bodies.size(), 0.0) {
  const auto n = static_cast<AreaIndex>(model.areas.size());
  std::vector<AreaIndex> parent(n, n);
  Symbol last_parent;     // a file lists a council's small areas together:
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
  // The sorted leaves under an area, found when a body first covers it and kept: many bodies
  // cover the same council area.
  std::vector<std::vector<AreaIndex>> leaves(n);
  const auto sorted_leaves = [&](AreaIndex area) -> const std::vector<AreaIndex>& {
    if (leaves[area].empty()) {
      leaves[area] = leaves_under(area);
      std::sort(leaves[area].begin(), leaves[area].end());
    }
    return leaves[area];
  };
  area_start_.assign(n + 1, 0);
  for (std::size_t b = 0; b < model.bodies.size(); ++b) {
    auto& atoms = body_atoms_[b];
    for (const auto& id : model.bodies[b].covers) {
      auto it = model.area_index.find(id);
      if (it == model.area_index.end()) continue;
      const auto area = static_cast<AreaIndex>(it->second);
      if (is_leaf(area)) {
        atoms.push_back(area);
        continue;
      }
      const auto& under = sorted_leaves(area);
      atoms.insert(atoms.end(), under.begin(), under.end());
    }
    if (model.bodies[b].covers.size() > 1) {
      std::sort(atoms.begin(), atoms.end());
      atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    }
    for (AreaIndex a : atoms) {
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
