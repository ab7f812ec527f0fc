// Baselines of accepted findings: reading one, and writing one from current findings.

#include <memory>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/baseline.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap {

std::optional<std::vector<Suppression>> load_baseline(const std::string& path, Model& model,
                                                      DiagnosticSink& sink) {
  auto files = model.files ? std::make_shared<SourceFiles>(*model.files) : std::make_shared<SourceFiles>();
  const std::size_t errors_before = sink.error_count();
  const auto file = read_source(path, *files, sink);
  if (!file) return std::nullopt;
  XmlDocument doc;
  if (!parse_xml(*files, *file, doc, sink)) return std::nullopt;
  const auto root = doc.document_element();
  if (std::string_view(root.name()) != "baseline") {
    sink.error(*files, node_location(*files, *file, root),
               fmt::format("the root element of a baseline must be <baseline>, not <{}>", root.name()),
               "unknown-element");
    return std::nullopt;
  }
  AttributeReader a(*files, *file, root, sink, {"version"});
  if (const std::string version = a.text("version", true); !version.empty() && version != "1") {
    sink.error(*files, a.at("version"),
               fmt::format("baseline version '{}' is not supported (expected 1)", version),
               "unsupported-version");
    return std::nullopt;
  }
  std::vector<Suppression> suppressions;
  for (auto child : root.children()) {
    if (child.type() != XmlNodeType::Element) continue;
    if (std::string_view(child.name()) != "suppress") {
      sink.error(*files, node_location(*files, *file, child),
                 fmt::format("unknown element <{}> in <baseline>; expected <suppress>", child.name()),
                 "unknown-element");
      continue;
    }
    AttributeReader s(*files, *file, child, sink, {"rule", "subject", "reason", "expires"});
    Suppression suppression{s.text("rule", true), s.id("subject"), s.text("reason", true),
                            s.date("expires"), s.at(), true};
    suppressions.push_back(std::move(suppression));
  }
  if (sink.error_count() > errors_before) return std::nullopt;
  model.files = std::move(files);
  return suppressions;
}

std::string baseline_xml(const std::vector<Finding>& findings, const std::string& today) {
  std::set<std::tuple<std::string, std::string>> accepted;  // (rule, subject)
  for (const auto& finding : findings) {
    if (finding.suppressed) continue;
    accepted.emplace(finding.rule, finding.subjects.empty() ? std::string() : finding.subjects.front().id);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    // XML comments may not contain "--", so the option is named without its dashes.
                    "<!-- Findings accepted by govmap check (option write-baseline). Give each a real reason. -->\n"
                    "<baseline version=\"1\">\n";
  const std::string reason = xml_escape(fmt::format("accepted in baseline on {}", today));
  for (const auto& [rule, subject] : accepted) {
    out += fmt::format("  <suppress rule=\"{}\"", xml_escape(rule));
    if (!subject.empty()) out += fmt::format(" subject=\"{}\"", xml_escape(subject));
    out += fmt::format(" reason=\"{}\"/>\n", reason);
  }
  out += "</baseline>\n";
  return out;
}

}  // namespace govmap
