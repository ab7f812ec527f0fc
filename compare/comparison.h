#pragma once
// Comparing a baseline with proposals: the structural diff, the metrics side by side, and
// which findings are new, resolved or unchanged. Used by `govmap compare` and the report;
// output/comparison.h writes it as text and JSON, render/report.h as HTML.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "check/run.h"
#include "compare/diff.h"
#include "engine/metrics.h"

namespace govmap {

/// The headline numbers compared across proposals.
struct ComparisonMetrics {
  long long bodies = 0, boards = 0, seats = 0, people_on_several_boards = 0;
  long long posts_on_several_boards = 0;  // posts with no named holder, sitting on several boards
  long long split_areas = 0;           // bodies split across a partner kind (over all must-partner pairs)
  long long no_accountability_route = 0;  // unsuppressed accountability-no-route findings
  long long findings = 0, errors = 0, warnings = 0;
  double money_pooled = 0, money_total = 0;
  long long links_into_pools = 0, links_into_pools_stated = 0;
};

/// One model, checked: what the comparison needs of it.
struct CheckedModel {
  std::string path;
  std::unique_ptr<const Analysis> analysis;
  CheckResult check;
  ComparisonMetrics metrics;

  const Model& model() const { return analysis->model; }
  const Stats& stats() const { return analysis->stats; }
};

CheckedModel check_model(std::string path, Model model, const RuleProfile& profile, const std::string& today);

/// Findings of the baseline and a proposal, matched by identity (finding_key: rule and
/// subjects), with baseline bodies taken to the proposal body they became (matched, or
/// succeeded through a merge, abolish or rename). Each list holds indexes into the respective
/// CheckResult::findings; suppressed findings are left out.
struct FindingDiff {
  std::vector<std::size_t> added;      // proposal findings with no baseline counterpart
  std::vector<std::size_t> resolved;   // baseline findings with no proposal counterpart
  using Pair = std::pair<std::size_t, std::size_t>;  // (baseline, proposal)
  std::vector<Pair> unchanged;     // same subjects, same message
  std::vector<Pair> changed;       // same subjects, the message differs (shares, amounts)
  std::vector<Pair> carried_over;  // still holds, about the successor of a merged or renamed body
};

/// The identity of a baseline finding in the proposal's terms (bodies through the matching,
/// and with `through_successions` through merges, abolitions and renames too; a split body as
/// "split:<id>"), and of a proposal finding (a split's part as "split:<the body split>").
std::string base_finding_key(const Finding& f, const CheckedModel& base, const CheckedModel& proposal,
                             const ModelDiff& diff, bool through_successions);
std::string proposal_finding_key(const Finding& f, const CheckedModel& base, const CheckedModel& proposal,
                                 const ModelDiff& diff);

FindingDiff diff_findings(const CheckedModel& base, const CheckedModel& proposal, const ModelDiff& diff);

/// Pairs grouped by their proposal finding, in the order of each one's first pair: a finding that
/// two baseline findings continue as (two bodies with the same finding merged) is shown once.
struct ContinuedFinding {
  std::size_t proposal;
  std::vector<std::size_t> base;
};
std::vector<ContinuedFinding> by_proposal_finding(const std::vector<FindingDiff::Pair>& pairs);
/// How many proposal findings the pairs hold, with `what` they are, and how many baseline ones
/// when more: "5 carried over (from 6)".
std::string continued_count(const std::vector<FindingDiff::Pair>& pairs, std::string_view what);

struct ProposalComparison {
  CheckedModel proposal;
  ModelDiff diff;
  FindingDiff findings;
};

struct Comparison {
  CheckedModel base;
  std::vector<ProposalComparison> proposals;
};

/// A claim whose outcome differs between the baseline and a proposal: "holds", "does not
/// hold (published 42, model gives 41)", "not checkable", "superseded: <reason>", "removed".
struct ClaimChange {
  std::string id, text, before, after;
};
std::vector<ClaimChange> claim_changes(const CheckedModel& base, const CheckedModel& proposal);

/// "Proposal" for a model whose status is proposed; "Later model" for another model compared
/// with a baseline (the same nation as it stands now, say). `capital` false: "proposal".
std::string_view comparison_role(const Model& compared, bool capital = true);

/// "£6.91bn"; "£2.6bn (part stated)"; "not stated" when no link into a pooled fund gives its
/// money; "none modelled" when the model has no such link (which is not the same as £0).
std::string money_pooled_text(const ComparisonMetrics& m);

}  // namespace govmap
