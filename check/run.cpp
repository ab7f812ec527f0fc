// run_checks: runs the catalogue over a model and applies suppressions.

#include "check/run.h"

#include <algorithm>
#include <ctime>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/text.h"
#include "rules/catalogue.h"

namespace govmap {
namespace {

/// Sorts findings by file path, line, column, rule, message, then subject ids.
void sort_findings(const Model& model, std::vector<Finding>& findings) {
  const std::size_t file_count = model.files ? model.files->size() : 0;
  std::vector<std::uint32_t> order(file_count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return model.files->path(a) < model.files->path(b);
  });
  std::vector<std::uint32_t> rank(file_count);
  for (std::uint32_t i = 0; i < file_count; ++i) rank[order[i]] = i;
  auto file_rank = [&](const Location& at) {
    return at.valid() && at.file < file_count ? rank[at.file] : Location::kNoFile;
  };
  auto subject_ids = [](const Finding& f) {
    std::vector<std::string_view> ids;
    for (const auto& s : f.subjects) ids.push_back(s.id);
    return ids;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const auto ka = std::tie(a.location.line, a.location.column, a.rule, a.message);
    const auto kb = std::tie(b.location.line, b.location.column, b.rule, b.message);
    const auto fa = file_rank(a.location), fb = file_rank(b.location);
    if (fa != fb) return fa < fb;
    if (ka != kb) return ka < kb;
    return subject_ids(a) < subject_ids(b);
  });
}

std::string describe(const Suppression& s) {
  return s.subject.empty() ? fmt::format("'{}'", s.rule) : fmt::format("'{}' for '{}'", s.rule, s.subject);
}

/// Applies suppressions in priority order (inline before baseline, then document order).
class Suppressor {
 public:
  Suppressor(const Model& model, const RuleProfile& profile, std::vector<const Suppression*> all,
             const std::string& today, std::vector<Diagnostic>& diagnostics)
      : model_(model), all_(std::move(all)), used_(all_.size(), false) {
    std::vector<std::string> ids;
    for (const auto& rule : rule_catalogue()) ids.push_back(rule.id);
    for (std::size_t i = 0; i < all_.size(); ++i) {
      const Suppression& s = *all_[i];
      const Rule* rule = find_rule(s.rule);
      if (rule == nullptr) {
        warn(diagnostics, s, fmt::format("suppression names unknown rule '{}'{}", s.rule, did_you_mean(s.rule, ids)),
             "unknown-rule");
        used_[i] = true;  // reported already; not "unused" as well
        continue;
      }
      if (!s.expires.empty() && s.expires < today) {
        warn(diagnostics, s,
             fmt::format("suppression of {} expired on {}; its findings are reported again", describe(s), s.expires),
             "expired-suppression");
        used_[i] = true;
        continue;
      }
      if (!profile.enabled(*rule)) used_[i] = true;  // cannot tell whether it would match
      index_[s.rule + '\n' + s.subject].push_back(i);
    }
  }

  /// Marks the finding suppressed by the first matching suppression; returns that suppression.
  const Suppression* apply(Finding& finding) {
    std::size_t best = all_.size();
    auto consider = [&](const std::string& subject) {
      auto it = index_.find(finding.rule + '\n' + subject);
      if (it != index_.end()) best = std::min(best, it->second.front());
    };
    consider("");
    for (const auto& subject : finding.subjects) consider(subject.id);
    if (best == all_.size()) return nullptr;
    used_[best] = true;
    finding.suppressed = true;
    finding.suppression_reason = all_[best]->reason;
    finding.suppression_location = all_[best]->location;
    return all_[best];
  }

  void report_unused(std::vector<Diagnostic>& diagnostics) const {
    for (std::size_t i = 0; i < all_.size(); ++i) {
      if (used_[i] || all_[i]->inherited) continue;  // a proposal may remove what its baseline accepted
      warn(diagnostics, *all_[i], fmt::format("suppression of {} matches no finding", describe(*all_[i])),
           "unused-suppression");
    }
  }

 private:
  void warn(std::vector<Diagnostic>& diagnostics, const Suppression& s, std::string message,
            std::string code) const {
    if (model_.files && s.location.valid()) {
      diagnostics.push_back(make_diagnostic(DiagnosticLevel::Warning, *model_.files, s.location,
                                            std::move(message), std::move(code)));
      return;
    }
    Diagnostic d;
    d.level = DiagnosticLevel::Warning;
    d.message = std::move(message);
    d.code = std::move(code);
    diagnostics.push_back(std::move(d));
  }

  const Model& model_;
  std::vector<const Suppression*> all_;
  std::vector<bool> used_;
  std::unordered_map<std::string, std::vector<std::size_t>> index_;  // "rule\nsubject" -> priorities
};

}  // namespace

CheckResult run_checks(const Analysis& analysis, const RuleProfile& profile,
                       const std::vector<Suppression>& baseline, const std::string& today) {
  CheckResult result;
  result.with_baseline = !baseline.empty();
  const Model& model = analysis.model;
  for (const auto& rule : rule_catalogue()) {
    if (!profile.enabled(rule) || !rule.check) continue;
    result.rules_run.push_back(rule.id);
    const RuleContext context(analysis, rule, profile.severity(rule), profile.options(rule), result.findings);
    rule.check(context);
  }
  std::sort(result.rules_run.begin(), result.rules_run.end());
  sort_findings(model, result.findings);

  std::vector<const Suppression*> all;
  for (const auto& s : model.suppressions) all.push_back(&s);
  for (const auto& s : baseline) all.push_back(&s);
  Suppressor suppressor(model, profile, std::move(all), today, result.suppression_diagnostics);
  result.suppressed_by_baseline.reserve(result.findings.size());
  for (auto& finding : result.findings) {
    const Suppression* by = suppressor.apply(finding);
    result.suppressed_by_baseline.push_back(by != nullptr && by->from_baseline);
  }
  suppressor.report_unused(result.suppression_diagnostics);
  std::stable_sort(result.suppression_diagnostics.begin(), result.suppression_diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
                   });
  return result;
}

bool fails(const Finding& finding, std::optional<Severity> level) {
  return level && !finding.suppressed && finding.severity >= *level;
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace govmap
