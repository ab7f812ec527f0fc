#pragma once
// Internal to render/: turns a selection of bodies and link kinds into a Diagram, grouping
// bodies by kind when asked. views.cpp decides the selection; this file decides the look.

#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/model.h"
#include "render/diagram.h"

namespace govmap {

struct Selection {
  std::vector<bool> bodies;        // by index in Model::bodies
  std::set<LinkKind> link_kinds;   // kinds of link drawn
  bool aggregate = false;          // one box per kind (and status) instead of per body
  std::set<std::string> apart;     // bodies (ids) given a box of their own when aggregating
  bool drop_unlinked = false;      // leave out bodies with no drawn link
  std::string title, subtitle;
  std::vector<std::string> notes;  // said in the caption (and by the CLI on stderr)
  const std::vector<Finding>* findings = nullptr;
};

/// Builds the diagram of a selection: nodes, aggregated edges, tiers, key, title, source line.
Diagram build_diagram(const Model& model, const Selection& selection);

/// The number of boxes a selection would draw if it was aggregated by kind.
std::size_t kind_group_count(const Model& model, const std::vector<bool>& bodies);

}  // namespace govmap
