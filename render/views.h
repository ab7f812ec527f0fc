#pragma once
// Views: what part of a model a diagram shows, and at what level.
//   figure          every body, aggregated by kind ("Integrated care boards (42)"), all links
//   funding         as figure, funding links only
//   accountability  as figure, accountability links only
//   area            every body covering one area (by id or official code), one box per body
//   body            one body and its neighbourhood to a depth, one box per body
// Body-level views with more bodies than max_nodes are aggregated by kind, and say so.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/finding.h"
#include "engine/geography.h"
#include "engine/model.h"
#include "render/diagram.h"

namespace govmap {

enum class ViewKind { Figure, Funding, Accountability, Area, Body };

std::string_view to_string(ViewKind view);
std::optional<ViewKind> parse_view_kind(std::string_view text);

struct ViewOptions {
  ViewKind view = ViewKind::Figure;
  std::string area;      // area view: area id or official code
  std::string body;      // body view: body id
  int depth = 1;         // body view: how many links away
  std::size_t max_nodes = 150;
  /// When set, bodies that are subjects of an unsuppressed finding are marked and their
  /// tooltips list the findings.
  const std::vector<Finding>* findings = nullptr;
  /// Area view: the model's geography when the caller has built it already (an Analysis's);
  /// else the view builds its own.
  const Geography* geography = nullptr;
  /// Figure views: bodies (ids) drawn in a box of their own rather than in their kind's (the
  /// bodies a proposal changes, in a delta).
  std::set<std::string> apart;
};

/// Builds the diagram a view describes. Unknown area or body ids are reported to `sink` (with
/// a did-you-mean) and give nullopt.
std::optional<Diagram> build_view(const Model& model, const ViewOptions& options, DiagnosticSink& sink);

/// "Wales", "Northern Ireland", "the UK": the nation as a title names it.
std::string nation_display_name(std::string_view nation);

/// "Funding and accountability in the health and social care system in Wales", as the 2021
/// report titles its figures.
std::string figure_title(const Model& m);

}  // namespace govmap
