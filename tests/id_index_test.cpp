// The id index against a std::map under random inserts, erases and lookups.

#include <map>
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "engine/id_index.h"

namespace govmap::test {

TEST_CASE("the id index finds, inserts and erases as a map does") {
  std::mt19937 random(7);
  IdIndex index;
  std::map<std::string, std::size_t> expected;
  for (int step = 0; step < 20000; ++step) {
    const std::string id = "id" + std::to_string(random() % 600);
    switch (random() % 3) {
      case 0: {
        const auto [it, added] = index.try_emplace(Symbol(id), static_cast<std::size_t>(step));
        const auto [want, want_added] = expected.try_emplace(id, static_cast<std::size_t>(step));
        CHECK(added == want_added);
        CHECK(it->second == want->second);
        break;
      }
      case 1:
        CHECK(index.erase(Symbol(id)) == expected.erase(id));
        break;
      default: {
        const auto it = index.find(id);
        const auto want = expected.find(id);
        REQUIRE((it == index.end()) == (want == expected.end()));
        if (want != expected.end()) CHECK(it->second == want->second);
      }
    }
    REQUIRE(index.size() == expected.size());
  }
  std::map<std::string, std::size_t> listed;
  for (const auto& [id, position] : index) listed.emplace(id.str(), position);
  CHECK(listed == expected);
  CHECK(index.count("never-interned-anywhere") == 0);
  index.erase_if([](const auto& entry) { return entry.second % 2 == 0; });
  std::erase_if(expected, [](const auto& entry) { return entry.second % 2 == 0; });
  CHECK(index.size() == expected.size());
  for (const auto& [id, position] : expected) CHECK(index.at(id) == position);
}

}  // namespace govmap::test
