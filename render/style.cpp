#include "render/style.h"

#include <fmt/format.h>

namespace govmap {
namespace {

// Okabe–Ito colours (colour-blind safe) and light tints of them for fills.
constexpr const char* kBlue = "#0072B2";
constexpr const char* kVermillion = "#D55E00";
constexpr const char* kGreen = "#009E73";
constexpr const char* kPurple = "#CC79A7";
constexpr const char* kOrange = "#E69F00";
constexpr const char* kGrey = "#666666";

struct SectorLook {
  const char* sector;
  const char* fill;
  const char* shape;
  const char* extra_style;  // added to the status style, e.g. "rounded"
};

constexpr SectorLook kSectorLooks[] = {
    {"government", "#E3E3E3", "box", ""},
    {"health", "#CCE3F2", "box", "rounded"},
    {"local-government", "#C7EDE1", "octagon", ""},
    {"partnership", "#FBE6B8", "ellipse", ""},
    {"regulator", "#F3D9E8", "hexagon", ""},
    {"independent", "#FAF5C8", "component", ""},
    {"public", "#F7D5C0", "house", ""},
};

const SectorLook* look(std::string_view sector) {
  for (const auto& l : kSectorLooks) {
    if (sector == l.sector) return &l;
  }
  return nullptr;
}

std::string join_style(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "," + b;
}

}  // namespace

Attributes sector_style(std::string_view sector) {
  const SectorLook* l = look(sector);
  if (l == nullptr) return {{"shape", "box"}, {"fillcolor", "#FFFFFF"}, {"style", "filled"}};
  return {{"shape", l->shape}, {"fillcolor", l->fill}, {"style", join_style("filled", l->extra_style)}};
}

Attributes status_style(LegalStatus status) {
  switch (status) {
    case LegalStatus::Statutory: return {{"peripheries", "2"}};
    case LegalStatus::NonStatutory: return {{"style", "dashed"}};
    case LegalStatus::Proposed: return {{"style", "diagonals"}, {"fontname", "Helvetica-Oblique"}};
    case LegalStatus::Abolished: return {{"style", "dotted"}, {"fontcolor", kGrey}};
    case LegalStatus::StatutoryCommittee:
    case LegalStatus::Contractor:
    case LegalStatus::None: return {};
  }
  return {};
}

std::string status_suffix(LegalStatus status) {
  if (status == LegalStatus::Proposed) return "(proposed)";
  if (status == LegalStatus::Abolished) return "(abolished)";
  return "";
}

Attributes link_style(LinkKind kind) {
  switch (kind) {
    case LinkKind::Funding:
      return {{"style", "solid"}, {"penwidth", "1.6"}, {"arrowhead", "normal"}, {"color", kBlue},
              {"fontcolor", kBlue}};
    case LinkKind::Accountability:
      return {{"style", "dashed"}, {"penwidth", "1.2"}, {"arrowhead", "open"}, {"color", kVermillion},
              {"fontcolor", kVermillion}};
    case LinkKind::Delegation:
      return {{"style", "dotted"}, {"penwidth", "1.4"}, {"arrowhead", "empty"}, {"color", kGreen},
              {"fontcolor", kGreen}};
    case LinkKind::Commissioning:
      return {{"style", "solid"}, {"penwidth", "0.8"}, {"arrowhead", "odiamond"}, {"color", kPurple},
              {"fontcolor", kPurple}};
    case LinkKind::Regulation:
      return {{"style", "dashed"}, {"penwidth", "0.8"}, {"arrowhead", "tee"}, {"color", kOrange},
              {"fontcolor", "#9A6A00"}};
    case LinkKind::Partner:
      return {{"style", "dotted"}, {"penwidth", "1"}, {"arrowhead", "odot"}, {"color", kGrey},
              {"fontcolor", kGrey}};
  }
  return {};
}

std::string link_kind_caption(LinkKind kind) {
  switch (kind) {
    case LinkKind::Funding: return "Funding (mechanism, amount)";
    case LinkKind::Accountability: return "Accountable to (kind)";
    case LinkKind::Delegation: return "Delegates functions to";
    case LinkKind::Commissioning: return "Commissions services from";
    case LinkKind::Regulation: return "Regulates or inspects";
    case LinkKind::Partner: return "Partner in";
  }
  return "";
}

std::string status_caption(LegalStatus status) {
  switch (status) {
    case LegalStatus::Statutory: return "Statutory body\n(double outline)";
    case LegalStatus::StatutoryCommittee: return "Statutory committee\n(single outline)";
    case LegalStatus::NonStatutory: return "Non-statutory\n(dashed outline)";
    case LegalStatus::Contractor: return "Contractor\n(single outline)";
    case LegalStatus::Proposed: return "Proposed body\n(diagonals, italic)";
    case LegalStatus::Abolished: return "Abolished\n(dotted outline)";
    case LegalStatus::None: return "";
  }
  return "";
}

std::vector<LegendEntry> build_legend(const Model& model, const LegendUse& use) {
  std::vector<LegendEntry> entries;
  for (LinkKind kind : kAllLinkKinds) {
    if (!use.link_kinds.count(kind)) continue;
    entries.push_back({LegendEntry::Kind::Link, link_kind_caption(kind), link_style(kind)});
  }
  for (LegalStatus status : {LegalStatus::Statutory, LegalStatus::StatutoryCommittee, LegalStatus::NonStatutory,
                             LegalStatus::Contractor, LegalStatus::Proposed, LegalStatus::Abolished}) {
    if (!use.statuses.count(status)) continue;
    Attributes a = {{"shape", "box"}, {"fillcolor", "#FFFFFF"}, {"style", "filled"}, {"fontsize", "9"}};
    for (const auto& [name, value] : status_style(status)) a[name] = name == "style" ? "filled," + value : value;
    entries.push_back({LegendEntry::Kind::Node, status_caption(status), a});
  }
  if (model.vocabulary) {
    for (const auto& sector : model.vocabulary->sectors) {
      if (!use.sectors.count(sector.id)) continue;
      Attributes a = sector_style(sector.id);
      a["fontsize"] = "9";
      entries.push_back({LegendEntry::Kind::Node, sector.label, a});
    }
  }
  if (use.findings) {
    Attributes a = findings_style();
    a["shape"] = "box";
    a["fontsize"] = "9";
    entries.push_back({LegendEntry::Kind::Node, "\u26A0 Has findings\n(thick outline; see tooltip)", a});
  }
  return entries;
}

Attributes findings_style() { return {{"penwidth", "3"}, {"color", kVermillion}}; }

}  // namespace govmap
