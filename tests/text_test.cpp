// engine/text.h: the small text helpers behind suggestions, number parsing and the way findings
// write numbers ("64%", "374,130", "£2.65bn").

#include <doctest/doctest.h>

#include "engine/text.h"

namespace govmap {

TEST_CASE("edit distance counts insertions, deletions and substitutions, bounded by the limit") {
  CHECK(edit_distance("kitten", "sitting", 5) == 3);
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("same", "same", 0) == 0);
  CHECK(edit_distance("kitten", "sitting", 2) == 3);  // over the limit: limit + 1
  CHECK(edit_distance("a", "abcdefgh", 3) == 4);      // the length gap alone is over the limit
}

TEST_CASE("did you mean suggests the closest candidate within a third of the word") {
  const std::vector<std::string> rules{"claim-mismatch", "board-size", "board-sector-balance"};
  CHECK(closest_match("claim-mismach", rules) == "claim-mismatch");
  CHECK(did_you_mean("board-sise", rules) == " (did you mean 'board-size'?)");
  CHECK(did_you_mean("funding-unbalanced", rules).empty());
  CHECK(closest_match("ab", {"xy"}).empty());          // every character changed: no suggestion
  CHECK(closest_match("abcd", {"abzz", "abyy"}) == "abyy");  // a tie goes to the first alphabetically
}

TEST_CASE("split_words, join and plural") {
  CHECK(split_words("  a\tb\n c  ") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split_words(" \n ").empty());
  CHECK(join(std::vector<std::string>{"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join(std::vector<std::string>{}, ", ").empty());
  CHECK(plural(1, "link", "links") == "1 link");
  CHECK(plural(0, "link", "links") == "0 links");
  CHECK(plural(2, "body", "bodies") == "2 bodies");
}

TEST_CASE("xml_escape escapes markup and keeps line breaks and tabs in attributes") {
  CHECK(xml_escape("A & B <c> \"d\"") == "A &amp; B &lt;c&gt; &quot;d&quot;");
  CHECK(xml_escape("one\ntwo\tthree\r") == "one&#10;two&#9;three&#13;");
  CHECK(xml_escape("Môn's £") == "Môn's £");
}

TEST_CASE("parse_number accepts finite decimals only") {
  CHECK(parse_number("1.5") == 1.5);
  CHECK(parse_number("+2") == 2);
  CHECK(parse_number("-3e2") == -300);
  CHECK(parse_number("0.005") == 0.005);
  // Whole numbers (read without from_chars up to 15 digits) and the longer ones after them.
  CHECK(parse_number("1749") == 1749);
  CHECK(parse_number("007") == 7);
  CHECK(parse_number("0") == 0);
  CHECK(parse_number("999999999999999") == 999999999999999.0);
  CHECK(parse_number("1000000000000000") == 1e15);
  CHECK(parse_number("12345678901234567890") == 12345678901234567890.0);
  for (const char* bad : {"", " 1", "1 ", "0x10", "inf", "nan", "1e400", "1.2.3", "12abc", "--1", "+"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_number(bad));
  }
}

TEST_CASE("is_iso_date accepts real calendar dates written YYYY-MM-DD") {
  CHECK(is_iso_date("2024-02-29"));
  CHECK(is_iso_date("2000-02-29"));
  CHECK(is_iso_date("2021-12-31"));
  for (const char* bad : {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01",
                          "2024/01/01", "20240101", "2024-01-0a", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(is_iso_date(bad));
  }
}

TEST_CASE("first_invalid_utf8 finds the first bad sequence") {
  CHECK_FALSE(first_invalid_utf8("plain ASCII"));
  CHECK_FALSE(first_invalid_utf8("Môn £ € \xF0\x9F\x99\x82"));  // 2-, 3- and 4-byte sequences
  CHECK(first_invalid_utf8("ab\xC0\x80") == 2);                 // overlong NUL
  CHECK(first_invalid_utf8("\xED\xA0\x80") == 0);               // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0);           // above U+10FFFF
  CHECK(first_invalid_utf8("ok\xE2\x82") == 2);                 // cut short
  CHECK(first_invalid_utf8("x\x80") == 1);                      // a lone continuation byte
  CHECK(first_invalid_utf8("\xC3(") == 0);                      // lead byte without continuation
}

TEST_CASE("numbers in findings: percentages, thousands and money") {
  CHECK(percent(0.64) == "64%");
  CHECK(percent(0.004) == "0.4%");
  CHECK(percent(0) == "0%");
  CHECK(percent(1) == "100%");
  CHECK(thousands(374130) == "374,130");
  CHECK(thousands(999) == "999");
  CHECK(thousands(1234.6) == "1,235");
  CHECK(thousands(-1234567) == "-1,234,567");
  // Whole numbers print as integers below 2^64 and as the double's digits from it: the same text.
  CHECK(thousands(9007199254740993.0) == "9,007,199,254,740,992");
  CHECK(thousands(18446744073709549568.0) == "18,446,744,073,709,549,568");
  CHECK(thousands(18446744073709551616.0) == "18,446,744,073,709,551,616");
  CHECK(money(115e9) == "£115.0bn");
  CHECK(money(2.65e9) == "£2.65bn");
  CHECK(money(2.6e9) == "£2.6bn");
  CHECK(money(250e6) == "£250m");
  CHECK(money(12000) == "£12,000");
}

TEST_CASE("date_problem says why text is not a date") {
  CHECK(date_problem("2024-02-29").empty());
  CHECK(date_problem("2023-02-29") == "'2023-02-29' is not a date: February 2023 has 28 days");
  CHECK(date_problem("2024-04-31") == "'2024-04-31' is not a date: April 2024 has 30 days");
  CHECK(date_problem("2024-13-01") == "'2024-13-01' is not a date: there is no month 13 (dates are written YYYY-MM-DD)");
  CHECK(date_problem("01-04-2024") == "'01-04-2024' is not a date written YYYY-MM-DD: write 2024-04-01");
}

TEST_CASE("date_problem reads a date as people write it and says how to write it") {
  // Found in a new-user trial: as-of="April 2027" got only "not a date written YYYY-MM-DD".
  CHECK(date_problem("April 2027") == "'April 2027' is not a date written YYYY-MM-DD: write 2027-04-01");
  CHECK(date_problem("1st Apr 2027") == "'1st Apr 2027' is not a date written YYYY-MM-DD: write 2027-04-01");
  CHECK(date_problem("April 1, 2027") == "'April 1, 2027' is not a date written YYYY-MM-DD: write 2027-04-01");
  CHECK(date_problem("30/11/2026") == "'30/11/2026' is not a date written YYYY-MM-DD: write 2026-11-30");  // day first
  CHECK(date_problem("2027-4-1") == "'2027-4-1' is not a date written YYYY-MM-DD: write 2027-04-01");
  // Nothing is suggested for what is not one date.
  CHECK(date_problem("31 June 2027") == "'31 June 2027' is not a date written YYYY-MM-DD");
  CHECK(date_problem("2027/28") == "'2027/28' is not a date written YYYY-MM-DD");
  CHECK(date_problem("spring 2027") == "'spring 2027' is not a date written YYYY-MM-DD");
  CHECK(date_problem("2027") == "'2027' is not a date written YYYY-MM-DD");
  CHECK(date_problem("99999999999 April 2027") == "'99999999999 April 2027' is not a date written YYYY-MM-DD");
}

}  // namespace govmap
