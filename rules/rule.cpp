#include "rules/rule.h"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace govmap {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

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
  const Body& b = model_.bodies[body];
  return {"body", b.id, b.name, b.kind, b.code};
}

Subject RuleContext::body_subject(std::string_view body_id) const {
  const Body* b = model_.find_body(body_id);
  if (b == nullptr) return {"body", std::string(body_id), "", "", ""};
  return {"body", b->id, b->name, b->kind, b->code};
}

Subject RuleContext::area_subject(std::size_t area) const {
  const Area& a = model_.areas[area];
  return {"area", a.id, a.name, a.kind, a.code.empty() ? a.id : a.code};
}

std::string percent(double fraction) {
  const double p = fraction * 100.0;
  if (p > 0 && p < 1) return fmt::format("{:.1f}%", p);
  return fmt::format("{:.0f}%", p);
}

std::string thousands(double value) {
  const auto whole = static_cast<long long>(std::llround(value));
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return whole < 0 ? "-" + out : out;
}

std::string money(double pounds) {
  if (pounds >= 1e10) return fmt::format("£{:.1f}bn", pounds / 1e9);
  if (pounds >= 1e9) {  // two decimals under £10bn ("£2.65bn", "£6.91bn"), one when it ends in 0
    std::string text = fmt::format("{:.2f}", pounds / 1e9);
    if (text.back() == '0') text.pop_back();
    return "£" + text + "bn";
  }
  if (pounds >= 1e6) return fmt::format("£{:.0f}m", pounds / 1e6);
  return "£" + thousands(pounds);
}

}  // namespace govmap
