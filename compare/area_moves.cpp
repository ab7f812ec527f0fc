#include "compare/area_moves.h"

#include <functional>
#include <map>

namespace govmap {
namespace {

std::string signature(const AreaMove& m) {
  std::string s = m.kind + "|";
  for (const auto& id : m.from) s += id + " ";
  s += "|";
  for (const auto& id : m.to) s += id + " ";
  return s;
}

}  // namespace

std::vector<AreaMoveGroup> summarise_area_moves(const ModelDiff& diff, const Model& base, const Model& proposal,
                                                const Geography& geography) {
  const Model& m = proposal;
  std::map<std::string, std::vector<std::size_t>> children;  // area id -> child indexes
  for (std::size_t i = 0; i < m.areas.size(); ++i) {
    if (!m.areas[i].parent.empty()) children[m.areas[i].parent].push_back(i);
  }
  // (area id, body kind) -> signature: an area may move for several kinds at once.
  std::map<std::pair<std::string, std::string>, std::string> moved;
  for (const auto& move : diff.area_moves) moved.emplace(std::pair(move.area, move.kind), signature(move));
  std::map<std::string, bool> memo;
  // Whether the area and everything under it moved with this signature (which names the kind).
  std::function<bool(const std::string&, const std::string&)> all_moved = [&](const std::string& area,
                                                                              const std::string& sig) {
    auto hit = moved.find({area, sig.substr(0, sig.find('|'))});
    if (hit != moved.end()) return hit->second == sig;
    const auto kids = children.find(area);
    if (kids == children.end() || kids->second.empty()) return false;
    const std::string key = area + "\n" + sig;
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    memo[key] = false;  // guards a parent loop
    bool all = true;
    for (std::size_t k : kids->second) all = all && all_moved(m.areas[k].id, sig);
    return memo[key] = all;
  };
  auto population = [&](const std::string& area) {
    auto it = m.area_index.find(area);
    return it == m.area_index.end() ? 0.0 : geography.area_population(static_cast<AreaIndex>(it->second));
  };
  auto parent_of = [&](const std::string& area) {
    const Area* a = m.find_area(area);
    if (a == nullptr) a = base.find_area(area);
    return a ? a->parent.str() : std::string();
  };
  std::vector<AreaMoveGroup> groups;
  std::map<std::string, std::size_t> group_of;  // area + signature -> index in groups
  for (const auto& move : diff.area_moves) {
    const std::string sig = signature(move);
    std::string top = move.area;
    for (std::string up = parent_of(top); !up.empty() && all_moved(up, sig); up = parent_of(up)) top = up;
    // A small area that moved without the rest of its parent is shown as part of the parent.
    const std::string parent = parent_of(top);
    const bool leaf = children.count(top) == 0;
    const bool whole = top != move.area || !leaf || parent.empty();
    const std::string area = whole ? top : parent;
    auto [it, added] = group_of.emplace(area + (whole ? "=" : "~") + sig, groups.size());
    if (added) groups.push_back({area, whole, move.kind, move.from, move.to, 0, 0, population(area)});
    AreaMoveGroup& g = groups[it->second];
    ++g.areas;
    g.moved = whole ? g.total : g.moved + population(move.area);
  }
  return groups;
}

}  // namespace govmap
