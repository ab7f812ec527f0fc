// govmap check: run the rule catalogue over a model (docs/check-output.md).

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "check/baseline.h"
#include "check/run.h"
#include "cli/cli.h"
#include "engine/text.h"
#include "output/check.h"

namespace govmap::cli {
namespace {

const std::vector<std::string> kFormats = {"text", "json", "csv", "sarif"};

std::optional<Severity> fail_level(const std::string& text) {
  if (text == "never") return std::nullopt;
  return parse_severity(text);
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && std::filesystem::equivalent(a, b, ec);
}

int run(const Args& args, Io& io) {
  const auto today = today_for("check", args, io);
  if (!today) return kExitUsage;
  const std::string& model_path = args.positional[0];
  for (const char* option : {"--write-baseline", "--output"}) {
    const std::string target = args.get(option);
    if (same_file(target, model_path) || same_file(target, args.get("--rules")) || same_file(target, args.get("--baseline"))) {
      io.err << fmt::format("govmap check: {} '{}' would overwrite an input file\n", option, target);
      return kExitUsage;
    }
  }
  auto model = load_or_report(model_path, args, io);
  if (!model) return kExitUsage;
  const auto profile = profile_for(args, model_path, io, &*model);
  if (!profile) return kExitUsage;
  std::vector<Suppression> baseline;
  if (args.has("--baseline")) {
    DiagnosticSink sink;
    io.inputs.push_back(args.get("--baseline"));
    auto loaded = load_baseline(args.get("--baseline"), *model, sink);
    print_diagnostics(io.err, sink);
    if (!loaded) return kExitUsage;
    baseline = std::move(*loaded);
  }

  const auto analysis = analyse(std::move(*model));
  const CheckResult result = run_checks(*analysis, *profile, baseline, *today);
  for (const auto& d : result.suppression_diagnostics) print_diagnostic(io.err, d);

  if (args.has("--write-baseline")) {
    if (!write_output(args.get("--write-baseline"), baseline_xml(result.findings, *today), io)) return kExitUsage;
    io.err << fmt::format("govmap check: wrote a baseline accepting the current findings to {}\n",
                          args.get("--write-baseline"));
    return kExitOk;
  }
  const std::string format = report_format(args, kFormats);
  const std::string report = format == "json"    ? check_json(*analysis, result)
                             : format == "sarif" ? check_sarif(*analysis, result)
                             : format == "csv"   ? check_csv(*analysis, result)
                                                 : check_text(*analysis, result);
  if (args.has("--output")) {
    if (!write_output(args.get("--output"), report, io)) return kExitUsage;
  } else {
    io.out << report;
  }
  const auto level = fail_level(args.get("--fail-on", "error"));
  for (const auto& finding : result.findings) {
    if (fails(finding, level)) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

Command check_command() {
  Command c;
  c.name = "check";
  c.usage = "check MODEL [--as-of DATE] [--format text|json|csv|sarif] [--rules FILE] [--baseline FILE] [--fail-on LEVEL] [-o FILE]";
  c.summary = "Check a model against the rules; report findings with evidence.";
  c.details =
      "The rules profile is --rules FILE, else govmap-rules.xml beside the model, else the defaults.\n"
      "Suppressions come from <suppress> elements in the model and from --baseline FILE; unused\n"
      "and expired ones are reported as warnings. --write-baseline FILE accepts every current\n"
      "finding and exits 0. Exit status: 1 when an unsuppressed finding is at or above --fail-on\n"
      "(default error), 2 for usage or input errors (including a bad profile or baseline).";
  c.options = {
      {"--format", "FORMAT", "output format (default: the -o file's extension, else text)", kFormats, ""},
      {"--rules", "FILE", "rules profile (enable, disable, severity, options)", {}, ""},
      {"--baseline", "FILE", "accepted findings (<baseline version=\"1\">)", {}, ""},
      {"--write-baseline", "FILE", "write a baseline accepting the current findings", {}, ""},
      {"--fail-on", "LEVEL", "lowest severity that makes the exit status 1", {"error", "warning", "info", "never"}, ""},
      {"--output", "FILE", "write the report to FILE (whole or not at all)", {}, "-o"},
      {"--today", "DATE", "the date suppressions expire against (YYYY-MM-DD; default today, UTC)", {}, ""},
  };
  c.options.push_back(kAsOfOption);
  c.options.push_back(kModelsOption);
  c.min_positional = 1;
  c.max_positional = 1;
  c.run = run;
  return c;
}

}  // namespace govmap::cli
