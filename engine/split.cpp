// <split>: a body divided into parts by area (ids or official codes at any level), each part
// covering the coarsest areas wholly its own and taking the links and seats that concern it.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {

// The areas a body covers as written: its covers and its <coverage> elements.
std::vector<Symbol> Loader::written_areas(const std::string& body) const {
  std::vector<Symbol> written;
  if (auto it = raw_.model.body_index.find(body); it != raw_.model.body_index.end()) {
    written = raw_.model.bodies[it->second].covers;
  }
  for (const auto& c : raw_.coverage) {
    if (c.body == body) written.insert(written.end(), c.areas.begin(), c.areas.end());
  }
  return written;
}

// A hint for a body written where an area goes: the areas it covers.
std::string Loader::body_not_area(const std::string& body) const {
  std::vector<Symbol> areas = written_areas(body);
  if (areas.empty()) return fmt::format(" ('{}' is a body, which covers no area)", body);
  std::sort(areas.begin(), areas.end());
  return fmt::format(" ('{}' is a body: name the areas it covers, {})", body, join_first(areas, " ", 12));
}

// Leaf areas under each area named: an area id, or an official code. An unknown name is an
// error reported at `at`, or skipped when `at` is not a location.
std::optional<std::vector<Symbol>> Loader::leaf_areas(const std::vector<Symbol>& names, Location at) {
  const Model& m = model();
  if (area_children_.size() != m.areas.size()) {
    area_children_.assign(m.areas.size(), {});
    area_by_code_.clear();
    for (std::size_t i = 0; i < m.areas.size(); ++i) {
      if (!m.areas[i].code.empty()) area_by_code_.emplace(m.areas[i].code, i);
      auto parent = m.area_index.find(m.areas[i].parent);
      if (parent != m.area_index.end() && parent->second != i) area_children_[parent->second].push_back(i);
    }
  }
  std::vector<Symbol> leaves;
  bool all_known = true;  // every unknown name is reported, not only the first
  for (const auto& name : names) {
    std::optional<std::size_t> found;
    if (auto i = m.area_index.find(name); i != m.area_index.end()) {
      found = i->second;
    } else if (auto c = area_by_code_.find(name); c != area_by_code_.end()) {
      found = c->second;
    }
    if (!found) {
      if (!at.valid()) continue;  // a body's own unknown areas are reported when references are checked
      sink_.error(*files_, at,
                  fmt::format("the baseline has no area with id or code '{}'{}", name,
                              m.body_index.count(name) != 0 ? body_not_area(name) : m.areas_named_like(name.view())),
                  "overlay");
      all_known = false;
      continue;
    }
    std::vector<std::size_t> stack = {*found};
    for (std::size_t guard = 0; !stack.empty() && guard <= m.areas.size(); ++guard) {
      const std::size_t area = stack.back();
      stack.pop_back();
      if (area_children_[area].empty()) leaves.push_back(m.areas[area].id);
      stack.insert(stack.end(), area_children_[area].begin(), area_children_[area].end());
    }
  }
  if (!all_known) return std::nullopt;
  return leaves;
}

void Loader::read_split(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body"}), kVerbProvenance));
  const std::string id = body_ref(a, "body", true);
  const auto index = live_body(id, a.at("body"), "split");
  if (!index) return;
  // The leaf areas the body covers, each to be given to exactly one part.
  const std::vector<Symbol> written = written_areas(id);
  const auto covered_list = leaf_areas(written, a.at("body"));
  if (!covered_list) return;
  std::map<std::string, std::string> owner;  // leaf area -> part id ("" until given)
  for (const auto& leaf : *covered_list) owner.emplace(leaf, "");
  struct Part {
    std::string id;
    Location at;
    bool rest = false;
  };
  std::vector<Part> parts;
  std::size_t written_parts = 0;
  std::vector<Symbol> tokens;  // the areas the parts name
  for (auto child : node.children()) {
    if (child.type() != XmlNodeType::Element) continue;
    if (std::string_view(child.name()) != "part") {
      sink_.error(*files_, node_location(*files_, file, child),
                  fmt::format("<split> may contain only <part>, not <{}>", child.name()), "unknown-element");
      continue;
    }
    ++written_parts;
    AttributeReader p(*files_, file, child, sink_,
                      with(with(names_of({"id", "areas", "rest"}), settable_body_attributes()), kVerbProvenance));
    no_children(file, child);
    Body body = model().bodies[*index];
    body.id = p.id("id", true);
    body.code.clear();
    body.covers.clear();
    body.predecessors = {id};
    read_body_attributes(p, body, true);
    body.provenance = provenance(p, false);
    if (body.provenance.sources.empty()) body.provenance.sources = a.symbol_list("source");  // the split's
    const bool rest = p.boolean("rest").value_or(false);
    if (!rest && !p.has("areas")) {
      sink_.error(*files_, p.at(), "a <part> needs areas=\"...\" (area ids or codes) or rest=\"true\"",
                  "missing-attribute");
      continue;
    }
    const auto part_areas = p.symbols("areas");
    tokens.insert(tokens.end(), part_areas.begin(), part_areas.end());
    // Each area written is taken whole, so that a message names what was written (a council the
    // body does not cover), not one of its small areas.
    bool known = true;
    for (const Symbol given : part_areas) {
      const auto leaves = leaf_areas({given}, p.at("areas"));
      if (!leaves) {
        known = false;
        continue;
      }
      if (body.id.empty()) continue;
      std::size_t outside = 0;
      for (const auto& leaf : *leaves) {
        auto it = owner.find(leaf);
        if (it == owner.end()) {
          ++outside;
        } else if (!it->second.empty()) {
          sink_.error(*files_, p.at("areas"),
                      fmt::format("area '{}' is already given to part '{}'", leaf, it->second), "overlay");
          break;
        } else {
          it->second = body.id;
          body.covers.push_back(leaf);
        }
      }
      // An area the body covers in part stands for that part (a county the body shares with another).
      if (outside < leaves->size()) continue;
      const Area* area = model().find_area(given);
      const std::string named = area != nullptr && !area->name.empty() && area->name != given
                                    ? fmt::format(" ({})", area->name) : "";
      sink_.error(*files_, p.at("areas"),
                  fmt::format("'{}' does not cover area '{}'{}, so a part of it cannot", id, given, named), "overlay");
    }
    if (!known || body.id.empty()) continue;
    const std::size_t position = model().bodies.size();
    if (!claim_id(model().body_index, body_where_, body.id, position, p.at("id"), "body")) continue;
    model().bodies.push_back(std::move(body));
    made_by_verb_.insert(model().bodies.back().id);
    status_given_.push_back(status_given_[*index]);
    parts.push_back({model().bodies.back().id, p.at(), rest});
  }
  if (parts.size() < 2) {
    // Parts written but in error are reported already.
    if (written_parts < 2) sink_.error(*files_, a.at(), "<split> needs at least two <part> elements", "overlay");
    return;
  }
  std::vector<Symbol> unassigned;
  for (const auto& [leaf, part] : owner) {
    if (part.empty()) unassigned.push_back(leaf);
  }
  const auto rest = std::find_if(parts.begin(), parts.end(), [](const Part& p) { return p.rest; });
  if (rest != parts.end()) {
    for (const auto& leaf : unassigned) owner[leaf] = rest->id;
  } else if (!unassigned.empty()) {
    sink_.error(*files_, a.at(),
                fmt::format("{} of the areas '{}' covers are in no part (first: '{}'); give them to a part or mark "
                            "one part rest=\"true\"",
                            unassigned.size(), id, unassigned.front()),
                "overlay");
    return;
  }
  // Each part covers the coarsest areas wholly its own (a council rather than its small areas),
  // as the body was written, so that a comparison reads by council.
  std::vector<Symbol> candidates = written;
  candidates.insert(candidates.end(), tokens.begin(), tokens.end());
  std::vector<std::pair<std::vector<Symbol>, std::string>> coarse;  // (leaves, area id)
  for (const auto& name : candidates) {
    auto leaves = leaf_areas({name}, Location{}).value_or(std::vector<Symbol>{});
    Symbol id_of = model().area_index.count(name) != 0 ? name : Symbol();
    if (id_of.empty()) {
      if (auto c = area_by_code_.find(name); c != area_by_code_.end()) id_of = model().areas[c->second].id;
    }
    if (!leaves.empty() && !id_of.empty()) coarse.emplace_back(std::move(leaves), id_of);
  }
  std::stable_sort(coarse.begin(), coarse.end(), [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  std::map<Symbol, std::vector<Symbol>> covers;  // part -> areas
  std::set<std::string> placed;
  for (const auto& [leaves, area] : coarse) {
    const std::string& part = owner[leaves.front()];
    const bool own = std::all_of(leaves.begin(), leaves.end(), [&](const std::string& l) {
      return owner[l] == part && placed.count(l) == 0;
    });
    if (!own) continue;
    covers[part].push_back(area);
    placed.insert(leaves.begin(), leaves.end());
  }
  for (const auto& [leaf, part] : owner) {
    if (placed.count(leaf) == 0) covers[part].push_back(leaf);
  }
  for (const auto& p : parts) model().bodies[model().body_index.at(p.id)].covers = covers[p.id];
  std::vector<Symbol> part_ids;
  for (const auto& p : parts) part_ids.push_back(p.id);
  copy_to_parts(id, part_ids);
  removed_bodies_.insert(id);
  succeed(id, part_ids, "split into", a.at());
}

// The one of `parts` whose areas hold all of `body`'s, if any.
std::optional<Symbol> Loader::part_holding(const std::string& body, const std::vector<Symbol>& parts) {
  const auto leaves = leaf_areas(written_areas(body), Location{}).value_or(std::vector<Symbol>{});
  if (leaves.empty()) return std::nullopt;
  for (const Symbol part : parts) {
    auto held = leaf_areas(written_areas(part), Location{}).value_or(std::vector<Symbol>{});
    std::sort(held.begin(), held.end());
    if (std::all_of(leaves.begin(), leaves.end(),
                    [&](const Symbol& leaf) { return std::binary_search(held.begin(), held.end(), leaf); })) {
      return part;
    }
  }
  return std::nullopt;
}

// A council area moved from one health board to another takes with it the board's links with
// the council and the area's integration authority (and their seats on the board): what a split
// does for its parts, for the one area moved.
void Loader::move_ties(const std::string& from, const std::string& to, const std::vector<Symbol>& moved) {
  auto moved_leaves = leaf_areas(moved, Location{}).value_or(std::vector<Symbol>{});
  std::sort(moved_leaves.begin(), moved_leaves.end());
  std::map<Symbol, bool> within;  // by body: whether all its area moved
  const auto wholly_moved = [&](const Symbol& body) {
    const auto [it, fresh] = within.try_emplace(body, false);
    if (fresh && !body.empty() && body != Symbol(to)) {
      const auto leaves = leaf_areas(written_areas(body), Location{}).value_or(std::vector<Symbol>{});
      it->second = !leaves.empty() && std::all_of(leaves.begin(), leaves.end(), [&](const Symbol& leaf) {
        return std::binary_search(moved_leaves.begin(), moved_leaves.end(), leaf);
      });
    }
    return it->second;
  };
  Model& m = model();
  for (std::size_t i = 0; i < m.links.size(); ++i) {
    Link& link = m.links[i];
    if (raw_.link_sides[i].dropped || raw_.link_sides[i].names_kind() ||
        layer_of(link.provenance.location) >= layer_) {
      continue;
    }
    Symbol* own = link.from == from ? &link.from : link.to == from ? &link.to : nullptr;
    if (own == nullptr || !wholly_moved(own == &link.from ? link.to : link.from)) continue;
    *own = to;
    if (link.held_by == from) link.held_by = to;
  }
  for (Seat& seat : m.seats) {
    if (seat.body == from && layer_of(seat.provenance.location) < layer_ && wholly_moved(seat.nominated_by)) {
      seat.body = to;
    }
  }
}

// A split body's links and seats, copied to the parts. A link to a body with an area goes to
// the parts that share some of its area (an integration authority's link to its health board
// goes to the part that covers it); a link to a body without one (a department) goes to every
// part. Money is not divided: a copy states an amount only when one part takes the link.
void Loader::copy_to_parts(const std::string& id, const std::vector<Symbol>& parts) {
  auto leaves_of = [&](const std::string& body) {
    auto leaves = leaf_areas(written_areas(body), Location{}).value_or(std::vector<Symbol>{});
    std::sort(leaves.begin(), leaves.end());
    return leaves;
  };
  std::map<std::string, std::vector<Symbol>> part_leaves;
  for (const auto& part : parts) part_leaves[part] = leaves_of(part);
  auto shares_area = [&](const std::string& part, const std::vector<Symbol>& other) {
    const auto& mine = part_leaves[part];
    auto a = mine.begin(), b = other.begin();
    while (a != mine.end() && b != other.end()) {
      if (*a == *b) return true;
      *a < *b ? ++a : ++b;
    }
    return false;
  };
  std::map<std::string, std::vector<Symbol>> other_leaves;  // cache by body id
  const std::size_t links = model().links.size();
  for (std::size_t i = 0; i < links; ++i) {
    if (raw_.link_sides[i].dropped || layer_of(model().links[i].provenance.location) >= layer_) continue;
    const Link original = model().links[i];
    if (original.from != id && original.to != id && original.held_by != id) continue;
    const std::string other = original.from == id ? original.to : original.from;
    if (!other.empty() && other_leaves.count(other) == 0) other_leaves[other] = leaves_of(other);
    const std::vector<Symbol>& area = other.empty() ? std::vector<Symbol>{} : other_leaves[other];
    std::vector<Symbol> takers;
    for (const auto& part : parts) {
      if (area.empty() || shares_area(part, area)) takers.push_back(part);
    }
    for (const auto& part : takers) {
      Link copy = original;
      copy.id.clear();
      for (Symbol* end : {&copy.from, &copy.to, &copy.held_by}) {
        if (*end == id) *end = part;
      }
      if (copy.amount && takers.size() > 1) {
        copy.amount.reset();
        copy.provenance.note = fmt::format("copied from '{}' when it was split; its money is not divided", id);
      }
      model().links.push_back(std::move(copy));
      raw_.link_sides.push_back(raw_.link_sides[i]);
    }
  }
  const std::size_t seats = model().seats.size();
  for (std::size_t i = 0; i < seats; ++i) {
    if (model().seats[i].body != id) continue;
    for (const auto& part : parts) {
      Seat copy = model().seats[i];
      copy.id.clear();
      copy.body = part;
      model().seats.push_back(std::move(copy));
    }
  }
}

}  // namespace govmap::detail
