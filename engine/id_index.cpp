#include "engine/id_index.h"

#include <algorithm>
#include <bit>

#include "engine/memory.h"

namespace govmap {
namespace {

// Slots for `count` entries: a power of two at least twice as many (so probes stay short).
std::size_t slots_for(std::size_t count) { return count == 0 ? 0 : std::bit_ceil(std::max<std::size_t>(16, 2 * count)); }

}  // namespace

void IdIndex::reserve(std::size_t count) {
  if (slots_for(count) > slots_.size()) rebuild(slots_for(count));
}

std::size_t IdIndex::slot_of(Symbol id) const {
  if (slots_.empty()) return kNone;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = home_of(id);; slot = (slot + 1) & mask) {
    if (slots_[slot] == 0) return kNone;
    if (entries_[slots_[slot] - 1].first == id) return slot;
  }
}

std::pair<IdIndex::iterator, bool> IdIndex::try_emplace(Symbol id, std::size_t position) {
  if (const std::size_t slot = slot_of(id); slot != kNone) return {begin() + (slots_[slot] - 1), false};
  if (slots_for(entries_.size() + 1) > slots_.size()) rebuild(slots_for(entries_.size() + 1));
  entries_.emplace_back(id, position);
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = home_of(id);
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = static_cast<std::uint32_t>(entries_.size());
  return {end() - 1, true};
}

std::size_t IdIndex::erase(Symbol id) {
  std::size_t hole = slot_of(id);
  if (hole == kNone) return 0;
  const std::size_t entry = slots_[hole] - 1;
  // Empty the slot, then move back each later entry of the run that may sit in it (linear
  // probing's deletion: no entry is left beyond an empty slot on its way from home).
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t next = (hole + 1) & mask; slots_[next] != 0; next = (next + 1) & mask) {
    const std::size_t home = home_of(entries_[slots_[next] - 1].first);
    const bool stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
    if (stays) continue;
    slots_[hole] = slots_[next];
    hole = next;
  }
  slots_[hole] = 0;
  // Keep the entries dense: the last one takes the freed place.
  const std::size_t last = entries_.size() - 1;
  if (entry != last) {
    slots_[slot_of(entries_[last].first)] = static_cast<std::uint32_t>(entry + 1);
    entries_[entry] = entries_[last];
  }
  entries_.pop_back();
  return 1;
}

void IdIndex::rebuild(std::size_t size) {
  size = std::max(size, slots_for(entries_.size()));
  slots_ = HugePageVector<std::uint32_t>(size, 0);
  if (size == 0) return;
  const std::size_t mask = size - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    std::size_t slot = home_of(entries_[e].first);
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<std::uint32_t>(e + 1);
  }
}

}  // namespace govmap
