#include "engine/geography.h"

#include <algorithm>
#include <unordered_map>

namespace govmap {

Geography::Geography(const Model& model)
    : model_(&model),
      children_(model.areas.size()),
      area_population_(model.areas.size(), 0.0),
      body_atoms_(model.bodies.size()),
      area_bodies_(model.areas.size()),
      body_population_(model.bodies.size(), 0.0) {
  const auto n = static_cast<AreaIndex>(model.areas.size());
  std::vector<AreaIndex> parent(n, n);
  for (AreaIndex a = 0; a < n; ++a) {
    auto it = model.area_index.find(model.areas[a].parent);
    if (it != model.area_index.end()) {
      parent[a] = static_cast<AreaIndex>(it->second);
      children_[parent[a]].push_back(a);
    }
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
  for (std::size_t b = 0; b < model.bodies.size(); ++b) {
    auto& atoms = body_atoms_[b];
    for (const auto& id : model.bodies[b].covers) {
      auto it = model.area_index.find(id);
      if (it == model.area_index.end()) continue;
      for (AreaIndex leaf : leaves_under(static_cast<AreaIndex>(it->second))) atoms.push_back(leaf);
    }
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    for (AreaIndex a : atoms) {
      area_bodies_[a].push_back(b);
      body_population_[b] += area_population_[a];
    }
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
  std::unordered_map<std::size_t, double> by_body;
  for (AreaIndex a : body_atoms_[body]) {
    for (std::size_t other : area_bodies_[a]) {
      if (other != body && model_->bodies[other].kind == kind) by_body[other] += area_population_[a];
    }
  }
  const double whole = body_population_[body];
  std::vector<Share> shares;
  shares.reserve(by_body.size());
  for (const auto& [other, population] : by_body) {
    shares.push_back({other, population, whole > 0 ? population / whole : 0.0});
  }
  std::sort(shares.begin(), shares.end(), [&](const Share& a, const Share& b) {
    if (a.population != b.population) return a.population > b.population;
    return model_->bodies[a.body].id < model_->bodies[b.body].id;
  });
  return shares;
}

}  // namespace govmap
