#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/model_paths.h"
#include "engine/text.h"
#include "render/report.h"
#include "render/views.h"
#include "rules/rule.h"

namespace govmap::cli {
namespace fs = std::filesystem;

namespace {

/// The report's file for -o: the path itself when it names an .html file (not a folder that
/// exists), else report.html inside the folder it names.
fs::path report_file(const std::string& output) {
  const std::string extension = extension_of(output);
  std::error_code ec;
  if ((extension == "html" || extension == "htm") && !fs::is_directory(output, ec)) return output;
  return fs::path(output) / "report.html";
}

/// "England, as of 2021-12-01": a model named briefly, for the one-line summaries. A model
/// titled as a figure of its nation is named by the nation; one titled otherwise (a user's own
/// model of a region) by its title, which tells two of one nation apart.
std::string short_name(const Model& m) {
  std::string name = nation_display_name(m.nation);
  if (m.title.rfind(figure_title(m), 0) != 0 && !m.title.empty()) name = m.title;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return fmt::format("{}, as of {}", name, m.as_of);
}

std::string summary_line(const CheckedModel& c) {
  const auto& m = c.metrics;
  return fmt::format("{}: {} bodies, {} links, {} ({}, {})", short_name(c.model()), thousands(double(m.bodies)),
                     thousands(double(c.model().links.size())), plural(m.findings, "finding", "findings"),
                     plural(m.errors, "error", "errors"), plural(m.warnings, "warning", "warnings"));
}

}  // namespace

Command report_command() {
  Command c;
  c.name = "report";
  c.usage = "report MODEL... -o DIR|FILE.html [--as-of DATE] [--rules FILE] [--today YYYY-MM-DD] [--title TEXT]";
  c.summary = "Write one self-contained HTML report: summaries, diagrams, findings, comparisons.";
  c.details =
      "Writes DIR/report.html, or FILE.html when -o names one. A model that is a proposal\n"
      "(status=\"proposed\" with extends=...) is compared with its baseline instead of being listed\n"
      "on its own. The report inlines its SVG, styles and script and fetches nothing from a network.";
  c.options = {{"--output", "DIR", "folder to write report.html into, or the report's own .html file (folders created if missing)", {}, "-o"},
               {"--rules", "FILE", "rules profile for every model (default: govmap-rules.xml beside each)", {}, ""},
               {"--today", "DATE", "date for suppression expiry (default: today, UTC)", {}, ""},
               {"--title", "TEXT", "the report's title", {}, ""}};
  c.options.push_back(kAsOfOption);
  c.options.push_back(kModelsOption);
  c.min_positional = 1;
  c.run = [](const Args& args, Io& io) {
    if (!args.has("--output")) {
      io.err << "govmap report: an output folder or file is needed (-o DIR or -o FILE.html)\n";
      return kExitUsage;
    }
    const auto today = today_for("report", args, io);
    if (!today) return kExitUsage;
    // Models first; proposals grouped under their baseline.
    std::vector<std::unique_ptr<CheckedModel>> models;
    std::map<std::string, std::unique_ptr<Comparison>> comparisons;  // by baseline path and date read
    std::map<std::string, std::string> key_for;  // baseline path and proposal date -> comparisons' key
    std::vector<std::string> comparison_order;
    for (const auto& path : args.positional) {
      auto model = load_or_report(path, args, io);
      const auto profile = profile_for(args, path, io, model ? &*model : nullptr);
      if (!model || !profile) return kExitUsage;
      if (model->status != ModelStatus::Proposed || model->extends.empty()) {
        models.push_back(std::make_unique<CheckedModel>(check_model(path, std::move(*model), *profile, *today)));
        continue;
      }
      // The baseline as the proposal reads it (at the proposal's date): one comparison per
      // baseline and date.
      const std::string base_path = model->extends_path();
      std::string& key = key_for[resolved_path(base_path) + "@" + model->as_of];
      if (key.empty()) {
        auto base = load_or_report(base_path, args, io, &*model);
        if (!base) return kExitUsage;
        key = resolved_path(base_path) + "@" + base->as_of;  // the date read, which may be the baseline's own
        if (!comparisons[key]) {
          comparisons[key] = std::make_unique<Comparison>(
              Comparison{check_model(base_path, std::move(*base), *profile, *today), {}});
          comparison_order.push_back(key);
        }
      }
      auto& comparison = comparisons[key];
      ProposalComparison p{check_model(path, std::move(*model), *profile, *today), {}, {}};
      p.diff = diff_models(comparison->base.model(), p.proposal.model(), comparison->base.analysis->geography,
                           p.proposal.analysis->geography);
      p.findings = diff_findings(comparison->base, p.proposal, p.diff);
      comparison->proposals.push_back(std::move(p));
    }
    ReportInput input;
    if (args.has("--title")) input.title = args.get("--title");
    for (const auto& m : models) input.models.push_back(m.get());
    for (const auto& key : comparison_order) input.comparisons.push_back(comparisons[key].get());
    DiagnosticSink sink;
    const std::string html = report_html(input, sink);
    print_diagnostics(io.err, sink);
    const fs::path path = report_file(args.get("--output"));
    const std::string file = path.string();
    const std::string dir = path.parent_path().empty() ? "." : path.parent_path().string();
    if (!check_outputs({file}, io)) return kExitUsage;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      io.err << fmt::format("{}: error: cannot create the output folder: {} [output]\n", dir, ec.message());
      return kExitUsage;
    }
    if (!write_output(file, html, io)) return kExitUsage;
    io.out << "report: " << file << "\n";
    for (const auto& m : models) io.out << "  " << summary_line(*m) << "\n";
    for (const auto& key : comparison_order) {
      for (const auto& p : comparisons[key]->proposals) {
        io.out << fmt::format("  {}, against {}: {}, {} resolved\n", p.proposal.model().title,
                              short_name(comparisons[key]->base.model()),
                              plural(static_cast<long long>(p.findings.added.size()), "new finding", "new findings"),
                              p.findings.resolved.size());
      }
    }
    return kExitOk;
  };
  return c;
}

}  // namespace govmap::cli
