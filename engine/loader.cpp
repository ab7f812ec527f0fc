#include "engine/loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "engine/loader_internal.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap {
namespace fs = std::filesystem;
using detail::RawCoverage;
using detail::LinkKindSide;
using detail::RawModel;

namespace {

constexpr std::size_t kMaxIncludeDepth = 64;

const std::vector<std::string> kProvenance = {"source", "evidence", "confidence", "note"};
const std::vector<std::string> kBodyAttributes = {
    "id", "name", "kind", "status", "sector", "code", "part-of", "count", "elected",
    "powers", "duties", "functions", "covers"};
const std::vector<std::string> kLinkAttributes = {"id", "from", "to", "from-kind", "to-kind"};
const std::vector<std::string> kClaimParameters = {"kind", "status", "body", "voting",
                                                   "nominated-by", "by", "sliver",
                                                   "mechanism", "from", "to"};
const std::vector<std::string> kElements = {
    "source", "include", "area", "body", "coverage", "person", "post", "seat", "funding",
    "accountability", "delegation", "commissioning", "regulation", "partner", "claim",
    "suppress", "remove", "change", "move-coverage"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::string> names_of(std::initializer_list<std::string_view> items) {
  return {items.begin(), items.end()};
}

std::string normal(const fs::path& path) { return fs::weakly_canonical(path).lexically_normal().string(); }

// A path as the user would write it: relative to the working folder when inside it.
std::string display_path(const std::string& path) {
  std::error_code ec;
  const auto relative = fs::path(path).lexically_relative(fs::current_path(ec));
  if (ec || relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

bool inside(const std::string& path, const std::string& root) {
  const auto relative = fs::path(path).lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

class Loader {
 public:
  Loader(DiagnosticSink& sink, const LoadOptions& options)
      : sink_(sink), options_(options), files_(std::make_shared<SourceFiles>()) {}

  std::optional<Model> load(const std::string& path) {
    root_ = model_root(path);
    if (!read_file(path, {}, /*top=*/true)) return finish(false);
    return finish(true);
  }

 private:
  Model& model() { return raw_.model; }
  bool too_many() const { return sink_.error_count() >= options_.max_errors; }

  // Reads one file (top-level, include or baseline) into the raw model.
  bool read_file(const std::string& path, Location from, bool top) {
    const std::string canonical = normal(path);
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      sink_.error(*files_, from, fmt::format("include cycle: '{}' includes itself", path), "include-cycle");
      for (auto it = stack_locations_.rbegin(); it != stack_locations_.rend(); ++it) {
        if (it->valid()) sink_.note(*files_, *it, "included from here");
      }
      return false;
    }
    if (!top && loaded_.count(canonical) != 0) {
      sink_.error(*files_, from, fmt::format("'{}' is already part of this model", path), "include-repeated");
      return false;
    }
    if (stack_.size() >= kMaxIncludeDepth) {
      sink_.error(*files_, from, "includes nest more than 64 deep", "include-depth");
      return false;
    }
    const auto file = read_source(path, *files_, sink_, files_.get(), from);
    if (!file) return false;
    loaded_.insert(canonical);
    pugi::xml_document doc;
    if (!parse_xml(*files_, *file, doc, sink_)) return false;
    const auto root = doc.document_element();
    if (std::string_view(root.name()) != "govmap") {
      sink_.error(*files_, node_location(*files_, *file, root),
                  fmt::format("the root element must be <govmap>, not <{}>", root.name()),
                  "unknown-element");
      return false;
    }
    stack_.push_back(canonical);
    stack_locations_.push_back(from);
    const bool ok = read_root(*file, root, top) && (read_children(*file, root), true);
    stack_.pop_back();
    stack_locations_.pop_back();
    return ok;
  }

  bool read_root(std::uint32_t file, const pugi::xml_node& root, bool top) {
    const auto root_names = names_of({"version", "id", "nation", "title", "as-of", "status",
                                      "extends", "vocabulary", "source"});
    AttributeReader a(*files_, file, root, sink_, root_names);
    const std::string version = a.text("version", true);
    if (!version.empty() && version != "1") {
      sink_.error(*files_, a.at("version"),
                  fmt::format("model format version '{}' is not supported; this govmap reads version 1",
                              version),
                  "unsupported-version");
      return false;
    }
    if (!top) return true;
    const bool proposal_overrides = !model().id.empty();  // a baseline was read first
    Model& m = model();
    m.id = a.id("id", true);
    m.nation = a.text("nation", true);
    m.title = a.text("title", true);
    m.as_of = a.date("as-of", true);
    const std::string status = a.text("status", true);
    if (auto parsed = parse_model_status(status)) {
      m.status = *parsed;
    } else if (!status.empty()) {
      a.bad_value("status", status, {"current", "historical", "proposed"});
    }
    static const std::vector<std::string> kNations = {"england", "wales", "scotland",
                                                      "northern-ireland", "uk"};
    if (!m.nation.empty() && std::find(kNations.begin(), kNations.end(), m.nation) == kNations.end()) {
      a.bad_value("nation", m.nation, kNations);
    }
    m.model_sources = a.words("source");
    if (!proposal_overrides) load_vocabulary(file, a);
    const std::string extends = a.text("extends");
    if (!extends.empty()) {
      m.extends = extends;
      return read_baseline(file, a, extends);
    }
    return true;
  }

  bool read_baseline(std::uint32_t file, AttributeReader& a, const std::string& extends) {
    const auto target = resolve_relative(file, extends, a.at("extends"));
    if (!target) return false;
    // The baseline's own root attributes describe the baseline; keep the proposal's.
    Model saved;
    std::swap(saved.id, model().id);
    std::swap(saved.nation, model().nation);
    std::swap(saved.title, model().title);
    std::swap(saved.as_of, model().as_of);
    std::swap(saved.model_sources, model().model_sources);
    const ModelStatus status = model().status;
    model().id = "(baseline)";
    const bool ok = read_file(*target, a.at("extends"), /*top=*/false);
    std::swap(saved.id, model().id);
    std::swap(saved.nation, model().nation);
    std::swap(saved.title, model().title);
    std::swap(saved.as_of, model().as_of);
    model().model_sources.insert(model().model_sources.begin(), saved.model_sources.begin(),
                                 saved.model_sources.end());
    model().status = status;
    in_proposal_ = true;
    return ok;
  }

  void load_vocabulary(std::uint32_t file, AttributeReader& a) {
    std::string path = options_.vocabulary_path;
    Location from;
    if (path.empty() && a.has("vocabulary")) {
      from = a.at("vocabulary");
      const auto target = resolve_relative(file, a.text("vocabulary"), from);
      if (!target) return;
      path = *target;
    }
    if (path.empty()) {
      model().vocabulary = std::shared_ptr<const Vocabulary>(&builtin_vocabulary(), [](const Vocabulary*) {});
      return;
    }
    const auto vocab_file = read_source(path, *files_, sink_, files_.get(), from);
    if (!vocab_file) return;
    auto vocabulary = parse_vocabulary(path, files_->text(*vocab_file), *files_, sink_);
    if (vocabulary) model().vocabulary = std::make_shared<const Vocabulary>(std::move(*vocabulary));
  }

  // A path named in a file, checked to stay inside the model root.
  std::optional<std::string> resolve_relative(std::uint32_t file, const std::string& href, Location at) {
    if (href.find("://") != std::string::npos || fs::path(href).is_absolute()) {
      sink_.error(*files_, at,
                  fmt::format("'{}' must be a relative path inside the model folder; govmap never "
                              "fetches URLs or reads absolute paths",
                              href),
                  "include-outside-root");
      return std::nullopt;
    }
    const auto base = fs::path(files_->path(file)).parent_path();
    const std::string target = normal(base / href);
    if (!inside(target, root_)) {
      sink_.error(*files_, at,
                  fmt::format("'{}' is outside the model root '{}'", href, display_path(root_)),
                  "include-outside-root");
      return std::nullopt;
    }
    return (base / href).lexically_normal().string();
  }

  /// Makes room for what a file adds, so that the large vectors are not regrown (each regrowth
  /// holds two copies) while a big file is read.
  void reserve_for(const pugi::xml_node& root) {
    std::size_t links = 0, bodies = 0, areas = 0;
    for (auto node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (name == "area") ++areas;
      else if (name == "body") ++bodies;
      else if (parse_link_kind(name)) ++links;
    }
    const auto grow = [](auto& v, std::size_t more) {
      if (v.capacity() < v.size() + more) v.reserve(std::max(v.size() + more, 2 * v.capacity()));
    };
    grow(model().links, links);
    grow(raw_.link_sides, links);
    grow(model().bodies, bodies);
    grow(model().areas, areas);
  }

  void read_children(std::uint32_t file, const pugi::xml_node& root) {
    reserve_for(root);
    for (auto node : root.children()) {
      if (too_many()) return;
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        if (split_words(node.value()).empty()) continue;
        sink_.error(*files_, node_location(*files_, file, node),
                    "text is not allowed here; put notes in a note=\"...\" attribute", "unexpected-text");
        continue;
      }
      if (node.type() != pugi::node_element) continue;
      read_element(file, node);
    }
  }

  void read_element(std::uint32_t file, const pugi::xml_node& node) {
    const std::string name = node.name();
    if (name == "source") return read_source_element(file, node);
    if (name == "include") return read_include(file, node);
    if (name == "area") return read_area(file, node);
    if (name == "body") return read_body(file, node);
    if (name == "coverage") return read_coverage(file, node);
    if (name == "person") return read_person(file, node);
    if (name == "post") return read_post(file, node);
    if (name == "seat") return read_seat(file, node);
    if (name == "claim") return read_claim(file, node);
    if (name == "suppress") return read_suppress(file, node, {});
    if (name == "remove" || name == "change" || name == "move-coverage") return read_overlay(file, node);
    if (auto kind = parse_link_kind(name)) return read_link(file, node, *kind);
    sink_.error(*files_, node_location(*files_, file, node),
                fmt::format("unknown element <{}>{}", name, did_you_mean(name, kElements)),
                "unknown-element");
  }

  Provenance provenance(AttributeReader& a) {
    Provenance p;
    p.location = a.at();
    p.sources = a.words("source");
    p.evidence = a.text("evidence");
    p.note = a.text("note");
    const std::string confidence = a.text("confidence");
    if (auto parsed = parse_confidence(confidence)) {
      p.confidence = *parsed;
    } else if (!confidence.empty()) {
      a.bad_value("confidence", confidence, {"stated", "estimate", "inferred"});
    }
    return p;
  }

  // Records an id in a namespace; reports a duplicate with a note at the first.
  bool claim_id(std::unordered_map<std::string, std::size_t>& index, std::vector<Location>& where,
                const std::string& id, std::size_t position, Location at, std::string_view what) {
    if (id.empty()) return false;
    auto [it, inserted] = index.emplace(id, position);
    if (inserted) {
      if (where.size() <= position) where.resize(position + 1);
      where[position] = at;
      return true;
    }
    sink_.error(*files_, at, fmt::format("duplicate {} id '{}'", what, id), "duplicate-id");
    if (it->second < where.size()) sink_.note(*files_, where[it->second], "first defined here");
    return false;
  }

  void no_children(std::uint32_t file, const pugi::xml_node& node) {
    for (auto child : node.children()) {
      if (child.type() == pugi::node_element) {
        sink_.error(*files_, node_location(*files_, file, child),
                    fmt::format("<{}> may not contain <{}>", node.name(), child.name()),
                    "unknown-element");
      }
    }
  }

  void read_source_element(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_,
                      names_of({"id", "title", "publisher", "year", "url", "section"}));
    Source s{a.id("id", true), a.text("title", true), a.text("publisher"), a.text("year"),
             a.text("url"), a.text("section"), a.at()};
    no_children(file, node);
    if (!claim_id(model().source_index, source_where_, s.id, model().sources.size(), s.location, "source")) return;
    model().sources.push_back(std::move(s));
  }

  void read_include(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_, names_of({"href"}));
    const std::string href = a.text("href", true);
    no_children(file, node);
    if (href.empty()) return;
    if (const auto target = resolve_relative(file, href, a.at("href"))) read_file(*target, a.at("href"), false);
  }

  void read_area(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_,
                      with(names_of({"id", "name", "kind", "code", "population", "population-year", "parent"}),
                           kProvenance));
    Area area;
    area.id = a.id("id", true);
    area.name = a.text("name");
    area.kind = a.text("kind");
    area.code = a.text("code");
    area.population = a.number("population");
    area.population_year = a.text("population-year");
    area.parent = a.id("parent");
    area.provenance = provenance(a);
    no_children(file, node);
    if (!claim_id(model().area_index, area_where_, area.id, model().areas.size(), a.at(), "area")) return;
    model().areas.push_back(std::move(area));
  }

  // Body attributes; with `only_present`, leaves absent ones as they are (for <change>).
  void read_body_attributes(AttributeReader& a, Body& body, bool only_present) {
    auto set_text = [&](std::string_view name, std::string& field, bool required) {
      if (!only_present || a.has(name)) field = a.text(name, required && !only_present);
    };
    set_text("name", body.name, true);
    set_text("kind", body.kind, true);
    set_text("sector", body.sector, false);
    set_text("code", body.code, false);
    if (!only_present || a.has("part-of")) body.part_of = a.id("part-of");
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
    if (!only_present || a.has("duties")) body.duties = a.words("duties");
    if (!only_present || a.has("functions")) body.functions = a.words("functions");
    if (!only_present || a.has("covers")) body.covers = a.words("covers");
  }

  void read_body(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_, with(kBodyAttributes, kProvenance));
    model().bodies.emplace_back();
    Body& body = model().bodies.back();
    body.id = a.id("id", true);
    body.status = LegalStatus::None;
    status_given_.push_back(a.has("status"));
    read_body_attributes(a, body, false);
    body.provenance = provenance(a);
    const std::size_t position = model().bodies.size() - 1;
    if (!claim_id(model().body_index, body_where_, body.id, position, a.at(), "body")) {
      model().bodies.pop_back();
      status_given_.pop_back();
      return;
    }
    for (auto child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) == "suppress") {
        read_suppress(file, child, model().bodies[position].id);
      } else {
        sink_.error(*files_, node_location(*files_, file, child),
                    fmt::format("<body> may contain only <suppress>, not <{}>", child.name()),
                    "unknown-element");
      }
    }
  }

  void read_coverage(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_, with(names_of({"body", "areas"}), kProvenance));
    RawCoverage c{a.id("body", true), a.words("areas"), a.at()};
    if (c.areas.empty() && a.has("areas")) a.text("areas", true);
    if (!a.has("areas")) a.text("areas", true);
    no_children(file, node);
    if (!c.body.empty()) raw_.coverage.push_back(std::move(c));
  }

  void read_person(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_, with(names_of({"id", "name"}), kProvenance));
    Person p{a.id("id", true), a.text("name", true), provenance(a)};
    no_children(file, node);
    if (model().post_index.count(p.id) != 0) {
      sink_.error(*files_, a.at(), fmt::format("'{}' is already the id of a post", p.id), "duplicate-id");
      return;
    }
    if (!claim_id(model().person_index, person_where_, p.id, model().people.size(), a.at(), "person")) return;
    model().people.push_back(std::move(p));
  }

  void read_post(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_, with(names_of({"id", "title", "of", "holder"}), kProvenance));
    Post p{a.id("id", true), a.text("title", true), a.id("of"), a.id("holder"), provenance(a)};
    no_children(file, node);
    if (model().person_index.count(p.id) != 0) {
      sink_.error(*files_, a.at(), fmt::format("'{}' is already the id of a person", p.id), "duplicate-id");
      return;
    }
    if (!claim_id(model().post_index, post_where_, p.id, model().posts.size(), a.at(), "post")) return;
    model().posts.push_back(std::move(p));
  }

  void read_seat(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_,
                      with(names_of({"id", "body", "holder", "role", "voting", "nominated-by", "sector", "count"}),
                           kProvenance));
    Seat s;
    s.id = a.id("id");
    s.body = a.id("body", true);
    s.holder = a.id("holder");
    s.nominated_by = a.id("nominated-by");
    s.sector = a.text("sector");
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
    if (!s.id.empty() && !claim_id(seat_ids_, seat_where_, s.id, model().seats.size(), a.at(), "seat")) return;
    model().seats.push_back(std::move(s));
  }

  void read_link(std::uint32_t file, const pugi::xml_node& node, LinkKind kind) {
    std::vector<std::string> allowed = with(kLinkAttributes, kProvenance);
    if (kind == LinkKind::Funding) allowed = with(allowed, names_of({"mechanism", "amount", "total", "currency", "year", "held-by"}));
    if (kind == LinkKind::Accountability) allowed = with(allowed, names_of({"kind", "functions"}));
    if (kind == LinkKind::Delegation) allowed = with(allowed, names_of({"functions"}));
    AttributeReader a(*files_, file, node, sink_, allowed);
    LinkKindSide named;
    Link link;
    link.kind = kind;
    link.id = a.id("id");
    link.from = a.id("from");
    link.to = a.id("to");
    named.from_kind = a.text("from-kind");
    named.to_kind = a.text("to-kind");
    for (auto [body, kind_name, side] : {std::tuple{&link.from, &named.from_kind, "from"},
                                         std::tuple{&link.to, &named.to_kind, "to"}}) {
      if (body->empty() == kind_name->empty()) {
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
      link.subtype = a.text("mechanism", true);
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
      if (a.has("currency")) link.currency = a.text("currency");
      link.year = a.text("year");
      link.held_by = a.id("held-by");
    } else if (kind == LinkKind::Accountability) {
      link.subtype = a.text("kind", true);
    }
    link.functions = a.words("functions");
    link.provenance = provenance(a);
    no_children(file, node);
    if (!link.id.empty() && !claim_id(link_ids_, link_where_, link.id, model().links.size(), a.at(), "link")) return;
    model().links.push_back(std::move(link));
    raw_.link_sides.push_back(std::move(named));
  }

  void read_claim(std::uint32_t file, const pugi::xml_node& node) {
    AttributeReader a(*files_, file, node, sink_,
                      with(with(names_of({"id", "metric", "value", "tolerance", "text"}), kClaimParameters),
                           kProvenance));
    Claim c;
    c.id = a.id("id", true);
    c.metric = a.text("metric", true);
    c.text = a.text("text");
    if (auto value = a.number("value", true, false)) c.value = *value;
    if (auto tolerance = a.number("tolerance")) c.tolerance = *tolerance;
    for (const auto& parameter : kClaimParameters) {
      if (a.has(parameter)) c.params[parameter] = a.text(parameter);
    }
    c.provenance = provenance(a);
    no_children(file, node);
    if (!claim_id(claim_ids_, claim_where_, c.id, model().claims.size(), a.at(), "claim")) return;
    model().claims.push_back(std::move(c));
  }

  void read_suppress(std::uint32_t file, const pugi::xml_node& node, const std::string& subject) {
    auto allowed = names_of({"rule", "reason", "expires"});
    if (subject.empty()) allowed.push_back("subject");
    AttributeReader a(*files_, file, node, sink_, allowed);
    Suppression s{a.text("rule", true), subject.empty() ? a.id("subject") : subject,
                  a.text("reason", true), a.date("expires"), a.at()};
    no_children(file, node);
    model().suppressions.push_back(std::move(s));
  }

  void read_overlay(std::uint32_t file, const pugi::xml_node& node);
  std::optional<Model> finish(bool read_ok);
  void remove_body(const std::string& id);

  DiagnosticSink& sink_;
  const LoadOptions& options_;
  std::shared_ptr<SourceFiles> files_;
  RawModel raw_;
  std::string root_;
  std::vector<std::string> stack_;
  std::vector<Location> stack_locations_;
  std::set<std::string> loaded_;
  bool in_proposal_ = false;
  std::vector<bool> status_given_;
  std::unordered_map<std::string, std::size_t> seat_ids_, link_ids_, claim_ids_;
  std::vector<Location> source_where_, area_where_, body_where_, person_where_, post_where_,
      seat_where_, link_where_, claim_where_;
  std::set<std::string> removed_bodies_, removed_areas_, removed_links_, removed_seats_, removed_claims_;
};

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

std::optional<Model> Loader::finish(bool read_ok) {
  Model& m = model();
  if (!m.vocabulary && read_ok) {
    m.vocabulary = std::shared_ptr<const Vocabulary>(&builtin_vocabulary(), [](const Vocabulary*) {});
  }
  // Apply removals collected from a proposal.
  for (const auto& id : removed_bodies_) remove_body(id);
  std::vector<bool> keep_status;
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    if (removed_bodies_.count(m.bodies[i].id) == 0) keep_status.push_back(status_given_[i]);
  }
  std::erase_if(m.bodies, [&](const Body& b) { return removed_bodies_.count(b.id) != 0; });
  std::erase_if(m.areas, [&](const Area& a) { return removed_areas_.count(a.id) != 0; });
  raw_.erase_links_if([&](const Link& l) { return removed_links_.count(l.id) != 0; });
  std::erase_if(m.seats, [&](const Seat& s) { return removed_seats_.count(s.id) != 0; });
  std::erase_if(m.claims, [&](const Claim& c) { return removed_claims_.count(c.id) != 0; });
  m.reindex();
  if (m.vocabulary) {
    for (std::size_t i = 0; i < m.bodies.size(); ++i) {
      if (keep_status[i]) continue;
      const BodyKind* kind = m.vocabulary->body_kind(m.bodies[i].kind);
      const auto status = kind ? parse_legal_status(kind->default_status) : std::nullopt;
      m.bodies[i].status = status.value_or(LegalStatus::Statutory);
    }
  }
  m.files = files_;
  if (read_ok && m.vocabulary && !too_many()) detail::resolve(raw_, sink_);
  if (sink_.error_count() >= options_.max_errors) {
    sink_.error("", fmt::format("stopped after {} errors", options_.max_errors), "too-many-errors");
  }
  if (!read_ok || sink_.has_errors()) return std::nullopt;
  return std::move(raw_.model);
}

}  // namespace

std::string model_root(const std::string& model_path) {
  const fs::path folder = fs::path(normal(model_path)).parent_path();
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / "vocabulary.xml", ec)) return dir.string();
    if (dir == dir.root_path()) break;
  }
  return folder.string();
}

std::optional<Model> load_model(const std::string& path, DiagnosticSink& sink, const LoadOptions& options) {
  Loader loader(sink, options);
  return loader.load(path);
}

}  // namespace govmap
