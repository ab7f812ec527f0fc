#include "engine/symbol.h"

#include <deque>
#include <ostream>
#include <vector>

namespace govmap {
namespace {

// The strings by id, and an open-addressing hash table of ids (0: an empty slot; the empty
// string is id 0 and never looked up). A deque keeps each string where it is as it grows, so
// references handed out stay valid.
class Table {
 public:
  Table() : strings_(1), slots_(1024, 0), hashes_(1, 0) {}

  std::uint32_t intern(std::string_view text) {
    if (text.empty()) return 0;
    const std::uint32_t hash = hash_of(text);
    std::size_t slot = hash & (slots_.size() - 1);
    for (; slots_[slot] != 0; slot = (slot + 1) & (slots_.size() - 1)) {
      const std::uint32_t id = slots_[slot];
      if (hashes_[id] == hash && strings_[id] == text) return id;
    }
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(text);
    hashes_.push_back(hash);
    slots_[slot] = id;
    if (strings_.size() * 2 > slots_.size()) grow();
    return id;
  }

  std::uint32_t find(std::string_view text) const {
    const std::uint32_t hash = hash_of(text);
    for (std::size_t slot = hash & (slots_.size() - 1); slots_[slot] != 0; slot = (slot + 1) & (slots_.size() - 1)) {
      const std::uint32_t id = slots_[slot];
      if (hashes_[id] == hash && strings_[id] == text) return id;
    }
    return 0;
  }

  const std::string& text(std::uint32_t id) const { return strings_[id]; }
  std::uint32_t count() const { return static_cast<std::uint32_t>(strings_.size()); }

 private:
  // FNV-1a: short ids hash in a few nanoseconds, and the table needs no more.
  static std::uint32_t hash_of(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) h = (h ^ c) * 16777619u;
    return h;
  }

  void grow() {
    std::vector<std::uint32_t> slots(slots_.size() * 2, 0);
    for (std::uint32_t id = 1; id < strings_.size(); ++id) {
      std::size_t slot = hashes_[id] & (slots.size() - 1);
      while (slots[slot] != 0) slot = (slot + 1) & (slots.size() - 1);
      slots[slot] = id;
    }
    slots_.swap(slots);
  }

  std::deque<std::string> strings_;
  std::vector<std::uint32_t> slots_;
  std::vector<std::uint32_t> hashes_;  // by id
};

// Never destroyed: symbols are used until the process ends, and freeing every string at exit
// would only cost time.
Table& table() {
  static Table* const t = new Table();
  return *t;
}

}  // namespace

std::uint32_t Symbol::intern(std::string_view text) { return table().intern(text); }

const std::string& Symbol::text_of(std::uint32_t id) { return table().text(id); }

std::uint32_t Symbol::count() { return table().count(); }

std::optional<Symbol> Symbol::lookup(std::string_view text) {
  if (text.empty()) return Symbol();
  const std::uint32_t id = table().find(text);
  if (id == 0) return std::nullopt;
  Symbol s;
  s.id_ = id;
  return s;
}

std::ostream& operator<<(std::ostream& out, Symbol s) { return out << s.view(); }

std::vector<Symbol> to_symbols(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

std::vector<std::string> to_strings(const std::vector<Symbol>& symbols) {
  return {symbols.begin(), symbols.end()};
}

}  // namespace govmap
