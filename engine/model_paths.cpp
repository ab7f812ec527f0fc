#include "engine/model_paths.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <utility>
#include <unistd.h>

namespace govmap {
namespace fs = std::filesystem;
namespace {

// <prefix>/share/govmap/models for a binary in <prefix>/bin.
std::string installed_models_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path().parent_path() / "share" / "govmap" / "models").string();
}

}  // namespace

std::vector<std::string> model_search_path(const std::vector<std::string>& option_dirs, const std::string& env) {
  std::vector<std::string> candidates = option_dirs;
  for (std::size_t start = 0; start <= env.size();) {
    const std::size_t end = std::min(env.find(':', start), env.size());
    if (end > start) candidates.push_back(env.substr(start, end - start));
    start = end + 1;
  }
  candidates.push_back(installed_models_dir());
#ifdef GOVMAP_SOURCE_MODELS_DIR
  candidates.push_back(GOVMAP_SOURCE_MODELS_DIR);
#endif
  std::vector<std::string> dirs;
  for (const auto& dir : candidates) {
    std::error_code ec;
    if (!dir.empty() && fs::is_directory(dir, ec) && std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) {
      dirs.push_back(dir);
    }
  }
  return dirs;
}

bool is_model_name(const std::string& reference) {
  if (reference.empty() || reference.size() > 200 || fs::path(reference).is_absolute()) return false;
  if (reference.size() >= 4 && reference.compare(reference.size() - 4, 4, ".xml") == 0) return false;
  for (const auto& part : fs::path(reference)) {
    if (part == "." || part == ".." || part.empty()) return false;
  }
  return reference.find("://") == std::string::npos;
}

bool is_model_on_disk(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? fs::exists(fs::path(path) / "model.xml", ec) : fs::exists(path, ec);
}

std::optional<std::string> find_named_model(const std::string& name, const std::vector<std::string>& search_path) {
  if (!is_model_name(name)) return std::nullopt;
  for (const auto& dir : search_path) {
    for (const fs::path& candidate : {fs::path(dir) / name / "model.xml", fs::path(dir) / (name + ".xml")}) {
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
  }
  return std::nullopt;
}

std::optional<RenamedModel> renamed_model(const std::string& name, const std::vector<std::string>& search_path) {
  static const std::pair<std::string_view, std::string_view> kOldNames[] = {{"current", ""}, {"2021", "2021-12-01"}};
  if (!is_model_name(name) || find_named_model(name, search_path)) return std::nullopt;
  const fs::path written(name);
  for (const auto& [old, as_of] : kOldNames) {
    if (written.filename() != old || !written.has_parent_path()) continue;
    const std::string nation = written.parent_path().generic_string();
    if (auto found = find_named_model(nation, search_path)) return RenamedModel{nation, *found, std::string(as_of)};
  }
  return std::nullopt;
}

std::vector<NamedModel> list_named_models(const std::string& dir) {
  std::vector<NamedModel> out;
  std::error_code ec;
  const auto options = fs::directory_options::skip_permission_denied;
  for (fs::recursive_directory_iterator it(dir, options, ec), end; !ec && it != end; it.increment(ec)) {
    if (it.depth() > 4) it.disable_recursion_pending();
    if (it->path().filename() != "model.xml" || !it->is_regular_file(ec)) continue;
    const std::string name = it->path().parent_path().lexically_relative(dir).generic_string();
    if (!name.empty() && name != ".") out.push_back({name, it->path().string()});
  }
  std::sort(out.begin(), out.end(), [](const NamedModel& a, const NamedModel& b) { return a.name < b.name; });
  return out;
}

std::string resolved_path(const std::string& path) {
  std::error_code ec;
  // Absolute first: weakly_canonical leaves a relative path none of whose parts exist
  // ("missing.xml" in the working folder) relative.
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal().string();
  const fs::path resolved = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : resolved).lexically_normal().string();
}

std::vector<std::string> model_names(const std::vector<std::string>& search_path) {
  std::vector<std::string> names;
  for (const auto& dir : search_path) {
    for (const auto& named : list_named_models(dir)) names.push_back(named.name);
  }
  return names;
}

}  // namespace govmap
