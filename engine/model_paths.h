#pragma once
// Where named models are found: a proposal may say extends="england" instead of a path.
// The search path is, in order: the folders given with --models, the folders in the
// GOVMAP_MODELS environment variable (separated by ':'), the models installed beside the
// binary (<prefix>/share/govmap/models), and the source tree's models/ when govmap runs from
// its build folder.

#include <optional>
#include <string>
#include <vector>

namespace govmap {

/// The folders to look for named models in, most specific first; only folders that exist.
/// `option_dirs` are the --models arguments; `env` is GOVMAP_MODELS (may be empty).
std::vector<std::string> model_search_path(const std::vector<std::string>& option_dirs, const std::string& env);

/// A path with its links resolved and its "." and ".." parts gone, to know a file met twice
/// under two names; a path that cannot be resolved (a pipe: /dev/stdin, <(...), whose link names
/// no file) stands for itself, made absolute.
std::string resolved_path(const std::string& path);

/// Whether `reference` reads as a model name ("england", "england/2017") rather than a
/// path: no ".xml" ending, not absolute, no "." or ".." part.
bool is_model_name(const std::string& reference);

/// Whether `path` is a model on disk: a file, or a folder holding model.xml. A folder without
/// one (the user's own folder of Welsh proposals, "wales") is not, so that a model name written
/// the same is looked up as a name.
bool is_model_on_disk(const std::string& path);

/// The file a model name stands for: <dir>/<name>/model.xml, else <dir>/<name>.xml, in the
/// first folder of `search_path` that has it.
std::optional<std::string> find_named_model(const std::string& name, const std::vector<std::string>& search_path);

/// The names models had before each nation became one model over time: "wales/current" is now
/// "wales" read at its own as-of, and "wales/2021" is "wales" read at 2021-12-01, the date of
/// the models of the 2021 report. Given only when `name` itself is not found.
struct RenamedModel {
  std::string name, path, as_of;  // as_of empty: the model's own
};
std::optional<RenamedModel> renamed_model(const std::string& name, const std::vector<std::string>& search_path);

/// A model found in a models folder: its name and root attributes, for `govmap models`.
struct NamedModel {
  std::string name, path;
};

/// Every <name>/model.xml under `dir` (to any depth), sorted by name.
std::vector<NamedModel> list_named_models(const std::string& dir);

/// The names of the models in every folder of `search_path`, for "did you mean".
std::vector<std::string> model_names(const std::vector<std::string>& search_path);

}  // namespace govmap
