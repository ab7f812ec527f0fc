#pragma once
// Area moves summarised for a reader: a reform that moves a council's 331 small areas from one
// body to another is one line ("Essex (E10000012), whole: … → …"), not 331.

#include <string>
#include <vector>

#include "compare/diff.h"
#include "engine/geography.h"

namespace govmap {

/// Areas that moved the same way (same body kind, same bodies before and after), summarised as
/// the coarsest area all of whose areas moved that way, or as part of their parent area.
struct AreaMoveGroup {
  std::string area;            // the area summarised: whole, or the parent of a part
  bool whole = true;           // false: only some of `area` moved (`moved` of `total` population)
  std::string kind;            // the body kind whose coverage changed
  std::vector<std::string> from, to;
  std::size_t areas = 0;       // moved areas in the group, as listed in ModelDiff::area_moves
  double moved = 0, total = 0; // population moved, and of `area`
};

/// One group per coarsest area, in the order of the first move; `model` and `geography` are
/// the proposal's (areas the proposal removed fall back to `base`).
std::vector<AreaMoveGroup> summarise_area_moves(const ModelDiff& diff, const Model& base, const Model& proposal,
                                                const Geography& geography);

}  // namespace govmap
