// govmap import SPEC -o OUT: generate a geography model from official lookup CSVs.

#include <unistd.h>

#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/text.h"
#include "engine/import.h"

namespace govmap::cli {

Command import_command() {
  Command c;
  c.name = "import";
  c.usage = "import SPEC -o OUT";
  c.summary = "Generate a geography model (areas, bodies, coverage) from official lookup CSVs.";
  c.options = {{"--output", "OUT", "the model file to write (written whole or not at all)", {}, "-o"},
               {"--quiet", "", "no progress display", {}, "-q"}};
  c.min_positional = 1;
  c.max_positional = 1;
  c.details =
      "SPEC is an import spec (e.g. models/england/import.xml; format in docs/import.md):\n"
      "the lookup CSVs to read, the columns holding area codes, names, parents and populations,\n"
      "the bodies to generate with their kinds and id conventions, and the links they imply.\n"
      "Every bad row is reported as file:line:col; nothing is written if there is any error.\n"
      "Progress is shown on stderr when it is a terminal.";
  c.run = [](const Args& args, Io& io) {
    if (!args.has("--output")) {
      io.err << "govmap import: give the output file with -o OUT\n";
      return kExitUsage;
    }
    ImportOptions options;
    const bool show_progress = !args.has("--quiet") && ::isatty(STDERR_FILENO) == 1;
    if (show_progress) {
      options.progress = [&io](std::string_view what, std::size_t done, std::size_t total) {
        io.err << fmt::format("\r{}: {}/{} rows", what, done, total) << (done == total ? "\x1b[K\n" : "") << std::flush;
      };
    }
    DiagnosticSink sink;
    io.inputs.push_back(args.positional[0]);
    options.files_read = &io.inputs;  // the CSVs too: the output must not replace one
    const auto text = import_geography(args.positional[0], sink, options);
    print_diagnostics(io.err, sink);
    if (!text) {
      io.err << fmt::format("govmap import: {}; {} not written\n",
                            plural(static_cast<long long>(sink.error_count()), "error", "errors"), args.get("--output"));
      return kExitUsage;
    }
    return write_output(args.get("--output"), *text, io) ? kExitOk : kExitUsage;
  };
  return c;
}

}  // namespace govmap::cli
