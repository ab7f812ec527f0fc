#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/loader.h"

namespace govmap::cli {

Command validate_command() {
  Command c;
  c.name = "validate";
  c.usage = "validate MODEL... [--as-of DATE] [--models DIR]";
  c.summary = "Check models against the format, the vocabulary and their own references.";
  c.details =
      "Reports every problem found as 'path:line:col: error: message [code]' with the line and a\n"
      "caret. Exit 0 when every model is valid, 2 otherwise. MODEL@DATE (or --as-of DATE) reads a\n"
      "model as it stood on DATE: its dates are checked whatever the date, its references at DATE.";
  c.options = {kAsOfOption, kModelsOption};
  c.min_positional = 1;
  c.run = [](const Args& args, Io& io) {
    int status = kExitOk;
    for (const auto& path : args.positional) {
      LoadOptions options = load_options(args);
      const ModelReference reference = split_model_reference(path);
      const auto as_of = as_of_for(reference, args, io.err);
      if (!as_of) return kExitUsage;
      options.as_of = *as_of;
      DiagnosticSink sink;
      const auto model = load_model(model_path(reference.model, options), sink, options);
      print_diagnostics(io.err, sink);
      if (!model) {
        io.err << fmt::format("{}: invalid ({} error{})\n", path, sink.error_count(),
                              sink.error_count() == 1 ? "" : "s");
        status = kExitUsage;
        continue;
      }
      io.out << fmt::format("{}: ok ({} bodies, {} links, {} areas, {} files)\n", path, model->bodies.size(),
                            model->links.size(), model->areas.size(), model->files->size());
    }
    return status;
  };
  return c;
}

}  // namespace govmap::cli
