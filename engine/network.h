#pragma once
// The membership network: who holds seats on how many boards and chairs, which boards share
// most holders, and which bodies broker most links between the others (betweenness centrality
// on the graph of seat holders, boards and accountability links). What `govmap stats` prints
// under "membership network".

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/graph.h"
#include "engine/model.h"

namespace govmap {

/// Two boards and the number of holders with seats on both.
struct SharedBoards {
  std::string a, b;  // body ids, a before b in model order
  long long holders = 0;
};

/// A body and its betweenness centrality (shortest paths between other vertices through it).
struct Broker {
  std::string body;
  double betweenness = 0;
};

struct MembershipNetwork {
  /// Number of boards -> holders sitting on that many. A person is a <person>, or a post with a
  /// named holder (counted as that person); a post is a post with no named holder.
  std::map<long long, long long> people_by_boards, posts_by_boards;
  /// Number of boards chaired (chair or co-chair, at least one) -> holders.
  std::map<long long, long long> holders_by_chairs;
  long long people_on_several_boards = 0, posts_on_several_boards = 0;
  /// The pairs of boards sharing most holders (at most kTop), most first, then model order.
  std::vector<SharedBoards> most_shared;
  /// The bodies with the highest betweenness (at most kTop, above zero), highest first.
  /// Computed on first use: betweenness costs O(V E), which `stats` and the report pay and a
  /// check, which never shows it, does not (a million links took minutes).
  const std::vector<Broker>& brokers() const;

  static constexpr std::size_t kTop = 5;

  /// The graph betweenness runs on, and the brokers once computed (shared by copies).
  struct BrokerGraph;
  std::shared_ptr<BrokerGraph> broker_graph;
};

/// Computes the measures. Betweenness (Brandes, Boost.Graph) runs on an undirected graph whose
/// vertices are the bodies and the seat holders, with an edge from each holder to each board it
/// sits on and one per pair of bodies joined by accountability links; O(V E). The graph is the
/// model's (Graph::model).
MembershipNetwork membership_network(const Graph& graph);

}  // namespace govmap
