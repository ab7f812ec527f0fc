// A proposal's changes to its baseline: the format-1 overlay elements (<remove>, <change>,
// <move-coverage>) and the reform verbs (<merge>, <split>, <transfer>, <abolish>, <rename>,
// <supersede>). Verbs re-point the references of the layers below them (the baseline); the
// proposal's own elements must name the successors, and finish() reports any that do not.

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

// Body attributes a verb may set on the body it creates or keeps (not its id or coverage).
std::vector<std::string> settable_body_attributes() {
  std::vector<std::string> out;
  for (const auto& name : kBodyAttributes) {
    if (name != "id" && name != "covers") out.push_back(name);
  }
  return out;
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& x : from) {
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
  }
}

}  // namespace

bool Loader::is_overlay_element(std::string_view name) {
  return std::find(kVerbs.begin(), kVerbs.end(), name) != kVerbs.end();
}

void Loader::read_overlay(std::uint32_t file, const pugi::xml_node& node) {
  const std::string name = node.name();
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
  if (auto it = successions_.find(id); it != successions_.end()) {
    sink_.error(*files_, at, succession_message(id, it->second), "overlay");
    return std::nullopt;
  }
  auto it = model().body_index.find(id);
  if (it == model().body_index.end()) {
    std::vector<std::string> ids;
    if (model().body_index.size() < 5000) {
      for (const auto& [known, _] : model().body_index) ids.push_back(known);
    }
    std::sort(ids.begin(), ids.end());
    sink_.error(*files_, at, fmt::format("the baseline has no body '{}' to {}{}", id, verb, did_you_mean(id, ids)),
                "overlay");
    return std::nullopt;
  }
  return it->second;
}

std::string Loader::succession_message(const std::string& id, const Succession& s) const {
  const std::string where = files_->path(s.location.file) + ":" + std::to_string(s.location.line);
  if (s.successors.empty()) return fmt::format("body '{}' is {} by this proposal ({})", id, s.verb, where);
  std::vector<std::string> quoted;
  for (const auto& x : s.successors) quoted.push_back("'" + x + "'");
  return fmt::format("body '{}' is {} {} by this proposal ({}); name {} instead", id, s.verb, join(quoted, ", "),
                     where, s.successors.size() == 1 ? quoted.front() : "one of them");
}

void Loader::succeed(const std::string& old_id, std::vector<std::string> successors, std::string verb, Location at) {
  successions_[old_id] = Succession{std::move(successors), std::move(verb), at, layer_};
}

// Points every reference to `old_id` in the layers below this one at `new_id`.
void Loader::re_point(const std::string& old_id, const std::string& new_id) {
  auto below = [&](const Location& at) { return layer_of(at) < layer_; };
  auto swap = [&](std::string& ref, const Location& at) {
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
  for (auto& p : model().posts) swap(p.of, p.provenance.location);
  for (auto& b : model().bodies) swap(b.part_of, b.provenance.location);
  for (auto& s : model().suppressions) swap(s.subject, s.location);
  for (auto& c : model().claims) {
    if (auto it = c.params.find("body"); it != c.params.end()) swap(it->second, c.provenance.location);
  }
}

// After a merge: links between the merged bodies become links of a body to itself and are
// dropped; links that are now the same (kind, ends, type, holder) collapse into one, their
// money added when each states it.
void Loader::collapse_links(const std::string& id) {
  auto& links = model().links;
  std::map<std::tuple<LinkKind, std::string, std::string, std::string, std::string>, std::size_t> first;
  for (std::size_t i = 0; i < links.size(); ++i) {
    Link& l = links[i];
    if (raw_.link_sides[i].dropped || (l.from != id && l.to != id)) continue;
    if (l.from == l.to) {
      raw_.link_sides[i].dropped = true;
      continue;
    }
    if (raw_.link_sides[i].names_kind() || !l.id.empty()) continue;
    auto [it, inserted] = first.emplace(std::tuple{l.kind, l.from, l.to, l.subtype, l.held_by}, i);
    if (inserted) continue;
    Link& kept = links[it->second];
    if (kept.amount.has_value() != l.amount.has_value() || kept.year != l.year) continue;
    if (kept.amount) *kept.amount += *l.amount;
    append_unique(kept.functions, l.functions);
    raw_.link_sides[i].dropped = true;
  }
}

// Seats on a merged board: one seat per holder; anonymous seats of the same nomination, role
// and vote add their counts.
void Loader::collapse_seats(const std::string& id) {
  auto& seats = model().seats;
  std::map<std::tuple<std::string, std::string, SeatRole, bool, std::string>, std::size_t> first;
  std::vector<bool> drop(seats.size(), false);
  for (std::size_t i = 0; i < seats.size(); ++i) {
    Seat& s = seats[i];
    if (s.body != id || !s.id.empty()) continue;
    auto [it, inserted] = first.emplace(std::tuple{s.holder, s.nominated_by, s.role, s.voting, s.sector}, i);
    if (inserted) continue;
    if (s.holder.empty()) seats[it->second].count += s.count;
    drop[i] = true;
  }
  std::size_t i = 0;
  std::erase_if(seats, [&](const Seat&) { return drop[i++]; });
}

void Loader::read_merge(std::uint32_t file, const pugi::xml_node& node) {
  AttributeReader a(*files_, file, node, sink_,
                    with(with(names_of({"bodies", "into"}), settable_body_attributes()), kProvenance));
  no_children(file, node);
  const std::vector<std::string> ids = a.words("bodies");
  const std::string into = a.id("into", true);
  if (ids.size() < 2) {
    sink_.error(*files_, a.at("bodies"),
                "<merge> needs bodies=\"A B ...\" naming at least two bodies of the baseline", "overlay");
    return;
  }
  std::vector<std::size_t> merged;
  for (const auto& id : ids) {
    if (std::count(ids.begin(), ids.end(), id) > 1) {
      sink_.error(*files_, a.at("bodies"), fmt::format("<merge> names body '{}' twice; a body cannot merge with itself", id),
                  "overlay");
      return;
    }
    const auto index = live_body(id, a.at("bodies"), "merge");
    if (!index) return;
    merged.push_back(*index);
  }
  if (into.empty()) return;
  const bool survivor = std::find(ids.begin(), ids.end(), into) != ids.end();
  std::size_t target = 0;
  if (survivor) {
    target = model().body_index.at(into);
  } else {
    if (!a.has("name")) {
      sink_.error(*files_, a.at("into"),
                  fmt::format("the new body '{}' needs a name (name=\"...\"), or merge into one of the bodies", into),
                  "missing-attribute");
      return;
    }
    const std::string& kind = model().bodies[merged.front()].kind;
    for (std::size_t m : merged) {
      if (model().bodies[m].kind != kind && !a.has("kind")) {
        sink_.error(*files_, a.at("bodies"),
                    fmt::format("'{}' is a {} and '{}' a {}; give the new body's kind=\"...\"", ids.front(), kind,
                                model().bodies[m].id, model().bodies[m].kind),
                    "overlay");
        return;
      }
    }
    Body body = model().bodies[merged.front()];
    body.id = into;
    body.code.clear();
    body.covers.clear();
    body.predecessors.clear();
    for (std::size_t m : merged) {
      body.powers |= model().bodies[m].powers;
      append_unique(body.duties, model().bodies[m].duties);
      append_unique(body.functions, model().bodies[m].functions);
    }
    body.provenance = provenance(a);
    target = model().bodies.size();
    if (!claim_id(model().body_index, body_where_, into, target, a.at("into"), "body")) return;
    model().bodies.push_back(std::move(body));
    status_given_.push_back(status_given_[merged.front()]);
  }
  Body& kept = model().bodies[target];
  read_body_attributes(a, kept, true);
  if (a.has("status")) status_given_[target] = true;
  for (std::size_t m : merged) {
    if (m != target) absorb(m, target, "merged into", a.at());
  }
  collapse_links(into);
  collapse_seats(into);
}

// One body taken into another: its areas, references and id (as a predecessor).
void Loader::absorb(std::size_t body, std::size_t into, std::string verb, Location at) {
  const std::string old_id = model().bodies[body].id, new_id = model().bodies[into].id;
  append_unique(model().bodies[into].covers, model().bodies[body].covers);
  model().bodies[into].predecessors.push_back(old_id);
  re_point(old_id, new_id);
  removed_bodies_.insert(old_id);
  succeed(old_id, {new_id}, std::move(verb), at);
}

void Loader::read_abolish(std::uint32_t file, const pugi::xml_node& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body", "successor"}), kProvenance));
  no_children(file, node);
  const std::string id = a.id("body", true), successor = a.id("successor");
  const auto index = live_body(id, a.at("body"), "abolish");
  if (!index) return;
  if (successor.empty()) {
    removed_bodies_.insert(id);
    succeed(id, {}, "abolished", a.at());
    return;
  }
  if (successor == id) {
    sink_.error(*files_, a.at("successor"), fmt::format("body '{}' cannot succeed itself", id), "overlay");
    return;
  }
  const auto next = live_body(successor, a.at("successor"), "take over from");
  if (!next) return;
  absorb(*index, *next, "abolished, succeeded by", a.at());
  collapse_links(successor);
  collapse_seats(successor);
}

void Loader::read_rename(std::uint32_t file, const pugi::xml_node& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body", "id", "name", "code"}), kProvenance));
  no_children(file, node);
  const std::string id = a.id("body", true), new_id = a.id("id");
  const auto index = live_body(id, a.at("body"), "rename");
  if (!index) return;
  if (!a.has("id") && !a.has("name") && !a.has("code")) {
    sink_.error(*files_, a.at(), "<rename> needs a new id, name or code", "missing-attribute");
    return;
  }
  Body& body = model().bodies[*index];
  if (a.has("name")) body.name = a.text("name");
  if (a.has("code")) body.code = a.text("code");
  if (new_id.empty() || new_id == id) return;
  if (!claim_id(model().body_index, body_where_, new_id, *index, a.at("id"), "body")) return;
  model().body_index.erase(id);
  body.id = new_id;
  body.predecessors.push_back(id);
  re_point(id, new_id);
  succeed(id, {new_id}, "renamed", a.at());
}

// Leaf areas under each area named: an area id, or an official code. An unknown name is an
// error reported at `at`, or skipped when `at` is not a location.
std::optional<std::vector<std::string>> Loader::leaf_areas(const std::vector<std::string>& names, Location at) {
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
  std::vector<std::string> leaves;
  for (const auto& name : names) {
    std::optional<std::size_t> found;
    if (auto i = m.area_index.find(name); i != m.area_index.end()) {
      found = i->second;
    } else if (auto c = area_by_code_.find(name); c != area_by_code_.end()) {
      found = c->second;
    }
    if (!found) {
      if (!at.valid()) continue;  // a body's own unknown areas are reported when references are checked
      sink_.error(*files_, at, fmt::format("the baseline has no area with id or code '{}'", name), "overlay");
      return std::nullopt;
    }
    std::vector<std::size_t> stack = {*found};
    for (std::size_t guard = 0; !stack.empty() && guard <= m.areas.size(); ++guard) {
      const std::size_t area = stack.back();
      stack.pop_back();
      if (area_children_[area].empty()) leaves.push_back(m.areas[area].id);
      stack.insert(stack.end(), area_children_[area].begin(), area_children_[area].end());
    }
  }
  return leaves;
}

void Loader::read_split(std::uint32_t file, const pugi::xml_node& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body"}), kProvenance));
  const std::string id = a.id("body", true);
  const auto index = live_body(id, a.at("body"), "split");
  if (!index) return;
  // The leaf areas the body covers, each to be given to exactly one part.
  std::vector<std::string> written = model().bodies[*index].covers;
  for (const auto& c : raw_.coverage) {
    if (c.body == id) written.insert(written.end(), c.areas.begin(), c.areas.end());
  }
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
  std::vector<std::string> tokens;  // the areas the parts name
  for (auto child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) != "part") {
      sink_.error(*files_, node_location(*files_, file, child),
                  fmt::format("<split> may contain only <part>, not <{}>", child.name()), "unknown-element");
      continue;
    }
    AttributeReader p(*files_, file, child, sink_,
                      with(with(names_of({"id", "areas", "rest"}), settable_body_attributes()), kProvenance));
    no_children(file, child);
    Body body = model().bodies[*index];
    body.id = p.id("id", true);
    body.code.clear();
    body.covers.clear();
    body.predecessors = {id};
    read_body_attributes(p, body, true);
    body.provenance = provenance(p);
    const bool rest = p.boolean("rest").value_or(false);
    if (!rest && !p.has("areas")) {
      sink_.error(*files_, p.at(), "a <part> needs areas=\"...\" (area ids or codes) or rest=\"true\"",
                  "missing-attribute");
      continue;
    }
    const auto part_areas = p.words("areas");
    tokens.insert(tokens.end(), part_areas.begin(), part_areas.end());
    const auto leaves = leaf_areas(part_areas, p.at("areas"));
    if (!leaves || body.id.empty()) continue;
    std::size_t outside = 0;
    for (const auto& leaf : *leaves) {
      auto it = owner.find(leaf);
      if (it == owner.end()) {
        if (++outside == 1) {
          sink_.error(*files_, p.at("areas"),
                      fmt::format("'{}' does not cover area '{}', so a part of it cannot", id, leaf), "overlay");
        }
      } else if (!it->second.empty()) {
        sink_.error(*files_, p.at("areas"),
                    fmt::format("area '{}' is already given to part '{}'", leaf, it->second), "overlay");
        break;
      } else {
        it->second = body.id;
        body.covers.push_back(leaf);
      }
    }
    if (outside > 1) {
      sink_.error(*files_, p.at("areas"), fmt::format("and {} more areas that '{}' does not cover", outside - 1, id),
                  "overlay");
    }
    const std::size_t position = model().bodies.size();
    if (!claim_id(model().body_index, body_where_, body.id, position, p.at("id"), "body")) continue;
    model().bodies.push_back(std::move(body));
    status_given_.push_back(status_given_[*index]);
    parts.push_back({model().bodies.back().id, p.at(), rest});
  }
  if (parts.size() < 2) {
    sink_.error(*files_, a.at(), "<split> needs at least two <part> elements", "overlay");
    return;
  }
  std::vector<std::string> unassigned;
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
  std::vector<std::string> candidates = written;
  candidates.insert(candidates.end(), tokens.begin(), tokens.end());
  std::vector<std::pair<std::vector<std::string>, std::string>> coarse;  // (leaves, area id)
  for (const auto& name : candidates) {
    auto leaves = leaf_areas({name}, Location{}).value_or(std::vector<std::string>{});
    auto id_of = model().area_index.count(name) != 0 ? name : std::string();
    if (id_of.empty()) {
      if (auto c = area_by_code_.find(name); c != area_by_code_.end()) id_of = model().areas[c->second].id;
    }
    if (!leaves.empty() && !id_of.empty()) coarse.emplace_back(std::move(leaves), id_of);
  }
  std::stable_sort(coarse.begin(), coarse.end(), [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  std::map<std::string, std::vector<std::string>> covers;  // part -> areas
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
  std::vector<std::string> part_ids;
  for (const auto& p : parts) part_ids.push_back(p.id);
  copy_to_parts(id, part_ids);
  removed_bodies_.insert(id);
  succeed(id, part_ids, "split into", a.at());
}

// A split body's links and seats, copied to the parts. A link to a body with an area goes to
// the parts that share some of its area (an integration authority's link to its health board
// goes to the part that covers it); a link to a body without one (a department) goes to every
// part. Money is not divided: a copy states an amount only when one part takes the link.
void Loader::copy_to_parts(const std::string& id, const std::vector<std::string>& parts) {
  auto leaves_of = [&](const std::string& body) {
    std::vector<std::string> written;
    if (auto it = model().body_index.find(body); it != model().body_index.end()) written = model().bodies[it->second].covers;
    for (const auto& c : raw_.coverage) {
      if (c.body == body) written.insert(written.end(), c.areas.begin(), c.areas.end());
    }
    auto leaves = leaf_areas(written, Location{}).value_or(std::vector<std::string>{});
    std::sort(leaves.begin(), leaves.end());
    return leaves;
  };
  std::map<std::string, std::vector<std::string>> part_leaves;
  for (const auto& part : parts) part_leaves[part] = leaves_of(part);
  auto shares_area = [&](const std::string& part, const std::vector<std::string>& other) {
    const auto& mine = part_leaves[part];
    auto a = mine.begin(), b = other.begin();
    while (a != mine.end() && b != other.end()) {
      if (*a == *b) return true;
      *a < *b ? ++a : ++b;
    }
    return false;
  };
  std::map<std::string, std::vector<std::string>> other_leaves;  // cache by body id
  const std::size_t links = model().links.size();
  for (std::size_t i = 0; i < links; ++i) {
    if (raw_.link_sides[i].dropped || layer_of(model().links[i].provenance.location) >= layer_) continue;
    const Link original = model().links[i];
    if (original.from != id && original.to != id && original.held_by != id) continue;
    const std::string other = original.from == id ? original.to : original.from;
    if (!other.empty() && other_leaves.count(other) == 0) other_leaves[other] = leaves_of(other);
    const std::vector<std::string>& area = other.empty() ? std::vector<std::string>{} : other_leaves[other];
    std::vector<std::string> takers;
    for (const auto& part : parts) {
      if (area.empty() || shares_area(part, area)) takers.push_back(part);
    }
    for (const auto& part : takers) {
      Link copy = original;
      copy.id.clear();
      for (std::string* end : {&copy.from, &copy.to, &copy.held_by}) {
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

void Loader::read_transfer(std::uint32_t file, const pugi::xml_node& node) {
  AttributeReader a(*files_, file, node, sink_,
                    with(names_of({"from", "to", "functions", "duties", "powers", "links"}), kProvenance));
  no_children(file, node);
  const std::string from_id = a.id("from", true), to_id = a.id("to", true);
  const auto from = live_body(from_id, a.at("from"), "transfer from");
  const auto to = live_body(to_id, a.at("to"), "transfer to");
  if (!from || !to) return;
  if (*from == *to) {
    sink_.error(*files_, a.at("to"), fmt::format("<transfer> from '{}' to itself", from_id), "overlay");
    return;
  }
  if (!a.has("functions") && !a.has("duties") && !a.has("powers") && !a.has("links")) {
    sink_.error(*files_, a.at(), "<transfer> needs functions, duties, powers or links to move", "missing-attribute");
    return;
  }
  auto move_words = [&](std::string_view attribute, std::vector<std::string> Body::*field) {
    for (const auto& word : a.words(attribute)) {
      auto& source = model().bodies[*from].*field;
      auto it = std::find(source.begin(), source.end(), word);
      if (it == source.end()) {
        sink_.error(*files_, a.at(attribute),
                    fmt::format("'{}' has no {} '{}' to transfer{}", from_id,
                                attribute == "duties" ? "duty" : "function", word,
                                source.empty() ? std::string(" (it has none)") : " (it has: " + join(source, ", ") + ")"),
                    "overlay");
        continue;
      }
      source.erase(it);
      append_unique(model().bodies[*to].*field, {word});
    }
  };
  move_words("functions", &Body::functions);
  move_words("duties", &Body::duties);
  for (const auto& word : a.words("powers")) {
    const auto power = parse_power(word);
    if (!power) {
      a.bad_value("powers", word, {"hold-budget", "employ-staff", "commission", "provide"});
    } else if ((model().bodies[*from].powers & *power) == 0) {
      sink_.error(*files_, a.at("powers"), fmt::format("'{}' does not have the power '{}' to transfer", from_id, word),
                  "overlay");
    } else {
      model().bodies[*from].powers &= static_cast<std::uint8_t>(~*power);
      model().bodies[*to].powers |= *power;
    }
  }
  for (const auto& link_id : a.words("links")) {
    auto it = link_ids_.find(link_id);
    if (it == link_ids_.end()) {
      sink_.error(*files_, a.at("links"), fmt::format("the baseline has no link '{}' to transfer", link_id), "overlay");
      continue;
    }
    Link& l = model().links[it->second];
    if (l.from != from_id && l.to != from_id && l.held_by != from_id) {
      sink_.error(*files_, a.at("links"), fmt::format("link '{}' does not involve '{}'", link_id, from_id), "overlay");
      continue;
    }
    for (std::string* end : {&l.from, &l.to, &l.held_by}) {
      if (*end == from_id) *end = to_id;
    }
  }
}

void Loader::read_supersede(std::uint32_t file, const pugi::xml_node& node) {
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

void Loader::read_move_coverage(std::uint32_t file, const pugi::xml_node& node) {
  Model& m = model();
  AttributeReader a(*files_, file, node, sink_, with(names_of({"area", "from", "to"}), kProvenance));
  const std::string area = a.id("area", true), from = a.id("from", true), to = a.id("to", true);
  const Provenance p = provenance(a);
  if (area.empty() || from.empty() || to.empty()) return;
  if (!live_body(from, a.at("from"), "move coverage from") || !live_body(to, a.at("to"), "move coverage to")) return;
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
}

void Loader::read_remove_or_change(std::uint32_t file, const pugi::xml_node& node) {
  Model& m = model();
  const std::string name = node.name();
  auto allowed = names_of({"ref", "what"});
  if (name == "change") {
    allowed = with(with(allowed, kBodyAttributes), kProvenance);
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
}

void Loader::check_successors() {
  if (successions_.empty()) return;
  auto check = [&](const std::string& ref, const Location& at, std::string_view attribute) {
    if (ref.empty()) return;
    auto it = successions_.find(ref);
    if (it == successions_.end() || layer_of(at) < it->second.layer) return;
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
  for (const auto& p : model().posts) check(p.of, p.provenance.location, "of");
  for (const auto& b : model().bodies) check(b.part_of, b.provenance.location, "part-of");
  for (const auto& s : model().suppressions) check(s.subject, s.location, "subject");
}

}  // namespace govmap::detail
