#pragma once
// The visual convention of every diagram (docs/diagrams.md): sectors by fill (Okabe–Ito
// tints) and shape; legal status by outline (double = statutory body, dashed =
// non-statutory, diagonals and "(proposed)" = proposed); link kinds by line style and
// arrowhead, with colour only as a second cue. The key lists only what a diagram draws.

#include <set>
#include <string>
#include <vector>

#include "engine/model.h"
#include "render/diagram.h"

namespace govmap {

/// Fill colour and shape of a sector's boxes.
Attributes sector_style(std::string_view sector);
/// Outline and marking of a legal status (merged into a node's attributes).
Attributes status_style(LegalStatus status);
/// The words a label carries for a status that must be visible without the key, e.g.
/// "(proposed)"; empty for the others.
std::string status_suffix(LegalStatus status);
/// Line style, arrowhead and colour of a link kind.
Attributes link_style(LinkKind kind);
/// How the key names a link kind and a legal status.
std::string link_kind_caption(LinkKind kind);
std::string status_caption(LegalStatus status);

/// What a diagram used, to build its key.
struct LegendUse {
  std::set<LinkKind> link_kinds;
  std::set<LegalStatus> statuses;
  std::set<std::string> sectors;
  bool findings = false;
};

/// Key entries for what was used: link kinds, then legal statuses, then sectors (in
/// vocabulary order), then the findings mark.
std::vector<LegendEntry> build_legend(const Model& model, const LegendUse& use);

/// Attributes added to a node that has findings.
Attributes findings_style();

}  // namespace govmap
