// SARIF 2.1.0 output of `govmap check` (docs/check-output.md, "SARIF").

#include <map>

#include <fmt/format.h>

#include "engine/json.h"
#include "output/check.h"
#include "rules/catalogue.h"
#include "rules/docs.h"

namespace govmap {
namespace {

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

void write_rule(JsonWriter& j, const Rule& rule) {
  j.begin_object().field("id", rule.id);
  j.key("shortDescription").begin_object().field("text", rule.summary).end_object();
  const std::string description = rule_doc_description(rule.id);
  j.key("fullDescription").begin_object().field("text", description.empty() ? rule.summary : description).end_object();
  const std::string_view doc = rule_doc(rule.id);
  if (!doc.empty()) j.key("help").begin_object().field("text", doc).field("markdown", doc).end_object();
  j.key("defaultConfiguration").begin_object().field("level", sarif_level(rule.default_severity)).end_object();
  if (!rule.options.empty()) {
    j.key("properties").begin_object().key("options").begin_object();
    for (const auto& option : rule.options) j.field(option.name, option.default_value);
    j.end_object().end_object();
  }
  j.end_object();
}

void write_result(JsonWriter& j, const Model& model, const Finding& f, long long rule_index, bool from_baseline,
                  bool with_baseline) {
  j.begin_object().field("ruleId", f.rule).field("ruleIndex", rule_index).field("level", sarif_level(f.severity));
  j.key("message").begin_object().field("text", f.message).end_object();
  j.key("locations").begin_array().begin_object();
  if (f.location.valid() && model.files) {
    j.key("physicalLocation").begin_object();
    j.key("artifactLocation").begin_object().field("uri", path_to_uri(model.files->path(f.location.file))).end_object();
    j.key("region").begin_object().field("startLine", static_cast<long long>(f.location.line))
        .field("startColumn", static_cast<long long>(std::max<std::uint32_t>(f.location.column, 1))).end_object();
    j.end_object();
  }
  j.key("logicalLocations").begin_array();
  for (const auto& s : f.subjects) {
    j.begin_object().field("name", s.name.empty() ? s.id : s.name)
        .field("fullyQualifiedName", fmt::format("{}:{}", s.type, s.id)).field("kind", s.type).end_object();
  }
  j.end_array();
  j.end_object().end_array();
  std::string fingerprint = f.rule;
  for (const auto& s : f.subjects) fingerprint += "/" + s.type + ":" + s.id;
  // govmap/v1 is the identity compare uses (rule and the set of subjects), hashed.
  j.key("partialFingerprints").begin_object().field("govmapSubjects/v1", fingerprint)
      .field("govmap/v1", govmap::fingerprint(finding_key(f))).end_object();
  if (with_baseline) j.field("baselineState", from_baseline ? "unchanged" : "new");
  if (f.suppressed) {
    j.key("suppressions").begin_array().begin_object().field("kind", from_baseline ? "external" : "inSource")
        .field("justification", f.suppression_reason).end_object().end_array();
  }
  if (!f.evidence.empty()) {
    j.key("properties").begin_object().key("evidence").begin_array();
    for (const auto& e : f.evidence) j.value(e);
    j.end_array().end_object();
  }
  j.end_object();
}

}  // namespace

std::string check_sarif(const Analysis& analysis, const CheckResult& result) {
  const Model& model = analysis.model;
  JsonWriter j;
  j.begin_object().field("$schema", "https://json.schemastore.org/sarif-2.1.0.json").field("version", "2.1.0");
  j.key("runs").begin_array().begin_object();
  j.key("tool").begin_object().key("driver").begin_object().field("name", "govmap").field("version", GOVMAP_VERSION);
  j.key("rules").begin_array();
  std::map<std::string, long long> index;
  for (const auto& id : result.rules_run) {
    const Rule* rule = find_rule(id);
    if (rule == nullptr) continue;
    index[id] = static_cast<long long>(index.size());
    write_rule(j, *rule);
  }
  j.end_array().end_object().end_object();
  j.key("invocations").begin_array().begin_object().field("executionSuccessful", true);
  j.key("toolExecutionNotifications").begin_array();
  for (const auto& d : result.suppression_diagnostics) {
    j.begin_object().field("level", "warning").key("message").begin_object()
        .field("text", fmt::format("{} [{}]", d.message, d.code)).end_object();
    if (!d.path.empty()) {
      j.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      j.key("artifactLocation").begin_object().field("uri", path_to_uri(d.path)).end_object();
      j.key("region").begin_object().field("startLine", static_cast<long long>(std::max<std::uint32_t>(d.line, 1)))
          .field("startColumn", static_cast<long long>(std::max<std::uint32_t>(d.column, 1))).end_object();
      j.end_object().end_object().end_array();
    }
    j.end_object();
  }
  j.end_array().end_object().end_array();
  j.key("results").begin_array();
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    auto it = index.find(f.rule);
    write_result(j, model, f, it == index.end() ? -1 : it->second, result.suppressed_by_baseline[i],
                 result.with_baseline);
  }
  j.end_array();
  j.end_object().end_array().end_object();
  return j.finish();
}

}  // namespace govmap
