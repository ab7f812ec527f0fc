#pragma once
// The governance graph: bodies as vertices, links as edges, built once per run with dense
// indexes (positions in Model::bodies and Model::links), so rules walk it without looking ids
// up. Each body's links leaving and entering it, and the bodies it answers to, are kept in
// compressed rows, in document order; each link's kind is kept beside them, so a walk over a
// body's rows reads no Link. Boost.Graph finds strongly connected components (see graph.cpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/model.h"

namespace govmap {

using BodyIndex = std::size_t;
using LinkIndex = std::size_t;

class Graph {
 public:
  explicit Graph(const Model& model);

  const Model& model() const { return *model_; }
  std::size_t body_count() const { return out_.start.size() - 1; }
  /// A body's index by id (one hash lookup; the accessors below need none).
  std::optional<BodyIndex> index_of(Symbol body_id) const;

  /// The bodies a link goes from and to; nullopt when the model has no body of that id.
  std::optional<BodyIndex> from(LinkIndex link) const { return known(from_[link]); }
  std::optional<BodyIndex> to(LinkIndex link) const { return known(to_[link]); }
  /// The body a body is part of (its part-of), when it names one that exists.
  std::optional<BodyIndex> parent(BodyIndex body) const { return known(parent_[body]); }

  /// A link's kind, and whether it operates at the model's date (Link::operating), without
  /// reading the Link.
  LinkKind kind(LinkIndex link) const { return static_cast<LinkKind>(kinds_[link] & kKindBits); }
  bool operating(LinkIndex link) const { return (kinds_[link] & kNotOperating) == 0; }

  /// The bodies a body answers to directly, its lines of accountability: the other ends of its
  /// operating accountability links in document order, then the body it is part of; without
  /// repeats or the body itself. Shared by the rules that follow chains of accountability.
  std::span<const std::uint32_t> masters(BodyIndex body) const { return masters_.row(body); }

  /// Every link leaving / entering a body, in document order.
  std::span<const std::uint32_t> out_links(BodyIndex body) const { return out_.row(body); }
  std::span<const std::uint32_t> in_links(BodyIndex body) const { return in_.row(body); }
  /// Links leaving / entering a body of one kind, in document order.
  std::vector<LinkIndex> out_links(BodyIndex body, LinkKind kind) const;
  /// The same into `links` (cleared first): for a rule that asks it of every body, one vector.
  void out_links(BodyIndex body, LinkKind kind, std::vector<LinkIndex>& links) const;
  std::vector<LinkIndex> in_links(BodyIndex body, LinkKind kind) const;

  /// Strongly connected components of the subgraph of links of `kind` with more than one body
  /// (or a self-loop): each a sorted list of body indexes. Sorted by first member. Links not
  /// operating at the model's date (a <not-operating> period) are left out.
  std::vector<std::vector<BodyIndex>> cycles(LinkKind kind) const;

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint8_t kKindBits = 0x7f, kNotOperating = 0x80;
  static std::optional<BodyIndex> known(std::uint32_t index) {
    return index == kNone ? std::nullopt : std::optional<BodyIndex>(index);
  }
  /// Compressed rows: the links of body b are links[start[b] .. start[b + 1]).
  struct Rows {
    std::vector<std::uint32_t> start, links;
    std::span<const std::uint32_t> row(BodyIndex b) const {
      return {links.data() + start[b], links.data() + start[b + 1]};
    }
  };
  /// The rows of links by `end` (from_ or to_), of the links whose both ends are known.
  static Rows rows(std::size_t bodies, const std::vector<std::uint32_t>& end,
                   const std::vector<std::uint32_t>& other_end);
  /// The rows of masters(), from out_ and parent_.
  Rows masters_rows() const;

  const Model* model_;
  std::vector<std::uint32_t> from_, to_, parent_;  // kNone where the id names no body
  std::vector<std::uint8_t> kinds_;  // per link: its LinkKind, | kNotOperating when paused
  Rows out_, in_, masters_;
};

}  // namespace govmap
