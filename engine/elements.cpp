// The loader's readers of model elements: one function per element, each checking its
// attributes and recording what it reads in the raw model.

#include <algorithm>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/text.h"

namespace govmap::detail {

Symbol Loader::body_ref(AttributeReader& a, std::string_view name, bool required) {
  return ref(a, name, required, [&](std::string_view written) { return model().named_like(std::string(written)); });
}

Symbol Loader::area_ref(AttributeReader& a, std::string_view name, bool required) {
  return ref(a, name, required, [&](std::string_view written) { return model().areas_named_like(written); });
}

template <typename NamedLike>
Symbol Loader::ref(AttributeReader& a, std::string_view name, bool required, NamedLike named_like) {
  const std::string_view written = a.text_view(name);
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  if (std::none_of(written.begin(), written.end(), blank)) return a.id_symbol(name, required);
  sink_.error(*files_, a.at(name),
              fmt::format("'{}' is not a valid id: ids contain no spaces{}", written, named_like(written)), "bad-id");
  return {};
}

Symbol Loader::vocabulary_attribute(AttributeReader& a, LinkKind element, std::string_view name,
                                    const std::vector<Labelled> Vocabulary::*values) {
  if (a.has(name) || !model().vocabulary) return a.symbol(name, true);
  std::string message = fmt::format("<{}> needs the attribute '{}'", to_string(element), name);
  if (listed_.insert(message).second) {  // the values once, not with every such error
    std::vector<std::string> ids;
    for (const Labelled& value : *model().vocabulary.*values) ids.push_back(value.id);
    message += ", one of: " + join(ids, ", ");
  }
  sink_.error(*files_, a.at(), std::move(message), "missing-attribute");
  return {};
}

Symbol Loader::financial_year(AttributeReader& a) {
  const std::string_view year = a.text_view("year");
  if (year.empty()) return {};
  // 2021/22: the rules compare years as written, so "2021-22" would be another year.
  const auto digits = [&](std::size_t from, std::size_t n) {
    int value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= year.size() || year[i] < '0' || year[i] > '9') return -1;
      value = value * 10 + (year[i] - '0');
    }
    return value;
  };
  const int first = digits(0, 4);
  const int second = year.size() == 7 && year[4] == '/' ? digits(5, 2) : -1;
  if (first >= 0 && second == (first + 1) % 100) return Symbol(year);
  std::string hint;
  if (first >= 0 && year.size() >= 6 && (year[4] == '-' || year[4] == '/')) {
    hint = fmt::format(": write {}/{:02}", first, (first + 1) % 100);
  }
  sink_.error(*files_, a.at("year"),
              fmt::format("year '{}' is not a financial year as the model writes them (2021/22){}", year, hint),
              "bad-value");
  return {};
}

Provenance Loader::provenance(AttributeReader& a, bool dated) {
  Provenance p;
  p.location = a.at();
  p.sources = a.symbol_list("source");
  p.evidence = a.symbol("evidence");
  p.note = a.symbol("note");
  const std::string_view confidence = a.text_view("confidence");
  if (confidence.empty()) {
    // stated, the default
  } else if (auto parsed = parse_confidence(confidence)) {
    p.confidence = *parsed;
  } else {
    a.bad_value("confidence", confidence, {"stated", "estimate", "inferred"});
  }
  if (!dated) return p;
  p.since = a.date_symbol("since");
  p.until = a.date_symbol("until");
  if (!p.since.empty() && !p.until.empty() && p.until <= p.since) {
    sink_.error(*files_, a.at("until"),
                fmt::format("until=\"{}\" is not after since=\"{}\" (until is the first day the element no "
                            "longer holds)", p.until, p.since),
                "bad-date");
  }
  return p;
}

// Records an id in a namespace; reports a duplicate with a note at the first.
bool Loader::claim_id(IdIndex& index, std::vector<Location>& where,
              Symbol id, std::size_t position, Location at, std::string_view what,
              const Provenance* dates) {
  if (id.empty()) return false;
  const bool dated = dates != nullptr && (!dates->since.empty() || !dates->until.empty());
  auto [it, inserted] = index.try_emplace(id, position);  // no node made for a duplicate
  if (inserted || (dated && dated_ids_.count({what, id}) != 0)) {
    if (inserted && dated) dated_ids_.emplace(what, id);
    if (where.size() == position) {
      where.push_back(at);  // the usual case: resize() by one costs a call that push_back does not
    } else {
      if (where.size() < position) where.resize(position + 1);
      where[position] = at;
    }
    return true;
  }
  const bool versions = dated || dated_ids_.count({what, id}) != 0;
  sink_.error(*files_, at,
              fmt::format("duplicate {} id '{}'{}", what, id,
                          versions ? ": one id is reused only by versions that are all dated (since/until)" : ""),
              "duplicate-id");
  if (it->second < where.size()) sink_.note(*files_, where[it->second], "first defined here");
  return false;
}

void Loader::no_children(std::uint32_t file, const XmlNode& node) {
  for (auto child : node.children()) {
    if (child.type() == XmlNodeType::Element) {
      sink_.error(*files_, node_location(*files_, file, child),
                  fmt::format("<{}> may not contain <{}>", node.name(), child.name()),
                  "unknown-element");
    }
  }
}

void Loader::read_source_element(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(names_of({"id", "title", "publisher", "year", "url", "section"}));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  Source s{a.id_symbol("id", true), a.text("title", true), a.text("publisher"), a.text("year"),
           a.text("url"), a.text("section"), a.at()};
  no_children(file, node);
  if (!claim_id(model().source_index, source_where_, s.id, model().sources.size(), s.location, "source")) return;
  model().sources.push_back(std::move(s));
}

void Loader::read_include(std::uint32_t file, const XmlNode& node) {
  AttributeReader a(*files_, file, node, sink_, names_of({"href"}));
  const std::string href = a.text("href", true);
  no_children(file, node);
  if (href.empty()) return;
  const Location at = a.at("href");
  const auto target = resolve_relative(file, href, at);
  if (target && read_file(*target, at, FileRole::Include)) return;
  // What the file holds is missing, so references are not checked: each one into it would be
  // reported too (England's geography cut short gave 16 unknown bodies and sources after the
  // one real error). Said beside a problem found inside the file, which does not point here.
  include_unread_ = true;
  const auto& reported = sink_.all();
  if (reported.empty() || reported.back().path != files_->path(at.file) ||
      reported.back().line != at.line || reported.back().column != at.column) {
    sink_.note(*files_, at, "included here; references are checked once every included file reads");
  }
}

void Loader::read_area(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(
      with(names_of({"id", "name", "kind", "code", "population", "population-year", "parent"}), kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  // Read into its slot (a move of a whole Area per element costs more than the reading).
  Area& area = model().areas.emplace_back();
  area.id = a.id_symbol("id", true);
  area.name = a.symbol("name");
  area.kind = a.symbol("kind");
  area.code = a.symbol("code");
  area.population = a.number("population", false, true, false, kMaxPopulation);
  area.population_year = a.symbol("population-year");
  area.parent = a.id_symbol("parent");
  area.provenance = provenance(a);
  no_children(file, node);
  if (!claim_id(model().area_index, area_where_, area.id, model().areas.size() - 1, a.at(), "area", &area.provenance)) {
    model().areas.pop_back();
  }
}

// Body attributes; with `only_present`, leaves absent ones as they are (for <change>).
void Loader::read_body_attributes(AttributeReader& a, Body& body, bool only_present) {
  auto set_text = [&](std::string_view name, Symbol& field, bool required) {
    if (!only_present || a.has(name)) field = a.symbol(name, required && !only_present);
  };
  set_text("name", body.name, true);
  set_text("kind", body.kind, true);
  set_text("sector", body.sector, false);
  set_text("code", body.code, false);
  if (!only_present || a.has("part-of")) body.part_of = a.id_symbol("part-of");
  const std::string status = a.text("status");
  if (auto parsed = parse_legal_status(status)) {
    body.status = *parsed;
  } else if (!status.empty()) {
    a.bad_value("status", status, {"statutory", "statutory-committee", "non-statutory", "contractor",
                                   "proposed", "abolished", "none"});
  }
  if (auto count = a.positive_integer("count")) body.count = *count;
  if (auto elected = a.boolean("elected")) body.elected = *elected;
  if (!only_present || a.has("powers")) {
    body.powers = 0;
    for (const auto& word : a.words("powers")) {
      if (auto power = parse_power(word)) {
        body.powers |= *power;
      } else {
        a.bad_value("powers", word, {"hold-budget", "employ-staff", "commission", "provide"});
      }
    }
  }
  if (!only_present || a.has("duties")) body.duties = a.symbols("duties");
  if (!only_present || a.has("functions")) body.functions = a.symbols("functions");
  if (!only_present || a.has("covers")) body.covers = a.symbols("covers");
  if (!only_present || a.has("predecessors")) body.predecessors = a.symbols("predecessors");
}

void Loader::read_body(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(with(kBodyAttributes, kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  model().bodies.emplace_back();
  Body& body = model().bodies.back();
  body.id = a.id_symbol("id", true);
  body.status = LegalStatus::None;
  status_given_.push_back(a.has("status"));
  read_body_attributes(a, body, false);
  body.provenance = provenance(a);
  const std::size_t position = model().bodies.size() - 1;
  if (!claim_id(model().body_index, body_where_, body.id, position, a.at(), "body", &body.provenance)) {
    model().bodies.pop_back();
    status_given_.pop_back();
    return;
  }
  if (!body.predecessors.empty()) written_predecessors_.push_back({body.id, body.predecessors, a.at("predecessors")});
  for (auto child : node.children()) {
    if (child.type() != XmlNodeType::Element) continue;
    if (std::string_view(child.name()) == "suppress") {
      read_suppress(file, child, model().bodies[position].id);
    } else {
      sink_.error(*files_, node_location(*files_, file, child),
                  fmt::format("<body> may contain only <suppress>, not <{}>{}", child.name(),
                              did_you_mean(child.name(), {"suppress"})),
                  "unknown-element");
    }
  }
}

void Loader::read_coverage(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(with(names_of({"body", "areas"}), kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  RawCoverage c{body_ref(a, "body", true), a.symbols("areas"), a.at(), {}, {}};
  if (c.areas.empty() && a.has("areas")) a.text("areas", true);
  if (!a.has("areas")) a.text("areas", true);
  const Provenance dates = provenance(a);
  c.since = dates.since;
  c.until = dates.until;
  no_children(file, node);
  if (!c.body.empty()) raw_.coverage.push_back(std::move(c));
}

void Loader::read_person(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(with(names_of({"id", "name"}), kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  Person p{a.id_symbol("id", true), a.symbol("name", true), provenance(a)};
  no_children(file, node);
  if (model().post_index.count(p.id) != 0) {
    sink_.error(*files_, a.at(), fmt::format("'{}' is already the id of a post", p.id), "duplicate-id");
    return;
  }
  if (!claim_id(model().person_index, person_where_, p.id, model().people.size(), a.at(), "person", &p.provenance)) return;
  model().people.push_back(std::move(p));
}

void Loader::read_post(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(
      with(names_of({"id", "title", "of", "of-kind", "holder", "shared", "replaces", "for"}), kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  Post p{a.id_symbol("id", true), a.symbol("title", true), body_ref(a, "of"), a.id_symbol("holder"), a.symbol("of-kind"), "", false,
         provenance(a), a.id_symbol("replaces"), a.symbols("for")};
  if (auto shared = a.boolean("shared")) p.shared = *shared;
  if (!p.of.empty() && !p.of_kind.empty()) {
    sink_.error(*files_, a.at("of-kind"), "a post gives 'of' (a body) or 'of-kind' (a template), not both",
                "bad-value");
  }
  if (!p.of_kind.empty() && !p.holder.empty()) {
    sink_.error(*files_, a.at("holder"),
                "a post template ('of-kind') stands for many posts and cannot name one holder", "bad-value");
  }
  no_children(file, node);
  if (model().person_index.count(p.id) != 0) {
    sink_.error(*files_, a.at(), fmt::format("'{}' is already the id of a person", p.id), "duplicate-id");
    return;
  }
  if (!claim_id(model().post_index, post_where_, p.id, model().posts.size(), a.at(), "post", &p.provenance)) return;
  model().posts.push_back(std::move(p));
}

void Loader::read_seat(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(
      with(names_of({"id", "body", "body-kind", "holder", "role", "voting", "nominated-by", "nominated-by-kind",
                     "except", "sector", "count"}),
           kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  Seat s;
  s.id = a.id_symbol("id");
  s.body_kind = a.symbol("body-kind");
  s.body = body_ref(a, "body", s.body_kind.empty());
  s.holder = a.id_symbol("holder");
  s.nominated_by = body_ref(a, "nominated-by");
  s.nominated_by_kind = a.symbol("nominated-by-kind");
  s.except = a.symbols("except");
  if (!s.body.empty() && !s.body_kind.empty()) {
    sink_.error(*files_, a.at("body-kind"), "a seat gives 'body' or 'body-kind', not both", "bad-value");
  }
  if (!s.nominated_by.empty() && !s.nominated_by_kind.empty()) {
    sink_.error(*files_, a.at("nominated-by-kind"), "a seat gives 'nominated-by' or 'nominated-by-kind', not both",
                "bad-value");
  }
  if (!s.except.empty() && s.body_kind.empty()) {
    sink_.error(*files_, a.at("except"), "'except' leaves bodies out of a kind-level seat ('body-kind')",
                "bad-value");
  }
  s.sector = a.symbol("sector");
  const std::string role = a.text("role");
  if (auto parsed = parse_seat_role(role)) {
    s.role = *parsed;
  } else if (!role.empty()) {
    a.bad_value("role", role, {"chair", "vice-chair", "co-chair", "member"});
  }
  if (auto voting = a.boolean("voting")) s.voting = *voting;
  if (auto count = a.positive_integer("count")) s.count = *count;
  s.provenance = provenance(a);
  no_children(file, node);
  if (!s.id.empty() && !claim_id(seat_ids_, seat_where_, s.id, model().seats.size(), a.at(), "seat", &s.provenance)) return;
  model().seats.push_back(std::move(s));
}

void Loader::read_link(std::uint32_t file, const XmlNode& node, LinkKind kind) {
  static const auto kAllowedByKind = [] {
    std::map<LinkKind, AttributeNames> by_kind;
    for (const LinkKind k : kAllLinkKinds) {
      std::vector<std::string> allowed = with(kLinkAttributes, kProvenance);
      if (k == LinkKind::Funding) allowed = with(allowed, names_of({"mechanism", "amount", "total", "currency", "year", "held-by"}));
      if (k == LinkKind::Accountability) allowed = with(allowed, names_of({"kind", "functions"}));
      if (k == LinkKind::Delegation) allowed = with(allowed, names_of({"functions"}));
      by_kind.emplace(k, allowed);
    }
    return by_kind;
  }();
  AttributeReader a(*files_, file, node, sink_, kAllowedByKind.at(kind));
  KindSide named;
  // Read into its slot (a move of a whole Link per element costs more than the reading).
  Link& link = model().links.emplace_back();
  link.kind = kind;
  link.id = a.id_symbol("id");
  link.from = body_ref(a, "from");
  link.to = body_ref(a, "to");
  named.from_kind = a.text("from-kind");
  named.to_kind = a.text("to-kind");
  for (auto [body, kind_name, side] : {std::tuple{&link.from, &named.from_kind, "from"},
                                       std::tuple{&link.to, &named.to_kind, "to"}}) {
    // A body written but not an id is reported already (body_ref).
    if (body->empty() == kind_name->empty() && !(body->empty() && !a.text_view(side).empty())) {
      sink_.error(*files_, a.at(),
                  body->empty() ? fmt::format("<{}> needs '{}' (a body) or '{}-kind'", node.name(), side, side)
                                : fmt::format("<{}> has both '{}' and '{}-kind'; give one", node.name(), side, side),
                  "missing-attribute");
    }
  }
  if (!named.from_kind.empty() && !named.to_kind.empty()) {
    sink_.error(*files_, a.at(), "a link may name a kind on one side only", "bad-value");
  }
  if (kind == LinkKind::Funding) {
    link.subtype = vocabulary_attribute(a, kind, "mechanism", &Vocabulary::mechanisms);
    link.amount = a.number("amount", false, true, true);
    named.total = a.number("total", false, true, true);
    if (named.total && named.from_kind.empty() && named.to_kind.empty()) {
      sink_.error(*files_, a.at("total"),
                  "'total' is for a link that names a kind on one side (the money of all its links); "
                  "a link between two bodies gives 'amount'",
                  "bad-value");
    } else if (named.total && link.amount) {
      sink_.error(*files_, a.at("total"),
                  "a link gives 'amount' (each of its links) or 'total' (all of them together), not both",
                  "bad-value");
    }
    if (a.has("currency")) link.currency = a.symbol("currency");
    link.year = financial_year(a);
    link.held_by = body_ref(a, "held-by");
  } else if (kind == LinkKind::Accountability) {
    link.subtype = vocabulary_attribute(a, kind, "kind", &Vocabulary::accountability_kinds);
  }
  link.functions = a.symbols("functions");
  link.provenance = provenance(a);
  read_not_operating(file, node, link);
  const std::size_t position = model().links.size() - 1;
  if (!link.id.empty() && !claim_id(link_ids_, link_where_, link.id, position, a.at(), "link", &link.provenance)) {
    model().links.pop_back();
    return;
  }
  const bool names_kind = !named.from_kind.empty() || !named.to_kind.empty();
  raw_.link_sides.push_back({names_kind ? std::make_shared<const KindSide>(std::move(named)) : nullptr});
}

void Loader::read_claim(std::uint32_t file, const XmlNode& node) {
  static const AttributeNames kAllowed(
      with(with(names_of({"id", "metric", "value", "tolerance", "text"}), kClaimParameters), kProvenance));
  AttributeReader a(*files_, file, node, sink_, kAllowed);
  Claim c;
  c.id = a.id_symbol("id", true);
  c.metric = a.symbol("metric", true);
  c.text = a.text("text");
  if (auto value = a.number("value", true, false)) c.value = *value;
  if (auto tolerance = a.number("tolerance")) c.tolerance = *tolerance;
  for (const auto& parameter : kClaimParameters) {
    if (a.has(parameter)) c.params[parameter] = a.text(parameter);
  }
  c.provenance = provenance(a);
  no_children(file, node);
  if (!claim_id(claim_ids_, claim_where_, c.id, model().claims.size(), a.at(), "claim", &c.provenance)) return;
  model().claims.push_back(std::move(c));
}

void Loader::read_suppress(std::uint32_t file, const XmlNode& node, const std::string& subject) {
  auto allowed = names_of({"rule", "reason", "expires"});
  if (subject.empty()) allowed.push_back("subject");
  AttributeReader a(*files_, file, node, sink_, allowed);
  Suppression s{a.text("rule", true), subject.empty() ? a.id("subject") : subject,
                a.text("reason", true), a.date("expires"), a.at()};
  no_children(file, node);
  model().suppressions.push_back(std::move(s));
}

}  // namespace govmap::detail
