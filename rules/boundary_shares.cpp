#include "rules/boundary_shares.h"

#include <cctype>
#include <set>
#include <unordered_map>
#include <utility>

namespace govmap::boundary {

std::vector<PartnerKinds> partnering_kinds(const Model& model) {
  std::vector<PartnerKinds> out;
  if (!model.vocabulary) return out;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_kind;
  for (std::size_t b = 0; b < model.bodies.size(); ++b) by_kind[model.bodies[b].kind].push_back(b);
  const std::set<std::pair<std::string, std::string>> pairs(model.vocabulary->must_partner.begin(),
                                                            model.vocabulary->must_partner.end());
  for (const auto& [a_kind, b_kind] : pairs) {
    const auto it = by_kind.find(a_kind);
    if (a_kind != b_kind && it != by_kind.end()) out.push_back({it->second, b_kind});
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
