#include "engine/metrics.h"

#include "engine/network.h"

#include <array>
#include <iterator>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace govmap {

CoterminositySummary coterminosity(const Model& model, const Geography& geography, const std::string& a,
                                   const std::string& b, double sliver) {
  CoterminositySummary s{a, b};
  const Symbol kind_a(a), kind_b(b);  // compared with each body's kind as integers
  std::set<std::size_t> b_with_split;
  for (std::size_t i = 0; i < model.bodies.size(); ++i) {
    const Body& body = model.bodies[i];
    if (body.kind == kind_b && geography.has_coverage(i)) ++s.b_bodies;
    if (body.kind != kind_a || !geography.has_coverage(i)) continue;
    ++s.a_bodies;
    const auto shares = geography.shares_by_kind(i, b);
    std::size_t parts = 0;
    double covered = 0;
    for (const auto& share : shares) {
      covered += share.fraction;
      if (share.fraction >= sliver) ++parts;
    }
    if (covered < 1 - sliver) ++s.uncovered;
    if (parts == 1) ++s.within_one;
    if (shares.size() == 1 && geography.same_footprint(i, shares[0].body)) ++s.coterminous;
    if (parts > 1) {
      ++s.split;
      for (const auto& share : shares) {
        if (share.fraction >= sliver) b_with_split.insert(share.body);
      }
    }
  }
  s.b_with_split = b_with_split.size();
  return s;
}

Stats compute_stats(const Graph& graph, const Geography& geography, double sliver) {
  const Model& model = graph.model();
  Stats s;
  // Counted by symbol and by status number, then named: no string per body.
  std::unordered_map<Symbol, long long> by_kind;
  std::map<LegalStatus, long long> by_status;
  for (const auto& body : model.bodies) {
    by_kind[body.kind] += body.count;
    by_status[body.status] += body.count;
    s.bodies += body.count;
  }
  for (const auto& [kind, count] : by_kind) s.bodies_by_kind.emplace(kind, count);
  for (const auto& [status, count] : by_status) {
    s.bodies_by_status.emplace(to_string(status), count);
  }
  s.body_elements = static_cast<long long>(model.bodies.size());
  std::vector<bool> pooled(model.bodies.size());
  for (std::size_t b = 0; b < model.bodies.size(); ++b) pooled[b] = model.bodies[b].kind == "pooled-fund";
  std::map<Symbol, MoneySum> by_mechanism;  // in text order, as strings were; compared as integers
  auto last = by_mechanism.end();  // the last link's mechanism: a model lists them together
  MoneySum all(model), into_pools(model);
  std::array<long long, std::size(kAllLinkKinds)> links_of_kind{};
  for (LinkIndex l = 0; l < model.links.size(); ++l) {
    const LinkKind kind = graph.kind(l);  // beside the graph: only funding links' records are read
    ++links_of_kind[static_cast<std::size_t>(kind)];
    if (kind != LinkKind::Funding) continue;
    const Link& link = model.links[l];
    if (last == by_mechanism.end() || last->first != link.subtype) {
      last = by_mechanism.try_emplace(link.subtype, model).first;
    }
    last->second.add(link);
    all.add(link);
    const auto to = graph.to(l);
    if (to && pooled[*to]) into_pools.add(link);
  }
  for (LinkKind kind : kAllLinkKinds) {
    const long long n = links_of_kind[static_cast<std::size_t>(kind)];
    if (n > 0) s.links_by_kind[std::string(to_string(kind))] = n;
  }
  for (const auto& [mechanism, sum] : by_mechanism) {
    if (sum.stated() > 0) s.money_by_mechanism[mechanism] = sum.amount();
    if (sum.unstated() > 0) s.funding_without_amount[mechanism] = static_cast<long long>(sum.unstated());
  }
  s.money_total = all.amount();
  s.money_pooled = into_pools.amount();
  s.links_into_pools = static_cast<long long>(into_pools.stated() + into_pools.unstated());
  s.links_into_pools_stated = static_cast<long long>(into_pools.stated());
  s.links = static_cast<long long>(model.links.size());
  s.people = static_cast<long long>(model.people.size());
  s.posts = static_cast<long long>(model.posts.size());
  std::unordered_set<Symbol> boards;
  for (const auto& seat : model.seats) {
    s.seats += seat.count;
    if (seat.voting) s.voting_seats += seat.count;
    boards.insert(seat.body);
  }
  s.network = membership_network(graph);
  s.people_on_several_boards = s.network.people_on_several_boards;
  s.boards_with_seats = static_cast<long long>(boards.size());
  s.areas = static_cast<long long>(model.areas.size());
  for (AreaIndex a = 0; a < model.areas.size(); ++a) {
    if (!geography.is_leaf(a)) continue;
    ++s.leaf_areas;
    s.population += geography.area_population(a);
  }
  s.sources = static_cast<long long>(model.sources.size());
  s.claims = static_cast<long long>(model.claims.size());
  if (model.vocabulary) {
    for (const auto& [a, b] : model.vocabulary->must_partner) {
      auto summary = coterminosity(model, geography, a, b, sliver);
      if (summary.a_bodies > 0 && summary.b_bodies > 0) s.coterminosity.push_back(std::move(summary));
    }
  }
  return s;
}

}  // namespace govmap
