// The one-pass scan of input text (engine/text_scan.h) finds the line starts, the first invalid
// UTF-8 and the first control character that a byte-at-a-time reading finds, wherever they fall
// against its blocks of sixteen and the end of the text.

#include <doctest/doctest.h>

#include <random>

#include "engine/source_file.h"
#include "engine/text.h"
#include "engine/text_scan.h"
#include "tests/guarded_text.h"

namespace govmap::test {
namespace {

// A byte at a time, as read_source and SourceFiles read text before the scan.
TextScan reference_scan(std::string_view text) {
  TextScan scan;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool lone_cr = c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
    if (c == '\n' || lone_cr) scan.line_starts.push_back(i + 1);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && !scan.control) scan.control = i;
  }
  // UTF-8 by its definition (RFC 3629, section 4): the shortest form of a scalar value.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const auto between = [&](std::size_t at, unsigned low, unsigned high) {
    return at < text.size() && s[at] >= low && s[at] <= high;
  };
  for (std::size_t i = 0; i < text.size() && !scan.invalid_utf8;) {
    const unsigned c = s[i];
    std::size_t length = 0;
    if (c < 0x80) {
      length = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = between(i + 1, 0x80, 0xBF) ? 2 : 0;
    } else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
      length = between(i + 1, low, high) && between(i + 2, 0x80, 0xBF) ? 3 : 0;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
      length = between(i + 1, low, high) && between(i + 2, 0x80, 0xBF) &&
                       between(i + 3, 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    if (length == 0) scan.invalid_utf8 = i;
    i += length;
  }
  return scan;
}

// Scans `text` placed to end where an unreadable page begins, and compares with the reference.
void check_scan(std::string_view text) {
  const GuardedText guarded(text);
  const TextScan scan = scan_text(guarded.view());
  const TextScan reference = reference_scan(text);
  CHECK(scan.line_starts == reference.line_starts);
  CHECK(scan.invalid_utf8 == reference.invalid_utf8);
  CHECK(scan.control == reference.control);
  CHECK(first_invalid_utf8(guarded.view()) == reference.invalid_utf8);
}

TEST_CASE("the text scan finds what a byte-at-a-time reading finds, in random texts") {
  // Pieces that are plain, line ends, tabs, control characters, and valid and invalid UTF-8;
  // the plain ones are the likeliest, so that texts hold problems after many blocks.
  const std::vector<std::string> pieces = {
      "a",        "<b c=\"d\">", " ",        "\n",       "\r",           "\r\n",
      "\t",       "\xC3\xA9",    "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x01", "\x7F",
      "\x1F",     "\x80",        "\xC3",     "\xE2\x82", "\xED\xA0\x80", "\xC0\x80",
      "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xFF"};
  std::mt19937 random(1616);  // fixed: the same texts every run
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t length = random() % 120;
    while (text.size() < length) {
      const std::size_t piece = random() % 64;
      text += piece < 44 ? pieces[piece % 2] : piece < 48 ? " " : pieces[piece % pieces.size()];
    }
    INFO(round);
    check_scan(text);
  }
}

TEST_CASE("the text scan finds each problem at every place in and around a block of sixteen") {
  const std::vector<std::string> problems = {"\n",   "\r",   "\r\n",     "\x01",
                                             "\xC3", "\xE2\x82", "\xC3\xA9", "\xF0\x9F\x98\x80"};
  for (const std::string& problem : problems) {
    for (std::size_t at = 0; at <= 40; ++at) {
      for (std::size_t after : {std::size_t{0}, std::size_t{1}, std::size_t{17}}) {
        INFO(at << " " << after);
        check_scan(std::string(at, 'x') + problem + std::string(after, 'y'));
      }
    }
  }
  // A file of exactly one page (and one of sixteen): the last byte ends a sequence, or cuts it.
  for (std::size_t size : {std::size_t{16}, std::size_t{4096}}) {
    for (const std::string_view end : {"\xC3\xA9", "\xE2\x82", "\n", "\r"}) {
      check_scan(std::string(size - end.size(), 'z') + std::string(end));
    }
  }
  check_scan("");
}

TEST_CASE("source files locate offsets by the scan's line starts") {
  SourceFiles files;
  const auto file = files.add("t.xml", std::string("one\r\ntwo\rthree\n\nfive"));
  CHECK(files.locate(file, 0).line == 1);
  CHECK(files.locate(file, 5).line == 2);
  CHECK(files.locate(file, 9).line == 3);
  CHECK(files.locate(file, 16).line == 5);
  CHECK(files.locate(file, 18).column == 3);
  CHECK(files.line_text(file, 3) == "three");
}

}  // namespace
}  // namespace govmap::test
