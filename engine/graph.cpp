#include "engine/graph.h"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace govmap {

struct VertexProperties {
  BodyIndex body = 0;
};
struct EdgeProperties {
  LinkIndex link = 0;
  LinkKind kind = LinkKind::Funding;
};
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProperties,
                                         EdgeProperties>;

struct Graph::Impl {
  BoostGraph graph;
};

Graph::Graph(const Model& model) : model_(&model), impl_(std::make_unique<Impl>()) {
  auto& g = impl_->graph;
  for (BodyIndex i = 0; i < model.bodies.size(); ++i) g[boost::add_vertex(g)].body = i;
  for (LinkIndex l = 0; l < model.links.size(); ++l) {
    const auto from = model.body_index.find(model.links[l].from);
    const auto to = model.body_index.find(model.links[l].to);
    if (from == model.body_index.end() || to == model.body_index.end()) continue;
    boost::add_edge(from->second, to->second, EdgeProperties{l, model.links[l].kind}, g);
  }
}

Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

std::size_t Graph::body_count() const { return boost::num_vertices(impl_->graph); }

std::optional<BodyIndex> Graph::index_of(std::string_view body_id) const {
  auto it = model_->body_index.find(std::string(body_id));
  if (it == model_->body_index.end()) return std::nullopt;
  return it->second;
}

std::vector<LinkIndex> Graph::out_links(BodyIndex body, std::optional<LinkKind> kind) const {
  std::vector<LinkIndex> links;
  const auto& g = impl_->graph;
  for (auto [it, end] = boost::out_edges(body, g); it != end; ++it) {
    if (!kind || g[*it].kind == *kind) links.push_back(g[*it].link);
  }
  std::sort(links.begin(), links.end());
  return links;
}

std::vector<LinkIndex> Graph::in_links(BodyIndex body, std::optional<LinkKind> kind) const {
  std::vector<LinkIndex> links;
  const auto& g = impl_->graph;
  for (auto [it, end] = boost::in_edges(body, g); it != end; ++it) {
    if (!kind || g[*it].kind == *kind) links.push_back(g[*it].link);
  }
  std::sort(links.begin(), links.end());
  return links;
}

std::vector<LinkIndex> Graph::out_links(std::string_view body_id, std::optional<LinkKind> kind) const {
  const auto index = index_of(body_id);
  return index ? out_links(*index, kind) : std::vector<LinkIndex>{};
}

std::vector<LinkIndex> Graph::in_links(std::string_view body_id, std::optional<LinkKind> kind) const {
  const auto index = index_of(body_id);
  return index ? in_links(*index, kind) : std::vector<LinkIndex>{};
}

std::vector<BodyIndex> Graph::reachable(BodyIndex start, LinkKind kind) const {
  const auto& g = impl_->graph;
  std::vector<bool> seen(body_count(), false);
  std::vector<BodyIndex> stack{start}, found;
  while (!stack.empty()) {
    const BodyIndex v = stack.back();
    stack.pop_back();
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (g[*it].kind != kind) continue;
      const BodyIndex w = boost::target(*it, g);
      if (seen[w]) continue;
      seen[w] = true;
      found.push_back(w);
      stack.push_back(w);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<bool> Graph::reaches_any(LinkKind kind, const std::function<bool(BodyIndex)>& target) const {
  // Backwards search from every target over reversed links: linear in bodies + links.
  const auto& g = impl_->graph;
  std::vector<bool> reaches(body_count(), false);
  std::vector<BodyIndex> stack;
  for (BodyIndex v = 0; v < body_count(); ++v) {
    if (target(v)) reaches[v] = true, stack.push_back(v);
  }
  while (!stack.empty()) {
    const BodyIndex v = stack.back();
    stack.pop_back();
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (g[*it].kind != kind) continue;
      const BodyIndex u = boost::source(*it, g);
      if (!reaches[u]) reaches[u] = true, stack.push_back(u);
    }
  }
  return reaches;
}

std::vector<std::vector<BodyIndex>> Graph::cycles(LinkKind kind) const {
  // strong_components on the subgraph of one link kind.
  using Sub = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  const auto& g = impl_->graph;
  Sub sub(body_count());
  std::vector<bool> self_loop(body_count(), false);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (g[*it].kind != kind || !model().links[g[*it].link].operating()) continue;
    const auto u = boost::source(*it, g), v = boost::target(*it, g);
    if (u == v) self_loop[u] = true;
    boost::add_edge(u, v, sub);
  }
  std::vector<std::size_t> component(body_count());
  const std::size_t count = boost::strong_components(
      sub, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, sub)));
  std::vector<std::vector<BodyIndex>> members(count);
  for (BodyIndex v = 0; v < body_count(); ++v) members[component[v]].push_back(v);
  std::vector<std::vector<BodyIndex>> result;
  for (auto& m : members) {
    if (m.size() > 1 || (m.size() == 1 && self_loop[m[0]])) result.push_back(std::move(m));
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace govmap
