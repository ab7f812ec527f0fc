#include "engine/network.h"

#include <algorithm>
#include <mutex>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

namespace govmap {
namespace {

/// A seat holder: the person behind a post when the post names one.
struct HolderKey {
  std::string id;
  bool person = false;
};

std::optional<HolderKey> holder_of(const Model& m, const Seat& seat) {
  if (seat.holder.empty()) return std::nullopt;
  if (auto post = m.post_index.find(seat.holder); post != m.post_index.end()) {
    const Post& p = m.posts[post->second];
    if (!p.holder.empty() && m.person_index.count(p.holder) != 0) return HolderKey{p.holder, true};
    return HolderKey{p.id, false};
  }
  if (m.person_index.count(seat.holder) != 0) return HolderKey{seat.holder, true};
  return std::nullopt;
}

struct Held {
  bool person = false;
  std::set<std::size_t> boards, chaired;  // body indexes
};

// The graph betweenness runs on: bodies then holders as vertices, the edges in the order Boost
// adds them (which fixes the order of the sums, so the values never change with laziness).
std::shared_ptr<MembershipNetwork::BrokerGraph> broker_graph(const Graph& g,
                                                             const std::map<std::string, Held>& holders);

}  // namespace

struct MembershipNetwork::BrokerGraph {
  std::size_t vertices = 0;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  std::vector<Symbol> body_ids;  // vertex i < body_ids.size() is body i
  std::once_flag computed;
  std::vector<Broker> brokers;
};

namespace {

std::shared_ptr<MembershipNetwork::BrokerGraph> broker_graph(const Graph& g,
                                                             const std::map<std::string, Held>& holders) {
  const Model& m = g.model();
  auto graph = std::make_shared<MembershipNetwork::BrokerGraph>();
  graph->vertices = m.bodies.size() + holders.size();
  std::size_t vertex = m.bodies.size();
  for (const auto& [id, held] : holders) {
    for (std::size_t board : held.boards) graph->edges.emplace_back(vertex, board);
    ++vertex;
  }
  // One edge per pair of bodies joined by accountability, in the order of the pair's first
  // link (the lowest link index joining them). Each pair is found from its lower body's rows,
  // which mark the first link to each higher body: linear, no sort or hash of the pairs.
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<bool> first_of_pair(m.links.size(), false);
  std::vector<std::uint32_t> first_to(m.bodies.size(), kNone);  // per higher body, while at `a`
  std::vector<BodyIndex> met;
  for (BodyIndex a = 0; a < m.bodies.size(); ++a) {
    const auto meet = [&](std::uint32_t l, BodyIndex b) {
      if (g.kind(l) != LinkKind::Accountability || b <= a) return;
      if (first_to[b] == kNone) met.push_back(b);
      first_to[b] = std::min(first_to[b], l);
    };
    for (std::uint32_t l : g.out_links(a)) meet(l, *g.to(l));
    for (std::uint32_t l : g.in_links(a)) meet(l, *g.from(l));
    for (BodyIndex b : met) first_of_pair[first_to[b]] = true, first_to[b] = kNone;
    met.clear();
  }
  for (LinkIndex l = 0; l < m.links.size(); ++l) {
    if (first_of_pair[l]) graph->edges.emplace_back(std::minmax(*g.from(l), *g.to(l)));
  }
  graph->body_ids.reserve(m.bodies.size());
  for (const Body& body : m.bodies) graph->body_ids.push_back(body.id);
  return graph;
}

std::vector<Broker> brokers(const MembershipNetwork::BrokerGraph& graph) {
  using UGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  UGraph g(graph.vertices);
  for (const auto& [a, b] : graph.edges) boost::add_edge(a, b, g);
  std::vector<double> centrality(boost::num_vertices(g), 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g)));
  std::vector<Broker> out;
  for (std::size_t b = 0; b < graph.body_ids.size(); ++b) {
    // An undirected graph counts each pair of endpoints twice.
    if (centrality[b] > 0) out.push_back({graph.body_ids[b], centrality[b] / 2});
  }
  std::stable_sort(out.begin(), out.end(), [](const Broker& x, const Broker& y) { return x.betweenness > y.betweenness; });
  if (out.size() > MembershipNetwork::kTop) out.resize(MembershipNetwork::kTop);
  return out;
}

}  // namespace

MembershipNetwork membership_network(const Graph& graph) {
  const Model& m = graph.model();
  MembershipNetwork net;
  std::map<std::string, Held> holders;
  for (const Seat& seat : m.seats) {
    const auto who = holder_of(m, seat);
    const auto body = m.body_index.find(seat.body);
    if (!who || body == m.body_index.end()) continue;
    Held& held = holders[who->id];
    held.person = who->person;
    held.boards.insert(body->second);
    if (seat.role == SeatRole::Chair || seat.role == SeatRole::CoChair) held.chaired.insert(body->second);
  }
  std::map<std::pair<std::size_t, std::size_t>, long long> shared;
  for (const auto& [id, held] : holders) {
    const auto boards = static_cast<long long>(held.boards.size());
    ++(held.person ? net.people_by_boards : net.posts_by_boards)[boards];
    if (boards > 1) ++(held.person ? net.people_on_several_boards : net.posts_on_several_boards);
    if (!held.chaired.empty()) ++net.holders_by_chairs[static_cast<long long>(held.chaired.size())];
    for (auto a = held.boards.begin(); a != held.boards.end(); ++a) {
      for (auto b = std::next(a); b != held.boards.end(); ++b) ++shared[{*a, *b}];
    }
  }
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, long long>> pairs(shared.begin(), shared.end());
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  for (std::size_t i = 0; i < pairs.size() && i < MembershipNetwork::kTop; ++i) {
    net.most_shared.push_back({m.bodies[pairs[i].first.first].id, m.bodies[pairs[i].first.second].id, pairs[i].second});
  }
  net.broker_graph = broker_graph(graph, holders);
  return net;
}

const std::vector<Broker>& MembershipNetwork::brokers() const {
  static const std::vector<Broker> kNone;
  if (!broker_graph) return kNone;
  BrokerGraph& graph = *broker_graph;
  std::call_once(graph.computed, [&graph] { graph.brokers = govmap::brokers(graph); });
  return graph.brokers;
}

}  // namespace govmap
