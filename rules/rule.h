#pragma once
// A rule: a stable id, a default severity, a summary, options with defaults, and a check that
// reports findings. Rules never throw or print; they report Findings to a FindingSink.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"
#include "engine/finding.h"
#include "engine/text.h"

namespace govmap {

/// The verb form for a body as a sentence's subject: `many` for an aggregate body (count above
/// 1, named in the plural: "Integrated care partnerships have"), else `one`.
inline std::string_view verb(const Body& body, std::string_view one, std::string_view many) {
  return body.count > 1 ? many : one;
}

/// The verb form for the body with id `body_id` (`one` when the model has no such body).
inline std::string_view verb(const Model& model, const std::string& body_id, std::string_view one,
                             std::string_view many) {
  const Body* body = model.find_body(body_id);
  return body != nullptr ? verb(*body, one, many) : one;
}

struct RuleOption {
  std::string name;
  double default_value = 0;
  std::string help;
};

class RuleContext;

struct Rule {
  std::string id;  // kebab-case category-slug
  Severity default_severity = Severity::Warning;
  std::string summary;
  std::vector<RuleOption> options;
  std::function<void(const RuleContext&)> check;
};

/// What a rule sees while it runs: the model, its graph and geography, its options, and a
/// place to report findings.
class RuleContext {
 public:
  RuleContext(const Analysis& analysis, const Rule& rule, Severity severity,
              std::map<std::string, double> options, std::vector<Finding>& out)
      : analysis_(analysis), rule_(rule), severity_(severity), options_(std::move(options)), out_(out) {}

  const Model& model() const { return analysis_.model; }
  const Graph& graph() const { return analysis_.graph; }
  const Geography& geography() const { return analysis_.geography; }
  /// Every claim of the model checked against it, in document order.
  const std::vector<ClaimCheck>& claims() const { return analysis_.claims; }
  /// The option's configured value, or its default.
  double option(std::string_view name) const;

  /// Reports a finding with the rule's id and configured severity.
  void report(std::string message, std::vector<Subject> subjects, Location location,
              std::vector<std::string> evidence = {}) const;

  // Helpers to describe model elements as subjects.
  Subject body_subject(std::size_t body) const;
  Subject body_subject(std::string_view body_id) const;
  Subject area_subject(std::size_t area) const;

 private:
  const Analysis& analysis_;
  const Rule& rule_;
  Severity severity_;
  std::map<std::string, double> options_;
  std::vector<Finding>& out_;
};

}  // namespace govmap
