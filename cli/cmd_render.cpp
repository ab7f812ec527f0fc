// govmap render: draw a model as a funding-and-accountability diagram.

#include <ostream>

#include <fmt/format.h>

#include "check/run.h"
#include "cli/cli.h"
#include "engine/text.h"
#include "render/render.h"
#include "render/views.h"

namespace govmap::cli {
namespace {

std::optional<std::size_t> parse_count(const Args& args, const std::string& name, std::size_t fallback,
                                       std::ostream& err) {
  if (!args.has(name)) return fallback;
  const auto value = parse_number(args.get(name));
  if (!value || *value < 0 || *value != static_cast<double>(static_cast<long long>(*value)) || *value > 1e6) {
    err << fmt::format("govmap render: {} needs a whole number, not '{}'\n", name, args.get(name));
    return std::nullopt;
  }
  return static_cast<std::size_t>(*value);
}

int run_render(const Args& args, Io& io) {
  const std::string output = args.get("--output");
  if (output.empty()) {
    io.err << "govmap render: no output file given; use -o OUT.svg (or .png, .pdf, .dot)\n";
    return kExitUsage;
  }
  const auto format = args.has("--format") ? parse_output_format(args.get("--format")) : format_from_path(output);
  if (!format) {
    io.err << fmt::format("govmap render: cannot tell the format from '{}'; give --format svg|png|pdf|dot\n", output);
    return kExitUsage;
  }
  ViewOptions options;
  options.view = parse_view_kind(args.get("--view", "figure")).value_or(ViewKind::Figure);
  if (args.has("--area") && !args.has("--view")) options.view = ViewKind::Area;
  if (args.has("--body") && !args.has("--view")) options.view = ViewKind::Body;
  options.area = args.get("--area");
  options.body = args.get("--body");
  if (options.view == ViewKind::Area && options.area.empty()) {
    io.err << "govmap render: --view area needs --area CODE\n";
    return kExitUsage;
  }
  if (options.view == ViewKind::Body && options.body.empty()) {
    io.err << "govmap render: --view body needs --body ID\n";
    return kExitUsage;
  }
  const auto depth = parse_count(args, "--depth", 1, io.err);
  const auto max_nodes = parse_count(args, "--max-nodes", options.max_nodes, io.err);
  if (!depth || !max_nodes) return kExitUsage;
  options.depth = static_cast<int>(*depth);
  options.max_nodes = *max_nodes;
  auto loaded = load_or_report(args.positional[0], args, io);
  if (!loaded) return kExitUsage;
  const auto analysis = analyse(std::move(*loaded));
  const Model* model = &analysis->model;
  DiagnosticSink sink;
  std::vector<Finding> findings;
  if (args.has("--findings")) {
    // The rules profile beside the model applies, as for `govmap check`.
    const auto profile = profile_for(args, args.positional[0], io, model);
    const auto today = today_for("render", args, io);
    if (!profile || !today) return kExitUsage;
    findings = run_checks(*analysis, *profile, {}, *today).findings;
    options.findings = &findings;
  }
  options.geography = &analysis->geography;  // the area view needs no second one
  const auto diagram = build_view(*model, options, sink);
  if (diagram) {
    for (const auto& note : diagram->notes) io.err << "govmap render: note: " << note << "\n";
  }
  std::optional<std::string> bytes;
  if (diagram) bytes = render_diagram(*diagram, *format, sink, model->as_of);
  print_diagnostics(io.err, sink);
  if (!bytes) return kExitUsage;
  return write_output(output, *bytes, io) ? kExitOk : kExitUsage;
}

}  // namespace

Command render_command() {
  Command c;
  c.name = "render";
  c.usage = "render MODEL -o OUT.{svg,png,pdf,dot} [--as-of DATE] [--view VIEW] [--area CODE] [--body ID] [--depth N]";
  c.summary = "Draw a funding and accountability diagram (SVG, PNG, PDF or DOT).";
  c.details =
      "Views: figure (default; bodies grouped by kind in tiers, like the Nuffield Trust figures),\n"
      "funding, accountability (the figure with one kind of link), area (every body covering an\n"
      "area, by id or official code), body (a body and its neighbours to --depth). Body-level views\n"
      "with more than --max-nodes bodies are grouped by kind, and a note says so. DOT output is the\n"
      "graph before layout (stable, for review and tests). See docs/diagrams.md for the key.";
  c.options = {
      {"--output", "OUT", "output file; the format follows its extension", {}, "-o"},
      {"--format", "FORMAT", "output format", {"svg", "png", "pdf", "dot"}, ""},
      {"--view", "VIEW", "what to draw", {"figure", "funding", "accountability", "area", "body"}, ""},
      {"--area", "CODE", "area view: the area id, official code or name (\"Belfast\")", {}, ""},
      {"--body", "ID", "body view: the body id or name (\"NHS Fife\")", {}, ""},
      {"--depth", "N", "body view: how many links away (default 1)", {}, ""},
      {"--findings", "", "mark bodies that have findings", {}, ""},
      {"--rules", "FILE", "with --findings: rules profile (default: govmap-rules.xml beside the model)", {}, ""},
      {"--today", "DATE", "with --findings: date for suppression expiry (default: today, UTC)", {}, ""},
      {"--max-nodes", "N", "group body-level views by kind above N boxes (default 150)", {}, ""},
  };
  c.options.push_back(kAsOfOption);
  c.options.push_back(kModelsOption);
  c.min_positional = 1;
  c.max_positional = 1;
  c.run = run_render;
  return c;
}

}  // namespace govmap::cli
