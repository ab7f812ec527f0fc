// Dated models (models/FORMAT.md, "Dates"): a link's <not-operating> periods, and the one pass
// that checks every element's dates and leaves out what is not in force at the date a model is
// read at. It runs on the raw model after reading (and a proposal's changes) and before
// references are resolved, so the rest of the loader never sees a dated element.

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {

void Loader::read_not_operating(std::uint32_t file, const XmlNode& link_node, Link& link) {
  for (auto child : link_node.children()) {
    if (child.type() != XmlNodeType::Element) continue;
    if (std::string_view(child.name()) != "not-operating") {
      sink_.error(*files_, node_location(*files_, file, child),
                  fmt::format("<{}> may contain only <not-operating>, not <{}>{}", link_node.name(), child.name(),
                              did_you_mean(child.name(), {"not-operating"})),
                  "unknown-element");
      continue;
    }
    static const AttributeNames kAllowed(with(names_of({"reason"}), kProvenance));
    AttributeReader a(*files_, file, child, sink_, kAllowed);
    NotOperating period{a.text("reason", true), provenance(a)};
    if (!a.has("since") && !a.has("from")) a.date("since", true);  // a written "from" gets its own hint
    no_children(file, child);
    link.not_operating.push_back(std::move(period));
  }
}

namespace {

/// An element's dates, and where it is written.
struct Dated {
  Symbol since, until;
  Location location;
  const char* what = "";  // "body", "post", "person" or "area" for a target; "" for the element naming it
};

/// Whether [inner) lies within [outer): an open bound of `inner` needs an open bound of `outer`.
bool within(const Dated& inner, const Dated& outer) {
  const bool starts_after = outer.since.empty() || (!inner.since.empty() && outer.since <= inner.since);
  const bool ends_before = outer.until.empty() || (!inner.until.empty() && inner.until <= outer.until);
  return starts_after && ends_before;
}

class DatePass {
 public:
  DatePass(RawModel& raw, DiagnosticSink& sink) : raw_(raw), m_(raw.model), files_(*raw.model.files), sink_(sink) {}

  void check() {
    // Only dated targets can be missing at an element's date; an undated one is always there.
    dated_ = spans_of(m_.bodies, "body");
    dated_.merge(spans_of(m_.people, "person"));
    dated_.merge(spans_of(m_.posts, "post"));
    areas_ = spans_of(m_.areas, "area");
    for (const Link& l : m_.links) check_periods(l);
    spans_of(m_.seats, "seat");
    spans_of(m_.links, "link");
    spans_of(m_.claims, "claim");
    if (!areas_.empty()) check_area_references();
    if (dated_.empty()) return;  // nothing dated to name: every reference holds at every date
    for (const Body& b : m_.bodies) refers(b.provenance, "body", b.id, b.part_of, "part-of", dated_);
    for (const Post& p : m_.posts) {
      refers(p.provenance, "post", p.id, p.of, "of", dated_);
      refers(p.provenance, "post", p.id, p.holder, "holder", dated_);
      refers(p.provenance, "post", p.id, p.replaces, "replaces", dated_);
      for (const Symbol body : p.for_bodies) {
        refers(p.provenance, "post", p.id, body, "for", dated_);
      }
    }
    for (const Seat& s : m_.seats) {
      refers(s.provenance, "seat", s.id, s.body, "body", dated_);
      refers(s.provenance, "seat", s.id, s.holder, "holder", dated_);
      refers(s.provenance, "seat", s.id, s.nominated_by, "nominated-by", dated_);
    }
    std::map<LinkKind, std::string> link_what;  // "funding link"
    for (LinkKind kind : kAllLinkKinds) link_what[kind] = fmt::format("{} link", to_string(kind));
    for (const Link& l : m_.links) {
      const std::string& what = link_what[l.kind];
      for (const char* side : {"from", "to", "held-by"}) {
        const Symbol id = side[0] == 'f' ? l.from : side[0] == 't' ? l.to : l.held_by;
        refers(l.provenance, what, l.id, id, side, dated_);
      }
    }
    for (const Claim& c : m_.claims) {
      for (const char* param : {"body", "from", "to", "nominated-by"}) {
        if (auto it = c.params.find(param); it != c.params.end()) refers(c.provenance, "claim", c.id, it->second, param, dated_);
      }
    }
    for (const RawCoverage& c : raw_.coverage) refers({c.since, c.until, c.location, ""}, "coverage", "", c.body, "body", dated_);
  }

  void filter(const std::string& date) {
    std::unordered_set<Symbol> gone;
    bool dropped = false;
    // Most elements are undated: two integer compares, before any text is read.
    const auto absent = [&](const Provenance& p) {
      return !(p.since.empty() && p.until.empty()) && !in_force(date, p.since, p.until);
    };
    const auto drop = [&](auto& items) {
      std::erase_if(items, [&](const auto& item) {
        if (!absent(item.provenance)) return false;
        if (!item.id.empty()) gone.insert(item.id);
        return dropped = true;
      });
    };
    drop(m_.areas);
    drop(m_.bodies);
    drop(m_.people);
    drop(m_.posts);
    drop(m_.seats);
    drop(m_.claims);
    raw_.erase_links_if([&](const Link& l) {
      if (!absent(l.provenance)) return false;
      if (!l.id.empty()) gone.insert(l.id);
      return dropped = true;
    });
    for (Link& l : m_.links) {
      std::erase_if(l.not_operating, [&](const NotOperating& p) { return absent(p.provenance); });
    }
    std::erase_if(raw_.coverage, [&](const RawCoverage& c) { return !in_force(date, c.since, c.until); });
    // A suppression of something not there at this date has nothing to match; it is not unused.
    std::erase_if(m_.suppressions, [&](const Suppression& s) {
      const auto subject = Symbol::lookup(s.subject);  // text never interned names nothing gone
      return subject && !subject->empty() && gone.count(*subject) != 0;
    });
    if (dropped) m_.reindex();
  }

 private:
  /// Areas name their parent and bodies the areas they cover: each area named must exist at
  /// every date of the element naming it.
  void check_area_references() {
    for (const Area& a : m_.areas) refers(a.provenance, "area", a.id, a.parent, "parent", areas_);
    for (const Body& b : m_.bodies) {
      for (const Symbol area : b.covers) refers(b.provenance, "body", b.id, area, "covers", areas_);
    }
    for (const RawCoverage& c : raw_.coverage) {
      for (const Symbol area : c.areas) {
        refers({c.since, c.until, c.location, ""}, "coverage", "", area, "areas", areas_);
      }
    }
  }

  /// Reports a reference to a body, person or post (`targets` dated_), or to an area (areas_),
  /// that does not exist at every date the element does. Unknown ids are left to resolve().
  using Spans = std::unordered_map<Symbol, std::vector<Dated>>;
  void refers(const Dated& element, std::string_view what, std::string_view id, Symbol target,
              const char* attribute, const Spans& targets) {
    if (const auto* spans = spans_of(targets, target)) check_within(element, what, id, target, attribute, *spans);
  }
  // The Dated is made only for a dated target (England's 34,000 area parents have none).
  void refers(const Provenance& p, std::string_view what, std::string_view id, Symbol target,
              const char* attribute, const Spans& targets) {
    if (const auto* spans = spans_of(targets, target)) {
      check_within(Dated{p.since, p.until, p.location, ""}, what, id, target, attribute, *spans);
    }
  }
  /// The spans of `id` when it is dated; nullptr for an undated or empty one.
  static const std::vector<Dated>* spans_of(const Spans& spans, Symbol id) {
    if (id.empty()) return nullptr;
    const auto it = spans.find(id);
    return it == spans.end() ? nullptr : &it->second;
  }
  /// Reports `element` unless it lies within one of `spans`, its dated target's.
  void check_within(const Dated& element, std::string_view what, std::string_view id, Symbol target,
                    const char* attribute, const std::vector<Dated>& spans) {
    if (std::any_of(spans.begin(), spans.end(), [&](const Dated& span) { return within(element, span); })) return;
    const Dated& t = spans.front();
    const std::string named = id.empty() ? std::string(what) : fmt::format("{} '{}'", what, id);
    std::vector<std::string> in_force;
    for (const Dated& span : spans) in_force.push_back(period_text(span.since, span.until));
    const std::string periods = join(in_force, " and ");
    std::vector<std::string> fix;
    if (!t.since.empty() && (element.since.empty() || element.since < t.since)) fix.push_back("since=\"" + t.since + "\" or later");
    if (!t.until.empty() && (element.until.empty() || t.until < element.until)) fix.push_back("until=\"" + t.until + "\" or earlier");
    sink_.error(files_, element.location,
                fmt::format("{} holds {}, but {} '{}' (its '{}') exists only {}: give the {} {}", named, period_text(element.since, element.until),
                            t.what, target, attribute, periods, what, join(fix, " and ")),
                "dated-reference");
    sink_.note(files_, t.location, fmt::format("'{}' is dated here", target));
  }

  /// The spans each dated id of `items` holds in. Versions of one id (an element written more
  /// than once, each dated) may not overlap; versions that meet (one's until the next's since)
  /// join into one span, which is what a reference to the id needs to lie within. Errors come
  /// in document order.
  template <typename Items>
  Spans spans_of(const Items& items, const char* what) {
    Spans versions, spans;
    for (const auto& item : items) {
      const Provenance& p = item.provenance;
      if (!item.id.empty() && (!p.since.empty() || !p.until.empty())) versions[item.id].push_back({p.since, p.until, p.location, what});
    }
    if (versions.empty()) return spans;  // nothing dated: no id to look for
    for (const auto& item : items) {
      auto node = versions.extract(item.id);
      if (!node.empty()) spans.emplace(item.id, joined_spans(node.mapped(), item.id));
    }
    return spans;
  }
  std::vector<Dated> joined_spans(std::vector<Dated>& versions, const std::string& id) {
    std::sort(versions.begin(), versions.end(), [](const Dated& a, const Dated& b) { return a.since < b.since; });
    std::vector<Dated> joined;
    for (const Dated& v : versions) {
      if (!joined.empty() && periods_overlap(joined.back(), v)) {
        overlap(v, joined.back(), v.what, id);
      } else if (!joined.empty() && joined.back().until == v.since) {
        joined.back().until = v.until;
      } else {
        joined.push_back(v);
      }
    }
    return joined;
  }
  void overlap(const Dated& later, const Dated& earlier, const std::string& what, const std::string& id) {
    sink_.error(files_, later.location,
                fmt::format("{} '{}' has a version {} that overlaps its version {}: the versions of one id "
                            "must hold in periods that do not overlap",
                            what, id, period_text(later.since, later.until), period_text(earlier.since, earlier.until)),
                "duplicate-id");
    sink_.note(files_, earlier.location, "the other version");
  }

  /// A link's not-operating periods may not overlap one another.
  void check_periods(const Link& l) {
    if (l.not_operating.size() < 2) return;
    std::vector<const NotOperating*> periods;
    for (const NotOperating& p : l.not_operating) periods.push_back(&p);
    std::sort(periods.begin(), periods.end(),
              [](const NotOperating* a, const NotOperating* b) { return a->provenance.since < b->provenance.since; });
    for (std::size_t i = 1; i < periods.size(); ++i) {
      const auto& before = periods[i - 1]->provenance;
      if (periods_overlap(before, periods[i]->provenance)) {
        sink_.error(files_, periods[i]->provenance.location,
                    fmt::format("this period of not operating overlaps the one {}", period_text(before.since, before.until)),
                    "bad-date");
        sink_.note(files_, before.location, "the earlier period");
      }
    }
  }

  RawModel& raw_;
  Model& m_;
  const SourceFiles& files_;
  DiagnosticSink& sink_;
  Spans dated_;  // bodies, people and posts by id: the spans their versions cover
  Spans areas_;  // areas likewise (their own namespace)
};

}  // namespace

// A proposal changes its baseline as it stood at the proposal's date (models/FORMAT.md,
// "Proposals"): the whole baseline chain is read at that date before the proposal's own
// elements, so its verbs name what existed then and what is left holds at every date.
const std::string& Loader::read_date() const {
  return date_read(raw_.model, options_.as_of, options_.as_of_at_most);
}

bool Loader::date_baseline() {
  Model& m = model();
  const std::string& date = read_date();
  if (date.empty()) return true;  // no as-of on the proposal: reported already
  m.files = files_;
  if (!baseline_since_.empty() && date < baseline_since_ && raw_.baseline_date.empty()) {  // once in a chain
    sink_.warning(*files_, m.as_of_location,
                  fmt::format("the baseline is read as of {}, before the earliest date it describes ({}): "
                              "earlier facts are not known to it",
                              date, baseline_since_),
                  "before-since");
  }
  check_predecessors();  // while every body of every date is there
  DatePass pass(raw_, sink_);
  pass.check();
  if (sink_.has_errors()) return false;
  raw_.baseline_date = date;
  std::vector<bool> status_given;
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    const Body& b = m.bodies[i];
    if (in_force(date, b.provenance.since, b.provenance.until)) {
      status_given.push_back(status_given_[i]);
    } else {
      // The latest version, for a reference to it (held_then).
      const RawModel::Held held{b.name, b.provenance.since, b.provenance.until};
      if (auto [it, fresh] = raw_.other_dates.try_emplace(b.id, held); !fresh && it->second.until < held.until) {
        it->second = held;
      }
    }
  }
  status_given_ = std::move(status_given);
  pass.filter(date);
  const auto undate = [](auto& items) {
    for (auto& item : items) item.provenance.since.clear(), item.provenance.until.clear();
  };
  undate(m.areas);
  undate(m.bodies);
  undate(m.people);
  undate(m.posts);
  undate(m.seats);
  undate(m.links);
  undate(m.claims);
  for (RawCoverage& c : raw_.coverage) c.since.clear(), c.until.clear();
  // Positions moved: index every namespace again.
  m.reindex();
  dated_ids_.clear();
  const auto where_of = [](const auto& items, std::vector<Location>& where) {
    where.assign(items.size(), Location{});
    for (std::size_t i = 0; i < items.size(); ++i) where[i] = items[i].provenance.location;
  };
  where_of(m.areas, area_where_);
  where_of(m.bodies, body_where_);
  where_of(m.people, person_where_);
  where_of(m.posts, post_where_);
  where_of(m.seats, seat_where_);
  where_of(m.links, link_where_);
  where_of(m.claims, claim_where_);
  const auto ids_of = [](const auto& items, IdIndex& ids) {
    ids.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].id.empty()) ids.emplace(items[i].id, i);
    }
  };
  ids_of(m.seats, seat_ids_);
  ids_of(m.links, link_ids_);
  ids_of(m.claims, claim_ids_);
  return true;
}

}  // namespace govmap::detail

namespace govmap {

const std::string& date_read(const Model& m, const std::string& as_of, bool at_most) {
  // A model that extends none is the same at any date after its as-of; a proposal is not: read
  // as a later proposal reads its baseline, it is read at that proposal's date.
  const bool capped = at_most && as_of > m.stated_as_of && m.extends.empty();
  return as_of.empty() || capped ? m.stated_as_of : as_of;
}

}  // namespace govmap

namespace govmap::detail {

void apply_dates(RawModel& raw, DiagnosticSink& sink, const std::string& as_of, bool at_most) {
  Model& m = raw.model;
  DatePass pass(raw, sink);
  pass.check();
  if (sink.has_errors()) return;
  // Not when read as a later proposal reads its baseline: the later one gives no warning either.
  if (!at_most && !m.stated_as_of.empty() && as_of > m.stated_as_of) {
    sink.warning(*m.files, m.as_of_location,
                 fmt::format("reading the model as of {}, after the date it was last brought up to date "
                             "({}): later facts are not known to it",
                             as_of, m.stated_as_of),
                 "after-as-of");
  }
  m.as_of = date_read(m, as_of, at_most);
  if (!m.since.empty() && m.as_of < m.since) {
    sink.warning(*m.files, m.since_location,
                 fmt::format("reading the model as of {}, before the earliest date it describes ({}): earlier "
                             "facts are not known to it",
                             m.as_of, m.since),
                 "before-since");
  }
  // A current model read at an earlier date shows the nation as it was then.
  if (m.status == ModelStatus::Current && m.as_of < m.stated_as_of) m.status = ModelStatus::Historical;
  pass.filter(m.as_of);
}

std::optional<std::string> RawModel::held_then(Symbol id) const {
  const auto then = other_dates.find(id);
  if (then == other_dates.end()) return std::nullopt;
  const std::string successors = model.successors_of(id);
  const Held& p = then->second;
  const std::string held = p.until.empty() ? fmt::format("holds only from {}", p.since)
                           : p.since.empty() ? fmt::format("held until {}", p.until)
                                             : fmt::format("held from {} until {}", p.since, p.until);
  return fmt::format("{} {}{}", p.name, held,
                     successors.empty() ? "" : "; it was succeeded by " + successors);
}

}  // namespace govmap::detail
