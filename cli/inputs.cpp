// What several commands read the same way: a model, a rules profile, the --today date.

#include <fmt/format.h>

#include "check/run.h"
#include "cli/cli.h"
#include "engine/loader.h"
#include "engine/text.h"

namespace govmap::cli {

std::optional<Model> load_or_report(const std::string& path, Io& io) {
  DiagnosticSink sink;
  auto model = load_model(path, sink);
  print_diagnostics(io.err, sink);
  if (!model) return std::nullopt;
  return model;
}

std::optional<RuleProfile> profile_for(const Args& args, const std::string& model_path, Io& io) {
  const std::string path = args.has("--rules") ? args.get("--rules") : discover_profile(model_path);
  if (path.empty()) return RuleProfile{};
  DiagnosticSink sink;
  auto profile = load_profile(path, sink);
  print_diagnostics(io.err, sink);
  return profile;
}

std::optional<std::string> today_for(std::string_view command, const Args& args, Io& io) {
  const std::string today = args.get("--today", today_utc());
  if (is_iso_date(today)) return today;
  io.err << fmt::format("govmap {}: '{}' is not a date written YYYY-MM-DD (--today)\n", command, today);
  return std::nullopt;
}

}  // namespace govmap::cli
