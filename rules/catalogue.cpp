#include "rules/catalogue.h"

#include <algorithm>

namespace govmap {

// Each rule file rules/<category>/<slug>.cpp defines one `const Rule& <category>_<slug>_rule()`.
// Keep both lists sorted by rule id (the catalogue test checks the ids are sorted and unique).
const Rule& accountability_cycle_rule();
const Rule& accountability_multiple_masters_rule();
const Rule& accountability_no_route_rule();
const Rule& accountability_not_operating_rule();
const Rule& board_dual_role_rule();
const Rule& board_interlock_rule();
const Rule& board_overlapping_remit_rule();
const Rule& board_sector_balance_rule();
const Rule& board_size_rule();
const Rule& boundary_many_partners_rule();
const Rule& boundary_non_coterminous_rule();
const Rule& boundary_split_area_rule();
const Rule& claim_mismatch_rule();
const Rule& funding_duty_without_means_rule();
const Rule& funding_held_not_directed_rule();
const Rule& funding_non_statutory_holder_rule();
const Rule& funding_small_pool_rule();
const Rule& funding_unbalanced_rule();
const Rule& funding_without_accountability_rule();
const Rule& structure_layering_rule();

const std::vector<Rule>& rule_catalogue() {
  // Not sorted at run time: tests/rules_catalogue_test.cpp fails when this list is out of order.
  static const std::vector<Rule> rules = {
      accountability_cycle_rule(),
      accountability_multiple_masters_rule(),
      accountability_no_route_rule(),
      accountability_not_operating_rule(),
      board_dual_role_rule(),
      board_interlock_rule(),
      board_overlapping_remit_rule(),
      board_sector_balance_rule(),
      board_size_rule(),
      boundary_many_partners_rule(),
      boundary_non_coterminous_rule(),
      boundary_split_area_rule(),
      claim_mismatch_rule(),
      funding_duty_without_means_rule(),
      funding_held_not_directed_rule(),
      funding_non_statutory_holder_rule(),
      funding_small_pool_rule(),
      funding_unbalanced_rule(),
      funding_without_accountability_rule(),
      structure_layering_rule(),
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = rule_catalogue();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace govmap
