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
  m.posts_on_several_boards = stats.network.posts_on_several_boards;
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

}  // namespace

CheckedModel check_model(std::string path, Model model, const RuleProfile& profile, const std::string& today) {
  CheckedModel checked{std::move(path), analyse(std::move(model)), {}, {}};
  checked.check = run_checks(*checked.analysis, profile, {}, today);
  checked.metrics = metrics_of(checked.model(), checked.stats(), checked.check);
  return checked;
}

namespace {

// How a proposal body stands in a finding's identity: a part of a split body stands for the
// body it was split from, the one predecessor in the baseline that was split (a part merged
// again, or renamed, also names the parts it came from; a new council also the districts it
// took over).
std::string proposal_subject(std::size_t body, const CheckedModel& base, const CheckedModel& proposal,
                             const ModelDiff& diff) {
  const Body& b = proposal.model().bodies[body];
  std::optional<std::size_t> split;
  for (const Symbol predecessor : b.predecessors) {
    const auto in_base = base.model().body_index.find(predecessor);
    if (in_base == base.model().body_index.end() || !diff.was_split(in_base->second)) continue;
    if (split) return b.id;
    split = in_base->second;
  }
  return split ? "split:" + base.model().bodies[*split].id : b.id.str();
}

}  // namespace

std::string base_finding_key(const Finding& f, const CheckedModel& base, const CheckedModel& proposal,
                             const ModelDiff& diff, bool through_successions) {
  return finding_key(f, [&](const Subject& s) {
    if (s.type != "body") return s.id;
    auto it = base.model().body_index.find(s.id);
    if (it == base.model().body_index.end()) return s.id;
    if (through_successions && diff.was_split(it->second)) return "split:" + s.id;
    const auto successor = through_successions ? diff.successor_of(it->second) : diff.proposal_of(it->second);
    if (!successor) return "-" + s.id;
    // A body abolished into a part of a split body (a district into one of the new councils its
    // county was split into) stands for what the part stands for.
    return through_successions ? proposal_subject(*successor, base, proposal, diff)
                               : proposal.model().bodies[*successor].id.str();
  });
}

std::string proposal_finding_key(const Finding& f, const CheckedModel& base, const CheckedModel& proposal,
                                 const ModelDiff& diff) {
  return finding_key(f, [&](const Subject& s) {
    if (s.type != "body") return s.id;
    auto it = proposal.model().body_index.find(s.id);
    return it == proposal.model().body_index.end() ? s.id : proposal_subject(it->second, base, proposal, diff);
  });
}

FindingDiff diff_findings(const CheckedModel& base, const CheckedModel& proposal, const ModelDiff& diff) {
  std::map<std::string, std::vector<std::size_t>> before;
  for (std::size_t i = 0; i < base.check.findings.size(); ++i) {
    const Finding& f = base.check.findings[i];
    if (!f.suppressed) before[base_finding_key(f, base, proposal, diff, true)].push_back(i);
  }
  FindingDiff result;
  std::set<std::string> paired;
  for (std::size_t i = 0; i < proposal.check.findings.size(); ++i) {
    const Finding& f = proposal.check.findings[i];
    if (f.suppressed) continue;
    const std::string key = proposal_finding_key(f, base, proposal, diff);
    auto it = before.find(key);
    if (it == before.end() || !paired.insert(key).second) {
      result.added.push_back(i);
      continue;
    }
    // Every baseline finding with this identity continues as this one (two splits of a
    // council become one when two of its bodies merge).
    for (std::size_t b : it->second) {
      const Finding& old = base.check.findings[b];
      if (base_finding_key(old, base, proposal, diff, false) != key) {
        result.carried_over.emplace_back(b, i);
      } else if (old.message != f.message) {
        result.changed.emplace_back(b, i);
      } else {
        result.unchanged.emplace_back(b, i);
      }
    }
  }
  for (const auto& [key, indexes] : before) {
    if (paired.count(key) == 0) result.resolved.insert(result.resolved.end(), indexes.begin(), indexes.end());
  }
  std::sort(result.resolved.begin(), result.resolved.end());
  std::sort(result.unchanged.begin(), result.unchanged.end());
  std::sort(result.changed.begin(), result.changed.end());
  std::sort(result.carried_over.begin(), result.carried_over.end());
  return result;
}

std::vector<ContinuedFinding> by_proposal_finding(const std::vector<FindingDiff::Pair>& pairs) {
  std::vector<ContinuedFinding> out;
  std::map<std::size_t, std::size_t> at;  // proposal finding -> its place in out
  for (const auto& [b, i] : pairs) {
    const auto [it, fresh] = at.try_emplace(i, out.size());
    if (fresh) out.push_back({i, {}});
    out[it->second].base.push_back(b);
  }
  return out;
}

std::string continued_count(const std::vector<FindingDiff::Pair>& pairs, std::string_view what) {
  const std::size_t findings = by_proposal_finding(pairs).size();
  return findings == pairs.size() ? fmt::format("{} {}", findings, what)
                                  : fmt::format("{} {} (from {})", findings, what, pairs.size());
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

namespace {

std::string outcome(const ClaimCheck& check) {
  if (!check.model_value) return "not checkable";
  if (check.holds()) return "holds";
  return "does not hold (published " + claim_number(check.claim->value) + ", model gives " +
         claim_number(*check.model_value) + ")";
}

}  // namespace

std::vector<ClaimChange> claim_changes(const CheckedModel& base, const CheckedModel& proposal) {
  std::map<std::string, ClaimChange> by_id;
  for (const auto& check : base.analysis->claims) {
    by_id[check.claim->id] = {check.claim->id, check.claim->text, outcome(check), "removed"};
  }
  for (const auto& check : proposal.analysis->claims) {
    auto [it, added] = by_id.try_emplace(check.claim->id, ClaimChange{check.claim->id, check.claim->text, "none", ""});
    it->second.after = outcome(check);
  }
  for (const auto& s : proposal.model().superseded_claims) {
    if (auto it = by_id.find(s.claim.id); it != by_id.end()) it->second.after = "superseded: " + s.reason;
  }
  std::vector<ClaimChange> out;
  for (auto& [id, change] : by_id) {
    if (change.before != change.after) out.push_back(std::move(change));
  }
  return out;
}

}  // namespace govmap
