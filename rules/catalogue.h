#pragma once
// The rule catalogue: one explicit list, sorted by id (see catalogue.cpp).

#include <vector>

#include "rules/rule.h"

namespace govmap {

/// Every rule govmap knows, sorted by id.
const std::vector<Rule>& rule_catalogue();
/// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

}  // namespace govmap
