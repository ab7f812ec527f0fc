// Reference and vocabulary checks after all files are read.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/loader_internal.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap::detail {
namespace {

constexpr std::size_t kMaxSuggestionPool = 20000;  // beyond this, skip "did you mean"
/// The work all "did you mean" searches of one load may do, counted as candidates times the
/// unknown id's length (the banded edit distance costs up to 17 steps for each): about a second
/// at most. 40 unknown 250-character ids among 20,000 had taken over 600 s; a 200,000,000 budget
/// still let them take 7 s.
constexpr std::size_t kSuggestionBudget = 20'000'000;

/// "a" or "an" before a word.
std::string_view article(std::string_view word) {
  return !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos ? "an" : "a";
}

template <typename Map>
std::vector<std::string> sorted_keys(const Map& index) {
  std::vector<std::string> keys;
  if (index.size() > kMaxSuggestionPool) return keys;
  keys.reserve(index.size());
  for (const auto& [key, _] : index) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

/// A list of the vocabulary's ids, as text (for messages) and as the symbols of those the model
/// uses, so that a model's value (a Symbol) is found by integer compares: a million links'
/// mechanisms and kinds are not compared as text.
struct Words {
  explicit Words(std::vector<std::string> ids) : text(std::move(ids)) {
    // An id the model never interned names none of its values (lookup does not intern it).
    for (const auto& id : text) {
      if (const auto symbol = Symbol::lookup(id)) symbols.push_back(*symbol);
    }
  }
  bool has(Symbol value) const {
    return std::find(symbols.begin(), symbols.end(), value) != symbols.end();
  }

  std::vector<std::string> text;
  std::vector<Symbol> symbols;
};

class Resolver {
 public:
  Resolver(RawModel& raw, DiagnosticSink& sink, std::size_t max_errors)
      : raw_(raw), m_(raw.model), files_(*m_.files), vocab_(*m_.vocabulary), sink_(sink),
        max_errors_(max_errors), body_kinds_(ids_of(vocab_.body_kinds)), sectors_(ids_of(vocab_.sectors)),
        mechanisms_(ids_of(vocab_.mechanisms)), accountability_kinds_(ids_of(vocab_.accountability_kinds)) {}

  void run() {
    check_sources(m_.model_sources, {}, {});
    parents_.assign(m_.areas.size(), kNoParent);
    for (std::size_t i = 0; i < m_.areas.size(); ++i) {
      if (full()) return;
      const Area& area = m_.areas[i];
      check_provenance(area.provenance);
      if (area.parent.empty()) continue;
      if (auto parent = ref(m_.area_index, area.parent, "area", {area.provenance.location, "parent"}, area_keys_)) {
        parents_[i] = *parent;
      }
    }
    check_area_cycles();
    for (auto& body : m_.bodies) {
      if (full()) return;
      check_body(body);
    }
    for (const auto& c : raw_.coverage) {
      if (full()) return;
      check_coverage(c);
    }
    for (const auto& p : m_.people) check_provenance(p.provenance);
    for (const auto& post : m_.posts) {
      if (full()) return;
      check_provenance(post.provenance);
      if (!post.of.empty()) body_ref(post.of, {post.provenance.location, "of"});
      if (!post.of_kind.empty()) kind_ref(post.of_kind, {post.provenance.location, "of-kind"});
      if (!post.holder.empty()) ref(m_.person_index, post.holder, "person", {post.provenance.location, "holder"}, person_keys_);
    }
    for (const auto& seat : m_.seats) {
      if (full()) return;
      check_seat(seat);
    }
    for (std::size_t i = 0; i < m_.links.size(); ++i) {
      if (full()) return;
      check_link(m_.links[i], raw_.link_sides[i]);
    }
    for (const auto& claim : m_.claims) {
      if (full()) return;
      check_claim(claim);
    }
    for (const auto& s : m_.suppressions) {
      if (!s.reason.empty() && split_words(s.reason).empty()) {
        sink_.error(files_, s.location, "a suppression needs a reason", "missing-attribute");
      }
    }
    if (!full()) expand_links();
  }

 private:
  /// Where an attribute is written: its element, and its name. The position in the file is
  /// looked up only for a diagnostic (the lookup scans the start tag, which can be long).
  struct Where {
    Location element;
    std::string_view attribute;
  };

  /// Whether the error limit is reached: nothing more is reported or checked.
  bool full() const { return sink_.error_count() >= max_errors_; }

  /// The position of the element `id` names in `index`; reports an unknown one (nullopt).
  std::optional<std::size_t> ref(const IdIndex& index, Symbol id, std::string_view what, Where where,
                                 std::vector<std::string>& keys) {
    if (const auto it = index.find(id); it != index.end()) return it->second;
    if (full()) return std::nullopt;
    if (const auto removed = raw_.removed_at.find({std::string(what), id}); removed != raw_.removed_at.end()) {
      // The proposal's <remove> is what to fix, not the baseline that still names the element.
      sink_.error(files_, removed->second, fmt::format("{} '{}' is removed here, but the model still names it", what, id),
                  "overlay");
      sink_.note(files_, place(where), "named here");
      return std::nullopt;
    }
    if (const auto unmade = what == "body" ? raw_.unmade.find(id.str()) : raw_.unmade.end(); unmade != raw_.unmade.end()) {
      sink_.error(files_, place(where),
                  fmt::format("unknown body '{}': the verb at {}:{} that would make it failed (see its errors)", id,
                              files_.path(unmade->second.file), unmade->second.line),
                  "dangling-ref");
      return std::nullopt;
    }
    if (const auto then = what == "body" ? raw_.held_then(id) : std::nullopt) {
      sink_.error(files_, place(where), fmt::format("unknown body '{}' as of {}: {}", id, raw_.baseline_date, *then),
                  "dangling-ref");
      return std::nullopt;
    }
    if (keys.empty()) keys = sorted_keys(index);
    std::string hint = suggestion(id, keys);
    if (hint.empty() && what == "body") hint = named_like(id);
    sink_.error(files_, place(where), fmt::format("unknown {} '{}'{}", what, id, hint), "dangling-ref");
    return std::nullopt;
  }
  std::optional<std::size_t> body_ref(Symbol id, Where where) {
    return ref(m_.body_index, id, "body", where, body_keys_);
  }
  /// Location of an attribute of the element at `element`.
  Location attr(Location element, std::string_view name) const { return attribute_location(files_, element, name); }
  Location place(Where where) const { return where.attribute.empty() ? where.element : attr(where.element, where.attribute); }

  /// Whether the suggestion budget has `cost` left, spending it when it has.
  bool afford(std::size_t cost) {
    if (cost > suggestion_budget_) return false;
    suggestion_budget_ -= cost;
    return true;
  }
  /// " (did you mean 'x'?)" while the suggestion budget lasts, then "".
  std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
    return afford(candidates.size() * (word.size() + 1)) ? did_you_mean(word, candidates) : std::string();
  }
  /// The bodies named like `id` (Model::named_like), while the suggestion budget lasts.
  std::string named_like(Symbol id) {
    return afford(m_.bodies.size() * (id.view().size() + 1)) ? m_.named_like(std::string(id.view())) : std::string();
  }

  /// Whether every source exists (reporting each that does not).
  bool check_sources(SymbolList sources, Location element, std::string_view attribute) {
    bool found = true;
    for (const auto& s : sources) found = ref(m_.source_index, s, "source", {element, attribute}, source_keys_) && found;
    return found;
  }
  void check_provenance(const Provenance& p) {
    // Neighbouring elements mostly cite the same sources (England's 33,000 areas cite the same
    // two): a list equal to the last one found whole is not looked up again.
    if (p.sources.empty() || p.sources == found_sources_) return;
    if (check_sources(p.sources, p.location, "source")) found_sources_ = p.sources;
  }

  /// Reports a value the vocabulary lacks, with a suggestion or else the values it has.
  bool vocabulary_ref(Symbol value, std::string_view what, const Words& known, Where where) {
    return known.has(value) || vocabulary_ref(value.view(), what, known.text, where);
  }
  bool vocabulary_ref(std::string_view value, std::string_view what, const std::vector<std::string>& known,
                      Where where) {
    if (std::find(known.begin(), known.end(), value) != known.end()) return true;
    if (full()) return false;
    std::string hint = did_you_mean(value, known);
    const bool list = hint.empty() && listed_.insert(std::string(what)).second;
    if (hint.empty()) {  // the whole list once; again for each value would bury the errors
      hint = list ? fmt::format("; it has: {}", join(known, ", "))
                  : fmt::format(" (its {}s are listed with the first such error)", what);
    }
    const Location at = place(where);
    sink_.error(files_, at, fmt::format("'{}' is not {} {} in the vocabulary{}", value, article(what), what, hint),
                "vocabulary");
    if (list && listed_.size() == 1) sink_.note(files_, at, own_vocabulary_hint(what));
    return false;
  }
  /// How a model adds a value the vocabulary lacks (a kind of body a proposal invents).
  std::string own_vocabulary_hint(std::string_view what) const {
    if (&vocab_ != &builtin_vocabulary()) {
      return fmt::format("if the {} is meant, add it to the vocabulary this model names, {}", what, vocab_.path);
    }
    return fmt::format(
        "{} {} of your own needs a vocabulary of your own: copy the vocabulary.xml beside the bundled "
        "models ('govmap models' prints their folder), add the {} to it, and name the copy on the root "
        "of the file you run govmap on: vocabulary=\"FILE\" (models/FORMAT.md)",
        article(what), what, what);
  }

  bool kind_ref(Symbol kind, Where where) {
    return vocabulary_ref(kind, "body kind", body_kinds_, where);
  }

  /// The vocabulary's entry for a body kind, looked up once per kind.
  const BodyKind* kind_of(Symbol kind) {
    const auto [it, fresh] = kinds_.try_emplace(kind, nullptr);
    if (fresh) it->second = vocab_.body_kind(kind);
    return it->second;
  }

  void check_body(Body& body) {
    check_provenance(body.provenance);
    const Location at = body.provenance.location;
    const BodyKind* kind = kind_of(body.kind);
    if (kind == nullptr && body.kind.empty()) {
      // The missing kind was reported when the file was read; nothing below can be checked.
    } else if (kind == nullptr) {
      vocabulary_ref(body.kind, "body kind", body_kinds_, {at, "kind"});
    } else if (body.sector.empty()) {
      body.sector = kind->sector;
    }
    if (!body.sector.empty() && kind != nullptr && body.sector != kind->sector) {
      vocabulary_ref(body.sector, "sector", sectors_, {at, "sector"});
    }
    if (!body.part_of.empty() && body_ref(body.part_of, {at, "part-of"}) && body.part_of == body.id) {
      sink_.error(files_, at, fmt::format("body '{}' cannot be part of itself", body.id), "bad-value");
    }
    for (const auto& area : body.covers) {
      if (!ref(m_.area_index, area, "area", {at, "covers"}, area_keys_) && full()) return;
    }
  }

  void check_coverage(const RawCoverage& c) {
    if (!body_ref(c.body, {c.location, "body"})) return;
    std::size_t bad = 0;
    for (const auto& area : c.areas) {
      if (m_.area_index.count(area) != 0) continue;
      if (++bad <= 5) ref(m_.area_index, area, "area", {c.location, "areas"}, area_keys_);
    }
    if (bad > 5) sink_.error(files_, c.location, fmt::format("and {} more unknown areas", bad - 5), "dangling-ref");
    auto& covers = m_.bodies[m_.body_index.at(c.body)].covers;
    covers.insert(covers.end(), c.areas.begin(), c.areas.end());
  }

  void check_seat(const Seat& seat) {
    check_provenance(seat.provenance);
    const Location at = seat.provenance.location;
    if (!seat.body.empty()) body_ref(seat.body, {at, "body"});
    if (!seat.body_kind.empty()) kind_ref(seat.body_kind, {at, "body-kind"});
    for (const auto& body : seat.except) body_ref(body, {at, "except"});
    if (!seat.nominated_by.empty()) body_ref(seat.nominated_by, {at, "nominated-by"});
    if (!seat.nominated_by_kind.empty()) kind_ref(seat.nominated_by_kind, {at, "nominated-by-kind"});
    if (!seat.holder.empty() && m_.person_index.count(seat.holder) == 0 && m_.post_index.count(seat.holder) == 0 &&
        !full()) {
      auto keys = sorted_keys(m_.person_index);
      auto posts = sorted_keys(m_.post_index);
      keys.insert(keys.end(), posts.begin(), posts.end());
      sink_.error(files_, attr(at, "holder"),
                  fmt::format("unknown person or post '{}'{}", seat.holder, suggestion(seat.holder, keys)),
                  "dangling-ref");
    }
    if (!seat.sector.empty()) vocabulary_ref(seat.sector, "sector", sectors_, {at, "sector"});
  }

  void check_link(const Link& link, const LinkKindSide& side) {
    check_provenance(link.provenance);
    const Location at = link.provenance.location;
    // A missing end was reported by the loader; nothing below can check the link then.
    bool ok = (!link.from.empty() || !side.from_kind().empty()) && (!link.to.empty() || !side.to_kind().empty());
    std::optional<std::size_t> from, to;
    if (!link.from.empty()) {
      from = body_ref(link.from, {at, "from"});
      ok = from.has_value() && ok;
    }
    if (!link.to.empty()) {
      to = body_ref(link.to, {at, "to"});
      ok = to.has_value() && ok;
    }
    const auto kind_ref_of = [&](const std::string& kind, std::string_view attribute) {
      return vocabulary_ref(kind, "body kind", body_kinds_.text, {at, attribute});
    };
    if (!side.from_kind().empty()) ok = kind_ref_of(side.from_kind(), "from-kind") && ok;
    if (!side.to_kind().empty()) ok = kind_ref_of(side.to_kind(), "to-kind") && ok;
    if (!link.held_by.empty()) body_ref(link.held_by, {at, "held-by"});
    if (link.kind == LinkKind::Funding && !link.subtype.empty()) {
      vocabulary_ref(link.subtype, "funding mechanism", mechanisms_, {at, "mechanism"});
    }
    if (link.kind == LinkKind::Accountability && !link.subtype.empty()) {
      vocabulary_ref(link.subtype, "accountability kind", accountability_kinds_, {at, "kind"});
    }
    if (ok && !side.names_kind()) check_allowed(link.kind, *from, *to, at);
  }

  /// A dense number for a body's (kind, sector), found once per body: a model has few.
  std::uint64_t class_of(std::size_t body) {
    if (body_class_.size() != m_.bodies.size()) body_class_.assign(m_.bodies.size(), kNoClass);
    auto& known = body_class_[body];
    if (known == kNoClass) {
      const Body& b = m_.bodies[body];
      const std::uint64_t pair = std::uint64_t{b.kind.id()} << 32 | b.sector.id();
      known = classes_.try_emplace(pair, static_cast<std::uint32_t>(classes_.size())).first->second;
    }
    return known;
  }

  void check_allowed(LinkKind kind, std::size_t from_body, std::size_t to_body, Location at) {
    // Asked once per link, of a few combinations of kinds and sectors: each is answered once,
    // and found again by one integer key.
    const std::uint64_t key = std::uint64_t{static_cast<std::uint8_t>(kind)} << 58 |
                              class_of(from_body) << 29 | class_of(to_body);
    auto [known, fresh] = allowed_.try_emplace(key, false);
    const Body& from = m_.bodies[from_body];
    const Body& to = m_.bodies[to_body];
    if (fresh) known->second = vocab_.allows(to_string(kind), from.kind, from.sector, to.kind, to.sector);
    if (known->second) return;
    sink_.error(files_, at,
                fmt::format("the vocabulary does not allow a {} link from {} '{}' to {} '{}'",
                            to_string(kind), from.kind, from.id, to.kind, to.id),
                "vocabulary");
  }

  void check_claim(const Claim& claim) {
    check_provenance(claim.provenance);
    static const std::vector<std::string> kMetrics = {"bodies", "seats", "split-areas", "split-partners",
                                                      "coterminous", "funding", "population"};
    const Location at = claim.provenance.location;
    if (!claim.metric.empty()) vocabulary_ref(claim.metric, "claim metric", kMetrics, {at, "metric"});
    auto param = [&](const char* name) {
      auto it = claim.params.find(name);
      return it == claim.params.end() ? std::string() : it->second;
    };
    for (const char* kind_param : {"kind", "by"}) {
      const std::string kind = param(kind_param);
      const bool area_kind = claim.metric == "population";
      if (!kind.empty() && !area_kind) {
        vocabulary_ref(kind, "body kind", body_kinds_.text, {at, kind_param});
      }
    }
    for (const char* body_param : {"body", "nominated-by", "from", "to"}) {
      if (!param(body_param).empty()) body_ref(param(body_param), {at, body_param});
    }
    const bool needs_kind = claim.metric == "bodies" || claim.metric == "split-areas" ||
                            claim.metric == "split-partners" || claim.metric == "coterminous";
    if (needs_kind && param("kind").empty()) {
      sink_.error(files_, at, fmt::format("a '{}' claim needs the attribute 'kind'", claim.metric), "missing-attribute");
    }
    if (needs_kind && claim.metric != "bodies" && param("by").empty()) {
      sink_.error(files_, at, fmt::format("a '{}' claim needs the attribute 'by'", claim.metric), "missing-attribute");
    }
    if (claim.metric == "seats" && param("body").empty()) {
      sink_.error(files_, at, "a 'seats' claim needs the attribute 'body'", "missing-attribute");
    }
  }

  void check_area_cycles() {
    // Walk up each parent chain; a chain longer than the number of areas is a loop.
    std::vector<int> state(m_.areas.size(), 0);  // 0 unvisited, 1 on path, 2 done
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < m_.areas.size(); ++start) {
      path.clear();
      std::size_t i = start;
      while (state[i] == 0) {
        state[i] = 1;
        path.push_back(i);
        if (parents_[i] == kNoParent) break;
        i = parents_[i];
      }
      if (state[i] == 1 && parents_[i] != kNoParent) {
        sink_.error(files_, m_.areas[i].provenance.location,
                    fmt::format("area '{}' is its own ancestor (parent chain loops)", m_.areas[i].id), "area-cycle");
      }
      for (auto p : path) state[p] = 2;
    }
  }

  /// A baseline link that names a kind no longer reaches a body of that kind a proposal merged
  /// into, or abolished in favour of, a body of another kind (a local commissioning group's
  /// accountability for its duties, which pass to the area partnership it is merged into): said
  /// at the verb, as a seat of that kind left unfilled is, so that the proposal adds the link if
  /// it still holds.
  void warn_kind_link_lost(std::size_t link, const std::string& kind) {
    const Link& l = m_.links[link];
    for (const auto& [old_id, s] : raw_.successions) {
      if (s.kind != kind || s.successors.size() != 1 || raw_.layer_of(l.provenance.location) >= s.layer) continue;
      const Body* successor = m_.find_body(s.successors.front());
      if (successor == nullptr || successor->kind == kind) continue;
      sink_.warning(files_, s.location,
                    fmt::format("'{}' is {} '{}' ({}): the {} link every {} has {} '{}'{} no longer reaches it; "
                                "add it to '{}' if it still holds",
                                old_id, s.verb, successor->id, successor->kind, to_string(l.kind), kind,
                                l.from.empty() ? "to" : "from", l.from.empty() ? l.to : l.from,
                                l.subtype.empty() ? std::string() : fmt::format(" ({})", l.subtype), successor->id),
                    "no-related-body");
      sink_.note(files_, l.provenance.location, "the link is written here");
    }
  }

  /// Replaces each link that names a kind by one link per body of that kind, in place and in
  /// document order: the links are moved back to front into their final slots, so a model of a
  /// million links never holds two copies of them.
  void expand_links() {
    std::unordered_map<std::string, std::vector<std::size_t>> by_kind;
    for (std::size_t i = 0; i < m_.bodies.size(); ++i) by_kind[m_.bodies[i].kind].push_back(i);
    auto& links = m_.links;
    auto& sides = raw_.link_sides;
    // The bodies each kind-level link expands to; checks and totals in document order.
    static const std::vector<std::size_t> kNone;
    std::vector<const std::vector<std::size_t>*> targets(links.size(), nullptr);
    std::size_t expanded = 0;  // links the kind-level ones stand for
    for (std::size_t i = 0; i < links.size(); ++i) {
      const LinkKindSide& side = sides[i];
      if (!side.names_kind()) continue;
      const bool to_side = !side.to_kind().empty();
      const std::string& fixed = to_side ? links[i].from : links[i].to;
      const auto it = by_kind.find(to_side ? side.to_kind() : side.from_kind());
      targets[i] = (it == by_kind.end() || fixed.empty() || m_.body_index.count(fixed) == 0) ? &kNone : &it->second;
      if (!raw_.successions.empty()) warn_kind_link_lost(i, to_side ? side.to_kind() : side.from_kind());
      expanded += targets[i]->size();
      if (expanded > kMaxExpandedLinks) {  // a small file must not demand unbounded memory
        sink_.error(files_, links[i].provenance.location,
                    fmt::format("with this link, kind-level links stand for more than {} links, "
                                "the limit for one model (see Limits in models/FORMAT.md)",
                                kMaxExpandedLinks),
                    "too-many");
        return;
      }
      for (std::size_t body : *targets[i]) {
        if (full()) return;
        const std::size_t fixed_body = m_.body_index.find(fixed)->second;  // found: it has targets
        check_allowed(links[i].kind, to_side ? fixed_body : body, to_side ? body : fixed_body,
                      links[i].provenance.location);
      }
      if (side.total() && !targets[i]->empty()) {
        m_.link_totals.push_back({*side.total(), targets[i]->size()});
        links[i].total_of = static_cast<std::uint32_t>(m_.link_totals.size());
      }
    }
    // Kind-level links that stand for no body go; every other element becomes one or more links.
    std::size_t kept = 0, final_size = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (targets[i] != nullptr && targets[i]->empty()) continue;
      if (kept != i) {
        links[kept] = std::move(links[i]);
        sides[kept] = std::move(sides[i]);
        targets[kept] = targets[i];
      }
      final_size += targets[kept] == nullptr ? 1 : targets[kept]->size();
      ++kept;
    }
    links.resize(final_size);  // the live elements are the first `kept`, and final_size >= kept
    // Element i ends at slot `end`; its first slot is never before i, so the slots it writes
    // hold only elements already moved.
    std::size_t end = final_size;
    std::vector<bool> to_itself(final_size, false);
    for (std::size_t i = kept; i-- > 0;) {
      if (targets[i] == nullptr) {
        if (--end != i) links[end] = std::move(links[i]);
        continue;
      }
      Link proto = std::move(links[i]);
      const bool to_side = !sides[i].to_kind().empty();
      const auto& bodies = *targets[i];
      end -= bodies.size();
      for (std::size_t k = 0; k < bodies.size(); ++k) {
        Link& slot = links[end + k];
        slot = k + 1 == bodies.size() ? std::move(proto) : proto;
        (to_side ? slot.to : slot.from) = m_.bodies[bodies[k]].id;
        to_itself[end + k] = slot.from == slot.to;
      }
    }
    sides.clear();
    // A kind-level link never links a body of that kind to itself (a proposal may make the
    // fixed end one of the kind: a committee abolished into a health board). A link written
    // from a body to itself stays, for the rules to report.
    std::size_t left = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (to_itself[i]) continue;
      if (left != i) links[left] = std::move(links[i]);
      ++left;
    }
    links.resize(left);
  }

  RawModel& raw_;
  Model& m_;
  const SourceFiles& files_;
  const Vocabulary& vocab_;
  DiagnosticSink& sink_;
  std::size_t max_errors_;
  std::size_t suggestion_budget_ = kSuggestionBudget;
  std::vector<std::string> body_keys_, area_keys_, source_keys_, person_keys_;
  SymbolList found_sources_;  // the last list of sources found whole
  std::set<std::string> listed_;  // what vocabulary_ref has listed the values of
  // Whether the vocabulary allows a link of a kind between bodies of two classes (class_of).
  std::unordered_map<std::uint64_t, bool> allowed_;
  static constexpr std::uint32_t kNoClass = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> body_class_;  // by body: its class, or kNoClass before first asked
  std::unordered_map<std::uint64_t, std::uint32_t> classes_;  // (kind, sector) symbols -> class
  std::unordered_map<Symbol, const BodyKind*> kinds_;  // kind_of
  static constexpr std::size_t kNoParent = static_cast<std::size_t>(-1);
  std::vector<std::size_t> parents_;  // by area: its parent's position, or kNoParent
  // The vocabulary's ids, listed once (each link's mechanism or kind is looked up in them).
  const Words body_kinds_, sectors_, mechanisms_, accountability_kinds_;
};

}  // namespace

void resolve(RawModel& raw, DiagnosticSink& sink, std::size_t max_errors) {
  Resolver(raw, sink, max_errors).run();
}

}  // namespace govmap::detail
