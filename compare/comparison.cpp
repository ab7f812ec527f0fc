#include "compare/comparison.h"

#include <algorithm>
#include <map>
#include <set>

namespace govmap {
namespace {

ComparisonMetrics metrics_of(const Model& model, const Stats& stats, const CheckResult& check) {
  ComparisonMetrics m;
  m.bodies = stats.bodies;
  std::set<std::string> boards;
  for (const auto& seat : model.seats) boards.insert(seat.body);
  for (const auto& body : model.bodies) {
    if (body.sector == "partnership" && body.kind != "pooled-fund") boards.insert(body.id);
  }
  for (const auto& id : boards) {
    if (const Body* body = model.find_body(id)) m.boards += body->count;
  }
  m.seats = stats.seats;
  m.people_on_several_boards = stats.people_on_several_boards;
  for (const auto& c : stats.coterminosity) m.split_areas += static_cast<long long>(c.split);
  for (const auto& f : check.findings) {
    if (f.suppressed) continue;
    ++m.findings;
    if (f.severity == Severity::Error) ++m.errors;
    if (f.severity == Severity::Warning) ++m.warnings;
    if (f.rule == "accountability-no-route") ++m.no_accountability_route;
  }
  m.money_pooled = stats.money_pooled;
  m.links_into_pools = stats.links_into_pools;
  m.links_into_pools_stated = stats.links_into_pools_stated;
  m.money_total = stats.money_total;
  return m;
}

// A finding's identity across models: its rule and its subjects, with proposal bodies named by
// the baseline body they match.
std::string finding_key(const Finding& f, const std::function<std::string(const Subject&)>& id_of) {
  std::vector<std::string> ids;
  for (const auto& s : f.subjects) ids.push_back(s.type + ":" + id_of(s));
  std::sort(ids.begin(), ids.end());
  std::string key = f.rule;
  for (const auto& id : ids) key += "|" + id;
  return key;
}

}  // namespace

CheckedModel check_model(std::string path, Model model, const RuleProfile& profile, const std::string& today) {
  CheckedModel checked{std::move(path), analyse(std::move(model)), {}, {}};
  checked.check = run_checks(*checked.analysis, profile, {}, today);
  checked.metrics = metrics_of(checked.model(), checked.stats(), checked.check);
  return checked;
}

FindingDiff diff_findings(const CheckedModel& base, const CheckedModel& proposal, const ModelDiff& diff) {
  auto base_id = [](const Subject& s) { return s.id; };
  auto proposal_id = [&](const Subject& s) {
    if (s.type != "body") return s.id;
    auto it = proposal.model().body_index.find(s.id);
    if (it == proposal.model().body_index.end()) return "+" + s.id;
    const auto matched = diff.base_of(it->second);
    return matched ? base.model().bodies[*matched].id : "+" + s.id;
  };
  std::map<std::string, std::vector<std::size_t>> before;
  for (std::size_t i = 0; i < base.check.findings.size(); ++i) {
    if (!base.check.findings[i].suppressed) before[finding_key(base.check.findings[i], base_id)].push_back(i);
  }
  FindingDiff result;
  std::map<std::string, std::size_t> used;
  for (std::size_t i = 0; i < proposal.check.findings.size(); ++i) {
    const Finding& f = proposal.check.findings[i];
    if (f.suppressed) continue;
    const std::string key = finding_key(f, proposal_id);
    auto it = before.find(key);
    std::size_t& n = used[key];
    if (it != before.end() && n < it->second.size()) {
      result.unchanged.emplace_back(it->second[n++], i);
    } else {
      result.added.push_back(i);
    }
  }
  for (const auto& [key, indexes] : before) {
    for (std::size_t k = used[key]; k < indexes.size(); ++k) result.resolved.push_back(indexes[k]);
  }
  std::sort(result.resolved.begin(), result.resolved.end());
  std::sort(result.unchanged.begin(), result.unchanged.end());
  return result;
}

std::string money_pooled_text(const ComparisonMetrics& m) {
  if (m.links_into_pools == 0) return "none modelled";
  if (m.links_into_pools_stated == 0) return "not stated";
  return money(m.money_pooled) + (m.links_into_pools_stated < m.links_into_pools ? " (part stated)" : "");
}

std::string_view comparison_role(const Model& compared, bool capital) {
  if (compared.status == ModelStatus::Proposed) return capital ? "Proposal" : "proposal";
  return capital ? "Later model" : "later model";
}

}  // namespace govmap
