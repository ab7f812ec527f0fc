// A proposal's changes to its baseline: <remove>, <change> and <move-coverage>.

#include <algorithm>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {

void Loader::read_overlay(std::uint32_t file, const pugi::xml_node& node) {
  const std::string name = node.name();
  if (!in_proposal_) {
    sink_.error(*files_, node_location(*files_, file, node),
                fmt::format("<{}> is only allowed in a proposal (a model with extends=\"...\")", name),
                "overlay");
    return;
  }
  Model& m = model();
  if (name == "move-coverage") {
    AttributeReader a(*files_, file, node, sink_, with(names_of({"area", "from", "to"}), kProvenance));
    const std::string area = a.id("area", true), from = a.id("from", true), to = a.id("to", true);
    const Provenance p = provenance(a);
    if (area.empty() || from.empty() || to.empty()) return;
    if (m.body_index.count(from) == 0 || m.body_index.count(to) == 0) {
      sink_.error(*files_, a.at(), fmt::format("<move-coverage> names a body that the baseline does not have ('{}')",
                                               m.body_index.count(from) == 0 ? from : to),
                  "overlay");
      return;
    }
    auto& covers = m.bodies[m.body_index[from]].covers;
    const auto it = std::find(covers.begin(), covers.end(), area);
    bool found = it != covers.end();
    if (found) covers.erase(it);
    for (auto& c : raw_.coverage) {
      if (c.body != from) continue;
      const auto at = std::find(c.areas.begin(), c.areas.end(), area);
      if (at != c.areas.end()) c.areas.erase(at), found = true;
    }
    if (!found) {
      sink_.error(*files_, a.at("area"), fmt::format("body '{}' does not cover area '{}' in the baseline", from, area),
                  "overlay");
      return;
    }
    raw_.coverage.push_back({to, {area}, p.location});
    return;
  }
  auto allowed = names_of({"ref", "what"});
  if (name == "change") {
    allowed = with(with(allowed, kBodyAttributes), kProvenance);
    std::erase(allowed, "id");  // a change cannot rename a body: remove it and add a new one
  }
  if (name == "remove") allowed.push_back("note");
  AttributeReader a(*files_, file, node, sink_, allowed);
  const std::string ref = a.id("ref", true);
  const std::string what = a.has("what") ? a.text("what") : "body";
  if (ref.empty()) return;
  static const std::vector<std::string> kRemovable = {"body", "area", "link", "seat", "claim"};
  if (name == "change" && what != "body") {
    a.bad_value("what", what, {"body"});
    return;
  }
  if (std::find(kRemovable.begin(), kRemovable.end(), what) == kRemovable.end()) {
    a.bad_value("what", what, kRemovable);
    return;
  }
  auto& index = what == "body" ? m.body_index : what == "area" ? m.area_index
                : what == "link" ? link_ids_ : what == "seat" ? seat_ids_ : claim_ids_;
  auto& removed = what == "body" ? removed_bodies_ : what == "area" ? removed_areas_
                  : what == "link" ? removed_links_ : what == "seat" ? removed_seats_ : removed_claims_;
  if (removed.count(ref) != 0) {
    sink_.error(*files_, a.at("ref"), fmt::format("{} '{}' was already removed", what, ref), "overlay");
    return;
  }
  if (index.count(ref) == 0) {
    std::vector<std::string> ids;
    if (index.size() < 5000) for (const auto& [id, _] : index) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    sink_.error(*files_, a.at("ref"),
                fmt::format("the baseline has no {} '{}' to {}{}", what, ref, name, did_you_mean(ref, ids)),
                "overlay");
    return;
  }
  if (name == "change") {
    Body& body = m.bodies[m.body_index[ref]];
    read_body_attributes(a, body, true);
    if (a.has("status")) status_given_[m.body_index[ref]] = true;
    const Provenance p = provenance(a);
    if (!p.sources.empty()) body.provenance.sources = p.sources;
    if (!p.note.empty()) body.provenance.note = p.note;
    if (!p.evidence.empty()) body.provenance.evidence = p.evidence;
    return;
  }
  removed.insert(ref);
}

void Loader::remove_body(const std::string& id) {
  Model& m = model();
  auto mentions = [&](const std::string& x) { return x == id; };
  raw_.erase_links_if([&](const Link& l) { return mentions(l.from) || mentions(l.to); });
  std::erase_if(m.seats, [&](const Seat& s) { return mentions(s.body); });
  std::erase_if(raw_.coverage, [&](const RawCoverage& c) { return mentions(c.body); });
  for (auto& s : m.seats) if (s.nominated_by == id) s.nominated_by.clear();
  for (auto& p : m.posts) if (p.of == id) p.of.clear();
}

}  // namespace govmap::detail
