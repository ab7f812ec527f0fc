#pragma once
// One pass over an input file's bytes that finds where its lines begin and what read_source
// refuses in it: invalid UTF-8 and control characters. Sixteen bytes at a time with SSE2 where
// it is there: a block of printable ASCII (nearly every block of a model) costs a handful of
// instructions, and only the bytes below 0x20 or above 0x7F are looked at one by one.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/memory.h"

namespace govmap {

/// What scan_text finds in a text.
struct TextScan {
  /// Byte offsets where lines begin: 0, and after each LF, CRLF or lone CR (as XML 1.0 reads
  /// line ends).
  HugePageVector<std::size_t> line_starts{0};
  /// The first byte that does not begin a valid UTF-8 sequence (overlong forms, surrogates, code
  /// points above U+10FFFF and sequences cut short are invalid).
  std::optional<std::size_t> invalid_utf8;
  /// The first C0 control character other than tab, line feed and carriage return (XML 1.0
  /// allows no others, and JSON and SVG outputs could not carry them).
  std::optional<std::size_t> control;
};

/// Scans `text` once; see TextScan.
TextScan scan_text(std::string_view text);

/// The length of the valid UTF-8 sequence that begins at `at` (1 for an ASCII byte), or 0 when
/// none does.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

}  // namespace govmap
