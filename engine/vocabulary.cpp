#include "engine/vocabulary.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/diagnostics.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap {

std::string_view builtin_vocabulary_text();  // generated from models/vocabulary.xml

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

bool matches(const std::vector<std::string>& patterns, std::string_view kind, std::string_view sector) {
  for (const auto& p : patterns) {
    if (p == "*" || p == kind) return true;
    if (p.rfind("sector:", 0) == 0 && std::string_view(p).substr(7) == sector) return true;
  }
  return false;
}

}  // namespace

const BodyKind* Vocabulary::body_kind(std::string_view id) const { return find_by_id(body_kinds, id); }
const Tier* Vocabulary::tier(std::string_view id) const { return find_by_id(tiers, id); }
const Labelled* Vocabulary::sector(std::string_view id) const { return find_by_id(sectors, id); }
const Labelled* Vocabulary::mechanism(std::string_view id) const { return find_by_id(mechanisms, id); }
const Labelled* Vocabulary::accountability_kind(std::string_view id) const {
  return find_by_id(accountability_kinds, id);
}

bool Vocabulary::allows(std::string_view link, std::string_view from_kind, std::string_view from_sector,
                        std::string_view to_kind, std::string_view to_sector) const {
  return std::any_of(allowed_links.begin(), allowed_links.end(), [&](const LinkRule& rule) {
    return rule.link == link && matches(rule.from, from_kind, from_sector) && matches(rule.to, to_kind, to_sector);
  });
}

std::optional<Vocabulary> parse_vocabulary(SourceFiles& files, std::uint32_t file, DiagnosticSink& sink) {
  const std::size_t errors_before = sink.error_count();
  const std::string& path = files.path(file);
  XmlDocument doc;
  if (!parse_xml(files, file, doc, sink)) return std::nullopt;
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "vocabulary") {
    sink.error(files, node_location(files, file, root), "the root element must be <vocabulary>", "unknown-element");
    return std::nullopt;
  }
  Vocabulary v;
  v.path = path;
  static const std::vector<std::string> kElements = {"sector", "tier", "body-kind", "link-kind", "mechanism",
                                                     "accountability-kind", "allow", "must-partner"};
  for (auto node : root.children()) {
    if (node.type() != XmlNodeType::Element) continue;
    const std::string name(node.name());
    if (name == "sector" || name == "link-kind" || name == "mechanism" || name == "accountability-kind") {
      AttributeReader a(files, file, node, sink, {"id", "label", "direction"});
      Labelled item{a.id("id", true), a.text("label", true)};
      auto& list = name == "sector" ? v.sectors : name == "link-kind" ? v.link_kinds
                   : name == "mechanism" ? v.mechanisms : v.accountability_kinds;
      list.push_back(std::move(item));
    } else if (name == "tier") {
      AttributeReader a(files, file, node, sink, {"id", "label", "rank"});
      Tier t{a.id("id", true), a.text("label", true), static_cast<int>(a.number("rank", true, true, false, 1e6).value_or(0))};
      v.tiers.push_back(std::move(t));
    } else if (name == "body-kind") {
      AttributeReader a(files, file, node, sink,
                        {"id", "label", "plural", "sector", "tier", "default-status", "elected"});
      BodyKind k{a.id("id", true), a.text("label", true), a.text("plural", true), a.text("sector", true),
                 a.text("tier", true), a.text("default-status")};
      v.body_kinds.push_back(std::move(k));
    } else if (name == "allow") {
      AttributeReader a(files, file, node, sink, {"link", "from", "to"});
      v.allowed_links.push_back({a.text("link", true), a.words("from"), a.words("to")});
    } else if (name == "must-partner") {
      AttributeReader a(files, file, node, sink, {"a", "b"});
      v.must_partner.emplace_back(a.text("a", true), a.text("b", true));
    } else {
      sink.error(files, node_location(files, file, node),
                 fmt::format("unknown element <{}>{}", name, did_you_mean(name, kElements)), "unknown-element");
    }
  }
  if (sink.error_count() > errors_before) return std::nullopt;
  return v;
}

const Vocabulary& builtin_vocabulary() {
  static const Vocabulary vocabulary = [] {
    SourceFiles files;
    DiagnosticSink sink;
    auto parsed = parse_vocabulary(files, files.add("<built-in vocabulary>", std::string(builtin_vocabulary_text())), sink);
    if (!parsed) throw std::logic_error("the built-in vocabulary does not parse");
    return *parsed;
  }();
  return vocabulary;
}

}  // namespace govmap
