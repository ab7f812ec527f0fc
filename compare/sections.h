#pragma once
// A comparison as a reader sees it: the table of metrics and the titled lists of changes, built
// once here and written as text (output/comparison.h) and HTML (render/report.h), so the two
// cannot drift apart. The JSON writer writes the same Comparison as data.

#include <string>
#include <vector>

#include "compare/comparison.h"

namespace govmap {

/// One row of the metrics table: the metric's name, its value in the baseline and in the
/// compared model, and the change ("+3", "-£1.2bn"; empty when equal or not comparable).
struct MetricRow {
  std::string name, before, after, change;
  int direction = 0;  // -1, 0 or +1: the sign of the change
};

std::vector<MetricRow> metric_rows(const ComparisonMetrics& before, const ComparisonMetrics& after);

/// A titled list of changes, one line per item, in model order.
struct ChangeList {
  std::string title;
  std::vector<std::string> items;
};

/// The structural changes of one compared model (bodies, links, areas, seats), non-empty lists
/// only, in reading order.
std::vector<ChangeList> structural_changes(const CheckedModel& base, const ProposalComparison& compared);

/// The claims whose outcome changes, one line each.
ChangeList claim_change_list(const CheckedModel& base, const ProposalComparison& compared);

}  // namespace govmap
