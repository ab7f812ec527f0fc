#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "cli/cli.h"
#include "compare/comparison.h"
#include "engine/loader.h"
#include "engine/model_paths.h"
#include "output/comparison.h"
#include "render/delta.h"
#include "render/render.h"
#include "render/report.h"

namespace govmap::cli {
namespace {
const std::vector<std::string> kFormats = {"text", "json", "html"};
}  // namespace

Command compare_command() {
  Command c;
  c.name = "compare";
  c.usage = "compare BASE PROPOSAL... [--as-of DATE] [--format text|json|html] [-o OUT] [--delta DIAGRAM] [--rules FILE]";
  c.summary = "Compare reform proposals with their baseline: changes, metrics and findings.";
  c.details =
      "A PROPOSAL is an overlay on BASE (status=\"proposed\", extends=...) or any other model, such\n"
      "as the same nation as it stands now (shown as \"Later model\"). See docs/compare.md.\n"
      "Two dates of one model: compare MODEL@2021-12-01 MODEL@2026-11-30 (a side's @DATE reads it\n"
      "as it stood on DATE; --as-of DATE reads the sides without one at DATE).\n"
      "Bodies are matched by id, then by official code, then by name and kind; the matching is\n"
      "listed when it is not by id. Findings are matched by rule and subjects: each proposal's\n"
      "findings are new, resolved or unchanged against the baseline's. --format html writes the\n"
      "comparison as a self-contained page with the delta diagram and both figures side by side;\n"
      "--delta FILE.{svg,png,pdf,dot} draws the delta diagram of the first proposal.";
  c.options = {{"--format", "FORMAT", "output format (default: the -o file's extension, else text)", kFormats, ""},
               {"--delta", "FILE", "also draw the first proposal's delta diagram to FILE", {}, ""},
               {"--output", "FILE", "write to FILE instead of standard output", {}, "-o"},
               {"--rules", "FILE", "rules profile (default: govmap-rules.xml beside the baseline)", {}, ""},
               {"--today", "DATE", "date for suppression expiry (default: today, UTC)", {}, ""}};
  c.options.push_back(kAsOfOption);
  c.options.push_back(kModelsOption);
  c.min_positional = 2;
  c.run = [](const Args& args, Io& io) {
    const std::string base_path = args.positional[0];
    const auto today = today_for("compare", args, io);
    if (!today) return kExitUsage;
    // Proposals first: the baseline is read as the first proposal that extends it reads it.
    std::vector<Model> proposals;
    const Model* reads_base = nullptr;
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
      auto proposal = load_or_report(args.positional[i], args, io);
      if (!proposal) return kExitUsage;
      proposals.push_back(std::move(*proposal));
    }
    for (const Model& p : proposals) {
      if (extends_file(p, base_path, args)) {
        reads_base = &p;
        break;
      }
    }
    auto base = load_or_report(base_path, args, io, reads_base);
    if (!base) return kExitUsage;
    // Found from the model read, so a baseline named by name (england@2026-03-31) has its profile.
    const auto profile = profile_for(args, base_path, io, &*base);
    if (!profile) return kExitUsage;
    Comparison comparison{check_model(base_path, std::move(*base), *profile, *today), {}};
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
      Model& proposal = proposals[i - 1];
      // The date the proposal read its baseline at, as the baseline was read here for the first.
      const Model& baseline = comparison.base.model();
      const std::string& own_base_date = date_read(baseline, proposal.as_of, true);
      const bool on_base = extends_file(proposal, base_path, args);
      if (&proposal != reads_base && on_base && own_base_date != baseline.as_of) {
        io.err << fmt::format("govmap compare: note: {} reads its baseline as of {}; it is compared with the baseline "
                              "as of {} (compare it on its own to see it against its date)\n",
                              args.positional[i], own_base_date, baseline.as_of);
      }
      if (!on_base && !proposal.extends.empty()) {
        // Two options on one baseline compared with each other is meant; a wrong BASE is not.
        const std::string its_base = is_model_name(proposal.extends) ? proposal.extends : proposal.extends_path();
        io.err << (proposal.nation != baseline.nation
                       ? fmt::format("govmap compare: note: {} extends {} (a model of {}), not {} (a model of {}): every "
                                     "body of either shows as added or removed (did you mean 'govmap compare {} {}'?)\n",
                                     args.positional[i], its_base, proposal.nation, base_path, baseline.nation,
                                     its_base, args.positional[i])
                       : fmt::format("govmap compare: note: {} extends {}, not {}: what {} and {} differ in shows as its "
                                     "change too\n",
                                     args.positional[i], its_base, base_path, its_base, base_path));
      }
      ProposalComparison p{check_model(args.positional[i], std::move(proposal), *profile, *today), {}, {}};
      p.diff = diff_models(comparison.base.model(), p.proposal.model(), comparison.base.analysis->geography,
                           p.proposal.analysis->geography);
      p.findings = diff_findings(comparison.base, p.proposal, p.diff);
      comparison.proposals.push_back(std::move(p));
    }
    if (!check_outputs({args.get("--delta"), args.get("--output")}, io)) return kExitUsage;
    DiagnosticSink render_sink;
    if (args.has("--delta")) {
      const std::string path = args.get("--delta");
      const auto format = format_from_path(path);
      if (!format) {
        io.err << "govmap compare: --delta needs a file ending in .svg, .png, .pdf or .dot\n";
        return kExitUsage;
      }
      const auto diagram = build_delta_view(comparison.base.model(), comparison.proposals.front().proposal.model(), render_sink);
      const auto bytes = diagram ? render_diagram(*diagram, *format, render_sink, comparison.base.model().as_of) : std::nullopt;
      print_diagnostics(io.err, render_sink);
      if (!bytes || !write_output(path, *bytes, io)) return kExitUsage;
    }
    const std::string format = report_format(args, kFormats);
    std::string text;
    if (format == "json") {
      text = comparison_json(comparison);
    } else if (format == "html") {
      ReportInput input;
      input.title = "Comparison with " + comparison.base.model().title;
      input.comparisons.push_back(&comparison);
      text = report_html(input, render_sink);
      print_diagnostics(io.err, render_sink);
    } else {
      text = comparison_text(comparison);
    }
    if (!args.has("--output")) {
      io.out << text;
      return kExitOk;
    }
    return write_output(args.get("--output"), text, io) ? kExitOk : kExitUsage;
  };
  return c;
}

}  // namespace govmap::cli
