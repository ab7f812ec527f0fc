#include "compare/diff.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/geography.h"
#include "engine/text.h"

namespace govmap {

std::string_view to_string(MatchBy by) {
  switch (by) {
    case MatchBy::Id: return "id";
    case MatchBy::Code: return "official code";
    case MatchBy::NameAndKind: return "name and kind";
  }
  return "id";
}

namespace {

// The successions of one baseline body: a range of ModelDiff::successions, which is sorted.
auto successions_of(const std::vector<std::pair<std::size_t, std::size_t>>& successions, std::size_t base) {
  return std::equal_range(successions.begin(), successions.end(), std::pair{base, std::size_t{0}},
                          [](const auto& x, const auto& y) { return x.first < y.first; });
}

}  // namespace

std::optional<std::size_t> ModelDiff::successor_of(std::size_t base) const {
  if (auto matched = proposal_of(base)) return matched;
  const auto [first, last] = successions_of(successions, base);
  if (last - first != 1) return std::nullopt;  // none, or a split into several
  return first->second;
}

bool ModelDiff::was_split(std::size_t base) const {
  const auto [first, last] = successions_of(successions, base);
  return last - first > 1;
}

std::optional<std::size_t> ModelDiff::proposal_of(std::size_t base) const {
  if (base >= base_to_proposal.size() || base_to_proposal[base] == kNone) return std::nullopt;
  return base_to_proposal[base];
}

std::optional<std::size_t> ModelDiff::base_of(std::size_t proposal) const {
  if (proposal >= proposal_to_base.size() || proposal_to_base[proposal] == kNone) return std::nullopt;
  return proposal_to_base[proposal];
}

bool ModelDiff::empty() const {
  return added_bodies.empty() && removed_bodies.empty() && changed_bodies.empty() && added_links.empty() &&
         removed_links.empty() && changed_links.empty() && area_moves.empty() && seat_changes.empty();
}

namespace {


std::optional<double> total_of(const Model& m, const Link& link) {
  if (link.total_of == 0) return std::nullopt;
  return m.link_totals[link.total_of - 1].total;
}

std::string amount_text(const std::optional<double>& amount) {
  return amount ? fmt::format("{}", *amount) : std::string();
}

class Differ {
 public:
  Differ(const Model& base, const Model& proposal, const Geography& base_geography, const Geography& proposal_geography)
      : base_(base), proposal_(proposal), base_geography_(&base_geography), proposal_geography_(&proposal_geography) {}

  ModelDiff run() {
    match_bodies();
    compare_bodies();
    compare_links();
    compare_coverage();
    compare_seats();
    return std::move(diff_);
  }

 private:
  void match_bodies() {
    std::vector<bool> base_taken(base_.bodies.size()), proposal_taken(proposal_.bodies.size());
    auto take = [&](std::size_t b, std::size_t p, MatchBy by) {
      base_taken[b] = proposal_taken[p] = true;
      diff_.matches.push_back({b, p, by});
    };
    for (std::size_t p = 0; p < proposal_.bodies.size(); ++p) {
      auto it = base_.body_index.find(proposal_.bodies[p].id);
      if (it != base_.body_index.end()) take(it->second, p, MatchBy::Id);
    }
    // Then by a key that is unique among the unmatched bodies on both sides.
    auto match_by = [&](MatchBy by, auto key_of) {
      std::map<std::string, std::vector<std::size_t>> base_keys, proposal_keys;
      for (std::size_t b = 0; b < base_.bodies.size(); ++b) {
        if (!base_taken[b] && !key_of(base_.bodies[b]).empty()) base_keys[key_of(base_.bodies[b])].push_back(b);
      }
      for (std::size_t p = 0; p < proposal_.bodies.size(); ++p) {
        if (!proposal_taken[p] && !key_of(proposal_.bodies[p]).empty()) {
          proposal_keys[key_of(proposal_.bodies[p])].push_back(p);
        }
      }
      for (const auto& [key, ps] : proposal_keys) {
        auto it = base_keys.find(key);
        if (it != base_keys.end() && it->second.size() == 1 && ps.size() == 1) take(it->second[0], ps[0], by);
      }
    };
    match_by(MatchBy::Code, [](const Body& b) { return b.code; });
    match_by(MatchBy::NameAndKind, [](const Body& b) { return lower(b.name) + "\n" + b.kind; });
    std::sort(diff_.matches.begin(), diff_.matches.end(),
              [](const BodyMatch& a, const BodyMatch& b) { return a.base < b.base; });
    diff_.base_to_proposal.assign(base_.bodies.size(), ModelDiff::kNone);
    diff_.proposal_to_base.assign(proposal_.bodies.size(), ModelDiff::kNone);
    for (const auto& m : diff_.matches) {
      diff_.base_to_proposal[m.base] = m.proposal;
      diff_.proposal_to_base[m.proposal] = m.base;
    }
    for (std::size_t b = 0; b < base_.bodies.size(); ++b) if (!base_taken[b]) diff_.removed_bodies.push_back(b);
    for (std::size_t p = 0; p < proposal_.bodies.size(); ++p) if (!proposal_taken[p]) diff_.added_bodies.push_back(p);
    for (std::size_t p = 0; p < proposal_.bodies.size(); ++p) {
      for (const auto& predecessor : proposal_.bodies[p].predecessors) {
        auto it = base_.body_index.find(predecessor);
        if (it != base_.body_index.end()) diff_.successions.emplace_back(it->second, p);
      }
    }
    std::sort(diff_.successions.begin(), diff_.successions.end());
  }

  // A baseline body id as the proposal knows it: itself when matched, else its only successor
  // (in as_base terms), so that a merged body's links and areas are not counted as moved.
  std::string base_key(Symbol base_id) const {
    auto it = base_.body_index.find(base_id);
    if (it == base_.body_index.end() || diff_.proposal_of(it->second)) return base_id;
    const auto successor = diff_.successor_of(it->second);
    return successor ? as_base(proposal_.bodies[*successor].id) : base_id.str();
  }

  // A proposal body id in the baseline's terms: the matched baseline id, else "+id" (new).
  std::string as_base(Symbol proposal_id) const {
    if (proposal_id.empty()) return {};
    auto it = proposal_.body_index.find(proposal_id);
    if (it == proposal_.body_index.end()) return "+" + proposal_id;
    const auto base = diff_.base_of(it->second);
    return base ? base_.bodies[*base].id.str() : "+" + proposal_id;
  }

  void compare_bodies() {
    for (const auto& m : diff_.matches) {
      const Body& a = base_.bodies[m.base];
      const Body& b = proposal_.bodies[m.proposal];
      BodyChange change{m, {}};
      auto field = [&](const char* name, const std::string& before, const std::string& after) {
        if (before != after) change.fields.push_back({name, before, after});
      };
      field("id", a.id, b.id);
      field("name", a.name, b.name);
      field("kind", a.kind, b.kind);
      field("status", std::string(to_string(a.status)), std::string(to_string(b.status)));
      field("sector", a.sector, b.sector);
      field("code", a.code, b.code);
      // Compared in the baseline's terms, shown in the proposal's (a new body by its own id).
      field("part-of", a.part_of, b.part_of.empty() || as_base(b.part_of) == a.part_of ? as_base(b.part_of) : b.part_of.str());
      field("count", std::to_string(a.count), std::to_string(b.count));
      field("elected", a.elected ? "true" : "false", b.elected ? "true" : "false");
      field("powers", powers_to_string(a.powers), powers_to_string(b.powers));
      field("duties", join(a.duties, " "), join(b.duties, " "));
      field("functions", join(a.functions, " "), join(b.functions, " "));
      if (!change.fields.empty()) diff_.changed_bodies.push_back(std::move(change));
    }
  }

  void compare_links() {
    using Key = std::tuple<int, std::string, std::string, std::string>;
    std::map<Key, std::vector<std::size_t>> base_links, proposal_links;
    for (std::size_t l = 0; l < base_.links.size(); ++l) {
      const Link& link = base_.links[l];
      base_links[{static_cast<int>(link.kind), base_key(link.from), base_key(link.to), link.subtype}].push_back(l);
    }
    for (std::size_t l = 0; l < proposal_.links.size(); ++l) {
      const Link& link = proposal_.links[l];
      proposal_links[{static_cast<int>(link.kind), as_base(link.from), as_base(link.to), link.subtype}].push_back(l);
    }
    std::set<std::size_t> paired_proposal;
    for (const auto& group : base_links) {
      const std::vector<std::size_t>& ls = group.second;  // not a structured binding: lambdas below use it
      auto it = proposal_links.find(group.first);
      static const std::vector<std::size_t> kNone;
      const auto& ps = it == proposal_links.end() ? kNone : it->second;
      // Several links between the same bodies (two merged bodies' links become one): a link the
      // proposal keeps unchanged is paired with its own, so that the other is the one merged
      // away, not a change of amounts between two different links; the rest pair in order.
      // A link whose own bodies remain is the one kept, before one that a merged body's link
      // became.
      const auto moved = [&](std::size_t l) {
        return base_key(base_.links[l].from) != base_.links[l].from || base_key(base_.links[l].to) != base_.links[l].to;
      };
      std::vector<std::size_t> order(ls.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return !moved(ls[i]); });
      std::vector<std::optional<std::size_t>> partner(ls.size());
      std::vector<bool> used(ps.size(), false);
      for (std::size_t i : order) {
        for (std::size_t j = 0; ls.size() > 1 && j < ps.size() && !partner[i]; ++j) {
          if (!used[j] && link_change(ls[i], ps[j]).fields.empty()) partner[i] = j, used[j] = true;
        }
      }
      for (std::size_t i : order) {
        for (std::size_t j = 0; j < ps.size() && !partner[i]; ++j) {
          if (!used[j]) partner[i] = j, used[j] = true;
        }
      }
      // Links of merged bodies that became one link are merged, not removed.
      const bool succeeded = std::any_of(ls.begin(), ls.end(), moved);
      auto& unpaired = !ps.empty() && succeeded ? diff_.merged_links : diff_.removed_links;
      for (std::size_t i = 0; i < ls.size(); ++i) {
        if (!partner[i]) {
          unpaired.push_back({ls[i], std::nullopt, {}});
          continue;
        }
        paired_proposal.insert(ps[*partner[i]]);
        if (LinkChange change = link_change(ls[i], ps[*partner[i]]); !change.fields.empty()) {
          diff_.changed_links.push_back(std::move(change));
        }
      }
    }
    for (const auto& [key, ls] : proposal_links) {
      for (const std::size_t l : ls) {
        if (paired_proposal.count(l) == 0) diff_.added_links.push_back({std::nullopt, l, {}});
      }
    }
    pair_by_id();
    auto by_index = [](const LinkChange& a, const LinkChange& b) { return a.base.value_or(a.proposal.value_or(0)) < b.base.value_or(b.proposal.value_or(0)); };
    std::sort(diff_.removed_links.begin(), diff_.removed_links.end(), by_index);
    std::sort(diff_.merged_links.begin(), diff_.merged_links.end(), by_index);
    std::sort(diff_.added_links.begin(), diff_.added_links.end(), by_index);
    std::sort(diff_.changed_links.begin(), diff_.changed_links.end(), by_index);
  }

  /// A link removed and one added with the same kind and id are one link re-pointed (by
  /// move-coverage, or a later version of one link in a dated model): changed in its ends.
  /// Only an id that names one link on each side: a link that names a kind (every council's
  /// grant) stands for one link per body, all with its id, and which of them a removed one
  /// "became" would be a guess (a council split in two: one part's grant changed, the other's added).
  void pair_by_id() {
    using Key = std::pair<int, Symbol>;  // (kind, id)
    const auto key_of = [](const Link& l) { return Key{static_cast<int>(l.kind), l.id}; };
    // How many links each removed link's id names, in the baseline and in the proposal.
    std::map<Key, std::pair<int, int>> named;
    for (const LinkChange& removed : diff_.removed_links) {
      const Link& l = base_.links[*removed.base];
      if (!l.id.empty()) named.emplace(key_of(l), std::pair{0, 0});
    }
    if (named.empty()) return;
    for (const Link& l : base_.links) {
      if (const auto it = l.id.empty() ? named.end() : named.find(key_of(l)); it != named.end()) ++it->second.first;
    }
    for (const Link& l : proposal_.links) {
      if (const auto it = l.id.empty() ? named.end() : named.find(key_of(l)); it != named.end()) ++it->second.second;
    }
    std::map<Key, std::size_t> added;  // -> index in added_links
    for (std::size_t i = 0; i < diff_.added_links.size(); ++i) {
      const Link& l = proposal_.links[*diff_.added_links[i].proposal];
      const auto it = l.id.empty() ? named.end() : named.find(key_of(l));
      if (it != named.end() && it->second == std::pair{1, 1}) added.emplace(it->first, i);
    }
    if (added.empty()) return;
    std::vector<bool> taken(diff_.added_links.size(), false);  // each is one link's: taken once
    std::erase_if(diff_.removed_links, [&](const LinkChange& removed) {
      const Link& x = base_.links[*removed.base];
      const auto it = x.id.empty() ? added.end() : added.find(key_of(x));
      if (it == added.end()) return false;
      taken[it->second] = true;
      const std::size_t p = *diff_.added_links[it->second].proposal;
      const Link& y = proposal_.links[p];
      LinkChange change = link_change(*removed.base, p);
      std::vector<FieldChange> ends;
      const char* subtype = x.kind == LinkKind::Funding ? "mechanism" : "kind";  // as the element names it
      for (const auto& [name, before, after] : {std::tuple{"from", x.from, y.from}, std::tuple{"to", x.to, y.to},
                                               std::tuple{subtype, x.subtype, y.subtype}}) {
        if (before != after) ends.push_back({name, before.str(), after.str()});
      }
      change.fields.insert(change.fields.begin(), ends.begin(), ends.end());
      diff_.changed_links.push_back(std::move(change));
      return true;
    });
    for (std::size_t i = taken.size(); i-- > 0;) {
      if (taken[i]) diff_.added_links.erase(diff_.added_links.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  LinkChange link_change(std::size_t b, std::size_t p) const {
    const Link& x = base_.links[b];
    const Link& y = proposal_.links[p];
    LinkChange change{b, p, {}};
    auto field = [&](const char* name, const std::string& before, const std::string& after) {
      if (before != after) change.fields.push_back({name, before, after});
    };
    field("amount", amount_text(x.amount), amount_text(y.amount));
    field("total", amount_text(total_of(base_, x)), amount_text(total_of(proposal_, y)));
    field("year", x.year, y.year);
    field("held-by", x.held_by, y.held_by.empty() ? "" : as_base(y.held_by));
    field("functions", join(x.functions, " "), join(y.functions, " "));
    // Comparing two dates of one model: a line of accountability paused at one and not the other.
    auto state = [](const Link& l) {
      if (l.operating()) return std::string("operating");
      const Provenance& period = l.not_operating.front().provenance;
      return "not operating " + period_text(period.since, period.until);
    };
    field("operating", state(x), state(y));
    return change;
  }

  void compare_coverage() {
    // Compared by smallest area: the coarsest whole areas a body is written with differ between
    // two dates of one geography (a county whole at one date, its districts at the other).
    // Each body's id in baseline terms (a proposal body's mapped), computed once; interned, as
    // a change of dates moves every small area of a nation (England 2021 to today: 100,000).
    std::vector<Symbol> base_ids, proposal_ids;
    std::unordered_map<Symbol, Symbol> proposal_id_of;  // mapped id -> proposal id, for display
    std::unordered_map<Symbol, Symbol> proposal_kind_of;  // mapped id -> the proposal body's kind
    for (const auto& body : proposal_.bodies) {
      proposal_ids.emplace_back(as_base(body.id));
      proposal_id_of[proposal_ids.back()] = body.id;
      proposal_kind_of[proposal_ids.back()] = body.kind;
    }
    // A baseline body succeeded by a body of another kind (a CCG by an ICB, an integration
    // authority merged into a care board) stays itself in its own kind's coverage: its areas
    // leave it there, and arrive at the successor in the successor's kind.
    for (const auto& body : base_.bodies) {
      const Symbol key = base_key(body.id);
      const auto kind = proposal_kind_of.find(key);
      base_ids.emplace_back(kind != proposal_kind_of.end() && kind->second != body.kind ? body.id : key);
    }
    // The (kind, id) of each body covering a small area, sorted by their numbers (to compare
    // two sets), written into `c`.
    using Cover = std::vector<std::pair<Symbol, Symbol>>;
    const auto by_number = [](const std::pair<Symbol, Symbol>& x, const std::pair<Symbol, Symbol>& y) {
      return std::pair(x.first.id(), x.second.id()) < std::pair(y.first.id(), y.second.id());
    };
    const auto cover = [&](const Model& m, const Geography* g, Symbol id, const std::vector<Symbol>& ids, Cover& c) {
      c.clear();
      const auto it = m.area_index.find(id);
      if (it == m.area_index.end() || !g->is_leaf(static_cast<AreaIndex>(it->second))) return;
      for (const std::size_t b : g->bodies_covering(static_cast<AreaIndex>(it->second))) {
        c.emplace_back(m.bodies[b].kind, ids[b]);
      }
      std::sort(c.begin(), c.end(), by_number);
      c.erase(std::unique(c.begin(), c.end()), c.end());
    };
    // The bodies of one kind in a cover, in the order of their numbers.
    const auto of_kind = [](const Cover& c, Symbol kind, std::vector<Symbol>& ids) {
      ids.clear();
      for (const auto& [k, body] : c) {
        if (k == kind) ids.push_back(body);
      }
    };
    // Shown by proposal id where the body is the proposal's (a new body in the baseline list).
    const auto shown = [&](Symbol body, bool baseline) {
      const auto it = proposal_id_of.find(body);
      return it != proposal_id_of.end() && (!baseline || body.view().starts_with('+')) ? it->second : body;
    };
    // A moved area's kinds and bodies are listed in the order of their text.
    const auto listed = [&](std::vector<Symbol>& ids, bool baseline) {
      std::sort(ids.begin(), ids.end());
      for (Symbol& body : ids) body = shown(body, baseline);
      return SymbolList(ids);
    };
    Cover from, to;
    std::vector<Symbol> kinds, before, after;
    const auto compare_area = [&](Symbol id) {
      cover(base_, base_geography_, id, base_ids, from);
      cover(proposal_, proposal_geography_, id, proposal_ids, to);
      if (from == to) return;
      kinds.clear();
      for (const auto& [kind, _] : from) kinds.push_back(kind);
      for (const auto& [kind, _] : to) kinds.push_back(kind);
      std::sort(kinds.begin(), kinds.end());
      kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
      for (const Symbol kind : kinds) {
        of_kind(from, kind, before);
        of_kind(to, kind, after);
        if (before == after) continue;
        diff_.area_moves.push_back({id, kind, listed(before, true), listed(after, false)});
      }
    };
    for (const auto& area : base_.areas) compare_area(area.id);
    for (const auto& area : proposal_.areas) {
      if (!base_.area_index.count(area.id)) compare_area(area.id);
    }
    // By area, then kind: each area was compared once, its moves in the order of their kinds, so
    // ordering each area's run of moves (fewer than the moves) is enough. By the text's first
    // eight bytes as a number, then the rest: ids are mostly told apart by those.
    struct Run {
      std::uint64_t prefix;
      std::string_view area;
      std::size_t begin, end;
    };
    const auto prefix_of = [](std::string_view text) {
      std::uint64_t key = 0;
      for (std::size_t i = 0; i < 8; ++i) key = (key << 8) | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
      return key;
    };
    std::vector<Run> runs;
    auto& moves = diff_.area_moves;
    for (std::size_t i = 0; i < moves.size(); ++i) {
      const std::string_view area = moves[i].area.view();
      if (runs.empty() || moves[i - 1].area != moves[i].area) runs.push_back({prefix_of(area), area, i, i});
      runs.back().end = i + 1;
    }
    std::sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) {
      return x.prefix != y.prefix ? x.prefix < y.prefix : x.area < y.area;
    });
    std::vector<AreaMove> sorted;
    sorted.reserve(moves.size());
    for (const Run& r : runs) sorted.insert(sorted.end(), moves.begin() + r.begin, moves.begin() + r.end);
    moves = std::move(sorted);
  }

  void compare_seats() {
    std::map<std::string, SeatChange> boards;  // keyed by baseline id (or "+id")
    // The posts holding each board's seats, before and after, by what they are: a written post by
    // its id, a template's post by the template and its body in the baseline's terms, so that the
    // chair of two merged ICBs and the chair of the merged ICB are the same holder.
    std::map<std::string, std::pair<std::map<std::string, Symbol>, std::map<std::string, Symbol>>> holders;
    const auto holder_key = [](const Model& m, Symbol holder, const auto& body_key) {
      const Post* post = m.find_post(holder);
      return post == nullptr || post->from_template.empty() ? holder.str()
                                                            : post->from_template + "@" + body_key(post->of);
    };
    const auto base_holder = [&](Symbol id) { return holder_key(base_, id, [&](Symbol of) { return base_key(of); }); };
    const auto proposal_holder = [&](Symbol id) { return holder_key(proposal_, id, [&](Symbol of) { return as_base(of); }); };
    for (const auto& seat : base_.seats) {
      const std::string key = base_key(seat.body);
      auto& c = boards[key];
      if (c.body.empty() || key == seat.body) c.body = seat.body;  // the board itself, where it has seats
      if (key != seat.body && std::find(c.succeeded.begin(), c.succeeded.end(), seat.body.view()) == c.succeeded.end()) {
        c.succeeded.push_back(seat.body);
      }
      c.before += seat.count;
      if (seat.voting) c.voting_before += seat.count;
      if (!seat.holder.empty()) holders[key].first.emplace(base_holder(seat.holder), seat.holder);
    }
    for (const auto& seat : proposal_.seats) {
      const std::string key = as_base(seat.body);
      auto& c = boards[key];
      c.body = seat.body;
      c.after += seat.count;
      if (seat.voting) c.voting_after += seat.count;
      if (!seat.holder.empty()) holders[key].second.emplace(proposal_holder(seat.holder), seat.holder);
    }
    // Only a board with seats before and after: a new board's holders are all new.
    const auto only_in = [](const std::map<std::string, Symbol>& these, const std::map<std::string, Symbol>& others) {
      std::vector<Symbol> ids;
      for (const auto& [key, id] : these) {
        if (others.count(key) == 0) ids.push_back(id);
      }
      std::sort(ids.begin(), ids.end());  // by their text
      return ids;
    };
    for (auto& [key, c] : boards) {
      const auto& [before, after] = holders[key];
      if (c.before > 0 && c.after > 0) {
        c.holders_left = only_in(before, after);
        c.holders_joined = only_in(after, before);
      }
      if (c.before != c.after || c.voting_before != c.voting_after || !c.holders_left.empty() ||
          !c.holders_joined.empty()) {
        diff_.seat_changes.push_back(c);
      }
    }
  }

  const Model& base_;
  const Model& proposal_;
  const Geography* base_geography_;
  const Geography* proposal_geography_;
  ModelDiff diff_;
};

}  // namespace

ModelDiff diff_models(const Model& base, const Model& proposal, const Geography& base_geography,
                      const Geography& proposal_geography) {
  return Differ(base, proposal, base_geography, proposal_geography).run();
}

}  // namespace govmap
