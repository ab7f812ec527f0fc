#include "output/check.h"

#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "engine/claims.h"
#include "engine/geography.h"
#include "engine/json.h"
#include "engine/metrics.h"
#include "engine/text.h"
#include "rules/catalogue.h"
#include "rules/docs.h"

namespace govmap {
namespace {

constexpr std::string_view kSeverities[] = {"error", "warning", "info"};

struct Counts {
  std::map<std::string, long long> by_severity{{"error", 0}, {"warning", 0}, {"info", 0}};
  std::map<std::string, long long> by_rule;
  long long unsuppressed = 0, suppressed = 0;
};

Counts count(const CheckResult& result) {
  Counts c;
  for (const auto& f : result.findings) {
    if (f.suppressed) {
      ++c.suppressed;
      continue;
    }
    ++c.unsuppressed;
    ++c.by_severity[std::string(to_string(f.severity))];
    ++c.by_rule[f.rule];
  }
  return c;
}

std::string where(const Model& m, const Location& at) { return at.valid() ? m.where(at) : std::string(); }

std::string subject_text(const Subject& s) {
  std::string ref = s.type + " " + s.id;
  if (!s.code.empty() && s.code != s.id) ref += ", " + s.code;
  return s.name.empty() ? ref : fmt::format("{} ({})", s.name, ref);
}

void write_location(JsonWriter& j, const Model& m, const Location& at) {
  if (!at.valid() || !m.files) {
    j.null();
    return;
  }
  j.begin_object().field("file", m.files->path(at.file)).field("line", static_cast<long long>(at.line))
      .field("column", static_cast<long long>(at.column)).end_object();
}

void write_metrics(JsonWriter& j, const Analysis& analysis) {
  const Stats& s = analysis.stats;
  j.key("metrics").begin_object();
  j.field("bodies", s.bodies).field("body_elements", s.body_elements).field("links", s.links)
      .field("people", s.people).field("seats", s.seats).field("voting_seats", s.voting_seats)
      .field("people_on_several_boards", s.people_on_several_boards).field("areas", s.areas)
      .field("leaf_areas", s.leaf_areas).field("population", s.population)
      .field("money_total", s.money_total).field("money_pooled", s.money_pooled);
  j.key("coterminosity").begin_array();
  for (const auto& c : s.coterminosity) {
    j.begin_object().field("kind", c.a).field("by", c.b).field("bodies", c.a_bodies)
        .field("within_one", c.within_one).field("coterminous", c.coterminous).field("split", c.split)
        .field("partners_with_split", c.b_with_split).end_object();
  }
  j.end_array();
  j.key("claims").begin_array();
  for (const auto& check : analysis.claims) {
    j.begin_object().field("id", check.claim->id).field("metric", check.claim->metric)
        .field("published", check.claim->value).field("tolerance", check.claim->tolerance).key("model");
    if (check.model_value) j.value(*check.model_value); else j.null();
    j.field("holds", check.holds()).end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

std::string check_text(const Analysis& analysis, const CheckResult& result) {
  const Model& model = analysis.model;
  std::string out;
  const auto append = std::back_inserter(out);  // formats in place: no string per line
  for (const auto& f : result.findings) {
    const std::string at = where(model, f.location);
    fmt::format_to(append, "{}{}{}: {} [{}]\n", at, at.empty() ? "" : ": ", to_string(f.severity),
                   f.message, f.rule);
    for (const auto& line : f.evidence) fmt::format_to(append, "    {}\n", line);
    if (!f.subjects.empty()) {
      // A long list is cut in text (the JSON and SARIF outputs list every subject).
      constexpr std::size_t kShown = 8;
      std::vector<std::string> subjects;
      for (std::size_t i = 0; i < f.subjects.size() && i < kShown; ++i) subjects.push_back(subject_text(f.subjects[i]));
      if (f.subjects.size() > kShown) {
        subjects.push_back(fmt::format("and {} more (--format json lists all)", f.subjects.size() - kShown));
      }
      fmt::format_to(append, "    subjects: {}\n", join(subjects, "; "));
    }
    if (f.suppressed) {
      const std::string by = where(model, f.suppression_location);
      out += fmt::format("    accepted: {}{}\n", f.suppression_reason, by.empty() ? "" : " (" + by + ")");
    }
  }
  const Counts c = count(result);
  if (result.findings.empty()) {
    out += fmt::format("no findings ({} run)\n", plural(static_cast<long long>(result.rules_run.size()), "rule", "rules"));
    return out;
  }
  // Which rules the findings come from, most first: one rule's many findings can hide the rest.
  if (c.by_rule.size() > 1) {
    std::vector<std::pair<long long, std::string>> order;
    for (const auto& [rule, n] : c.by_rule) order.emplace_back(-n, rule);
    std::sort(order.begin(), order.end());
    std::vector<std::string> parts;
    for (const auto& [n, rule] : order) parts.push_back(fmt::format("{} {}", -n, rule));
    out += "by rule: " + join(parts, ", ") + "\n";
  }
  out += fmt::format("{}: {}, {}, {} info", plural(c.unsuppressed, "finding", "findings"),
                     plural(c.by_severity.at("error"), "error", "errors"),
                     plural(c.by_severity.at("warning"), "warning", "warnings"), c.by_severity.at("info"));
  if (c.suppressed > 0) out += fmt::format("; {} accepted", c.suppressed);
  out += "\n";
  return out;
}

namespace {

std::string csv_cell(std::string text) {
  // Spreadsheets also run a formula after a leading tab or carriage return (OWASP's list).
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) text.insert(0, "'");
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string check_csv(const Analysis& analysis, const CheckResult& result) {
  const Model& model = analysis.model;
  std::string out = "\xEF\xBB\xBF";
  out += "severity,rule,file,line,column,message,subjects,subject_ids,evidence,status,accepted_because\r\n";
  for (const auto& f : result.findings) {
    std::vector<std::string> names, ids;
    for (const auto& s : f.subjects) {
      names.push_back(s.name.empty() ? s.id : s.name);
      ids.push_back(s.id);
    }
    const bool located = f.location.valid() && model.files;
    const std::vector<std::string> cells = {
        std::string(to_string(f.severity)), f.rule, located ? model.files->path(f.location.file) : "",
        located ? std::to_string(f.location.line) : "", located ? std::to_string(f.location.column) : "",
        f.message, join(names, "; "), join(ids, " "), join(f.evidence, " | "),
        f.suppressed ? "accepted" : "open", f.suppression_reason};
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + csv_cell(cells[i]);
    out += "\r\n";
  }
  return out;
}

std::string check_json(const Analysis& analysis, const CheckResult& result) {
  const Model& model = analysis.model;
  JsonWriter j;
  j.begin_object();
  j.key("tool").begin_object().field("name", "govmap").field("version", GOVMAP_VERSION).end_object();
  j.key("model").begin_object().field("id", model.id).field("title", model.title).field("as_of", model.as_of)
      .field("status", to_string(model.status)).end_object();
  j.key("rules_run").begin_array();
  for (const auto& id : result.rules_run) j.value(id);
  j.end_array();
  j.key("findings").begin_array();
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    j.begin_object().field("rule", f.rule).field("severity", to_string(f.severity)).field("message", f.message);
    j.key("subjects").begin_array();
    for (const auto& s : f.subjects) {
      j.begin_object().field("type", s.type).field("id", s.id).field("name", s.name).field("kind", s.kind)
          .field("code", s.code).end_object();
    }
    j.end_array();
    j.key("location");
    write_location(j, model, f.location);
    j.key("evidence").begin_array();
    for (const auto& e : f.evidence) j.value(e);
    j.end_array();
    j.field("suppressed", f.suppressed).key("suppression");
    if (!f.suppressed) {
      j.null();
    } else {
      j.begin_object().field("reason", f.suppression_reason)
          .field("source", result.suppressed_by_baseline[i] ? "baseline" : "inline").key("location");
      write_location(j, model, f.suppression_location);
      j.end_object();
    }
    j.end_object();
  }
  j.end_array();
  const Counts c = count(result);
  j.key("summary").begin_object().field("findings", c.unsuppressed).field("suppressed", c.suppressed);
  j.key("by_severity").begin_object();
  for (auto severity : kSeverities) j.field(severity, c.by_severity.at(std::string(severity)));
  j.end_object();
  j.key("by_rule").begin_object();
  for (const auto& [rule, n] : c.by_rule) j.field(rule, n);
  j.end_object().end_object();
  j.key("suppression_problems").begin_array();
  for (const auto& d : result.suppression_diagnostics) {
    j.begin_object().field("code", d.code).field("message", d.message).key("location");
    if (d.path.empty()) {
      j.null();
    } else {
      j.begin_object().field("file", d.path).field("line", static_cast<long long>(d.line))
          .field("column", static_cast<long long>(d.column)).end_object();
    }
    j.end_object();
  }
  j.end_array();
  write_metrics(j, analysis);
  j.end_object();
  return j.finish();
}

std::string path_to_uri(const std::string& path) {
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    const bool keep = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace govmap
