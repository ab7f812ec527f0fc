// Reads an import spec (models/<nation>/<era>/import.xml); the format is in docs/import.md.

#include <algorithm>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "engine/import_internal.h"
#include "engine/model.h"
#include "engine/text.h"
#include "engine/vocabulary.h"
#include "engine/xml_input.h"

namespace govmap::import_detail {
namespace {

const std::vector<std::string> kPassthrough = {"status", "sector", "elected", "powers", "duties",
                                               "functions", "note", "evidence", "confidence"};

std::vector<std::string> with_passthrough(std::vector<std::string> names) {
  names.insert(names.end(), kPassthrough.begin(), kPassthrough.end());
  return names;
}

Passthrough passthrough(const XmlNode& node) {
  Passthrough out;
  for (const auto& name : kPassthrough) {
    const auto attribute = node.attribute(name);
    if (attribute) out.emplace_back(name, std::string(attribute.value()));
  }
  return out;
}

Template make_template(AttributeReader& reader, std::string_view name, bool required) {
  Template t;
  t.text = reader.text(name, required);
  t.is_template = t.text.find('{') != std::string::npos;
  t.at = reader.at(name);
  return t;
}

class SpecReader {
 public:
  SpecReader(const std::string& path, const SourceFiles& files, std::uint32_t file, DiagnosticSink& sink)
      : files_(files), file_(file), sink_(sink) {
    spec_.path = path;
    spec_.folder = std::filesystem::path(path).parent_path().string();
  }

  std::optional<ImportSpec> read(const XmlNode& root) {
    if (std::string_view(root.name()) != "govmap-import") {
      sink_.error(files_, node_location(files_, file_, root),
                  fmt::format("expected <govmap-import> as the root element, found <{}>", root.name()), "unknown-element");
      return std::nullopt;
    }
    AttributeReader r(files_, file_, root, sink_, {"version", "id", "nation", "title", "as-of", "status"});
    if (r.text("version", true) != "1" && r.has("version")) {
      sink_.error(files_, r.at("version"), "unsupported import spec version (expected 1)", "bad-value");
    }
    for (const char* name : {"id", "nation", "title", "as-of", "status"}) spec_.root[name] = r.text(name, true);
    ContentSpec undated;
    std::optional<Location> undated_at;
    for (auto child : root.children()) {
      if (child.type() != XmlNodeType::Element) continue;
      const std::string_view name = child.name();
      if (name == "note") {
        spec_.comment = std::string(child.text());
      } else if (name == "source") {
        source(child);
      } else if (name == "period") {
        period(child);
      } else if (content(undated, child)) {
        if (!undated_at) undated_at = node_location(files_, file_, child);
      } else {
        unknown(child, {"note", "source", "period", "areas", "derived", "overlap-links", "list"});
      }
    }
    if (spec_.periods.empty()) {
      complete(undated, node_location(files_, file_, root), "spec");
      spec_.periods.push_back({"", "", node_location(files_, file_, root), std::move(undated)});
    } else if (undated_at) {
      sink_.error(files_, *undated_at,
                  "a spec with <period> elements has everything it generates inside them: move this into a <period>",
                  "unknown-element");
    }
    return spec_;
  }

 private:
  void unknown(const XmlNode& node, const std::vector<std::string>& allowed) {
    sink_.error(files_, node_location(files_, file_, node),
                fmt::format("unknown element <{}>{}", node.name(), did_you_mean(node.name(), allowed)), "unknown-element");
  }

  /// A link kind (funding, partner, ...): the element a generated link is written as.
  std::string link_kind(AttributeReader& r, const char* name, bool required) {
    std::string kind = r.text(name, required);
    if (kind.empty() || parse_link_kind(kind)) return kind;
    const std::vector<std::string> kinds = link_kind_names();
    std::string hint = did_you_mean(kind, kinds);
    sink_.error(files_, r.at(name),
                fmt::format("'{}' is not a link kind{}", kind, hint.empty() ? "; they are: " + join(kinds, ", ") : hint),
                "bad-value");
    return kind;
  }

  /// A kind of generated body. One govmap's own vocabulary lacks is a warning, not an error: a
  /// model may name a vocabulary of its own (vocabulary="...").
  std::string body_kind(AttributeReader& r) {
    std::string kind = r.id("kind", true);
    const Vocabulary& vocabulary = builtin_vocabulary();
    if (kind.empty() || vocabulary.body_kind(kind) != nullptr) return kind;
    std::vector<std::string> kinds;
    for (const BodyKind& k : vocabulary.body_kinds) kinds.push_back(k.id);
    std::string hint = did_you_mean(kind, kinds);
    if (hint.empty()) hint = "; it has: " + join(kinds, ", ");
    sink_.warning(files_, r.at("kind"),
                  fmt::format("'{}' is not a body kind in govmap's vocabulary{}; a model that includes the output "
                              "needs a vocabulary of its own that has it",
                              kind, hint),
                  "vocabulary");
    return kind;
  }

  std::string resolve(const std::string& file) const {
    return file.empty() ? file : (std::filesystem::path(spec_.folder) / file).lexically_normal().string();
  }

  void source(const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_, {"id", "title", "publisher", "year", "url", "section", "file"});
    spec_.sources.push_back({r.id("id", true), r.text("title", true), r.text("publisher"), r.text("year"),
                             r.text("url"), r.text("section"), r.text("file")});
  }

  // Reads file= and the pipeline steps; returns false for elements it does not own.
  bool step(TableSpec& table, const XmlNode& node) {
    const std::string_view name = node.name();
    Step s;
    if (name == "filter") {
      AttributeReader r(files_, file_, node, sink_, {"column", "equals", "prefix", "min"});
      s.kind = Step::Kind::Filter;
      s.column = r.text("column", true);
      s.equals = r.text("equals");
      s.prefix = r.text("prefix");
      s.min = r.number("min", false, false);
      s.at = r.at();
    } else if (name == "derive") {
      AttributeReader r(files_, file_, node, sink_, {"column", "from", "regex"});
      s.kind = Step::Kind::Derive;
      s.column = r.text("column", true);
      s.from = r.text("from", true);
      s.regex = r.text("regex", true);
      s.at = r.at();
      if (s.regex.size() > kMaxPatternLength) {
        sink_.error(files_, r.at("regex"),
                    fmt::format("regex is {} characters long; the limit is {}", s.regex.size(), kMaxPatternLength),
                    "too-long");
      } else {
        try {
          const std::regex check = compile_pattern(s.regex);
          if (check.mark_count() < 1) sink_.error(files_, r.at("regex"), "regex needs one capture group", "bad-value");
        } catch (const std::regex_error& e) {
          sink_.error(files_, r.at("regex"), fmt::format("bad regular expression: {}", e.what()), "bad-value");
        }
      }
    } else if (name == "join") {
      AttributeReader r(files_, file_, node, sink_, {"id", "file", "key", "on"});
      s.kind = Step::Kind::Join;
      s.id = r.id("id", true);
      s.file = resolve(r.text("file", true));
      s.key = r.text("key", true);
      s.on = make_template(r, "on", true);
      s.at = r.at();
    } else if (name == "pick-max") {
      AttributeReader r(files_, file_, node, sink_, {"group", "column"});
      s.kind = Step::Kind::PickMax;
      s.group = r.text("group", true);
      s.column = r.text("column", true);
      s.at = r.at();
    } else {
      return false;
    }
    table.steps.push_back(std::move(s));
    return true;
  }

  BodySpec body(const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_,
                      with_passthrough({"kind", "code", "name", "unless-same", "source", "succeeds"}));
    BodySpec b;
    b.kind = body_kind(r);
    b.succeeds = r.words("succeeds");
    b.succeeds_at = r.at("succeeds");
    const bool later_areas = std::string_view(node.parent().name()) == "areas" &&
                             std::string_view(node.parent().parent().name()) == "period" && !spec_.periods.empty();
    if (!b.succeeds.empty() && !later_areas) {
      sink_.error(files_, r.at("succeeds"),
                  "'succeeds' names the kinds of body of the period before that this one replaced: it is for a <body> "
                  "in the <areas> of a <period> after another",
                  "bad-value");
    }
    b.code = make_template(r, "code", true);
    b.name = make_template(r, "name", true);
    b.unless_same = make_template(r, "unless-same", false);
    b.source = r.text("source");
    b.extra = passthrough(node);
    b.at = r.at();
    return b;
  }

  /// Reads one element of what a spec (or a period) generates; false for any other element.
  bool content(ContentSpec& c, const XmlNode& node) {
    const std::string_view name = node.name();
    if (name == "areas") {
      areas(c, node);
    } else if (name == "derived") {
      derived(c, node);
    } else if (name == "overlap-links") {
      overlap(c, node);
    } else if (name == "list") {
      list(c, node);
    } else {
      return false;
    }
    return true;
  }

  /// What every spec and every period needs: one <areas> with at least one <level>; and each
  /// kind a <derived> or <overlap-links> starts from one that is generated before it runs (a
  /// misspelt kind would match no body and generate nothing, silently).
  void complete(const ContentSpec& c, Location at, std::string_view what) {
    if (c.areas.at.line == 0) {
      sink_.error(files_, at, fmt::format("the {} needs an <areas> element", what), "missing-element");
    } else if (c.levels.empty()) {
      sink_.error(files_, c.areas.at, "<areas> needs at least one <level>", "missing-element");
    }
    std::vector<std::string> kinds;  // in the order they are generated: areas, derived, lists
    std::set<std::string> lists;
    for (const ListSpec& l : c.lists) {
      for (const BodySpec& b : l.bodies) lists.insert(b.kind);
    }
    for (const BodySpec& b : c.area_bodies) kinds.push_back(b.kind);
    for (const DerivedSpec& d : c.derived) {
      generated(kinds, lists, "from-kind", d.from_kind, d.at);
      kinds.push_back(d.kind);
    }
    for (const ListSpec& l : c.lists) {
      for (const BodySpec& b : l.bodies) kinds.push_back(b.kind);
    }
    for (const OverlapSpec& o : c.overlaps) {
      generated(kinds, {}, "from-kind", o.from_kind, o.at);
      generated(kinds, {}, "to-kind", o.to_kind, o.at);
    }
  }

  void generated(const std::vector<std::string>& kinds, const std::set<std::string>& later, std::string_view attribute,
                 const std::string& kind, const Location& at) {
    if (kind.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    if (later.count(kind) != 0) {
      sink_.error(files_, at,
                  fmt::format("{} '{}' is generated only after this runs: derived bodies are made after the "
                              "<areas> and before the <list>s",
                              attribute, kind),
                  "bad-value");
      return;
    }
    std::string hint = did_you_mean(kind, kinds);
    if (hint.empty()) hint = kinds.empty() ? "; none is generated before it" : "; those generated before it: " + join(kinds, ", ");
    sink_.error(files_, at, fmt::format("{} '{}' is not a kind of body the spec generates{}", attribute, kind, hint),
                "bad-value");
  }

  /// A <period since until> of a dated spec: the periods follow one another without gap or
  /// overlap, only the first may have no since and only the last has no until.
  void period(const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_, {"since", "until"});
    PeriodSpec p{r.date("since"), r.date("until"), r.at(), {}};
    for (auto child : node.children()) {
      if (child.type() == XmlNodeType::Element && !content(p.content, child)) {
        unknown(child, {"areas", "derived", "overlap-links", "list"});
      }
    }
    complete(p.content, p.at, "period");
    const bool first = spec_.periods.empty();
    const bool last = !node.next_sibling("period");
    if (!p.since.empty() && !p.until.empty() && p.until <= p.since) {
      sink_.error(files_, r.at("until"), fmt::format("until ({}) is not after since ({})", p.until, p.since), "bad-date");
    } else if (!first && p.since != spec_.periods.back().until) {
      sink_.error(files_, p.since.empty() ? p.at : r.at("since"),
                  fmt::format("this period must start on the day the one before ends ({}): periods follow one "
                              "another without gap or overlap",
                              spec_.periods.back().until),
                  "bad-date");
    } else if (last != p.until.empty()) {
      sink_.error(files_, last ? r.at("until") : p.at,
                  last ? "the last period has no until: the geography it generates holds to the spec's as-of and on"
                       : "every period but the last needs an until (the next one's since)",
                  "bad-date");
    }
    spec_.periods.push_back(std::move(p));
  }

  void areas(ContentSpec& c, const XmlNode& node) {
    if (c.areas.at.line != 0) {
      sink_.error(files_, node_location(files_, file_, node), "only one <areas> per spec (or per period)", "duplicate-element");
      return;
    }
    AttributeReader r(files_, file_, node, sink_, {"file"});
    c.areas.file = resolve(r.text("file", true));
    c.areas.at = r.at();
    for (auto child : node.children()) {
      if (child.type() != XmlNodeType::Element || step(c.areas, child)) continue;
      const std::string_view name = child.name();
      if (name == "level") {
        AttributeReader l(files_, file_, child, sink_, {"kind", "code", "name", "population", "population-year", "source"});
        LevelSpec level;
        level.kind = l.id("kind", true);
        level.code = make_template(l, "code", true);
        level.name = make_template(l, "name", false);
        level.population = make_template(l, "population", false);
        level.population_year = l.text("population-year");
        level.source = l.text("source");
        level.at = l.at();
        c.levels.push_back(std::move(level));
      } else if (name == "body") {
        c.area_bodies.push_back(body(child));
      } else {
        unknown(child, {"filter", "derive", "join", "pick-max", "level", "body"});
      }
    }
  }

  void derived(ContentSpec& c, const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_,
                      with_passthrough({"kind", "from-kind", "prefix", "name", "part-of", "link-from-source", "source"}));
    DerivedSpec d;
    d.kind = body_kind(r);
    d.from_kind = r.id("from-kind", true);
    d.prefix = r.text("prefix", true);
    d.name = make_template(r, "name", true);
    d.part_of = r.boolean("part-of").value_or(false);
    d.link_from_source = link_kind(r, "link-from-source", false);
    d.source = r.text("source");
    d.extra = passthrough(node);
    d.at = r.at();
    c.derived.push_back(std::move(d));
  }

  void overlap(ContentSpec& c, const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_,
                      {"link", "from-kind", "to-kind", "source", "note", "evidence", "confidence"});
    OverlapSpec o{link_kind(r, "link", true), r.id("from-kind", true), r.id("to-kind", true), r.text("source"), {}, r.at()};
    for (const char* name : {"note", "evidence", "confidence"}) {
      if (r.has(name)) o.extra.emplace_back(name, r.text(name));
    }
    c.overlaps.push_back(std::move(o));
  }

  void list(ContentSpec& c, const XmlNode& node) {
    AttributeReader r(files_, file_, node, sink_, {"file"});
    ListSpec l;
    l.table.file = resolve(r.text("file", true));
    l.table.at = r.at();
    for (auto child : node.children()) {
      if (child.type() != XmlNodeType::Element || step(l.table, child)) continue;
      const std::string_view name = child.name();
      if (name == "body") {
        l.bodies.push_back(body(child));
      } else if (name == "link") {
        AttributeReader k(files_, file_, child, sink_, {"link", "from", "to", "source", "note", "evidence", "confidence"});
        LinkSpec link;
        link.link = link_kind(k, "link", true);
        link.from = make_template(k, "from", false);
        link.to = make_template(k, "to", false);
        link.source = k.text("source");
        for (const char* extra : {"note", "evidence", "confidence"}) {
          if (k.has(extra)) link.extra.emplace_back(extra, k.text(extra));
        }
        link.at = k.at();
        if (link.from.text.empty() == link.to.text.empty()) {
          sink_.error(files_, link.at, "<link> needs exactly one of 'from' and 'to' (the other end is the row's body)",
                      "missing-attribute");
        }
        l.links.push_back(std::move(link));
      } else {
        unknown(child, {"filter", "derive", "join", "pick-max", "body", "link"});
      }
    }
    if (l.bodies.size() != 1) sink_.error(files_, l.table.at, "<list> needs exactly one <body>", "missing-element");
    c.lists.push_back(std::move(l));
  }

  const SourceFiles& files_;
  std::uint32_t file_;
  DiagnosticSink& sink_;
  ImportSpec spec_;
};

}  // namespace

std::vector<std::string> Template::columns() const {
  if (text.empty()) return {};
  if (!is_template) return {text};
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    const auto end = text.find('}', pos);
    if (end == std::string::npos) break;
    out.push_back(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

std::optional<ImportSpec> read_import_spec(const std::string& path, SourceFiles& files, DiagnosticSink& sink) {
  const auto file = read_source(path, files, sink);
  if (!file) return std::nullopt;
  XmlDocument doc;
  if (!parse_xml(files, *file, doc, sink)) return std::nullopt;
  const std::size_t errors = sink.error_count();
  auto spec = SpecReader(path, files, *file, sink).read(doc.document_element());
  if (!spec || sink.error_count() > errors) return std::nullopt;
  return spec;
}

}  // namespace govmap::import_detail
