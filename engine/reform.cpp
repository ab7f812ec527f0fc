// The reform verbs that join and move: <merge>, <abolish> (with a successor), <rename> and
// <transfer>, and the collapsing of links and seats that a merger makes identical.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {

// After a merge: links between the merged bodies become links of a body to itself and are
// dropped; links that are now the same (kind, ends, type, holder) collapse into one, their
// money added when each states it. The first keeps its id; a later verb naming another's id is
// told which link it became one with (merged_link_message). A baseline link that the vocabulary
// does not allow now that it ends at a body of another kind (a council's partner link to an
// integration authority, abolished into the health board) is left out, with a warning at the
// verb: the reform ended it.
void Loader::collapse_links(const std::string& id, Location at) {
  auto& links = model().links;
  std::map<std::tuple<LinkKind, std::string, std::string, std::string, std::string>, std::size_t> first;
  for (std::size_t i = 0; i < links.size(); ++i) {
    Link& l = links[i];
    if (raw_.link_sides[i].dropped || (l.from != id && l.to != id)) continue;
    if (l.from == l.to) {
      raw_.link_sides[i].dropped = true;
      continue;
    }
    if (raw_.link_sides[i].names_kind()) continue;
    if (layer_of(l.provenance.location) < layer_ && !allowed_now(l, id, at)) {
      raw_.link_sides[i].dropped = true;
      continue;
    }
    auto [it, inserted] = first.emplace(std::tuple{l.kind, l.from, l.to, l.subtype, l.held_by}, i);
    if (inserted) continue;
    Link& kept = links[it->second];
    if (kept.amount.has_value() != l.amount.has_value() || kept.year != l.year) continue;
    if (kept.amount) *kept.amount += *l.amount;
    std::vector<Symbol> functions = kept.functions;
    append_unique(functions, l.functions);
    kept.functions = functions;
    raw_.link_sides[i].dropped = true;
    if (!l.id.empty()) merged_links_[l.id] = {it->second, at};
  }
}

bool Loader::allowed_now(const Link& l, const std::string& successor, Location at) {
  const auto from = model().body_index.find(l.from), to = model().body_index.find(l.to);
  if (!model().vocabulary || from == model().body_index.end() || to == model().body_index.end()) return true;
  const Vocabulary& vocab = *model().vocabulary;
  const Body& a = model().bodies[from->second];
  const Body& b = model().bodies[to->second];
  const auto sector = [&](const Body& body) -> std::string_view {  // its kind's until resolve() sets it
    const BodyKind* kind = vocab.body_kind(body.kind);
    return !body.sector.empty() || kind == nullptr ? body.sector.view() : std::string_view(kind->sector);
  };
  if (vocab.allows(to_string(l.kind), a.kind, sector(a), b.kind, sector(b))) return true;
  const bool to_successor = l.to == successor;
  const Body& other = to_successor ? a : b;
  const Body& now = to_successor ? b : a;
  sink_.warning(*files_, at,
                fmt::format("the {} link {} '{}' ({}) is left out: now {} '{}' ({}), a {}, it is a link the vocabulary "
                            "does not allow, from a {} to a {}",
                            to_string(l.kind), to_successor ? "from" : "to", other.id, other.name,
                            to_successor ? "to" : "from", now.id, now.name, now.kind, a.kind, b.kind),
                "vocabulary");
  sink_.note(*files_, l.provenance.location, "the link is written here");
  return false;
}

std::optional<std::string> Loader::merged_link_message(Symbol link) const {
  const auto it = merged_links_.find(link);
  if (it == merged_links_.end()) return std::nullopt;
  const Link& kept = raw_.model.links[it->second.into];
  return fmt::format("link '{}' became one with {} when their bodies merged ({}); {}", link,
                     kept.id.empty() ? "the link written at " + line_of(kept.provenance.location)
                                     : "link '" + kept.id.str() + "'",
                     line_of(it->second.at),
                     kept.id.empty() ? "that link has no id, so no verb can name it" : "name '" + kept.id.str() + "' instead");
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

void Loader::read_merge(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_,
                    with(with(names_of({"bodies", "into"}), settable_body_attributes()), kVerbProvenance));
  no_children(file, node);
  const std::vector<std::string> ids = a.words("bodies");
  const std::string into = a.id("into", true);
  // Made when the merge succeeds, below.
  if (!into.empty() && model().body_index.count(into) == 0) raw_.unmade.emplace(into, a.at());
  if (ids.size() < 2) {
    sink_.error(*files_, a.at("bodies"),
                "<merge> needs bodies=\"A B ...\" naming at least two bodies of the baseline", "overlay");
    return;
  }
  // Every body the baseline lacks is reported, not only the first.
  std::vector<std::size_t> merged;
  for (const auto& id : ids) {
    if (std::count(ids.begin(), ids.end(), id) > 1) {
      sink_.error(*files_, a.at("bodies"), fmt::format("<merge> names body '{}' twice; a body cannot merge with itself", id),
                  "overlay");
      return;
    }
    if (const auto index = live_body(id, a.at("bodies"), "merge")) merged.push_back(*index);
  }
  if (merged.size() < ids.size()) return;
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
    body.provenance = provenance(a, false);
    target = model().bodies.size();
    if (!claim_id(model().body_index, body_where_, into, target, a.at("into"), "body")) return;
    model().bodies.push_back(std::move(body));
    raw_.unmade.erase(into);
    made_by_verb_.insert(into);
    status_given_.push_back(status_given_[merged.front()]);
  }
  // The result holds what each merged body held (a local commissioning group's statutory duties
  // merged into an area partnership are the partnership's), unless the verb says otherwise.
  Body& kept = model().bodies[target];
  for (std::size_t m : merged) {
    kept.powers |= model().bodies[m].powers;
    append_unique(kept.duties, model().bodies[m].duties);
    append_unique(kept.functions, model().bodies[m].functions);
  }
  read_body_attributes(a, kept, true);
  if (a.has("status")) status_given_[target] = true;
  for (std::size_t m : merged) {
    if (m != target) absorb(m, target, "merged into", a.at());
  }
  collapse_links(into, a.at());
  collapse_seats(into);
}

// One body taken into another: its areas, references and id (as a predecessor).
void Loader::absorb(std::size_t body, std::size_t into, std::string verb, Location at) {
  const std::string old_id = model().bodies[body].id, new_id = model().bodies[into].id;
  append_unique(model().bodies[into].covers, model().bodies[body].covers);
  append_unique(model().bodies[into].predecessors, succeeded_ids(body));
  re_point(old_id, new_id);
  removed_bodies_.insert(old_id);
  succeed(old_id, {new_id}, std::move(verb), at);
}

std::vector<Symbol> Loader::succeeded_ids(std::size_t body) {
  const Body& b = model().bodies[body];
  std::vector<Symbol> ids = {b.id};
  if (made_by_verb_.count(b.id) != 0) append_unique(ids, b.predecessors);
  return ids;
}

void Loader::read_abolish(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body", "successor"}), kVerbProvenance));
  no_children(file, node);
  const std::string id = body_ref(a, "body", true), successor = body_ref(a, "successor");
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
  collapse_links(successor, a.at());
  collapse_seats(successor);
}

void Loader::read_rename(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_, with(names_of({"body", "id", "name", "code"}), kVerbProvenance));
  no_children(file, node);
  const std::string id = body_ref(a, "body", true), new_id = a.id("id");
  if (!new_id.empty() && model().body_index.count(new_id) == 0) raw_.unmade.emplace(new_id, a.at());  // until renamed
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
  raw_.unmade.erase(new_id);
  append_unique(body.predecessors, succeeded_ids(*index));
  body.id = new_id;
  made_by_verb_.insert(new_id);
  re_point(id, new_id);
  succeed(id, {new_id}, "renamed", a.at());
}

void Loader::read_transfer(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_,
                    with(names_of({"from", "to", "functions", "duties", "powers", "links"}), kVerbProvenance));
  no_children(file, node);
  const std::string from_id = body_ref(a, "from", true), to_id = body_ref(a, "to", true);
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
  auto move_words = [&](std::string_view attribute, std::vector<Symbol> Body::*field) {
    for (const auto& word : a.symbols(attribute)) {
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
      const std::string has = powers_to_string(model().bodies[*from].powers);
      sink_.error(*files_, a.at("powers"),
                  fmt::format("'{}' does not have the power '{}' to transfer ({})", from_id, word,
                              has.empty() ? "it has none" : "it has: " + has),
                  "overlay");
    } else {
      model().bodies[*from].powers &= static_cast<std::uint8_t>(~*power);
      model().bodies[*to].powers |= *power;
    }
  }
  // A hint for a link `from` does not have: a near id of its links, or their ids.
  const auto link_hint = [&](const std::string& link_id) {
    std::set<std::string> own;
    for (const Link& l : model().links) {
      if (!l.id.empty() && (l.from == from_id || l.to == from_id || l.held_by == from_id)) own.insert(l.id);
    }
    const std::vector<std::string> ids(own.begin(), own.end());
    if (ids.empty()) return fmt::format("; no link of '{}' has an id to name it by", from_id);
    const std::string near = did_you_mean(link_id, ids);
    return !near.empty() ? near : fmt::format("; the links of '{}' with ids: {}", from_id, join_first(ids, ", ", 12));
  };
  for (const auto& link_id : a.words("links")) {
    if (const auto merged = merged_link_message(link_id)) {
      sink_.error(*files_, a.at("links"), *merged, "overlay");
      continue;
    }
    auto it = link_ids_.find(link_id);
    if (it == link_ids_.end()) {
      sink_.error(*files_, a.at("links"),
                  fmt::format("the baseline has no link '{}' to transfer{}", link_id, link_hint(link_id)), "overlay");
      continue;
    }
    Link& l = model().links[it->second];
    if (l.from != from_id && l.to != from_id && l.held_by != from_id) {
      sink_.error(*files_, a.at("links"),
                  fmt::format("link '{}' does not involve '{}'{}", link_id, from_id, link_hint(link_id)), "overlay");
      continue;
    }
    for (Symbol* end : {&l.from, &l.to, &l.held_by}) {
      if (*end == from_id) *end = to_id;
    }
  }
}


}  // namespace govmap::detail
