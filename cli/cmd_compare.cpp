#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/loader.h"
#include "rules/comparison.h"

namespace govmap::cli {

Command compare_command() {
  Command c;
  c.name = "compare";
  c.usage = "compare BASE PROPOSAL... [--format text|json] [-o OUT] [--rules FILE] [--today YYYY-MM-DD]";
  c.summary = "Compare reform proposals with their baseline: changes, metrics and findings.";
  c.details =
      "Bodies are matched by id, then by official code, then by name and kind; the matching is\n"
      "listed when it is not by id. Findings are matched by rule and subjects: each proposal's\n"
      "findings are new, resolved or unchanged against the baseline's.";
  c.options = {{"--format", "FORMAT", "output format", {"text", "json"}, ""},
               {"--output", "FILE", "write to FILE instead of standard output", {}, "-o"},
               {"--rules", "FILE", "rules profile (default: govmap-rules.xml beside the baseline)", {}, ""},
               {"--today", "DATE", "date for suppression expiry (default: today, UTC)", {}, ""}};
  c.min_positional = 2;
  c.run = [](const Args& args, Io& io) {
    DiagnosticSink sink;
    const std::string base_path = args.positional[0];
    std::string profile_path = args.get("--rules", discover_profile(base_path));
    RuleProfile profile;
    if (!profile_path.empty()) {
      auto loaded = load_profile(profile_path, sink);
      print_diagnostics(io.err, sink);
      if (!loaded) return kExitUsage;
      profile = std::move(*loaded);
    }
    const std::string today = args.get("--today", today_utc());
    auto base = load_or_report(base_path, io);
    if (!base) return kExitUsage;
    Comparison comparison{check_model(base_path, std::move(*base), profile, today), {}};
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
      auto proposal = load_or_report(args.positional[i], io);
      if (!proposal) return kExitUsage;
      ProposalComparison p{check_model(args.positional[i], std::move(*proposal), profile, today), {}, {}};
      p.diff = diff_models(comparison.base.model, p.proposal.model);
      p.findings = diff_findings(comparison.base, p.proposal, p.diff);
      comparison.proposals.push_back(std::move(p));
    }
    const std::string text =
        args.get("--format", "text") == "json" ? comparison_json(comparison) : comparison_text(comparison);
    if (!args.has("--output")) {
      io.out << text;
      return kExitOk;
    }
    return write_output(args.get("--output"), text, io.err) ? kExitOk : kExitUsage;
  };
  return c;
}

}  // namespace govmap::cli
