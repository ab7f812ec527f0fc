#pragma once
// The position of each element of one namespace (bodies, areas, sources...) by its id. An
// open-addressing table over the ids' symbol numbers, with the entries kept densely beside it:
// a lookup is one probe into a small array of integers, an insert allocates nothing once the
// table has room, and dropping the index frees two arrays (England's 34,000 areas were 34,000
// hash nodes). Iteration is over the entries, in no particular order.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/memory.h"
#include "engine/symbol.h"

namespace govmap {

class IdIndex {
 public:
  using value_type = std::pair<Symbol, std::size_t>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  iterator begin() { return entries_.data(); }
  iterator end() { return entries_.data() + entries_.size(); }
  const_iterator begin() const { return entries_.data(); }
  const_iterator end() const { return entries_.data() + entries_.size(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    slots_.clear();
  }
  void reserve(std::size_t count);

  /// The entry of an id, given as a Symbol or as text (text never interned is no id).
  template <typename Id>
  const_iterator find(const Id& id) const {
    const auto symbol = as_symbol(id);
    if (!symbol) return end();
    const std::size_t slot = slot_of(*symbol);
    return slot == kNone ? end() : begin() + (slots_[slot] - 1);
  }
  template <typename Id>
  iterator find(const Id& id) {
    return const_cast<iterator>(std::as_const(*this).find(id));
  }
  template <typename Id>
  std::size_t count(const Id& id) const {
    return find(id) != end() ? 1 : 0;
  }
  /// The position of an id that is there (std::out_of_range otherwise).
  template <typename Id>
  std::size_t at(const Id& id) const {
    const auto it = find(id);
    if (it == end()) throw std::out_of_range("IdIndex::at: no such id");
    return it->second;
  }

  /// Adds (id, position) unless the id is there; the entry, and whether it was added.
  std::pair<iterator, bool> try_emplace(Symbol id, std::size_t position);
  std::pair<iterator, bool> emplace(Symbol id, std::size_t position) { return try_emplace(id, position); }
  /// Removes an id; how many entries went (0 or 1).
  std::size_t erase(Symbol id);
  /// Removes the entries for which pred(entry) holds.
  template <typename Pred>
  void erase_if(Pred pred) {
    std::erase_if(entries_, pred);
    rebuild(slots_.size());
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  template <typename Id>
  static std::optional<Symbol> as_symbol(const Id& id) {
    if constexpr (std::is_same_v<Id, Symbol>) {
      return id;
    } else {
      return Symbol::lookup(std::string_view(id));
    }
  }
  // The home slot of an id: its symbol number itself. Numbers are dense and given in the order
  // strings are first read, so the ids of one file's elements mostly run in sequence: they fill
  // neighbouring slots, and reading a file touches the table in order rather than at random.
  std::size_t home_of(Symbol id) const { return id.id() & (slots_.size() - 1); }
  // The slot holding an id, or kNone.
  std::size_t slot_of(Symbol id) const;
  // Makes `size` slots (a power of two) and places every entry again.
  void rebuild(std::size_t size);

  std::vector<value_type> entries_;
  HugePageVector<std::uint32_t> slots_;  // 0: empty; otherwise 1 + an index into entries_
};

}  // namespace govmap
