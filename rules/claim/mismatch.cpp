// claim-mismatch: a published claim about the structure that the model does not reproduce.

#include <fmt/format.h>

#include "engine/claims.h"
#include "engine/text.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// "nt2021, Table 4" — where the claim is published, from its sources and evidence.
std::string citation(const Claim& claim) {
  std::vector<std::string> parts = to_strings(claim.provenance.sources);
  if (!claim.provenance.evidence.empty()) parts.push_back(claim.provenance.evidence);
  return parts.empty() ? std::string() : fmt::format(" ({})", join(parts, ", "));
}

void check(const RuleContext& ctx) {
  for (const ClaimCheck& result : ctx.claims()) {
    const Claim& claim = *result.claim;
    if (!result.model_value || result.holds()) continue;
    std::string message = fmt::format("claim '{}'{}: published {}, model gives {}", claim.id, citation(claim),
                                      claim_number(claim.value), claim_number(*result.model_value));
    std::vector<std::string> evidence;
    if (!claim.text.empty()) evidence.push_back(fmt::format("claim: \"{}\"", claim.text));
    std::string params;
    for (const auto& [name, value] : claim.params) params += fmt::format(" {}={}", name, value);
    evidence.push_back(fmt::format("metric: {}{}{}", claim.metric, params,
                                   claim.tolerance > 0 ? fmt::format(" (tolerance {})", claim_number(claim.tolerance))
                                                       : std::string()));
    if (!result.note.empty()) evidence.push_back(result.note);
    ctx.report(std::move(message), {Subject{"claim", claim.id, claim.text, claim.metric, ""}},
               claim.provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& claim_mismatch_rule() {
  static const Rule rule{
      .id = "claim-mismatch",
      .default_severity = Severity::Error,
      .summary = "a published claim about the structure that the model does not reproduce",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
