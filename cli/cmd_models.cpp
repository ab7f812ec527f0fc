// govmap models: the named models (baselines a proposal can extend by name) on the search path.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "cli/cli.h"
#include "engine/json.h"
#include "engine/model_paths.h"

namespace govmap::cli {
namespace {
namespace fs = std::filesystem;

/// One model.xml found in a folder of the search path, described by its root attributes.
struct Listed {
  std::string folder, name, path, id, nation, as_of, since, title, status;
  bool shadowed = false;  // an earlier folder has a model of the same name, which wins
};

/// Reads the root element's attributes only (no includes, no baseline, no checks).
bool read_root(Listed& m, std::ostream& err) {
  pugi::xml_document doc;
  const auto parsed = doc.load_file(m.path.c_str(), pugi::parse_default, pugi::encoding_utf8);
  const auto root = doc.document_element();
  if (!parsed || std::string_view(root.name()) != "govmap") {
    err << fmt::format("{}: warning: not a govmap model ({}); not listed\n", m.path,
                       parsed ? "the root element is not <govmap>" : parsed.description());
    return false;
  }
  m.id = root.attribute("id").value();
  m.nation = root.attribute("nation").value();
  m.as_of = root.attribute("as-of").value();
  m.since = root.attribute("since").value();
  m.title = root.attribute("title").value();
  m.status = root.attribute("status").value();
  return true;
}

/// The search path without repeats of one folder written two ways ("models", "/src/models").
std::vector<std::string> distinct_folders(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  std::vector<fs::path> seen;
  for (const auto& dir : dirs) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec || std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(canonical);
    out.push_back(dir);
  }
  return out;
}

std::vector<Listed> list_models(const std::vector<std::string>& folders, std::ostream& err) {
  std::vector<Listed> out;
  std::vector<std::string> names;
  for (const auto& folder : folders) {
    for (const auto& found : list_named_models(folder)) {
      Listed m;
      m.folder = folder;
      m.name = found.name;
      m.path = found.path;
      if (!read_root(m, err)) continue;
      m.shadowed = std::find(names.begin(), names.end(), m.name) != names.end();
      names.push_back(m.name);
      out.push_back(std::move(m));
    }
  }
  return out;
}

std::string models_text(const std::vector<std::string>& folders, const std::vector<Listed>& models) {
  std::string out;
  for (const auto& folder : folders) {
    out += fmt::format("{}:\n", folder);
    bool any = false;
    for (const auto& m : models) {
      if (m.folder != folder) continue;
      any = true;
      out += fmt::format("  {:<26} {:<17} {:<10}  {}\n", m.name, m.nation, m.as_of, m.title);
      out += fmt::format("  {:<26} {}{}\n", "", m.path, m.shadowed ? " (hidden by the model of this name above)" : "");
      if (!m.since.empty()) {
        out += fmt::format("  {:<26} over time, {} to {}: {}@YYYY-MM-DD reads it at a date\n", "", m.since, m.as_of, m.name);
      }
    }
    if (!any) out += "  (no models)\n";
  }
  out += "\nA proposal extends a model by name: extends=\"NAME\" (the first folder that has it wins).\n";
  return out;
}

std::string models_json(const std::vector<std::string>& folders, const std::vector<Listed>& models) {
  JsonWriter j;
  j.begin_object().key("search_path").begin_array();
  for (const auto& folder : folders) j.value(folder);
  j.end_array().key("models").begin_array();
  for (const auto& m : models) {
    j.begin_object().field("name", m.name).field("id", m.id).field("nation", m.nation).field("as_of", m.as_of)
        .field("since", m.since).field("status", m.status).field("title", m.title).field("path", m.path).field("folder", m.folder)
        .field("shadowed", m.shadowed).end_object();
  }
  j.end_array().end_object();
  return j.finish();
}

}  // namespace

Command models_command() {
  Command c;
  c.name = "models";
  c.usage = "models [--models DIR]... [--format text|json]";
  c.summary = "List the named models (baselines a proposal can extend by name) on the search path.";
  c.details =
      "The search path is, in order: the --models folders, the folders in GOVMAP_MODELS\n"
      "(separated by ':'), the models installed with govmap (PREFIX/share/govmap/models) and, for\n"
      "a build folder, the source tree's models/. Each NAME/model.xml in a folder is the model\n"
      "called NAME; a proposal says extends=\"NAME\" (for example extends=\"scotland\"),\n"
      "and commands accept NAME where they take a model.";
  c.options = {kModelsOption, {"--format", "FORMAT", "output format", {"text", "json"}, ""}};
  c.run = [](const Args& args, Io& io) {
    const auto option_dirs = args.all("--models");
    for (const auto& dir : option_dirs) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) {
        io.err << fmt::format("govmap models: '{}' is not a folder (--models)\n", dir);
        return kExitUsage;
      }
    }
    const char* env = std::getenv("GOVMAP_MODELS");
    const auto folders = distinct_folders(model_search_path(option_dirs, env == nullptr ? "" : env));
    if (folders.empty()) {
      io.err << "govmap models: no models folder found; looked in GOVMAP_MODELS and in share/govmap/models\n"
                "beside the govmap binary. Name one with --models DIR or GOVMAP_MODELS=DIR.\n";
      return kExitUsage;
    }
    const auto models = list_models(folders, io.err);
    io.out << (args.get("--format", "text") == "json" ? models_json(folders, models) : models_text(folders, models));
    return kExitOk;
  };
  return c;
}

}  // namespace govmap::cli
