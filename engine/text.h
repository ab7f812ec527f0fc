#pragma once
// Small text helpers shared by the loader, the CLI and the rules.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/symbol.h"

namespace govmap {

/// Whether a byte is white space as std::isspace reads it in the "C" locale (which govmap never
/// changes), without the call: the loader asks it of every byte of long lists.
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// Whether two short texts (names, ids) are the same: lengths first, then eight bytes at a time,
/// the last eight (or four) read whole. For texts of a few bytes a memcmp call costs more than
/// it compares, and a byte loop as much.
inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const auto word = [](const char* p, auto w) {
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (word(a.data() + i, std::uint64_t{}) != word(b.data() + i, std::uint64_t{})) return false;
    }
    return word(a.data() + n - 8, std::uint64_t{}) == word(b.data() + n - 8, std::uint64_t{});
  }
  if (n >= 4) {
    return word(a.data(), std::uint32_t{}) == word(b.data(), std::uint32_t{}) &&
           word(a.data() + n - 4, std::uint32_t{}) == word(b.data() + n - 4, std::uint32_t{});
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// Levenshtein distance, bounded: returns max_distance + 1 when it would be larger.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance);

/// The candidate closest to `word` within a third of its length (at least 2 edits, at most 8),
/// or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// How many whitespace-separated words `text` holds.
constexpr std::size_t count_words(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (!is_space(text[k]) && (k == 0 || is_space(text[k - 1]))) ++count;
  }
  return count;
}

/// Calls `use` with each whitespace-separated word of `text`, in order.
template <typename Use>
void each_word(std::string_view text, Use use) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j > i) use(text.substr(i, j - i));
    i = j;
  }
}

/// Splits on ASCII whitespace, dropping empty pieces.
std::vector<std::string> split_words(std::string_view text);

/// `text` with ASCII letters in lower case.
std::string lower(std::string text);

/// The lower-case words of an id as a user wrote it, split at '-', '_', '.' and spaces
/// ("belfast-trust": belfast, trust), to look for the names it stands for.
std::vector<std::string> written_words(std::string_view written);

/// "1 link", "2 links".
std::string plural(long long n, std::string_view one, std::string_view many);

/// Text escaped for XML and HTML, in content or in a double-quoted attribute: & < > " as entity
/// references, and line breaks and tabs as character references so attributes keep them.
std::string xml_escape(std::string_view text);

/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);
std::string join(const std::vector<Symbol>& parts, std::string_view separator);
/// The first `shown` parts joined, then " and N more" for the rest.
std::string join_first(const std::vector<std::string>& parts, std::string_view separator, std::size_t shown);
std::string join_first(const std::vector<Symbol>& parts, std::string_view separator, std::size_t shown);

/// Parses a finite decimal number (no hex, no inf/nan); nullopt when malformed.
std::optional<double> parse_number(std::string_view text);

/// Whether text is a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);
/// Why text is not such a date, in words ("'2024-04-31' is not a date: April 2024 has 30 days",
/// "'01-04-2024' is not a date written YYYY-MM-DD"); empty when it is one.
std::string date_problem(std::string_view text);

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Formats a fraction as a whole percentage ("64%"), or one decimal under 1% ("0.4%").
std::string percent(double fraction);
/// Formats a population or amount with thousands separators ("374,130").
std::string thousands(double value);
/// Formats money in pounds ("£115.0bn", "£2.65bn", "£250m", "£12,000").
std::string money(double pounds);

}  // namespace govmap
