#include "engine/text_scan.h"

#include <cstdint>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace govmap {

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[at];
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (c < 0x80) {
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    length = 2, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  std::uint32_t code = c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((s[at + k] & 0xC0) != 0x80) return 0;
    code = (code << 6) | (s[at + k] & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

namespace {

// Whether a byte needs a closer look: below 0x20 (a line end, a tab or a control character) or
// above 0x7F (part of a multi-byte sequence).
bool unusual(unsigned char c) { return c < 0x20 || c >= 0x80; }

// Takes in the unusual byte at `at` and returns where scanning goes on.
std::size_t take_unusual(std::string_view text, std::size_t at, TextScan& scan) {
  const char c = text[at];
  if (c == '\n' || (c == '\r' && (at + 1 == text.size() || text[at + 1] != '\n'))) {
    scan.line_starts.push_back(at + 1);
    return at + 1;
  }
  if (c == '\r' || c == '\t') return at + 1;
  if (static_cast<unsigned char>(c) < 0x80) {
    if (!scan.control) scan.control = at;
    return at + 1;
  }
  if (scan.invalid_utf8) return at + 1;  // only line ends are still looked for
  const std::size_t length = utf8_sequence_length(text, at);
  if (length == 0) {
    scan.invalid_utf8 = at;
    return at + 1;
  }
  return at + length;  // a continuation byte is never a line end
}

}  // namespace

TextScan scan_text(std::string_view text) {
  TextScan scan;
  const std::size_t n = text.size();
  // Room for lines of 32 bytes on average (a model's are longer): the list is not regrown, and
  // capacity never reached is address space, not memory.
  scan.line_starts.reserve(n / 32 + 1);
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // Bytes below 0x20 compare less than 0x20 as signed bytes, and so do bytes above 0x7F.
  const __m128i space = _mm_set1_epi8(0x20);
  while (i + 16 <= n) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const auto found = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, space)));
    if (found == 0) {
      i += 16;
      continue;
    }
    i = take_unusual(text, i + static_cast<std::size_t>(__builtin_ctz(found)), scan);
  }
#endif
  while (i < n) {
    i = unusual(static_cast<unsigned char>(text[i])) ? take_unusual(text, i, scan) : i + 1;
  }
  return scan;
}

}  // namespace govmap
