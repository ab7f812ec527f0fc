// Membership network measures (engine/network.h) on the kind-level fixture, whose holders are
// shared posts: two non-executive posts and three councillor posts.

#include <algorithm>

#include <doctest/doctest.h>

#include "engine/network.h"
#include "tests/test_support.h"

namespace govmap::test {

TEST_CASE("the membership network counts posts by boards and the boards they share") {
  const auto [model, text] = load(path("tests/loader/membership/kind-level.xml"));
  REQUIRE(model);
  const MembershipNetwork n = membership_network(Graph(*model));
  // non-exec@hb-north: hb-north and ijb-a; non-exec@hb-south: hb-south and ijb-bc;
  // cllr@council-a: ijb-a and hwb-a; cllr@council-b and cllr@council-c: ijb-bc only.
  CHECK(n.posts_by_boards == std::map<long long, long long>{{1, 2}, {2, 3}});
  CHECK(n.people_by_boards.empty());
  CHECK(n.posts_on_several_boards == 3);
  CHECK(n.people_on_several_boards == 0);
  CHECK(n.holders_by_chairs.empty());
  REQUIRE(n.most_shared.size() == 3);
  CHECK(n.most_shared[0].a == "hb-north");
  CHECK(n.most_shared[0].b == "ijb-a");
  CHECK(n.most_shared[0].holders == 1);
}

TEST_CASE("the boards that join holders broker the membership network, and leaf boards do not") {
  const auto [model, text] = load(path("tests/loader/membership/kind-level.xml"));
  REQUIRE(model);
  const MembershipNetwork n = membership_network(Graph(*model));
  std::vector<std::string> ids;
  for (const Broker& b : n.brokers()) ids.push_back(b.body);
  // ijb-a lies on every path between hb-north's post and hwb-a; hb-north and hwb-a are ends.
  CHECK(std::find(ids.begin(), ids.end(), "ijb-a") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "hb-north") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "hwb-a") == ids.end());
}

TEST_CASE("stats prints the membership network in text and JSON") {
  const auto text = run_govmap("stats tests/loader/membership/kind-level.xml");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("people on several boards: 0   posts on several boards: 3") != std::string::npos);
  CHECK(text.out.find("posts by boards                              1: 2   2: 3") != std::string::npos);
  CHECK(text.out.find("North Health Board and A Integration Joint Board: 1 holder") != std::string::npos);
  const auto json = run_govmap("stats tests/loader/membership/kind-level.xml --format json");
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"posts_on_several_boards\": 3") != std::string::npos);
  CHECK(json.out.find("\"boards_sharing_most_holders\"") != std::string::npos);
}

}  // namespace govmap::test
