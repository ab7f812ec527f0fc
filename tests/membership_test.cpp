// Kind-level seats and post templates (models/FORMAT.md, "Membership at kind level"): the
// fixture tests/loader/membership/kind-level.xml states in its comment what loading makes of it.

#include <algorithm>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace {

/// "<id> <body> <holder> <nominated-by> <count>" per seat, in model order.
std::vector<std::string> seat_lines(const Model& m) {
  std::vector<std::string> out;
  for (const Seat& s : m.seats) {
    out.push_back(s.id + " " + s.body + " " + s.holder + " " + s.nominated_by + " " + std::to_string(s.count));
  }
  return out;
}

}  // namespace

TEST_CASE("kind-level seats expand to one seat per body and post templates to one post per body") {
  const auto [model, text] = load(path("tests/loader/membership/kind-level.xml"));
  REQUIRE(model);
  CHECK(text.empty());
  const std::vector<std::string> expected = {
      "ijb-hb ijb-a non-exec@hb-north  3",
      "ijb-hb ijb-bc non-exec@hb-south  3",
      "ijb-cllr ijb-a cllr@council-a council-a 1",
      "ijb-cllr ijb-bc cllr@council-b council-b 1",
      "ijb-cllr ijb-bc cllr@council-c council-c 1",
      "hb-ne hb-north non-exec@hb-north  1",
      "hb-ne hb-south non-exec@hb-south  1",
      "hwb-cllr hwb-a cllr@council-a  1",
      "hwb-hb hwb-a  hb-north 1",
      "plain ijb-a   1",
  };
  CHECK(seat_lines(*model) == expected);
  for (const Seat& s : model->seats) {
    CHECK(s.body_kind.empty());
    CHECK(s.nominated_by_kind.empty());
  }
}

TEST_CASE("a post template leaves posts named after each body, and no template") {
  const auto [model, text] = load(path("tests/loader/membership/kind-level.xml"));
  REQUIRE(model);
  std::vector<std::string> ids;
  for (const Post& p : model->posts) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"non-exec@hb-north", "non-exec@hb-south", "cllr@council-a", "cllr@council-b",
                                        "cllr@council-c"});
  const Post& north = model->posts[model->post_index.at("non-exec@hb-north")];
  CHECK(north.title == "Non-executive member of North Health Board");
  CHECK(north.of == "hb-north");
  CHECK(north.from_template == "non-exec");
  CHECK(north.shared);
  CHECK(model->post_index.count("non-exec") == 0);
}

TEST_CASE("one shared post on a health board and its integration joint board is one holder of a dual role") {
  const auto result = run_govmap("check tests/loader/membership/kind-level.xml --format text");
  CHECK(result.err.empty());
  // North Health Board funds nothing in the fixture, so no dual role; the interlock count of
  // boards per post (2) stays under the default limit: no board finding at all.
  CHECK(result.out.find("[board-dual-role]") == std::string::npos);
  CHECK(result.out.find("[board-interlock]") == std::string::npos);
}

TEST_CASE("compare counts the posts sitting on several boards before and after") {
  // Three posts sit on two boards each (North's and South's non-executive posts, on their health
  // board and its IJB; Council A's councillor post, on A's IJB and A's HWB); abolishing A's IJB
  // leaves only South's non-executive post on two.
  const auto r = run_govmap("compare tests/loader/membership/kind-level.xml tests/loader/membership/abolish-ijb-a.xml");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  posts on several boards                                     3                    1         -2\n") !=
        std::string::npos);
}

}  // namespace govmap::test

namespace govmap::test {
namespace {

/// "<seat body> <holder>" per seat, and the ids of the posts, of the shared-post fixture read at
/// `as_of`.
std::pair<std::vector<std::string>, std::vector<std::string>> shared_post_fixture(const std::string& as_of) {
  DiagnosticSink sink;
  LoadOptions options;
  options.as_of = as_of;
  const auto model = load_model(path("tests/rules/board/interlock.shared-post.xml"), sink, options);
  REQUIRE(model);
  std::vector<std::string> seats, posts;
  for (const Seat& s : model->seats) seats.push_back(s.body + " " + s.holder);
  for (const Post& p : model->posts) posts.push_back(p.id);
  return {seats, posts};
}

}  // namespace

TEST_CASE("a shared post holds the template's seats of the bodies it serves, and they get no post of their own") {
  const auto [seats, posts] = shared_post_fixture("");
  CHECK(seats == std::vector<std::string>{"hwb-a dph-abcd", "hwb-b dph-abcd", "hwb-c dph-abcd", "hwb-d dph-abcd",
                                          "hwb-e dph-ef", "hwb-f dph-ef", "hwb-g dph@g", "hwb-h dph@h",
                                          "hwb-i dph@i"});
  CHECK(posts == std::vector<std::string>{"dph@g", "dph@h", "dph@i", "dph-abcd", "dph-ef"});
}

TEST_CASE("outside its dates a shared post gives way to each body's own post") {
  // Read in 2019, G and H shared a director (until 2020) and A to D did not yet (from 2020).
  const auto [seats, posts] = shared_post_fixture("2019-06-01");
  CHECK(seats == std::vector<std::string>{"hwb-a dph@a", "hwb-b dph@b", "hwb-c dph@c", "hwb-d dph@d",
                                          "hwb-e dph-ef", "hwb-f dph-ef", "hwb-g dph-gh", "hwb-h dph-gh",
                                          "hwb-i dph@i"});
  CHECK(std::count(posts.begin(), posts.end(), "dph@g") == 0);
}

}  // namespace govmap::test

namespace govmap::test {

TEST_CASE("a proposal removing the bodies a shared post serves leaves it serving the rest, or none") {
  const auto [model, text] = load(path("tests/loader/membership/remove-shared.xml"));
  REQUIRE(model);
  CHECK(text.empty());
  const Post& ef = model->posts[model->post_index.at("dph-ef")];
  CHECK(ef.for_bodies.empty());
  CHECK(ef.replaces.empty());
  const Post& abcd = model->posts[model->post_index.at("dph-abcd")];
  CHECK(to_strings(abcd.for_bodies) == std::vector<std::string>{"a", "b", "d"});
  std::vector<std::string> held;
  for (const Seat& s : model->seats) {
    if (s.holder == "dph-abcd") held.push_back(s.body);
  }
  CHECK(held == std::vector<std::string>{"hwb-a", "hwb-b", "hwb-d"});
}

}  // namespace govmap::test

namespace govmap::test {

TEST_CASE("a proposal merging two bodies a shared post serves leaves the post serving the merged body once") {
  const auto [model, text] = load(path("tests/loader/membership/merge-shared.xml"));
  REQUIRE(model);
  CHECK(text.empty());
  const Post& abcd = model->posts[model->post_index.at("dph-abcd")];
  CHECK(to_strings(abcd.for_bodies) == std::vector<std::string>{"a", "c", "d"});
}

}  // namespace govmap::test
