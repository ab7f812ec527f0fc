#pragma once
// The byte scans of the fast XML parser (engine/xml_fast_parse.cpp): runs of name characters,
// of whitespace and of plain attribute value, sixteen bytes at a time with SSE2 where it is there
// and a byte at a time otherwise. A scan loads sixteen bytes only while all sixteen lie inside
// the text, and reads the rest a byte at a time: the text may be a mapped file whose last page
// ends exactly where the text does.

#include <array>
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__) && defined(__x86_64__)
#define GOVMAP_XML_SCAN_SSE2 1
#include <emmintrin.h>
#endif

namespace govmap::xml_scan {

enum : std::uint8_t { kSpace = 1, kSymbol = 2, kStart = 4, kValueStop = 8 };

// pugixml's character classes: whitespace is space, tab, CR and LF; a name starts with a letter,
// '_', ':' or any byte above 0x7F and goes on with those, digits, '-' and '.'. kValueStop marks
// what ends a plain run of an attribute value: either quote, '&' and bytes below 0x20 (tab, CR
// and LF are normalised; other control bytes are kept, but rare enough to take the slow way).
constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t bits = 0;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') bits |= kSpace;
    if (letter || c == '_' || c == ':' || c >= 0x80) bits |= kStart | kSymbol;
    if ((c >= '0' && c <= '9') || c == '-' || c == '.') bits |= kSymbol;
    if (c == '"' || c == '\'' || c == '&' || c < 0x20) bits |= kValueStop;
    table[static_cast<std::size_t>(c)] = bits;
  }
  return table;
}
inline constexpr std::array<std::uint8_t, 256> kClasses = make_classes();

/// Whether byte `c` is in any of the classes `bits`.
inline bool is(char c, std::uint8_t bits) {
  return (kClasses[static_cast<unsigned char>(c)] & bits) != 0;
}

#ifdef GOVMAP_XML_SCAN_SSE2
namespace detail {
inline __m128i load(const char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}
inline __m128i splat(char c) { return _mm_set1_epi8(c); }
// Bytes equal to c.
inline __m128i eq(__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, splat(c)); }
// Bytes b with low <= b <= low + span (unsigned).
inline __m128i in_range(__m128i bytes, char low, char span) {
  const __m128i offset = _mm_sub_epi8(bytes, splat(low));
  return _mm_cmpeq_epi8(_mm_min_epu8(offset, splat(span)), offset);
}
inline unsigned mask(__m128i bytes) { return static_cast<unsigned>(_mm_movemask_epi8(bytes)); }

// A bit for each of the sixteen bytes that is not a name character (kSymbol).
inline unsigned not_symbols(__m128i bytes) {
  // Letters: with 0x20 set, 'A'-'Z' become 'a'-'z' and nothing else does. '-' to ':' are the
  // digits, '-', '.', ':' and '/', which is not a name character. Bytes above 0x7F have their
  // top bit set.
  const __m128i letters = in_range(_mm_or_si128(bytes, splat(0x20)), 'a', 'z' - 'a');
  const __m128i digits = _mm_andnot_si128(eq(bytes, '/'), in_range(bytes, '-', ':' - '-'));
  const __m128i names = _mm_or_si128(_mm_or_si128(letters, digits), eq(bytes, '_'));
  return ~(mask(names) | mask(bytes)) & 0xFFFFu;
}
// A bit for each byte that is not whitespace.
inline unsigned not_spaces(__m128i bytes) {
  const __m128i spaces = _mm_or_si128(_mm_or_si128(eq(bytes, ' '), eq(bytes, '\n')),
                                      _mm_or_si128(eq(bytes, '\t'), eq(bytes, '\r')));
  return ~mask(spaces) & 0xFFFFu;
}
// A bit for each byte that is a quote, '&' or below 0x20.
inline unsigned value_stops(__m128i bytes) {
  const __m128i control = _mm_cmpeq_epi8(_mm_subs_epu8(bytes, splat(0x1F)), _mm_setzero_si128());
  const __m128i quotes = _mm_or_si128(eq(bytes, '"'), eq(bytes, '\''));
  return mask(_mm_or_si128(_mm_or_si128(quotes, eq(bytes, '&')), control));
}
}  // namespace detail
#endif

/// The first position from `p` where a run ends, or `n`: a run of kSymbol or kSpace is bytes in
/// that class, a run of kValueStop is bytes not in it. Sixteen bytes at a time while sixteen are
/// left, then one at a time.
template <std::uint8_t kRun>
inline std::size_t run_end(const char* text, std::size_t p, std::size_t n) {
  static_assert(kRun == kSymbol || kRun == kSpace || kRun == kValueStop);
#ifdef GOVMAP_XML_SCAN_SSE2
  for (; p + 16 <= n; p += 16) {
    const __m128i bytes = detail::load(text + p);
    unsigned found = 0;
    if constexpr (kRun == kSymbol) found = detail::not_symbols(bytes);
    if constexpr (kRun == kSpace) found = detail::not_spaces(bytes);
    if constexpr (kRun == kValueStop) found = detail::value_stops(bytes);
    if (found != 0) return p + static_cast<std::size_t>(__builtin_ctz(found));
  }
#endif
  constexpr bool kStopsInClass = kRun == kValueStop;
  while (p < n && is(text[p], kRun) != kStopsInClass) ++p;
  return p;
}

/// The first position from `p` whose byte is not a name character, or `n`.
inline std::size_t skip_name(const char* text, std::size_t p, std::size_t n) {
  return run_end<kSymbol>(text, p, n);
}

/// The first position from `p` whose byte is not whitespace, or `n`. Most runs are one space
/// (between attributes) or a line end and a few spaces (between elements), which the first
/// bytes settle.
inline std::size_t skip_space(const char* text, std::size_t p, std::size_t n) {
  for (int i = 0; i < 4; ++i, ++p) {
    if (p >= n || !is(text[p], kSpace)) return p;
  }
  return run_end<kSpace>(text, p, n);
}

/// The first position from `p` whose byte is a quote, '&' or below 0x20, or `n`.
inline std::size_t find_value_stop(const char* text, std::size_t p, std::size_t n) {
  return run_end<kValueStop>(text, p, n);
}

}  // namespace govmap::xml_scan
