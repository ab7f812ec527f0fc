#include "engine/claims.h"

#include <cmath>

#include <fmt/format.h>

#include "engine/finding.h"
#include "engine/metrics.h"
#include "engine/text.h"

namespace govmap {
namespace {

std::string param(const Claim& claim, const char* name) {
  auto it = claim.params.find(name);
  return it == claim.params.end() ? std::string() : it->second;
}

double count_bodies(const Model& model, const Claim& claim) {
  const std::string kind = param(claim, "kind"), status = param(claim, "status");
  double n = 0;
  for (const auto& body : model.bodies) {
    if (body.kind != kind) continue;
    if (!status.empty() && to_string(body.status) != status) continue;
    n += body.count;
  }
  return n;
}

double count_seats(const Model& model, const Claim& claim) {
  const std::string body = param(claim, "body"), voting = param(claim, "voting"),
                    nominated_by = param(claim, "nominated-by");
  double n = 0;
  for (const auto& seat : model.seats) {
    if (seat.body != body) continue;
    if (!voting.empty() && seat.voting != (voting == "true")) continue;
    if (!nominated_by.empty() && seat.nominated_by != nominated_by) continue;
    n += seat.count;
  }
  return n;
}

// The sum of matching amounts; nullopt when no matching link states one (the model then
// cannot reproduce the figure, which is not the same as the figure being zero).
std::optional<double> sum_funding(const Model& model, const Claim& claim, std::string& note) {
  const std::string mechanism = param(claim, "mechanism"), from = param(claim, "from"), to = param(claim, "to");
  MoneySum sum(model);
  for (const auto& link : model.links) {
    if (link.kind != LinkKind::Funding) continue;
    if ((!mechanism.empty() && link.subtype != mechanism) || (!from.empty() && link.from != from) ||
        (!to.empty() && link.to != to)) {
      continue;
    }
    sum.add(link);
  }
  const std::size_t without_amount = sum.unstated(), with_amount = sum.stated();
  if (without_amount > 0) note = without_amount == 1 ? "1 matching funding link has no amount"
                              : fmt::format("{} matching funding links have no amount", without_amount);
  if (with_amount == 0) {
    note = "not checkable: " + (note.empty() ? std::string("no matching funding link") : note);
    return std::nullopt;
  }
  return sum.amount();
}

double total_population(const Model& model, const Geography& geography, const Claim& claim) {
  const std::string kind = param(claim, "kind");
  double sum = 0;
  for (AreaIndex a = 0; a < model.areas.size(); ++a) {
    const bool counted = kind.empty() ? geography.is_leaf(a) : model.areas[a].kind == kind;
    if (counted) sum += geography.area_population(a);
  }
  return sum;
}

}  // namespace

bool ClaimCheck::holds() const {
  return model_value && std::fabs(*model_value - claim->value) <= claim->tolerance + 1e-9;
}

ClaimCheck evaluate_claim(const Model& model, const Geography& geography, const Claim& claim) {
  ClaimCheck check{&claim, std::nullopt, {}};
  const std::string& metric = claim.metric;
  if (metric == "bodies") check.model_value = count_bodies(model, claim);
  if (metric == "seats") check.model_value = count_seats(model, claim);
  if (metric == "funding") check.model_value = sum_funding(model, claim, check.note);
  if (metric == "population") check.model_value = total_population(model, geography, claim);
  if (metric == "split-areas" || metric == "split-partners" || metric == "coterminous") {
    double sliver = kDefaultSliver;
    if (auto s = parse_number(param(claim, "sliver"))) sliver = *s;
    const auto summary = coterminosity(model, geography, param(claim, "kind"), param(claim, "by"), sliver);
    const std::size_t value = metric == "split-areas"      ? summary.split
                              : metric == "split-partners" ? summary.b_with_split
                                                           : summary.coterminous;
    check.model_value = static_cast<double>(value);
  }
  return check;
}

std::vector<ClaimCheck> evaluate_claims(const Model& model, const Geography& geography) {
  std::vector<ClaimCheck> checks;
  for (const auto& claim : model.claims) checks.push_back(evaluate_claim(model, geography, claim));
  return checks;
}

std::string claim_number(double value) {
  if (value == std::round(value) && std::fabs(value) < 1e15) return thousands(value);
  return fmt::format("{:.6g}", value);
}

}  // namespace govmap
