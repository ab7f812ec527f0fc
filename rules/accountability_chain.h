#pragma once
// Helpers shared by the accountability and funding rules: following lines of accountability
// (accountability links, and part-of: a committee answers to the body it is part of) and
// naming bodies and money in messages. Header-only; not a rule.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/graph.h"
#include "engine/model.h"
#include "rules/rule.h"

namespace govmap::chain {

/// Every body's lines of accountability: the bodies it answers to directly (Graph::masters)
/// and, walked on first use and kept, every body above it. The walk is bounded by `limit`
/// bodies, so rules that ask once per link stay linear in the model's size.
class ChainsAbove {
 public:
  ChainsAbove(const Graph& graph, std::size_t limit)
      : graph_(graph),
        limit_(limit),
        cache_(graph.body_count()),
        seen_by_(graph.body_count(), kNone) {}

  /// The bodies `b` answers to directly.
  std::span<const std::uint32_t> direct(BodyIndex b) const { return graph_.masters(b); }
  /// Every body above `b` (b excluded), sorted; nullptr when there are more than `limit` (the
  /// caller should then stay silent).
  const std::vector<BodyIndex>* above(BodyIndex b) {
    auto& slot = cache_[b];
    if (!slot) slot = walk(b);
    return *slot ? &**slot : nullptr;
  }

 private:
  static constexpr BodyIndex kNone = static_cast<BodyIndex>(-1);
  std::optional<std::vector<BodyIndex>> walk(BodyIndex start) {
    std::vector<BodyIndex> found, stack{start};
    seen_by_[start] = start;  // marks what this walk has found, without clearing between walks
    while (!stack.empty()) {
      const BodyIndex v = stack.back();
      stack.pop_back();
      for (BodyIndex w : graph_.masters(v)) {
        if (seen_by_[w] == start) continue;
        if (found.size() >= limit_) return std::nullopt;
        seen_by_[w] = start;
        found.push_back(w);
        stack.push_back(w);
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  const Graph& graph_;
  std::size_t limit_;
  std::vector<std::optional<std::optional<std::vector<BodyIndex>>>> cache_;
  std::vector<BodyIndex> seen_by_;  // the last walk to reach each body
};

/// A body's name for messages (its id when it has none).
inline std::string name_of(const Model& model, BodyIndex body) {
  const Body& b = model.bodies[body];
  return b.name.empty() ? b.id : b.name;
}
inline std::string name_of(const Model& model, const std::string& body_id) {
  const Body* b = model.find_body(body_id);
  return b == nullptr || b->name.empty() ? body_id : b->name.str();
}

/// "A", "A and B", "A, B and C"; past `max_shown` names, "A, B, C and 4 others" (never
/// "and 1 others": one name more is shown instead).
inline std::string join_names(const std::vector<std::string>& names, std::size_t max_shown = 4) {
  std::string out;
  const std::size_t shown = names.size() > max_shown + 1 ? max_shown : names.size();
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == names.size()) ? " and " : ", ";
    out += names[i];
  }
  if (shown < names.size()) out += " and " + std::to_string(names.size() - shown) + " others";
  return out;
}

/// The vocabulary label of a link's subtype (mechanism or accountability kind), lower case
/// first letter ("set-aside budget", "scrutiny"); the id when the vocabulary lacks it.
inline std::string subtype_label(const Model& model, const Link& link) {
  if (link.subtype.empty()) return std::string(to_string(link.kind));
  const Labelled* found = nullptr;
  if (model.vocabulary) {
    found = link.kind == LinkKind::Funding ? model.vocabulary->mechanism(link.subtype)
                                           : model.vocabulary->accountability_kind(link.subtype);
  }
  std::string label = found != nullptr ? found->label : link.subtype.str();
  if (label.size() > 1 && label[0] >= 'A' && label[0] <= 'Z' && !(label[1] >= 'A' && label[1] <= 'Z')) {
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  }
  return label;
}

/// "a delegated budget", "an integrated fund".
inline std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string("aeiouAEIOU").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

/// "£250m in 2021/22", "£250m", or "" when the link has no amount.
inline std::string amount_phrase(const Link& link) {
  if (!link.amount) return "";
  std::string text = link.currency == "GBP" || link.currency.empty()
                         ? money(*link.amount)
                         : thousands(*link.amount) + " " + link.currency;
  if (!link.year.empty()) text += " in " + link.year;
  return text;
}

}  // namespace govmap::chain
