#include "engine/graph.h"

#include <algorithm>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

namespace govmap {
namespace {

/// Position of `id` in the model's bodies, or `none`.
std::uint32_t body_of(const Model& model, const std::string& id, std::uint32_t none) {
  if (id.empty()) return none;
  const auto it = model.body_index.find(id);
  return it == model.body_index.end() ? none : static_cast<std::uint32_t>(it->second);
}

}  // namespace

Graph::Graph(const Model& model) : model_(&model) {
  const std::size_t links = model.links.size();
  from_.reserve(links);
  to_.reserve(links);
  for (const Link& link : model.links) {
    from_.push_back(body_of(model, link.from, kNone));
    to_.push_back(body_of(model, link.to, kNone));
  }
  parent_.reserve(model.bodies.size());
  for (const Body& body : model.bodies) parent_.push_back(body_of(model, body.part_of, kNone));
  out_ = rows(model.bodies.size(), from_, to_);
  in_ = rows(model.bodies.size(), to_, from_);
}

Graph::Rows Graph::rows(std::size_t bodies, const std::vector<std::uint32_t>& end,
                        const std::vector<std::uint32_t>& other_end) {
  // A counting sort of the links by body: each row keeps document order. A link with an
  // unknown end (kNone) is in no row.
  const auto joined = [&](std::size_t l) { return end[l] != kNone && other_end[l] != kNone; };
  Rows r;
  r.start.assign(bodies + 1, 0);
  for (std::size_t l = 0; l < end.size(); ++l) {
    if (joined(l)) ++r.start[end[l] + 1];
  }
  for (std::size_t b = 0; b < bodies; ++b) r.start[b + 1] += r.start[b];
  r.links.resize(r.start[bodies]);
  std::vector<std::uint32_t> next(r.start.begin(), r.start.end() - 1);
  for (std::size_t l = 0; l < end.size(); ++l) {
    if (joined(l)) r.links[next[end[l]]++] = static_cast<std::uint32_t>(l);
  }
  return r;
}

std::optional<BodyIndex> Graph::index_of(std::string_view body_id) const {
  auto it = model_->body_index.find(std::string(body_id));
  if (it == model_->body_index.end()) return std::nullopt;
  return it->second;
}

std::vector<LinkIndex> Graph::out_links(BodyIndex body, LinkKind kind) const {
  std::vector<LinkIndex> links;
  for (std::uint32_t l : out_links(body)) {
    if (model_->links[l].kind == kind) links.push_back(l);
  }
  return links;
}

std::vector<LinkIndex> Graph::in_links(BodyIndex body, LinkKind kind) const {
  std::vector<LinkIndex> links;
  for (std::uint32_t l : in_links(body)) {
    if (model_->links[l].kind == kind) links.push_back(l);
  }
  return links;
}

std::vector<std::vector<BodyIndex>> Graph::cycles(LinkKind kind) const {
  // strong_components on the subgraph of the operating links of one kind.
  using Sub = boost::compressed_sparse_row_graph<boost::directedS>;
  const std::size_t n = body_count();
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  std::vector<bool> self_loop(n, false);
  for (LinkIndex l = 0; l < from_.size(); ++l) {
    const Link& link = model_->links[l];
    if (link.kind != kind || !link.operating() || from_[l] == kNone || to_[l] == kNone) continue;
    if (from_[l] == to_[l]) self_loop[from_[l]] = true;
    edges.emplace_back(from_[l], to_[l]);
  }
  const Sub sub(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), n);
  std::vector<std::size_t> component(n);
  const std::size_t count = boost::strong_components(
      sub, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, sub)));
  std::vector<std::vector<BodyIndex>> members(count);
  for (BodyIndex v = 0; v < n; ++v) members[component[v]].push_back(v);
  std::vector<std::vector<BodyIndex>> result;
  for (auto& m : members) {
    if (m.size() > 1 || (m.size() == 1 && self_loop[m[0]])) result.push_back(std::move(m));
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace govmap
