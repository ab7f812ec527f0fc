// What several commands read the same way: a model, a rules profile, the --today date.

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "check/run.h"
#include "cli/cli.h"
#include "engine/loader.h"
#include "engine/model_paths.h"
#include "engine/text.h"

namespace govmap::cli {

LoadOptions load_options(const Args& args) {
  LoadOptions options;
  const char* env = std::getenv("GOVMAP_MODELS");
  options.model_search_path = model_search_path(args.all("--models"), env ? env : "");
  return options;
}

std::string model_path(const std::string& reference, const LoadOptions& options) {
  std::error_code ec;
  if (std::filesystem::exists(reference, ec) || !is_model_name(reference)) return reference;
  return find_named_model(reference, options.model_search_path).value_or(reference);
}

std::optional<Model> load_or_report(const std::string& path, const Args& args, Io& io) {
  DiagnosticSink sink;
  const LoadOptions options = load_options(args);
  const std::string file = model_path(path, options);
  auto model = load_model(file, sink, options);
  print_diagnostics(io.err, sink);
  io.inputs.push_back(file);
  if (!model) return std::nullopt;
  for (std::uint32_t f = 0; f < model->files->size(); ++f) io.inputs.push_back(model->files->path(f));
  return model;
}

std::optional<RuleProfile> profile_for(const Args& args, const std::string& model_path, Io& io) {
  const std::string path = args.has("--rules") ? args.get("--rules") : discover_profile(model_path);
  if (path.empty()) return RuleProfile{};
  io.inputs.push_back(path);
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
