// accountability-not-operating: a line of accountability that exists in law but is not
// operating at the model's date (a department answering to a legislature through a minister,
// while there is no minister). One finding per link with a <not-operating> period in force.

#include <fmt/format.h>

#include "rules/accountability_chain.h"
#include "rules/rule.h"

namespace govmap {
namespace {

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const Graph& graph = ctx.graph();
  for (LinkIndex index = 0; index < m.links.size(); ++index) {
    // The kind and pause are read beside the graph: only a paused link's Link is read.
    if (graph.kind(index) != LinkKind::Accountability || graph.operating(index)) continue;
    const Link& l = m.links[index];
    const NotOperating& pause = l.not_operating.front();
    const Body* from = m.find_body(l.from);
    const std::string message = fmt::format(
        "{}'s {} accountability to {} is not operating on {} ({}): {}", chain::name_of(m, l.from),
        chain::subtype_label(m, l), chain::name_of(m, l.to), m.as_of, period_text(pause.provenance.since, pause.provenance.until), pause.reason);
    std::vector<std::string> evidence;
    if (!pause.provenance.sources.empty()) {
      evidence.push_back("source: " + join(pause.provenance.sources, ", ") +
                         (pause.provenance.evidence.empty() ? "" : " (" + pause.provenance.evidence + ")"));
    }
    std::vector<Subject> subjects;
    if (from != nullptr) subjects.push_back(ctx.body_subject(l.from));
    ctx.report(message, std::move(subjects), pause.provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& accountability_not_operating_rule() {
  static const Rule rule{
      .id = "accountability-not-operating",
      .default_severity = Severity::Warning,
      .summary = "a line of accountability that is not operating at the model's date",
      .options = {},  // none
      .check = check,
  };
  return rule;
}

}  // namespace govmap
