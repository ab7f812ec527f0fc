#pragma once
// The visual convention of every diagram (docs/diagrams.md): sectors by fill (Okabe–Ito
// tints) and shape; legal status by outline (double = statutory body, dashed =
// non-statutory, diagonals and "(proposed)" = proposed); link kinds by line pattern and
// arrowhead, with colour only as a second cue. The key is the same for every figure: the
// view's link kinds, every legal status and every sector, grouped in three rows.

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

/// What a diagram's key covers.
struct LegendUse {
  std::set<LinkKind> link_kinds;  // the kinds the view draws (whether or not any link is drawn)
  bool findings = false;          // some box is marked with findings
  bool not_operating = false;     // some arrow is a link not operating at the date drawn
};

/// Key entries: the link kinds and a link not operating when one is drawn (group "Links"),
/// every legal status and the findings mark
/// ("Legal status"), every sector of the vocabulary in its order ("Sector").
std::vector<LegendEntry> build_legend(const Model& model, const LegendUse& use);

/// Attributes added to a node that has findings.
Attributes findings_style();

}  // namespace govmap
