#include "rules/boundary_shares.h"

#include <cctype>
#include <unordered_map>

namespace govmap::boundary {

std::vector<std::vector<std::size_t>> bodies_by_kind(const Model& model,
                                                     std::vector<std::string>& kinds) {
  std::unordered_map<std::string_view, std::size_t> slot;
  std::vector<std::vector<std::size_t>> out;
  kinds.clear();
  for (std::size_t b = 0; b < model.bodies.size(); ++b) {
    const std::string& kind = model.bodies[b].kind;
    auto [it, added] = slot.try_emplace(kind, out.size());
    if (added) {
      out.emplace_back();
      kinds.push_back(kind);
    }
    out[it->second].push_back(b);
  }
  return out;
}

std::vector<Share> live_shares(const Model& model, const Geography& geography, std::size_t body,
                               std::string_view kind) {
  std::vector<Share> shares = geography.shares_by_kind(body, kind);
  std::erase_if(shares, [&](const Share& s) {
    return model.bodies[s.body].status == LegalStatus::Abolished;
  });
  return shares;
}

bool extends_beyond(const Geography& geography, std::size_t other, double overlap, double sliver) {
  const double whole = geography.population(other);
  return whole > 0 && whole - overlap > sliver * whole;
}

bool is_split(const Geography& geography, const std::vector<Share>& shares, double sliver) {
  std::size_t parts = 0;
  bool crossed = false;
  for (const Share& s : shares) {
    if (s.fraction < sliver) continue;
    ++parts;
    crossed = crossed || extends_beyond(geography, s.body, s.population, sliver);
  }
  return parts > 1 && crossed;
}

std::string kind_words(const Model& model, std::string_view kind, bool plural) {
  std::string label = model.kind_label(kind, plural);
  const bool capital_word = label.size() > 1 && std::isupper(static_cast<unsigned char>(label[1]));
  if (!label.empty() && !capital_word) {
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  }
  return label;
}

}  // namespace govmap::boundary
