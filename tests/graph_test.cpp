// The governance graph (engine/graph.h) on the accountability-cycle fixture: each body's links
// in document order, each link's bodies by index, and the loops.

#include <algorithm>

#include <doctest/doctest.h>

#include "engine/graph.h"
#include "tests/test_support.h"

namespace govmap::test {

TEST_CASE("the graph lists each body's links in document order and names each link's bodies") {
  const auto [model, text] = load(path("tests/rules/accountability/cycle.xml"));
  REQUIRE(model);
  const Graph graph(*model);
  std::size_t out = 0, in = 0;
  for (BodyIndex b = 0; b < graph.body_count(); ++b) {
    const auto leaving = graph.out_links(b), entering = graph.in_links(b);
    CHECK(std::is_sorted(leaving.begin(), leaving.end()));
    CHECK(std::is_sorted(entering.begin(), entering.end()));
    for (LinkIndex l : leaving) CHECK(graph.from(l) == b);
    for (LinkIndex l : entering) CHECK(graph.to(l) == b);
    out += leaving.size();
    in += entering.size();
  }
  CHECK(out == model->links.size());
  CHECK(in == model->links.size());
  const BodyIndex beta = *graph.index_of("beta");
  std::vector<std::string> targets;
  for (LinkIndex l : graph.out_links(beta, LinkKind::Accountability)) targets.push_back(model->bodies[*graph.to(l)].id);
  CHECK(targets == std::vector<std::string>{"gamma", "delta"});
  CHECK(graph.out_links(beta, LinkKind::Funding).empty());
  CHECK_FALSE(graph.index_of("nobody"));
}

TEST_CASE("the graph's cycles are the tangles of accountability and the self-loops") {
  const auto [model, text] = load(path("tests/rules/accountability/cycle.xml"));
  REQUIRE(model);
  const Graph graph(*model);
  std::vector<std::vector<std::string>> cycles;
  for (const auto& group : graph.cycles(LinkKind::Accountability)) {
    std::vector<std::string> ids;
    for (BodyIndex b : group) ids.push_back(model->bodies[b].id);
    cycles.push_back(ids);
  }
  CHECK(cycles == std::vector<std::vector<std::string>>{{"alpha", "beta", "gamma", "delta"}, {"self"}});
}

TEST_CASE("the graph lists the bodies each body answers to: accountability links, then part-of") {
  const auto [model, text] = load(path("tests/rules/accountability/no-route.xml"));
  REQUIRE(model);
  const Graph graph(*model);
  const auto masters = [&](const char* id) {
    std::vector<std::string> ids;
    for (std::uint32_t b : graph.masters(*graph.index_of(id))) ids.push_back(model->bodies[b].id);
    return ids;
  };
  CHECK(masters("hwb") == std::vector<std::string>{"council"});  // part-of counts
  CHECK(masters("ijb") == std::vector<std::string>{"council"});
  CHECK(masters("board-a") == std::vector<std::string>{"board-b"});
  CHECK(masters("health") == std::vector<std::string>{"parliament"});  // its pause ended in 2020
  CHECK(masters("social-care").empty());  // its only line is paused at the model's date
  CHECK(masters("voters").empty());
  for (LinkIndex l = 0; l < model->links.size(); ++l) {
    CHECK(graph.kind(l) == model->links[l].kind);
    CHECK(graph.operating(l) == model->links[l].operating());
  }
}

TEST_CASE("a body answering to itself is not among the bodies it answers to") {
  const auto [model, text] = load(path("tests/rules/accountability/cycle.xml"));
  REQUIRE(model);
  const Graph graph(*model);
  CHECK(graph.masters(*graph.index_of("self")).empty());
  std::vector<std::string> beta;
  for (std::uint32_t b : graph.masters(*graph.index_of("beta"))) {
    beta.push_back(model->bodies[b].id);
  }
  CHECK(beta == std::vector<std::string>{"gamma", "delta"});
}

}  // namespace govmap::test
