#include "render/style.h"

#include <fmt/format.h>

#include "render/labels.h"

namespace govmap {
namespace {

// Okabe–Ito hues, darkened where needed so that lines and their words reach 4.5:1 against
// white (WCAG AA for text): blue 5.2:1, vermillion 5.5:1, green 5.3:1, purple 5.6:1, near-black
// 12.6:1, grey 5.7:1. Colour is the second cue; the line pattern and arrowhead are the first.
constexpr const char* kBlue = "#0072B2";
constexpr const char* kVermillion = "#B34700";
constexpr const char* kGreen = "#007A5A";
constexpr const char* kPurple = "#9E4A80";
constexpr const char* kDark = "#333333";
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
    {"regulator", "#D9C6F0", "hexagon", ""},  // lavender: stays apart from government's grey under deuteranopia
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
    case LegalStatus::Contractor:  // told apart from a committee by "(under contract)"
    case LegalStatus::StatutoryCommittee:
    case LegalStatus::None: return {};
  }
  return {};
}

std::string status_suffix(LegalStatus status) {
  if (status == LegalStatus::Proposed) return "(proposed)";
  if (status == LegalStatus::Abolished) return "(abolished)";
  if (status == LegalStatus::Contractor) return "(under contract)";
  return "";
}

Attributes link_style(LinkKind kind) {
  // Each kind differs from every other in its arrowhead, and from most in its line as well:
  // funding thick solid, accountability dashed, delegation a double line, commissioning thin
  // solid, regulation dotted, partner thin dashed. render_test checks this from the SVG.
  auto look = [](const char* style, const char* width, const char* head, const char* colour) {
    return Attributes{{"style", style}, {"penwidth", width}, {"arrowhead", head}, {"color", colour},
                      {"fontcolor", colour}};
  };
  switch (kind) {
    case LinkKind::Funding: return look("solid", "2", "normal", kBlue);
    case LinkKind::Accountability: return look("dashed", "1.5", "vee", kVermillion);
    case LinkKind::Delegation: {
      Attributes a = look("solid", "1", "empty", kGreen);
      a["color"] = fmt::format("{}:invis:{}", kGreen, kGreen);  // two parallel lines
      return a;
    }
    case LinkKind::Commissioning: return look("solid", "1", "odiamond", kPurple);
    case LinkKind::Regulation: return look("dotted", "1.6", "tee", kDark);
    case LinkKind::Partner: return look("dashed", "0.8", "odot", kGrey);
  }
  return {};
}

std::string link_kind_caption(LinkKind kind) {
  switch (kind) {
    case LinkKind::Funding: return "Funds";
    case LinkKind::Accountability: return "Accountable to";
    case LinkKind::Delegation: return "Delegates to";
    case LinkKind::Commissioning: return "Commissions from";
    case LinkKind::Regulation: return "Regulates";
    case LinkKind::Partner: return "Partner in";
  }
  return "";
}

std::string status_caption(LegalStatus status) {
  switch (status) {
    case LegalStatus::Statutory: return "Statutory body";
    case LegalStatus::StatutoryCommittee: return "Statutory committee";
    case LegalStatus::NonStatutory: return "Non-statutory";
    case LegalStatus::Contractor: return "Contractor\n(under contract)";
    case LegalStatus::Proposed: return "Proposed body\n(proposed)";
    case LegalStatus::Abolished: return "Abolished\n(abolished)";
    case LegalStatus::None: return "";
  }
  return "";
}

std::vector<LegendEntry> build_legend(const Model& model, const LegendUse& use) {
  std::vector<LegendEntry> entries;
  for (LinkKind kind : kAllLinkKinds) {
    if (!use.link_kinds.count(kind)) continue;
    entries.push_back({LegendEntry::Kind::Link, link_kind_caption(kind), link_style(kind), "Links"});
  }
  if (use.not_operating) {
    entries.push_back({LegendEntry::Kind::Link, "Not operating\n(at this date)",
                       {{"style", "dashed"}, {"color", "#999999"}, {"penwidth", "1.2"}}, "Links"});
  }
  for (LegalStatus status : {LegalStatus::Statutory, LegalStatus::StatutoryCommittee, LegalStatus::NonStatutory,
                             LegalStatus::Contractor, LegalStatus::Proposed, LegalStatus::Abolished}) {
    Attributes a = {{"shape", "box"}, {"fillcolor", "#FFFFFF"}, {"style", "filled"}, {"fontsize", "9"}};
    for (const auto& [name, value] : status_style(status)) a[name] = name == "style" ? "filled," + value : value;
    entries.push_back({LegendEntry::Kind::Node, status_caption(status), a, "Legal status"});
  }
  if (use.findings) {
    Attributes a = findings_style();
    a["shape"] = "box";
    a["fontsize"] = "9";
    entries.push_back({LegendEntry::Kind::Node, "\u26A0 Has findings", a, "Legal status"});
  }
  if (model.vocabulary) {
    for (const auto& sector : model.vocabulary->sectors) {
      Attributes a = sector_style(sector.id);
      a["fontsize"] = "9";
      entries.push_back({LegendEntry::Kind::Node, wrap_text(sector.label, 18), a, "Sector"});
    }
  }
  return entries;
}

Attributes findings_style() { return {{"penwidth", "3"}, {"color", kVermillion}}; }

}  // namespace govmap
