// Interned strings (engine/symbol.h): one symbol per text, whose text reads back the same through
// every accessor however many strings the table holds and however long they are.

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "engine/symbol.h"

namespace govmap::test {

TEST_CASE("a symbol's text reads back the same through view, str and c_str, past chunk boundaries") {
  // Enough strings to fill several of the table's 1 MiB chunks and make it grow, each read back
  // after all are in: a text moved or cut at a chunk's end would show here.
  std::vector<std::string> texts;
  std::vector<Symbol> symbols;
  for (int i = 0; i < 200'000; ++i) {
    texts.push_back("symbol-test-" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x'));
    symbols.emplace_back(texts.back());
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    REQUIRE(symbols[i].view() == texts[i]);
    REQUIRE(symbols[i].str() == texts[i]);
    REQUIRE(std::strlen(symbols[i].c_str()) == texts[i].size());
    REQUIRE(Symbol(texts[i]) == symbols[i]);  // interned once
  }
  CHECK(Symbol::lookup("symbol-test-199999" + std::string(199'999 % 37, 'x')) == symbols.back());
  CHECK_FALSE(Symbol::lookup("symbol-test-never-interned").has_value());
}

TEST_CASE("a string longer than a chunk is kept whole") {
  const std::string text = "long:" + std::string(3 << 20, 'y');
  const Symbol s(text);
  CHECK(s.size() == text.size());
  CHECK(s.view() == text);
  CHECK(s.c_str()[text.size()] == '\0');
  CHECK(Symbol(std::string_view(text)) == s);
  const Symbol after("after-the-long-one");  // the next string goes to a chunk of its own
  CHECK(after.view() == "after-the-long-one");
  CHECK(s.view() == text);
}

TEST_CASE("the empty string is the empty symbol and symbols order by their text") {
  CHECK(Symbol("").empty());
  CHECK(Symbol("").id() == 0);
  CHECK(std::string(Symbol().c_str()).empty());
  CHECK(Symbol("zz-symbol-order") > Symbol("aa-symbol-order"));  // whichever was interned first
  CHECK(Symbol("b-symbol") + "-tail" == "b-symbol-tail");
  CHECK("head-" + Symbol("b-symbol") == "head-b-symbol");
}

}  // namespace govmap::test
