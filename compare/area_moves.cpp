#include "compare/area_moves.h"

#include <unordered_map>

#include "engine/text.h"

namespace govmap {
namespace {

// Two numbers as one key.
std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

// What a move is: its kind, the bodies before and the bodies after (interned lists, so that
// equal lists have equal ids).
struct Signature {
  std::uint32_t kind, from, to;
  bool operator==(const Signature&) const = default;
};
struct SignatureHash {
  std::size_t operator()(const Signature& s) const {
    return std::hash<std::uint64_t>()(pair_key(s.from, s.to) * 0x9E3779B97F4A7C15ull + s.kind);
  }
};

// Each move's signature as a number: equal numbers are equal moves.
std::vector<std::uint32_t> signatures(const std::vector<AreaMove>& moves) {
  std::unordered_map<Signature, std::uint32_t, SignatureHash> numbers;
  std::vector<std::uint32_t> out;
  out.reserve(moves.size());
  for (const auto& m : moves) {
    const auto next = static_cast<std::uint32_t>(numbers.size());
    out.push_back(numbers.try_emplace({m.kind.id(), m.from.id(), m.to.id()}, next).first->second);
  }
  return out;
}

}  // namespace

std::vector<AreaMoveGroup> summarise_area_moves(const ModelDiff& diff, const Model& base, const Model& proposal,
                                                const Geography& geography) {
  const Model& m = proposal;
  static const std::vector<AreaIndex> kNone;
  const auto children = [&](Symbol area) -> const std::vector<AreaIndex>& {
    const auto it = m.area_index.find(area);
    return it == m.area_index.end() ? kNone : geography.children(static_cast<AreaIndex>(it->second));
  };
  const auto& moves = diff.area_moves;
  const std::vector<std::uint32_t> sigs = signatures(moves);
  // Each area's moves (one per kind that moved), which are next to each other.
  std::unordered_map<Symbol, std::pair<std::size_t, std::size_t>> moves_of;
  moves_of.reserve(moves.size());
  for (std::size_t i = 0; i < moves.size(); ++i) {
    auto [it, fresh] = moves_of.try_emplace(moves[i].area, i, i + 1);
    if (!fresh) it->second.second = i + 1;
  }
  std::unordered_map<std::uint64_t, bool> memo;  // (area, signature) -> all_moved
  // Whether the area and everything under it moved with this signature (of a move of `kind`).
  const auto all_moved = [&](const auto& self, Symbol area, Symbol kind, std::uint32_t sig) -> bool {
    if (const auto run = moves_of.find(area); run != moves_of.end()) {
      for (std::size_t i = run->second.first; i < run->second.second; ++i) {
        if (moves[i].kind == kind) return sigs[i] == sig;
      }
    }
    const auto& kids = children(area);
    if (kids.empty()) return false;
    const std::uint64_t key = pair_key(area.id(), sig);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    memo[key] = false;  // guards a parent loop
    bool all = true;
    for (const AreaIndex k : kids) all = all && self(self, m.areas[k].id, kind, sig);
    return memo[key] = all;
  };
  auto population = [&](Symbol area) {
    auto it = m.area_index.find(area);
    return it == m.area_index.end() ? 0.0 : geography.area_population(static_cast<AreaIndex>(it->second));
  };
  auto parent_of = [&](Symbol area) {
    const auto it = m.area_index.find(area);
    if (it != m.area_index.end()) return m.areas[it->second].parent;
    const auto was = base.area_index.find(area);
    return was != base.area_index.end() ? base.areas[was->second].parent : Symbol();
  };
  std::vector<AreaMoveGroup> groups;
  std::unordered_map<std::uint64_t, std::size_t> group_of[2];  // by whole: (area, signature) -> index in groups
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const AreaMove& move = moves[i];
    const std::uint32_t sig = sigs[i];
    Symbol top = move.area;
    for (Symbol up = parent_of(top); !up.empty() && all_moved(all_moved, up, move.kind, sig); up = parent_of(up)) top = up;
    // A small area that moved without the rest of its parent is shown as part of the parent.
    const Symbol parent = parent_of(top);
    const bool leaf = children(top).empty();
    const bool whole = top != move.area || !leaf || parent.empty();
    const Symbol area = whole ? top : parent;
    auto [it, added] = group_of[whole].emplace(pair_key(area.id(), sig), groups.size());
    if (added) {
      groups.push_back({area, whole, move.kind, to_strings(move.from), to_strings(move.to), 0, 0, population(area)});
    }
    AreaMoveGroup& g = groups[it->second];
    ++g.areas;
    g.moved = whole ? g.total : g.moved + population(move.area);
  }
  return groups;
}

}  // namespace govmap
