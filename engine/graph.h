#pragma once
// The governance graph: bodies as vertices, links as edges. Boost.Graph lives behind this
// type (see graph.cpp); callers use body ids or body indexes (positions in Model::bodies),
// never vertex descriptors.

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model.h"

namespace govmap {

using BodyIndex = std::size_t;
using LinkIndex = std::size_t;

class Graph {
 public:
  explicit Graph(const Model& model);
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  const Model& model() const { return *model_; }
  std::size_t body_count() const;
  std::optional<BodyIndex> index_of(std::string_view body_id) const;

  /// Links leaving / entering a body, optionally of one kind, in document order.
  std::vector<LinkIndex> out_links(BodyIndex body, std::optional<LinkKind> kind = {}) const;
  std::vector<LinkIndex> in_links(BodyIndex body, std::optional<LinkKind> kind = {}) const;
  std::vector<LinkIndex> out_links(std::string_view body_id, std::optional<LinkKind> kind = {}) const;
  std::vector<LinkIndex> in_links(std::string_view body_id, std::optional<LinkKind> kind = {}) const;

  /// Bodies reachable from `start` following links of `kind` forwards (start excluded unless
  /// on a cycle). Linear in the graph's size.
  std::vector<BodyIndex> reachable(BodyIndex start, LinkKind kind) const;
  /// For every body, whether it reaches any body satisfying `target` along links of `kind`
  /// (a body satisfying `target` reaches itself). One pass, linear.
  std::vector<bool> reaches_any(LinkKind kind, const std::function<bool(BodyIndex)>& target) const;
  /// Strongly connected components of the subgraph of links of `kind` with more than one body
  /// (or a self-loop): each a sorted list of body indexes. Sorted by first member. Links not
  /// operating at the model's date (a <not-operating> period) are left out.
  std::vector<std::vector<BodyIndex>> cycles(LinkKind kind) const;

 private:
  struct Impl;
  const Model* model_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace govmap
