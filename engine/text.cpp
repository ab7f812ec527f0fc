#include <cctype>
#include "engine/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "engine/text_scan.h"

namespace govmap {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
  const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  const std::size_t over = max_distance + 1;  // stands for every distance above the bound
  if (length_gap > max_distance) return over;
  // Only cells within max_distance of the diagonal can hold a distance within the bound, so each
  // row computes that band alone: time grows with length times bound, not length squared.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, over);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > max_distance ? i - max_distance : 1;
    const std::size_t high = std::min(b.size(), i + max_distance);
    std::size_t diagonal = row[low - 1];
    row[low - 1] = low == 1 ? std::min(i, over) : over;
    std::size_t best = row[low - 1];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1), over});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return over;
  }
  return std::min(row[b.size()], over);
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A third of the word's length, at least 2 and at most 8 edits: a word further from every
  // candidate than that is not a typo of one.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 2, 8);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate, limit);
    if (d < best_distance || (d == best_distance && !best.empty() && candidate < best)) {
      best_distance = d;
      best = candidate;
    }
  }
  // A suggestion that changes every character of the word is no suggestion.
  return best_distance <= limit && best_distance < word.size() ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  words.reserve(count_words(text));  // allocated once (most lists are one or two words)
  each_word(text, [&](std::string_view word) { words.emplace_back(word); });
  return words;
}

namespace {
template <typename Text>
std::string join_texts(const std::vector<Text>& parts, std::string_view separator,
                       std::size_t shown = std::numeric_limits<std::size_t>::max()) {
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < shown; ++i) {
    if (i > 0) out += separator;
    out += std::string_view(parts[i]);
  }
  if (parts.size() > shown) out += fmt::format(" and {} more", parts.size() - shown);
  return out;
}
}  // namespace

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  return join_texts(parts, separator);
}

std::string join(const std::vector<Symbol>& parts, std::string_view separator) {
  return join_texts(parts, separator);
}

std::string join_first(const std::vector<std::string>& parts, std::string_view separator, std::size_t shown) {
  return join_texts(parts, separator, shown);
}

std::string join_first(const std::vector<Symbol>& parts, std::string_view separator, std::size_t shown) {
  return join_texts(parts, separator, shown);
}

std::optional<double> parse_number(std::string_view text) {
  // Most numbers in a model are whole (populations, pounds): up to 15 digits are exact in a
  // double, read without from_chars, which costs hundreds of instructions for "1749".
  if (!text.empty() && text.size() <= 15) {
    std::uint64_t whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (i == text.size()) return static_cast<double>(whole);
  }
  if (text.empty() || text.size() > 64) return std::nullopt;
  for (char c : text) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

namespace {

struct DateParts {
  int year, month, day;
};

// The numbers of a text shaped YYYY-MM-DD (digits and dashes where they belong), whatever their
// values; nullopt for any other shape.
std::optional<DateParts> date_parts(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return DateParts{digits(0, 4), digits(5, 2), digits(8, 2)};
}

// The days in a month (1 to 12) of a year.
int days_in(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

bool is_iso_date(std::string_view text) {
  const auto date = date_parts(text);
  if (!date || date->month < 1 || date->month > 12 || date->day < 1) return false;
  return date->day <= days_in(date->month, date->year);
}

namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// A date as people write it ("1 April 2027", "April 2027", "1st Apr 2027", "01/04/2027" read day
// first, as in the UK, "2027-4-1"), as YYYY-MM-DD; none when it is not one. A month with no day
// is its first day.
std::optional<std::string> written_date(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(text) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  int day = 0, month = 0, year = 0;
  std::vector<int> numbers;
  for (std::string w : words) {
    for (const char* suffix : {"st", "nd", "rd", "th"}) {
      if (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0])) && w.ends_with(suffix)) w.resize(w.size() - 2);
    }
    if (std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      if (w.size() > 4) return std::nullopt;
      numbers.push_back(std::stoi(w));
      if (w.size() == 4) year = numbers.back();
      continue;
    }
    for (int m = 0; m < 12; ++m) {
      const std::string name = lower(kMonths[m]);
      if (w.size() >= 3 && name.compare(0, w.size(), w) == 0) month = m + 1;
    }
    if (month == 0) return std::nullopt;
  }
  if (year == 0) return std::nullopt;
  std::erase(numbers, year);
  if (month != 0) {  // "1 April 2027", "April 2027"
    if (numbers.size() > 1) return std::nullopt;
    day = numbers.empty() ? 1 : numbers.front();
  } else if (numbers.size() == 2) {  // "2027-4-1" or "1/4/2027"
    const bool year_first = words.front().size() == 4;
    day = year_first ? numbers[1] : numbers[0];
    month = year_first ? numbers[0] : numbers[1];
  } else {
    return std::nullopt;
  }
  const std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  return is_iso_date(iso) ? std::optional(iso) : std::nullopt;
}

}  // namespace

std::string date_problem(std::string_view text) {
  if (is_iso_date(text)) return "";
  const auto date = date_parts(text);
  if (!date) {
    const auto written = written_date(text);
    return written ? fmt::format("'{}' is not a date written YYYY-MM-DD: write {}", text, *written)
                   : fmt::format("'{}' is not a date written YYYY-MM-DD", text);
  }
  if (date->month < 1 || date->month > 12) {
    return fmt::format("'{}' is not a date: there is no month {:02} (dates are written YYYY-MM-DD)",
                       text, date->month);
  }
  return fmt::format("'{}' is not a date: {} {} has {} days", text, kMonths[date->month - 1],
                     date->year, days_in(date->month, date->year));
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most model text is ASCII.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::string percent(double fraction) {
  const double p = fraction * 100.0;
  if (p > 0 && p < 1) return fmt::format("{:.1f}%", p);
  return fmt::format("{:.0f}%", p);
}

std::string thousands(double value) {
  if (!std::isfinite(value)) return value > 0 ? "infinite" : value < 0 ? "-infinite" : "not a number";
  // Rounded half away from zero, in double: a value beyond the range of long long (a population
  // of 1e19 had been negated as LLONG_MIN) still prints its digits.
  const double rounded = std::round(std::abs(value));
  // A whole number below 2^64 converts exactly, and an integer prints the same digits as the
  // double with "{:.0f}" at a fraction of the cost (a finding's evidence holds many).
  constexpr double kTwoTo64 = 18446744073709551616.0;
  const std::string digits = rounded < kTwoTo64
                                 ? fmt::format_int(static_cast<std::uint64_t>(rounded)).str()
                                 : fmt::format("{:.0f}", rounded);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 && rounded > 0 ? "-" + out : out;
}

std::string money(double pounds) {
  if (pounds >= 1e10) return fmt::format("£{:.1f}bn", pounds / 1e9);
  if (pounds >= 1e9) {  // two decimals under £10bn ("£2.65bn", "£6.91bn"), one when it ends in 0
    std::string text = fmt::format("{:.2f}", pounds / 1e9);
    if (text.back() == '0') text.pop_back();
    return "£" + text + "bn";
  }
  if (pounds >= 1e6) return fmt::format("£{:.0f}m", pounds / 1e6);
  return "£" + thousands(pounds);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> written_words(std::string_view written) {
  std::string spaced = lower(std::string(written));
  std::replace_if(spaced.begin(), spaced.end(), [](char c) { return c == '-' || c == '_' || c == '.'; }, ' ');
  return split_words(spaced);
}

}  // namespace govmap
