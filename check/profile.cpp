// Rules profiles: reading govmap-rules.xml (see docs/check-output.md).

#include <filesystem>

#include <fmt/format.h>

#include "check/profile.h"
#include "engine/text.h"
#include "engine/xml_input.h"
#include "rules/catalogue.h"

namespace govmap {
namespace {

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& rule : rule_catalogue()) ids.push_back(rule.id);
  return ids;
}

std::vector<std::string> option_names(const Rule& rule) {
  std::vector<std::string> names;
  for (const auto& option : rule.options) names.push_back(option.name);
  return names;
}

/// Reports every child element other than `allowed`; returns the allowed ones.
std::vector<XmlNode> children_named(const SourceFiles& files, std::uint32_t file,
                                    const XmlNode& parent, const char* allowed,
                                    DiagnosticSink& sink) {
  std::vector<XmlNode> out;
  for (auto child : parent.children()) {
    if (child.type() != XmlNodeType::Element) continue;
    if (std::string_view(child.name()) == allowed) {
      out.push_back(child);
      continue;
    }
    sink.error(files, node_location(files, file, child),
               fmt::format("unknown element <{}> in <{}>{}", child.name(), parent.name(),
                           did_you_mean(child.name(), {allowed})),
               "unknown-element");
  }
  return out;
}

void read_option(const SourceFiles& files, std::uint32_t file, const XmlNode& node,
                 const Rule& rule, RuleSettings& settings, DiagnosticSink& sink) {
  AttributeReader a(files, file, node, sink, {"name", "value"});
  const std::string name = a.text("name", true);
  const auto value = a.number("value", true, false);
  if (name.empty()) return;
  const auto names = option_names(rule);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    sink.error(files, a.at("name"),
               names.empty() ? fmt::format("rule '{}' has no options", rule.id)
                             : fmt::format("rule '{}' has no option '{}'{}; its options: {}", rule.id,
                                           name, did_you_mean(name, names), join(names, ", ")),
               "unknown-option");
    return;
  }
  if (settings.options.count(name) != 0) {
    sink.error(files, a.at("name"), fmt::format("option '{}' is set twice", name), "duplicate-id");
    return;
  }
  if (value) settings.options[name] = *value;
}

void read_rule(const SourceFiles& files, std::uint32_t file, const XmlNode& node,
               RuleProfile& profile, DiagnosticSink& sink) {
  AttributeReader a(files, file, node, sink, {"id", "enabled", "severity"});
  const std::string id = a.id("id", true);
  RuleSettings settings;
  settings.enabled = a.boolean("enabled");
  if (a.has("severity")) {
    const std::string text = a.text("severity");
    settings.severity = parse_severity(text);
    if (!settings.severity) a.bad_value("severity", text, {"error", "warning", "info"});
  }
  const auto options = children_named(files, file, node, "option", sink);
  if (id.empty()) return;
  const Rule* rule = find_rule(id);
  if (rule == nullptr) {
    sink.error(files, a.at("id"), fmt::format("unknown rule '{}'{}", id, did_you_mean(id, rule_ids())),
               "unknown-rule");
    return;
  }
  if (profile.rules.count(id) != 0) {
    sink.error(files, a.at("id"), fmt::format("rule '{}' is configured twice", id), "duplicate-id");
    return;
  }
  for (const auto& option : options) read_option(files, file, option, *rule, settings, sink);
  profile.rules[id] = std::move(settings);
}

}  // namespace

bool RuleProfile::enabled(const Rule& rule) const {
  auto it = rules.find(rule.id);
  return it == rules.end() ? default_enabled : it->second.enabled.value_or(true);
}

Severity RuleProfile::severity(const Rule& rule) const {
  auto it = rules.find(rule.id);
  return it == rules.end() ? rule.default_severity : it->second.severity.value_or(rule.default_severity);
}

std::map<std::string, double> RuleProfile::options(const Rule& rule) const {
  auto it = rules.find(rule.id);
  return it == rules.end() ? std::map<std::string, double>{} : it->second.options;
}

std::optional<RuleProfile> load_profile(const std::string& path, DiagnosticSink& sink) {
  SourceFiles files;
  const std::size_t errors_before = sink.error_count();
  const auto file = read_source(path, files, sink);
  if (!file) return std::nullopt;
  XmlDocument doc;
  if (!parse_xml(files, *file, doc, sink)) return std::nullopt;
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "rules") {
    sink.error(files, node_location(files, *file, root),
               fmt::format("the root element of a rules profile must be <rules>, not <{}>", root.name()),
               "unknown-element");
    return std::nullopt;
  }
  AttributeReader a(files, *file, root, sink, {"version", "default-enabled"});
  if (const std::string version = a.text("version", true); !version.empty() && version != "1") {
    sink.error(files, a.at("version"),
               fmt::format("rules profile version '{}' is not supported (expected 1)", version),
               "unsupported-version");
    return std::nullopt;
  }
  RuleProfile profile;
  profile.path = path;
  profile.default_enabled = a.boolean("default-enabled").value_or(true);
  for (const auto& rule : children_named(files, *file, root, "rule", sink)) {
    read_rule(files, *file, rule, profile, sink);
  }
  if (sink.error_count() > errors_before) return std::nullopt;
  return profile;
}

std::string discover_profile(const std::string& model_path) {
  namespace fs = std::filesystem;
  const fs::path beside = fs::path(model_path).parent_path() / "govmap-rules.xml";
  std::error_code ec;
  return fs::is_regular_file(beside, ec) ? beside.string() : std::string();
}

}  // namespace govmap
