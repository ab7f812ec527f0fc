#pragma once
// Interned strings. Each distinct string a model holds (an id, a kind, a name, a source id) is
// stored once for the life of the process, and elements hold a 4-byte handle to it: equal
// symbols are equal handles, so comparing and hashing ids costs an integer operation, copying
// an element copies no text, and a million links naming the same few hundred bodies hold each
// name once. The text converts to a std::string_view or a const std::string&, so a Symbol reads
// like the string it stands for; symbols order by their text, so sorted output does not depend
// on the order strings were met.
// Used from one thread only: the one other thread govmap starts, the parser of a streamed file
// (engine/xml_stream.h), makes no symbols.

#include <compare>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace govmap {

class Symbol {
 public:
  /// The empty string.
  Symbol() = default;
  // Implicit, so that a field that was a std::string is assigned and initialised as before.
  Symbol(std::string_view text) : id_(text.empty() ? 0 : intern(text)) {}
  Symbol(const std::string& text) : Symbol(std::string_view(text)) {}
  Symbol(const char* text) : Symbol(std::string_view(text)) {}

  /// The text; valid for the life of the process. view() costs least: str() makes a
  /// std::string of the text the first time it is asked for.
  const std::string& str() const { return text_of(id_); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return view(); }
  std::string_view view() const { return view_of(id_); }
  /// NUL-terminated.
  const char* c_str() const { return id_ == 0 ? "" : view().data(); }
  bool empty() const { return id_ == 0; }
  void clear() { id_ = 0; }
  std::size_t size() const { return view().size(); }
  /// A dense number for the text: 0 for the empty string, then in the order strings were first
  /// interned (so it says nothing about the text's order). Indexes may be arrays by it.
  std::uint32_t id() const { return id_; }
  /// How many distinct strings have been interned (every id is below it).
  static std::uint32_t count();
  /// Makes room for `more` new strings, so that the table is not rebuilt as they come.
  static void reserve(std::size_t more);
  /// The symbol of `text` when it has been interned: a lookup that does not grow the table.
  static std::optional<Symbol> lookup(std::string_view text);

  friend bool operator==(Symbol a, Symbol b) { return a.id_ == b.id_; }
  friend bool operator==(Symbol a, std::string_view b) { return a.view() == b; }
  friend bool operator==(Symbol a, const std::string& b) { return a.view() == b; }
  friend bool operator==(Symbol a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(Symbol a, Symbol b) {
    return a.id_ == b.id_ ? std::strong_ordering::equal : a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(Symbol a, std::string_view b) { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(Symbol a, const std::string& b) { return a.view() <=> std::string_view(b); }
  friend std::strong_ordering operator<=>(Symbol a, const char* b) { return a.view() <=> std::string_view(b); }

  friend std::string operator+(Symbol a, std::string_view b) { return std::string(a.view()).append(b); }
  friend std::string operator+(Symbol a, const std::string& b) { return std::string(a.view()).append(b); }
  friend std::string operator+(Symbol a, const char* b) { return std::string(a.view()).append(b); }
  friend std::string operator+(Symbol a, char b) { return std::string(a.view()) + b; }
  friend std::string operator+(std::string_view a, Symbol b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const std::string& a, Symbol b) { return std::string(a).append(b.view()); }
  friend std::string operator+(std::string&& a, Symbol b) { return std::move(a.append(b.view())); }
  friend std::string operator+(const char* a, Symbol b) { return std::string(a).append(b.view()); }
  friend std::string operator+(char a, Symbol b) { return std::string(1, a).append(b.view()); }
  friend std::string operator+(Symbol a, Symbol b) { return std::string(a.view()).append(b.view()); }

 private:
  static std::uint32_t intern(std::string_view text);
  static const std::string& text_of(std::uint32_t id);
  static std::string_view view_of(std::uint32_t id);
  std::uint32_t id_ = 0;
};

/// An interned list of symbols (the sources an element cites, a link's functions): equal lists
/// share one copy, held for the life of the process, and an element holds a 4-byte handle
/// instead of a vector (England's 34,000 areas cite one list). Immutable: assign a new list to
/// change it.
class SymbolList {
 public:
  SymbolList() = default;
  // Implicit, so that a field that was a std::vector<Symbol> is assigned as before.
  SymbolList(const std::vector<Symbol>& items);
  SymbolList(std::initializer_list<Symbol> items) : SymbolList(std::vector<Symbol>(items)) {}

  const Symbol* begin() const;
  const Symbol* end() const { return begin() + size(); }
  std::size_t size() const;
  bool empty() const { return id_ == 0; }
  /// A dense number for the list: equal lists have equal ids (0: the empty list).
  std::uint32_t id() const { return id_; }
  const Symbol& operator[](std::size_t i) const { return begin()[i]; }
  const Symbol& front() const { return *begin(); }
  const Symbol& back() const { return end()[-1]; }
  /// A copy, to change or to hand to what takes a vector.
  operator std::vector<Symbol>() const { return {begin(), end()}; }

  friend bool operator==(SymbolList a, SymbolList b) { return a.id_ == b.id_; }

 private:
  std::uint32_t id_ = 0;  // 0: the empty list
};

/// Writes the text (for test failure messages).
std::ostream& operator<<(std::ostream& out, Symbol s);

/// The texts of some symbols, in order.
std::vector<std::string> to_strings(const std::vector<Symbol>& symbols);

}  // namespace govmap

template <>
struct std::hash<govmap::Symbol> {
  std::size_t operator()(govmap::Symbol s) const noexcept { return s.id(); }
};

template <>
struct fmt::formatter<govmap::Symbol> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(govmap::Symbol s, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
