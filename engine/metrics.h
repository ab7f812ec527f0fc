#pragma once
// Model statistics: what `govmap stats` prints and `compare` sets side by side.

#include <map>
#include <string>
#include <vector>

#include "engine/geography.h"
#include "engine/graph.h"
#include "engine/model.h"
#include "engine/network.h"

namespace govmap {

/// How bodies of kind `a` sit within bodies of kind `b` (a pair the vocabulary says must partner).
struct CoterminositySummary {
  std::string a, b;
  std::size_t a_bodies = 0;      // bodies of kind a with coverage
  std::size_t b_bodies = 0;      // bodies of kind b with coverage
  std::size_t within_one = 0;    // a-bodies lying (all but slivers) in one b-body
  std::size_t coterminous = 0;   // a-bodies with exactly one b-body's footprint
  std::size_t split = 0;         // a-bodies divided between several b-bodies
  std::size_t b_with_split = 0;  // b-bodies containing part of a split a-body
  std::size_t uncovered = 0;     // a-bodies with population outside every b-body
};

struct Stats {
  std::map<std::string, long long> bodies_by_kind;    // kind id -> count (summing `count`)
  std::map<std::string, long long> bodies_by_status;  // legal status -> count
  std::map<std::string, long long> links_by_kind;
  long long bodies = 0, body_elements = 0, links = 0, people = 0, posts = 0;
  long long seats = 0, voting_seats = 0, boards_with_seats = 0, areas = 0, leaf_areas = 0, sources = 0;
  long long people_on_several_boards = 0, claims = 0;  // people: persons, and posts naming one
  MembershipNetwork network;
  double population = 0;
  std::map<std::string, double> money_by_mechanism;       // mechanism -> amount (links with amounts)
  std::map<std::string, long long> funding_without_amount; // mechanism -> links without amount
  double money_pooled = 0;   // funding into pooled funds
  long long links_into_pools = 0, links_into_pools_stated = 0;  // funding links into pooled funds
  double money_total = 0;    // all funding with amounts
  std::vector<CoterminositySummary> coterminosity;
};

/// Share below which a part of a body's population is a sliver, ignored by split counts.
inline constexpr double kDefaultSliver = 0.005;

/// The statistics of the graph's model (Graph::model).
Stats compute_stats(const Graph& graph, const Geography& geography, double sliver = kDefaultSliver);

/// The coterminosity of kind a against kind b.
CoterminositySummary coterminosity(const Model& model, const Geography& geography, const std::string& a,
                                   const std::string& b, double sliver = kDefaultSliver);

}  // namespace govmap
