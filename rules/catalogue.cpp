#include "rules/catalogue.h"

#include <algorithm>

namespace govmap {

// Each rule file defines one of these. Keep both lists sorted by rule id.
// (declarations)

const std::vector<Rule>& rule_catalogue() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all = {
        // (entries)
    };
    std::sort(all.begin(), all.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    return all;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = rule_catalogue();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace govmap
