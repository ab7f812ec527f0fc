#include "engine/graph.h"

#include <algorithm>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

namespace govmap {
namespace {

/// Each body's position by the number of its id's symbol (Symbol::id), kNone for a symbol that
/// names no body: 2 million link ends at 1M links are then array reads, not hash lookups.
class BodiesBySymbol {
 public:
  BodiesBySymbol(const Model& model, std::uint32_t none)
      : position_(Symbol::count(), none), none_(none) {
    for (const auto& [id, position] : model.body_index) {
      position_[id.id()] = static_cast<std::uint32_t>(position);
    }
  }
  /// Position of the body `id` names, or `none` (always for the empty symbol).
  std::uint32_t operator()(Symbol id) const { return id.empty() ? none_ : position_[id.id()]; }

 private:
  std::vector<std::uint32_t> position_;
  std::uint32_t none_;
};

}  // namespace

Graph::Graph(const Model& model) : model_(&model) {
  const std::size_t links = model.links.size();
  from_.reserve(links);
  to_.reserve(links);
  kinds_.reserve(links);
  const BodiesBySymbol body_of(model, kNone);
  for (const Link& link : model.links) {
    from_.push_back(body_of(link.from));
    to_.push_back(body_of(link.to));
    kinds_.push_back(static_cast<std::uint8_t>(static_cast<std::uint8_t>(link.kind) |
                                               (link.operating() ? 0 : kNotOperating)));
  }
  parent_.reserve(model.bodies.size());
  for (const Body& body : model.bodies) parent_.push_back(body_of(body.part_of));
  out_ = rows(model.bodies.size(), from_, to_);
  in_ = rows(model.bodies.size(), to_, from_);
  masters_ = masters_rows();
}

Graph::Rows Graph::masters_rows() const {
  // Each body's row is at most its out row plus its parent; filled in body order, dropping
  // repeats with one mark per body (the last body whose row listed it).
  const std::size_t bodies = body_count();
  Rows r;
  r.start.reserve(bodies + 1);
  r.start.push_back(0);
  std::vector<std::uint32_t> listed_by(bodies, kNone);
  const auto add = [&](std::uint32_t b, std::uint32_t master) {
    if (master == kNone || master == b || listed_by[master] == b) return;
    listed_by[master] = b;
    r.links.push_back(master);
  };
  for (std::uint32_t b = 0; b < bodies; ++b) {
    for (std::uint32_t l : out_links(b)) {
      // An operating accountability link: its kind byte has no kNotOperating bit.
      if (kinds_[l] == static_cast<std::uint8_t>(LinkKind::Accountability)) add(b, to_[l]);
    }
    add(b, parent_[b]);
    r.start.push_back(static_cast<std::uint32_t>(r.links.size()));
  }
  return r;
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

std::optional<BodyIndex> Graph::index_of(Symbol body_id) const {
  auto it = model_->body_index.find(body_id);
  if (it == model_->body_index.end()) return std::nullopt;
  return it->second;
}

std::vector<LinkIndex> Graph::out_links(BodyIndex body, LinkKind kind) const {
  std::vector<LinkIndex> links;
  out_links(body, kind, links);
  return links;
}

void Graph::out_links(BodyIndex body, LinkKind kind, std::vector<LinkIndex>& links) const {
  links.clear();
  for (std::uint32_t l : out_links(body)) {
    if (this->kind(l) == kind) links.push_back(l);
  }
}

std::vector<LinkIndex> Graph::in_links(BodyIndex body, LinkKind kind) const {
  std::vector<LinkIndex> links;
  for (std::uint32_t l : in_links(body)) {
    if (this->kind(l) == kind) links.push_back(l);
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
    if (this->kind(l) != kind || !operating(l) || from_[l] == kNone || to_[l] == kNone) continue;
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
