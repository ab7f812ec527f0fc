// What several commands read the same way: a model, a rules profile, the --today date.

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <pugixml.hpp>

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
  options.as_of = args.get("--as-of");
  return options;
}

ModelReference split_model_reference(const std::string& text) {
  std::error_code ec;
  const auto at = text.rfind('@');
  if (at == std::string::npos || at == 0 || std::filesystem::exists(text, ec)) return {text, ""};
  return {text.substr(0, at), text.substr(at + 1)};
}

std::optional<std::string> as_of_for(const ModelReference& reference, const Args& args, std::ostream& err) {
  if (!reference.as_of.empty()) {
    if (is_iso_date(reference.as_of)) return reference.as_of;
    err << fmt::format("govmap: {} in '{}@{}' (MODEL@DATE reads MODEL as of DATE)\n", date_problem(reference.as_of),
                       reference.model, reference.as_of);
    return std::nullopt;
  }
  const std::string date = args.get("--as-of");
  if (date.empty() && !args.has("--as-of")) return std::string();
  if (is_iso_date(date)) return date;
  err << fmt::format("govmap: {} (--as-of)\n", date_problem(date));
  return std::nullopt;
}

std::string model_path(const std::string& reference, const LoadOptions& options) {
  if (!is_model_name(reference) || is_model_on_disk(reference)) return reference;
  if (auto found = find_named_model(reference, options.model_search_path)) return *found;
  if (auto renamed = renamed_model(reference, options.model_search_path)) return renamed->path;
  return reference;
}

namespace {

/// A model read before the earliest date it describes: names the era models beside it that
/// describe earlier dates (england/2017 beside the dated england), so the reader can turn to them.
void point_to_earlier_eras(const Model& model, const std::string& file, const ModelReference& reference, Io& io) {
  if (model.since.empty() || !(model.as_of < model.since)) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> eras;
  for (const auto& entry : fs::directory_iterator(fs::path(file).parent_path(), ec)) {
    if (entry.is_directory(ec) && fs::exists(entry.path() / "model.xml", ec)) eras.push_back(entry.path() / "model.xml");
  }
  std::sort(eras.begin(), eras.end());
  for (const auto& era : eras) {
    pugi::xml_document doc;
    if (!doc.load_file(era.c_str())) continue;
    const std::string as_of = doc.document_element().attribute("as-of").value();
    if (as_of.empty() || !(as_of < model.since)) continue;
    const std::string folder = era.parent_path().filename().string();
    const std::string name = is_model_name(reference.model) ? reference.model + "/" + folder : era.string();
    io.err << fmt::format("govmap: note: {} describes {} as of {}\n", name, model.nation, as_of);
  }
}

}  // namespace

std::optional<Model> load_or_report(const std::string& path, const Args& args, Io& io, const Model* proposal) {
  DiagnosticSink sink;
  LoadOptions options = load_options(args);
  const ModelReference reference = split_model_reference(path);
  const auto as_of = as_of_for(reference, args, io.err);
  if (!as_of) return std::nullopt;
  options.as_of = *as_of;
  if (proposal != nullptr && as_of->empty()) {
    options.as_of = proposal->as_of;
    options.as_of_at_most = true;
  }
  std::error_code ec;
  const bool exists = std::filesystem::exists(reference.model, ec);
  if (!exists) {
    if (auto renamed = renamed_model(reference.model, options.model_search_path)) {
      const std::string now = renamed->as_of.empty() ? renamed->name : renamed->name + "@" + renamed->as_of;
      io.err << fmt::format("govmap: note: '{}' is now '{}' (each nation is one model over time)\n", reference.model, now);
      if (as_of->empty() && !renamed->as_of.empty()) options.as_of = renamed->as_of;
    }
  }
  const std::string file = model_path(reference.model, options);
  if (exists && file != reference.model) {
    io.err << fmt::format("govmap: note: '{}' here is a folder with no model.xml; reading the model named '{}' ({})\n",
                          reference.model, reference.model, file);
  }
  auto model = load_model(file, sink, options);
  print_diagnostics(io.err, sink);
  io.inputs.push_back(file);
  if (!model && !exists && file == reference.model && is_model_name(file)) {
    // Neither a file nor a model's name ("walse" for "wales").
    io.err << fmt::format("govmap: note: no model is named '{}' either{}; 'govmap models' lists the names\n", file,
                          did_you_mean(file, model_names(options.model_search_path)));
  }
  if (!model) return std::nullopt;
  for (std::uint32_t f = 0; f < model->files->size(); ++f) io.inputs.push_back(model->files->path(f));
  point_to_earlier_eras(*model, file, reference, io);
  return model;
}

bool extends_file(const Model& proposal, const std::string& path, const Args& args) {
  if (proposal.extends_path().empty()) return false;
  const std::string file = model_path(split_model_reference(path).model, load_options(args));
  std::error_code ec;
  return std::filesystem::equivalent(file, proposal.extends_path(), ec);
}

std::optional<RuleProfile> profile_for(const Args& args, const std::string& model_path, Io& io, const Model* model) {
  std::string path;
  if (args.has("--rules")) {
    path = args.get("--rules");
  } else {
    path = discover_profile(model != nullptr && model->files && model->files->size() > 0 ? model->files->path(0) : model_path);
    // A proposal without a profile of its own is checked as its baseline is, the nearest in its
    // chain with one (a second stage in the user's folder, extending a first, extending england).
    for (std::size_t i = 0; path.empty() && model != nullptr && i < model->baselines.size(); ++i) {
      path = discover_profile(model->baselines[i]);
    }
  }
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
  io.err << fmt::format("govmap {}: {} (--today)\n", command, date_problem(today));
  return std::nullopt;
}

}  // namespace govmap::cli
