#include "engine/symbol.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <deque>
#include <type_traits>
#include <unordered_map>
#include <ostream>
#include <vector>

#include "engine/memory.h"
#include "engine/text.h"

namespace govmap {
namespace {

// The strings, and an open-addressing hash table of them. Each string is stored once, in chunks
// that never move: its id, its size, its bytes and a NUL, one after the other. A slot holds a
// string's hash in its high half and where the string is in its low half (0: an empty slot; the
// empty string is id 0 and never stored), so a probe compares hashes without touching the
// strings and, when they match, finds the string's size and bytes in one place: one memory
// access more, where a std::string held elsewhere took two or three (England's load spent a
// quarter of its time in probe, most of it waiting for memory).
class Table {
 public:
  Table() : locations_(1, 0), slots_(1024, 0) {}

  std::uint32_t intern(std::string_view text) {
    if (text.empty()) return 0;
    const std::uint32_t hash = hash_of(text);
    const std::size_t slot = probe(hash, text);
    if (slots_[slot] != 0) return id_at(static_cast<std::uint32_t>(slots_[slot]));
    const auto id = static_cast<std::uint32_t>(locations_.size());
    const std::uint32_t location = store(id, text);
    locations_.push_back(location);
    slots_[slot] = (std::uint64_t{hash} << 32) | location;
    if (full(locations_.size(), slots_.size())) grow(slots_.size() * 2);
    return id;
  }

  void reserve(std::size_t more) {
    std::size_t size = slots_.size();
    while (full(locations_.size() + more, size)) size *= 2;
    if (size > slots_.size()) grow(size);
    locations_.reserve(locations_.size() + more);
  }

  std::uint32_t find(std::string_view text) const {
    const std::uint64_t entry = slots_[probe(hash_of(text), text)];
    return entry == 0 ? 0 : id_at(static_cast<std::uint32_t>(entry));
  }

  std::string_view view(std::uint32_t id) const {
    if (id == 0) return {};
    const char* entry = at(locations_[id]);
    return {entry + kHeader, read_u32(entry + 4)};
  }

  // As a std::string, made the first time it is asked for: most strings are only compared,
  // hashed and printed, which their view serves. Kept by id in a map, whose entries do not
  // move: a few thousand are asked for, where an array by id held an empty string for each of
  // England's 69,000 symbols.
  const std::string& text(std::uint32_t id) const {
    static const std::string empty;
    if (id == 0) return empty;
    const auto [it, fresh] = strings_.try_emplace(id);
    if (fresh) it->second.assign(view(id));
    return it->second;
  }
  std::uint32_t count() const { return static_cast<std::uint32_t>(locations_.size()); }

 private:
  // A location is a chunk's number in its high bits and an offset into it in the low kOffsetBits.
  static constexpr unsigned kOffsetBits = 20;
  static constexpr std::size_t kChunk = std::size_t{1} << kOffsetBits;
  static constexpr std::size_t kHeader = 8;  // the id and the size, four bytes each

  static std::uint32_t read_u32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  const char* at(std::uint32_t location) const {
    return chunks_[location >> kOffsetBits].get() + (location & (kChunk - 1));
  }
  std::uint32_t id_at(std::uint32_t location) const { return read_u32(at(location)); }

  // Copies a new string into the chunks; its location. A string that does not fit what is left
  // of the last chunk starts a new one (of its own size when larger than a chunk), so every
  // string starts below kChunk. The first chunk's first four bytes are left unused: no string is
  // at location 0, so a slot of a string whose hash is 0 is not 0, which marks an empty slot.
  std::uint32_t store(std::uint32_t id, std::string_view text) {
    const std::size_t bytes = (kHeader + text.size() + 1 + 3) & ~std::size_t{3};
    if (chunks_.empty() || used_ + bytes > chunk_size_) {
      if (chunks_.size() >= (std::size_t{1} << (32 - kOffsetBits))) throw std::bad_alloc();
      used_ = chunks_.empty() ? 4 : 0;
      chunk_size_ = std::max(kChunk, used_ + bytes);
      chunks_.emplace_back(new char[chunk_size_]);
    }
    char* entry = chunks_.back().get() + used_;
    const auto size = static_cast<std::uint32_t>(text.size());
    std::memcpy(entry, &id, 4);
    std::memcpy(entry + 4, &size, 4);
    std::memcpy(entry + kHeader, text.data(), text.size());
    entry[kHeader + text.size()] = '\0';
    const auto location = static_cast<std::uint32_t>(((chunks_.size() - 1) << kOffsetBits) | used_);
    used_ += bytes;
    return location;
  }

  // Whether `strings` need more than `slots`. Filled to 70%: a probe reads eight slots to a cache
  // line, so the longer runs cost little, and a smaller table stays in the processor's cache
  // (England's 69,000 strings in 1 MiB, not 2).
  static bool full(std::size_t strings, std::size_t slots) { return strings * 10 > slots * 7; }

  // Eight bytes at a time, the last eight (or the few) read whole however long the text is,
  // each step a multiply that mixes every byte into the high bits the table indexes with. Ids
  // and names are mostly 5 to 30 bytes: two to four steps, no loop over bytes.
  static std::uint32_t hash_of(std::string_view text) {
    const auto load = [](const char* p, auto word) {
      std::memcpy(&word, p, sizeof word);
      return static_cast<std::uint64_t>(word);
    };
    const auto mix = [](std::uint64_t h) {
      h *= 0xBF58476D1CE4E5B9ull;
      return h ^ (h >> 31);
    };
    const char* p = text.data();
    const std::size_t n = text.size();
    std::uint64_t h = n * 0x9E3779B97F4A7C15ull;
    if (n >= 8) {
      const char* last = p + n - 8;
      for (; p < last; p += 8) h = mix(h ^ load(p, std::uint64_t{}));
      h = mix(h ^ load(last, std::uint64_t{}));
    } else if (n >= 4) {
      h = mix(h ^ load(p, std::uint32_t{}) ^ (load(p + n - 4, std::uint32_t{}) << 32));
    } else if (n > 0) {
      const auto byte = [&](std::size_t i) {
        return std::uint64_t{static_cast<unsigned char>(p[i])};
      };
      h = mix(h ^ byte(0) ^ (byte(n / 2) << 8) ^ (byte(n - 1) << 16));
    }
    return static_cast<std::uint32_t>((h * 0x9E3779B97F4A7C15ull) >> 32);
  }

  // The slot holding `text`, or the empty slot where it would go.
  std::size_t probe(std::uint32_t hash, std::string_view text) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
      const std::uint64_t entry = slots_[slot];
      if (static_cast<std::uint32_t>(entry >> 32) != hash) continue;
      const char* stored = at(static_cast<std::uint32_t>(entry));
      if (same_bytes({stored + kHeader, read_u32(stored + 4)}, text)) break;
    }
    return slot;
  }

  void grow(std::size_t size) {
    HugePageVector<std::uint64_t> slots(size, 0);
    for (const std::uint64_t entry : slots_) {
      if (entry == 0) continue;
      std::size_t slot = (entry >> 32) & (slots.size() - 1);
      while (slots[slot] != 0) slot = (slot + 1) & (slots.size() - 1);
      slots[slot] = entry;
    }
    slots_.swap(slots);
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0, chunk_size_ = 0;
  HugePageVector<std::uint32_t> locations_;  // by id
  HugePageVector<std::uint64_t> slots_;
  mutable std::unordered_map<std::uint32_t, std::string> strings_;  // by id, each made when first asked for
};

// Never destroyed: symbols are used until the process ends, and freeing every string at exit
// would only cost time. A plain pointer, made on first use (on one thread only, symbol.h), where a
// function-local static would cost a guard check on every lookup; being constant-initialised,
// it is null before any static initialiser that makes a Symbol runs.
Table* the_table = nullptr;

[[gnu::noinline]] Table& make_table() {
  the_table = new Table();
  return *the_table;
}

inline Table& table() { return the_table != nullptr ? *the_table : make_table(); }

static_assert(sizeof(Symbol) == sizeof(std::uint32_t) && std::is_trivially_copyable_v<Symbol>,
              "a list's bytes are its symbols' numbers");

// The lists by id (0: the empty list), found by their bytes: a deque keeps each vector, and so
// the bytes a key views, where it is.
class ListTable {
 public:
  ListTable() : lists_(1) {}

  std::uint32_t intern(const std::vector<Symbol>& items) {
    if (items.empty()) return 0;
    const auto found = ids_.find(bytes_of(items));
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(lists_.size());
    ids_.emplace(bytes_of(lists_.emplace_back(items)), id);
    return id;
  }
  const std::vector<Symbol>& list(std::uint32_t id) const { return lists_[id]; }

 private:
  static std::string_view bytes_of(const std::vector<Symbol>& items) {
    return {reinterpret_cast<const char*>(items.data()), items.size() * sizeof(Symbol)};
  }
  std::deque<std::vector<Symbol>> lists_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

ListTable& list_table() {
  static ListTable* const t = new ListTable();
  return *t;
}

}  // namespace

SymbolList::SymbolList(const std::vector<Symbol>& items) : id_(list_table().intern(items)) {}

const Symbol* SymbolList::begin() const { return list_table().list(id_).data(); }

std::size_t SymbolList::size() const { return list_table().list(id_).size(); }

std::uint32_t Symbol::intern(std::string_view text) { return table().intern(text); }

const std::string& Symbol::text_of(std::uint32_t id) { return table().text(id); }

std::string_view Symbol::view_of(std::uint32_t id) { return table().view(id); }

std::uint32_t Symbol::count() { return table().count(); }

void Symbol::reserve(std::size_t more) { table().reserve(more); }

std::optional<Symbol> Symbol::lookup(std::string_view text) {
  if (text.empty()) return Symbol();
  const std::uint32_t id = table().find(text);
  if (id == 0) return std::nullopt;
  Symbol s;
  s.id_ = id;
  return s;
}

std::ostream& operator<<(std::ostream& out, Symbol s) { return out << s.view(); }

std::vector<std::string> to_strings(const std::vector<Symbol>& symbols) {
  return {symbols.begin(), symbols.end()};
}

}  // namespace govmap
