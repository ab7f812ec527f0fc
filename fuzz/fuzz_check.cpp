// libFuzzer target: the whole check and its outputs. The input is a model (model.xml) and
// optionally include.xml, base.xml (a baseline it extends) and vocabulary.xml, separated by
// "--8<--" lines. A model that loads is checked with every rule; the findings are written in
// every format of `govmap check` and as a baseline; every view is built and written as DOT; a
// proposal is compared with its baseline (text and JSON); small models are also laid out as SVG
// and written into the HTML report. Every text output must be clean UTF-8 with no control
// characters, or the run stops as a finding.

#include "check/baseline.h"
#include "check/profile.h"
#include "check/run.h"
#include "compare/comparison.h"
#include "compare/diff.h"
#include "engine/loader.h"
#include "fuzz/fuzz_files.h"
#include "output/check.h"
#include "output/comparison.h"
#include "render/render.h"
#include "render/report.h"
#include "render/views.h"

namespace {

using govmap::fuzz::require_clean_text;

constexpr const char* kToday = "2026-11-30";
constexpr std::size_t kMaxLaidOutBodies = 12;  // Graphviz layout is slow; keep runs fast

void write_views(const govmap::Model& model, const std::vector<govmap::Finding>& findings) {
  using govmap::ViewKind;
  for (const auto view : {ViewKind::Figure, ViewKind::Funding, ViewKind::Accountability, ViewKind::Area,
                          ViewKind::Body}) {
    govmap::ViewOptions options;
    options.view = view;
    options.findings = &findings;
    options.area = model.areas.empty() ? "none" : model.areas.front().id;
    options.body = model.bodies.empty() ? "none" : model.bodies.front().id;
    govmap::DiagnosticSink sink;
    const auto diagram = govmap::build_view(model, options, sink);
    if (!diagram) continue;
    if (const auto dot = govmap::diagram_to_dot(*diagram, sink)) require_clean_text(*dot);
    if (view == ViewKind::Figure && model.bodies.size() <= kMaxLaidOutBodies) {
      if (const auto svg = govmap::render_diagram(*diagram, govmap::OutputFormat::Svg, sink, model.as_of)) {
        require_clean_text(*svg);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string dir =
      govmap::fuzz::write_files(data, size, {"model.xml", "include.xml", "base.xml", "vocabulary.xml"});
  govmap::DiagnosticSink sink;
  auto loaded = govmap::load_model(dir + "/model.xml", sink);
  if (!loaded) return 0;
  const auto analysis = govmap::analyse(std::move(*loaded));
  const govmap::Model& model_ref = analysis->model;
  const auto* model = &model_ref;
  const govmap::RuleProfile profile;
  const auto result = govmap::run_checks(*analysis, profile, {}, kToday);
  for (const auto& text : {govmap::check_text(*analysis, result), govmap::check_json(*analysis, result),
                           govmap::check_csv(*analysis, result), govmap::check_sarif(*analysis, result),
                           govmap::baseline_xml(result.findings, kToday)}) {
    require_clean_text(text);
  }
  write_views(*model, result.findings);
  if (model->extends.empty() || model->bodies.size() > kMaxLaidOutBodies) return 0;
  auto base = govmap::load_model(dir + "/base.xml", sink);
  if (!base) return 0;
  govmap::Comparison comparison{govmap::check_model(dir + "/base.xml", std::move(*base), profile, kToday), {}};
  govmap::ProposalComparison proposal{
      govmap::check_model(dir + "/model.xml", model_ref, profile, kToday), {}, {}};
  proposal.diff = govmap::diff_models(comparison.base.model(), proposal.proposal.model(),
                                      comparison.base.analysis->geography, proposal.proposal.analysis->geography);
  proposal.findings = govmap::diff_findings(comparison.base, proposal.proposal, proposal.diff);
  comparison.proposals.push_back(std::move(proposal));
  require_clean_text(govmap::comparison_text(comparison));
  require_clean_text(govmap::comparison_json(comparison));
  govmap::ReportInput input;
  input.models.push_back(&comparison.base);
  input.comparisons.push_back(&comparison);
  require_clean_text(govmap::report_html(input, sink));
  return 0;
}
