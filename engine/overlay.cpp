// A proposal's changes to its baseline: the format-1 overlay elements (<remove>, <change>,
// <move-coverage>), the dispatch of the reform verbs (reform.cpp, split.cpp) and what they share:
// successions, re-pointing references, and the check that a proposal's own elements name the
// successors. Verbs re-point the references of the layers below them (the baseline).

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {
namespace {

const std::vector<std::string> kVerbs = {"remove", "change", "move-coverage", "merge", "split",
                                         "transfer", "abolish", "rename", "supersede"};

}  // namespace

std::vector<std::string> settable_body_attributes() {
  std::vector<std::string> out;
  for (const auto& name : kBodyAttributes) {
    if (name != "id" && name != "covers") out.push_back(name);
  }
  return out;
}

void append_unique(std::vector<Symbol>& to, const std::vector<Symbol>& from) {
  for (const auto& x : from) {
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
  }
}

bool Loader::is_overlay_element(std::string_view name) {
  return std::find(kVerbs.begin(), kVerbs.end(), name) != kVerbs.end();
}

void Loader::read_overlay(std::uint32_t file, const XmlNode& node) {
  const std::string name(node.name());
  if (layer_ == 0) {
    sink_.error(*files_, node_location(*files_, file, node),
                fmt::format("<{}> is only allowed in a proposal (a model with extends=\"...\")", name),
                "overlay");
    return;
  }
  if (name == "move-coverage") return read_move_coverage(file, node);
  if (name == "merge") return read_merge(file, node);
  if (name == "split") return read_split(file, node);
  if (name == "transfer") return read_transfer(file, node);
  if (name == "abolish") return read_abolish(file, node);
  if (name == "rename") return read_rename(file, node);
  if (name == "supersede") return read_supersede(file, node);
  read_remove_or_change(file, node);
}

std::optional<std::size_t> Loader::live_body(const std::string& id, Location at, std::string_view verb) {
  if (id.empty()) return std::nullopt;
  if (auto it = raw_.successions.find(id); it != raw_.successions.end()) {
    sink_.error(*files_, at, succession_message(id, it->second), "overlay");
    return std::nullopt;
  }
  auto it = model().body_index.find(id);
  if (it == model().body_index.end()) {
    if (const auto then = raw_.held_then(id)) {
      sink_.error(*files_, at,
                  fmt::format("the baseline, read as of {}, has no body '{}' to {}: {}", raw_.baseline_date, id, verb, *then),
                  "overlay");
      return std::nullopt;
    }
    std::vector<std::string> ids;
    if (model().body_index.size() < 5000) {
      for (const auto& [known, _] : model().body_index) ids.push_back(known);
    }
    std::sort(ids.begin(), ids.end());
    std::string hint = did_you_mean(id, ids);
    if (hint.empty()) hint = model().named_like(id);
    sink_.error(*files_, at, fmt::format("the baseline has no body '{}' to {}{}", id, verb, hint), "overlay");
    return std::nullopt;
  }
  return it->second;
}

std::string Loader::succession_message(const std::string& id, const Succession& s) const {
  const std::string where = line_of(s.location);
  if (s.successors.empty()) return fmt::format("body '{}' is {} by this proposal ({})", id, s.verb, where);
  std::vector<std::string> quoted;
  for (const auto& x : s.successors) quoted.push_back("'" + x + "'");
  return fmt::format("body '{}' is {} {} by this proposal ({}); name {} instead", id, s.verb, join(quoted, ", "),
                     where, s.successors.size() == 1 ? quoted.front() : "one of them");
}

void Loader::succeed(const std::string& old_id, std::vector<Symbol> successors, std::string verb, Location at) {
  const auto body = model().body_index.find(old_id);
  const Symbol kind = body != model().body_index.end() ? model().bodies[body->second].kind : Symbol();
  raw_.successions[old_id] = Succession{std::move(successors), std::move(verb), at, layer_, kind};
}

// Points every reference to `old_id` in the layers below this one at `new_id`.
void Loader::re_point(const std::string& old_id, const std::string& new_id) {
  auto below = [&](const Location& at) { return layer_of(at) < layer_; };
  auto swap = [&](auto& ref, const Location& at) {  // a Symbol, or a suppression's or claim's string
    if (ref == old_id && below(at)) ref = new_id;
  };
  for (auto& l : model().links) {
    swap(l.from, l.provenance.location);
    swap(l.to, l.provenance.location);
    swap(l.held_by, l.provenance.location);
  }
  for (auto& c : raw_.coverage) swap(c.body, c.location);
  for (auto& s : model().seats) {
    swap(s.body, s.provenance.location);
    swap(s.nominated_by, s.provenance.location);
  }
  for (auto& p : model().posts) {
    swap(p.of, p.provenance.location);
    std::vector<Symbol> serves;  // bodies a shared post serves that merged count once
    for (auto& body : p.for_bodies) {
      swap(body, p.provenance.location);
      if (std::find(serves.begin(), serves.end(), body) == serves.end()) serves.push_back(body);
    }
    p.for_bodies = std::move(serves);
  }
  for (auto& b : model().bodies) swap(b.part_of, b.provenance.location);
  for (auto& s : model().suppressions) swap(s.subject, s.location);
  for (auto& c : model().claims) {
    if (auto it = c.params.find("body"); it != c.params.end()) swap(it->second, c.provenance.location);
  }
}


void Loader::read_supersede(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_, names_of({"claim", "reason"}));
  no_children(file, node);
  const std::string id = a.id("claim", true), reason = a.text("reason", true);
  if (id.empty() || reason.empty()) return;
  auto it = claim_ids_.find(id);
  if (it == claim_ids_.end() || removed_claims_.count(id) != 0) {
    sink_.error(*files_, a.at("claim"), fmt::format("the baseline has no claim '{}' to supersede", id), "overlay");
    return;
  }
  removed_claims_.insert(id);
  model().superseded_claims.push_back({model().claims[it->second], reason, a.at()});
}

void Loader::read_move_coverage(std::uint32_t file, const XmlNode& node) {
  Model& m = model();
  AttributeReader a(*files_, file, node, sink_, with(names_of({"area", "from", "to"}), kVerbProvenance));
  const std::string area = area_ref(a, "area", true), from = body_ref(a, "from", true), to = body_ref(a, "to", true);
  const Provenance p = provenance(a, false);
  if (area.empty() || from.empty() || to.empty()) return;
  const bool from_known = live_body(from, a.at("from"), "move coverage from").has_value();
  const bool to_known = live_body(to, a.at("to"), "move coverage to").has_value();  // both reported
  if (!from_known || !to_known) return;
  // The area itself when the body covers it, else the areas under it that the body covers (the
  // part of a district split between trusts: area="N09000010" moves N09000010-SHSCT).
  const auto under = [&](const Symbol& covered) {
    Symbol at = covered;
    for (std::size_t guard = 0; guard <= m.areas.size(); ++guard) {
      if (at == area) return true;
      const auto it = m.area_index.find(at);
      if (it == m.area_index.end() || m.areas[it->second].parent.empty()) return false;
      at = m.areas[it->second].parent;
    }
    return false;
  };
  auto& covers = m.bodies[m.body_index.at(from)].covers;
  const bool whole = std::find(covers.begin(), covers.end(), area) != covers.end() ||
                     std::any_of(raw_.coverage.begin(), raw_.coverage.end(), [&](const auto& c) {
                       return c.body == from && std::find(c.areas.begin(), c.areas.end(), area) != c.areas.end();
                     });
  const auto moves = [&](const Symbol& covered) { return whole ? covered == area : under(covered); };
  std::vector<Symbol> moved;
  const auto take = [&](std::vector<Symbol>& areas) {
    for (const Symbol& covered : areas) {
      if (moves(covered) && std::find(moved.begin(), moved.end(), covered) == moved.end()) moved.push_back(covered);
    }
    std::erase_if(areas, moves);
  };
  take(covers);
  for (auto& c : raw_.coverage) {
    if (c.body == from) take(c.areas);
  }
  if (moved.empty()) {
    // An area the baseline lacks altogether is said so, with the areas named like it.
    if (leaf_areas({Symbol(area)}, a.at("area"))) {
      sink_.error(*files_, a.at("area"),
                  fmt::format("body '{}' covers neither area '{}' nor any area within it in the baseline", from, area),
                  "overlay");
    }
    return;
  }
  move_ties(from, to, moved);
  raw_.coverage.push_back({to, std::move(moved), p.location, {}, {}});
}

void Loader::read_remove_or_change(std::uint32_t file, const XmlNode& node) {
  Model& m = model();
  const std::string name(node.name());
  auto allowed = names_of({"ref", "what"});
  if (name == "change") {
    allowed = with(with(allowed, kBodyAttributes), kVerbProvenance);
    std::erase(allowed, "id");  // <rename> changes an id
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
  if (what == "body") {
    const auto index = live_body(ref, a.at("ref"), name);
    if (!index) return;
    if (name == "remove") {
      removed_bodies_.insert(ref);
      succeed(ref, {}, "removed", a.at());
      return;
    }
    Body& body = m.bodies[*index];
    read_body_attributes(a, body, true);
    if (a.has("status")) status_given_[*index] = true;
    const Provenance p = provenance(a);
    if (!p.sources.empty()) body.provenance.sources = p.sources;
    if (!p.note.empty()) body.provenance.note = p.note;
    if (!p.evidence.empty()) body.provenance.evidence = p.evidence;
    return;
  }
  auto& index = what == "area" ? m.area_index : what == "link" ? link_ids_ : what == "seat" ? seat_ids_ : claim_ids_;
  auto& removed = what == "area" ? removed_areas_ : what == "link" ? removed_links_ : what == "seat" ? removed_seats_
                                                                                                       : removed_claims_;
  if (what == "link") {
    if (const auto merged = merged_link_message(ref)) {
      sink_.error(*files_, a.at("ref"), *merged, "overlay");
      return;
    }
  }
  if (removed.count(ref) != 0) {
    sink_.error(*files_, a.at("ref"), fmt::format("{} '{}' was already removed", what, ref), "overlay");
    return;
  }
  if (index.count(ref) == 0) {
    std::vector<std::string> ids;
    if (index.size() < 5000) for (const auto& [id, _] : index) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    sink_.error(*files_, a.at("ref"),
                fmt::format("the baseline has no {} '{}' to {}{}", what, ref, name,
                            what != "body" && m.body_index.count(ref) != 0
                                ? fmt::format(" ('{}' is a body: give the {}'s own id, or what=\"body\" to {} the body)",
                                              ref, what, name)
                                : did_you_mean(ref, ids)),
                "overlay");
    return;
  }
  removed.insert(ref);
  raw_.removed_at.emplace(std::pair(what, ref), a.at("ref"));
}

// Baseline elements of a removed body go with it; a proposal's own elements that name a body
// the proposal removed, merged, split or renamed are errors naming the successor.
void Loader::remove_body(const std::string& id) {
  Model& m = model();
  auto mentions = [&](const std::string& x) { return x == id; };
  raw_.erase_links_if([&](const Link& l) { return mentions(l.from) || mentions(l.to); });
  std::erase_if(m.seats, [&](const Seat& s) { return mentions(s.body); });
  std::erase_if(raw_.coverage, [&](const RawCoverage& c) { return mentions(c.body); });
  for (auto& s : m.seats) if (s.nominated_by == id) s.nominated_by.clear();
  for (auto& p : m.posts) if (p.of == id) p.of.clear();
  for (auto& p : m.posts) {
    // A shared post left serving no body is a post of its own body only.
    if (std::erase(p.for_bodies, id) > 0 && p.for_bodies.empty()) p.replaces.clear();
  }
}

void Loader::check_successors() {
  if (raw_.successions.empty()) return;
  auto check = [&](const std::string& ref, const Location& at, std::string_view attribute) {
    if (ref.empty()) return;
    auto it = raw_.successions.find(ref);
    if (it == raw_.successions.end() || layer_of(at) < it->second.layer) return;
    sink_.error(*files_, attribute.empty() ? at : attribute_location(*files_, at, attribute),
                succession_message(ref, it->second), "overlay");
  };
  for (const auto& l : model().links) {
    check(l.from, l.provenance.location, "from");
    check(l.to, l.provenance.location, "to");
    check(l.held_by, l.provenance.location, "held-by");
  }
  for (const auto& c : raw_.coverage) check(c.body, c.location, "body");
  for (const auto& s : model().seats) {
    check(s.body, s.provenance.location, "body");
    check(s.nominated_by, s.provenance.location, "nominated-by");
  }
  for (const auto& p : model().posts) {
    check(p.of, p.provenance.location, "of");
    for (const auto& body : p.for_bodies) check(body, p.provenance.location, "for");
  }
  for (auto& b : model().bodies) {
    // A body part of one this proposal splits, which the proposal did not write (the baseline's,
    // or a part of another split, which copies its body's part-of) and does not remove: it is
    // part of the part that holds all its area (a council's health and wellbeing board, or each
    // part of one split along the council's lines); which part, when its area spans several or
    // it has none, is the proposal's to say. A merger or rename re-points it already.
    const auto split = raw_.successions.find(b.part_of);
    if (split == raw_.successions.end() || split->second.successors.size() < 2 ||
        (layer_of(b.provenance.location) >= split->second.layer && made_by_verb_.count(b.id) == 0)) {
      check(b.part_of, b.provenance.location, "part-of");
      continue;
    }
    if (removed_bodies_.count(b.id) != 0) continue;
    if (const auto part = part_holding(b.id, split->second.successors)) {
      b.part_of = *part;
      continue;
    }
    const bool has_area = !written_areas(b.id).empty();
    sink_.error(*files_, split->second.location,
                fmt::format("'{}' ({}) is part of '{}', which this proposal splits into {}, and {}: {}say which part "
                            "it is part of, after the split: <change ref=\"{}\" part-of=\"{}\"/>",
                            b.id, b.name, b.part_of, join(split->second.successors, ", "),
                            has_area ? "its area is in more than one of them" : "it covers no area",
                            has_area ? "split it along the same lines, or " : "", b.id,
                            split->second.successors.front()),
                "overlay");
    b.part_of.clear();  // reported here, not again as a reference to a body that is gone
  }
  for (const auto& s : model().suppressions) check(s.subject, s.location, "subject");
}

void Loader::check_predecessors() {
  if (written_predecessors_.empty()) return;
  // Sorted, so the hint is the same on every run; with the bodies a chain's dates left out
  // before a proposal it extends (date_baseline).
  std::set<std::string> bodies;
  for (const Body& b : model().bodies) bodies.insert(b.id);
  for (const auto& [id, held] : raw_.other_dates) bodies.insert(std::string(id.view()));
  for (const auto& written : written_predecessors_) {
    for (const std::string& id : written.predecessors) {
      if (id == written.body) {
        sink_.error(*files_, written.at, fmt::format("body '{}' names itself as its predecessor", id), "bad-value");
      } else if (bodies.count(id) == 0) {
        sink_.error(*files_, written.at,
                    fmt::format("predecessor '{}' is no body of this model at any date{}", id,
                                did_you_mean(id, std::vector<std::string>(bodies.begin(), bodies.end()))),
                    "dangling-ref");
      }
    }
  }
  written_predecessors_.clear();
}

}  // namespace govmap::detail
