#include "rules/rule.h"


#include <fmt/format.h>

namespace govmap {

double RuleContext::option(std::string_view name) const {
  if (auto it = options_.find(std::string(name)); it != options_.end()) return it->second;
  for (const auto& o : rule_.options) {
    if (o.name == name) return o.default_value;
  }
  throw std::logic_error(fmt::format("rule {} has no option {}", rule_.id, name));
}

void RuleContext::report(std::string message, std::vector<Subject> subjects, Location location,
                         std::vector<std::string> evidence) const {
  Finding f;
  f.rule = rule_.id;
  f.severity = severity_;
  f.message = std::move(message);
  f.subjects = std::move(subjects);
  f.location = location;
  f.evidence = std::move(evidence);
  out_.push_back(std::move(f));
}

Subject RuleContext::body_subject(std::size_t body) const {
  const Body& b = model().bodies[body];
  return {"body", b.id, b.name, b.kind, b.code};
}

Subject RuleContext::body_subject(std::string_view body_id) const {
  const Body* b = model().find_body(body_id);
  if (b == nullptr) return {"body", std::string(body_id), "", "", ""};
  return {"body", b->id, b->name, b->kind, b->code};
}

Subject RuleContext::area_subject(std::size_t area) const {
  const Area& a = model().areas[area];
  return {"area", a.id, a.name, a.kind, a.code.empty() ? a.id : a.code};
}

}  // namespace govmap
