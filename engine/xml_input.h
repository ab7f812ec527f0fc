#pragma once
// Reading XML input safely: whole-file reads with UTF-8 and size checks, parsing into a flat
// document (engine/xml_doc.h) with locations, no DTDs, and an attribute reader that reports
// unknown, missing and malformed attributes with "did you mean".

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/source_file.h"
#include "engine/symbol.h"
#include "engine/text.h"
#include "engine/xml_doc.h"

namespace govmap {

/// " (did you mean 'x'?)" for a file beside a missing path, spelt nearly the same; else "". The
/// file is shown in the folder of `written` (the path as the user wrote it) when given.
std::string near_file(const std::string& path, const std::string& written = {});

/// Reads a file whole, checks it is non-empty UTF-8, and adds it to `files`. Problems are
/// reported at `from` (the include that named it) when given.
std::optional<std::uint32_t> read_source(const std::string& path, SourceFiles& files,
                                         DiagnosticSink& sink, const SourceFiles* from_files = nullptr,
                                         Location from = {});

/// Reports character references (&#N; or &#xN;) to characters XML does not allow: pugixml
/// decodes them without complaint (and &#0; cuts a value short). The first step of parse_xml.
bool check_character_references(const SourceFiles& files, std::uint32_t file, DiagnosticSink& sink);

/// Parses a file of `files` into `doc` (which views the file's text); reports syntax errors as
/// pugixml words them and refuses DTDs.
bool parse_xml(const SourceFiles& files, std::uint32_t file, XmlDocument& doc,
               DiagnosticSink& sink);

/// Location of an element's name in its file.
Location node_location(const SourceFiles& files, std::uint32_t file, const XmlNode& node);

/// Location of attribute `name` in the start tag that begins at `element` (the element's
/// location when the attribute is not written there).
Location attribute_location(const SourceFiles& files, Location element, std::string_view name);

/// Longest text attribute (a name, a note, evidence) and id that a model may give, and the most
/// words a list attribute (covers, areas, functions) may hold. models/FORMAT.md, "Limits".
inline constexpr std::size_t kMaxTextLength = 64 * 1024;
inline constexpr std::size_t kMaxIdLength = 256;
inline constexpr std::size_t kMaxListWords = 1'000'000;
/// Largest number a model may give (money in pounds, claimed values, tolerances): a thousand
/// times the UK's yearly output, and small enough that sums over a model stay exact in doubles
/// and fit a 64-bit integer.
inline constexpr double kMaxNumber = 1e15;
/// Largest population of one area: more than the world's.
inline constexpr double kMaxPopulation = 1e10;

namespace detail {

/// A slot (0 to 63) for an attribute name, from its length and end characters: names that differ
/// in those (most do) have different slots. Inline, so that a name the reader is asked for as a
/// literal has its slot computed when compiling.
inline std::size_t name_slot(std::string_view name) {
  if (name.empty()) return 0;
  const auto mix = name.size() * 31 + static_cast<unsigned char>(name.front()) * 7 +
                   static_cast<unsigned char>(name.back());
  return mix & 63;
}

}  // namespace detail

/// The attribute names an element may have, indexed so that checking a written name costs a
/// table lookup and one comparison. Implicit, so that a list of names is passed as before; an
/// element read many times (an area, a body, a link) keeps its names in a static.
class AttributeNames {
 public:
  AttributeNames(std::vector<std::string> names);
  AttributeNames(std::initializer_list<std::string_view> names);
  bool contains(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  friend class AttributeReader;
  std::vector<std::string> names_;
  // The names of the last two elements read with these that differ, each in its order, when
  // every one was allowed and cached, with the slot table they made (AttributeReader::by_slot_):
  // an element written the same way as one of them (England's 34,000 areas all are alike; a file
  // may alternate two orders) is read without hashing and looking up each name. Filled by
  // AttributeReader, on the one thread that reads elements.
  struct Layout {
    std::vector<std::string> names;
    std::array<std::uint8_t, 64> by_slot{};
  };
  mutable std::array<Layout, 2> layouts_;
  mutable std::size_t recent_ = 0;  // the layout last read or made: tried first, replaced last
  // By a name's hash (detail::name_slot): 1 + the first name with it, 0 for none; then
  // next_ chains names that share a slot.
  std::array<std::uint16_t, 64> first_{};
  std::vector<std::uint16_t> next_;
};

/// Reads the attributes of one element, tracking problems.
class AttributeReader {
 public:
  AttributeReader(const SourceFiles& files, std::uint32_t file, const XmlNode& node,
                  DiagnosticSink& sink, const AttributeNames& allowed);

  /// The element's location.
  Location at() const { return element_; }
  /// Location of an attribute's name (the element's when absent).
  Location at(std::string_view attribute) const;
  bool has(std::string_view name) const;
  /// Text value; reports missing-attribute when required and absent or empty, and too-long
  /// past kMaxTextLength.
  std::string text(std::string_view name, bool required = false);
  /// An identifier: non-empty, no whitespace, at most kMaxIdLength characters.
  std::string id(std::string_view name, bool required = false);
  /// text() as a view of the parsed document, valid while the document is.
  std::string_view text_view(std::string_view name, bool required = false) {
    const std::optional<std::string_view> value = find(name);
    if (!value) return required ? checked_text(name, required) : std::string_view();
    if (value->size() > kMaxTextLength || (required && value->empty())) return checked_text(name, required);
    return *value;
  }
  /// text() and id(), interned (no std::string made on the way).
  Symbol symbol(std::string_view name, bool required = false) {
    return Symbol(text_view(name, required));
  }
  Symbol id_symbol(std::string_view name, bool required = false) {
    return Symbol(id_view(name, required));
  }
  /// The words of a list attribute; reports too-many past kMaxListWords.
  std::vector<std::string> words(std::string_view name);
  /// The same words, interned.
  std::vector<Symbol> symbols(std::string_view name);
  /// A number of at most `max` in size, non-negative when `non_negative`; `money` words the
  /// error as negative money.
  std::optional<double> number(std::string_view name, bool required = false,
                               bool non_negative = true, bool money = false, double max = kMaxNumber);
  std::optional<int> positive_integer(std::string_view name);
  std::optional<bool> boolean(std::string_view name);
  std::string date(std::string_view name, bool required = false);
  /// date(), interned.
  Symbol date_symbol(std::string_view name) {
    const std::optional<std::string_view> value = find(name);
    return value && !value->empty() ? Symbol(date_view(name, false)) : Symbol();
  }
  /// A list attribute's words as an interned list. An element that repeats the previous one's
  /// list (33,000 areas citing one source) reuses it without splitting or interning again.
  SymbolList symbol_list(std::string_view name);
  /// Reports a bad enumerated value with the allowed ones.
  void bad_value(std::string_view name, std::string_view value,
                 const std::vector<std::string>& allowed, std::string_view code = "bad-value");

 private:
  std::string_view date_view(std::string_view name, bool required);
  std::string_view id_view(std::string_view name, bool required);
  // The raw value of a list attribute; empty (and reported) past kMaxListWords words.
  std::string_view list_value(std::string_view name);
  // The value of the attribute written with that name (nullopt when none), found without
  // building a string.
  std::optional<std::string_view> find(std::string_view name) const {
    const std::uint8_t slot = by_slot_[detail::name_slot(name)];
    if (slot == 0) return std::nullopt;
    if (slot == kShared) return find_in_document(name);
    const Cached& written = cached_[slot - 1];
    if (!same_bytes(written.name_view(), name)) return std::nullopt;
    return written.value_view();
  }
  // find() when the slot table cannot answer: names that share a slot, or an attribute past the
  // kCached first.
  std::optional<std::string_view> find_in_document(std::string_view name) const;
  // text_view() with its checks and reports.
  std::string_view checked_text(std::string_view name, bool required);
  // Caches the attributes when their names are those of `layout`, in its order (then every one
  // is allowed and by_slot_ is the layout's); false, with nothing cached, otherwise.
  bool read_as(const AttributeNames::Layout& layout);

  const SourceFiles& files_;
  std::uint32_t file_;
  XmlNode node_;
  DiagnosticSink& sink_;
  Location element_;
  // The element's attributes, read once. An element with more than kCached attributes is
  // searched in the document.
  static constexpr std::size_t kCached = 24;
  // Left uninitialised until written (string_view members would zero all kCached for every
  // element read).
  struct Cached {
    const char* name;
    const char* value;
    std::uint32_t name_size, value_size;
    static Cached of(std::string_view name, std::string_view value) {
      return {name.data(), value.data(), static_cast<std::uint32_t>(name.size()),
              static_cast<std::uint32_t>(value.size())};
    }
    std::string_view name_view() const { return {name, name_size}; }
    std::string_view value_view() const { return {value, value_size}; }
  };
  std::array<Cached, kCached> cached_;
  std::size_t cached_count_ = 0;
  // By a name's hash (detail::name_slot): 1 + the cached attribute with it, kShared when several
  // have it or it is not cached, 0 when none. Most lookups are of attributes an element does not
  // give, and an empty slot answers them without comparing names.
  static constexpr std::uint8_t kShared = 0xFF;
  std::array<std::uint8_t, 64> by_slot_{};
};

}  // namespace govmap
