// funding-duty-without-means: a body given statutory duties that cannot hold a budget or
// employ staff to carry them out (the Welsh regional partnership boards). A body that is part
// of another draws on its parent's powers. One pass over the bodies.

#include <fmt/format.h>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

constexpr std::uint8_t kMeans = kHoldBudget | kEmployStaff;

bool out_of_scope(const Body& b) {
  return b.duties.empty() || b.status == LegalStatus::None || b.status == LegalStatus::Abolished;
}

/// The powers a body can use: its own and, for a committee, those of the body it is part of.
std::uint8_t usable_powers(const Model& m, const Body& b) {
  std::uint8_t powers = b.powers;
  if (const Body* parent = b.part_of.empty() ? nullptr : m.find_body(b.part_of)) powers |= parent->powers;
  return powers;
}

std::string missing_means(std::uint8_t powers) {
  const bool budget = (powers & kHoldBudget) != 0, staff = (powers & kEmployStaff) != 0;
  if (!budget && !staff) return "cannot hold a budget or employ staff";
  return budget ? "cannot employ staff" : "cannot hold a budget";
}

std::string join_words(const std::vector<Symbol>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  for (BodyIndex i = 0; i < m.bodies.size(); ++i) {
    const Body& b = m.bodies[i];
    if (out_of_scope(b)) continue;
    const std::uint8_t powers = usable_powers(m, b);
    if ((powers & kMeans) == kMeans) continue;
    std::vector<std::string> evidence{"duties: " + join_words(b.duties),
                                      "powers: " + (b.powers == 0 ? std::string("none") : powers_to_string(b.powers))};
    if (!b.part_of.empty()) {
      evidence.push_back(fmt::format("part of {}, which cannot supply them either", chain::name_of(m, b.part_of)));
    }
    ctx.report(fmt::format("{} {} {} statutory dut{} ({}) but {}", chain::name_of(m, i), verb(b, "has", "have"), b.duties.size(),
                           b.duties.size() == 1 ? "y" : "ies", join_words(b.duties), missing_means(powers)),
               {ctx.body_subject(i)}, b.provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& funding_duty_without_means_rule() {
  static const Rule rule{
      .id = "funding-duty-without-means",
      .default_severity = Severity::Warning,
      .summary = "statutory duties without the power to hold a budget or employ staff",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
