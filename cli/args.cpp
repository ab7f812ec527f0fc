// Parsing a command's arguments, and its --help.

#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/text.h"

namespace govmap::cli {

std::optional<Args> parse_args(const Command& command, const std::vector<std::string>& argv, std::ostream& err) {
  Args args;
  std::vector<std::string> names;
  for (const auto& o : command.options) names.push_back(o.name);
  names.push_back("--help");
  auto fail = [&](const std::string& message) {
    err << "govmap " << command.name << ": " << message << "\n"
        << "usage: govmap " << command.usage << "\n"
        << "Run 'govmap " << command.name << " --help' for details.\n";
    return std::nullopt;
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string word = argv[i];
    if (only_positional || word == "-" || word.empty() || word[0] != '-') {
      args.positional.push_back(word);
      continue;
    }
    if (word == "--") {
      only_positional = true;
      continue;
    }
    if (word == "--help" || word == "-h") {
      args.options["--help"] = "";
      continue;
    }
    std::string value;
    bool has_value = false;
    // --name=VALUE, and -o=VALUE for a short option as well.
    const bool long_option = word.rfind("--", 0) == 0;
    if (auto eq = word.find('='); eq != std::string::npos && (long_option || eq == 2)) {
      value = word.substr(eq + 1);
      word = word.substr(0, eq);
      has_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& o : command.options) {
      if (o.name == word || (!o.short_name.empty() && o.short_name == word)) spec = &o;
    }
    if (spec == nullptr) return fail(fmt::format("unknown option '{}'{}", word, did_you_mean(word, names)));
    // A second value would silently replace the first; say so instead.
    if (args.has(spec->name) && !spec->repeatable) {
      return fail(fmt::format("option '{}' is given more than once", spec->name));
    }
    if (spec->value_name.empty()) {
      if (has_value) return fail(fmt::format("option '{}' takes no value", spec->name));
      args.options[spec->name] = "";
      continue;
    }
    if (!has_value) {
      if (i + 1 >= argv.size()) return fail(fmt::format("option '{}' needs a value ({})", spec->name, spec->value_name));
      value = argv[++i];
    }
    if (!spec->choices.empty() &&
        std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end()) {
      return fail(fmt::format("'{}' is not a valid value for {}{}; expected one of: {}", value, spec->name,
                              did_you_mean(value, spec->choices), join(spec->choices, ", ")));
    }
    args.options[spec->name] = value;
    args.repeated[spec->name].push_back(value);
  }
  if (args.has("--help")) return args;
  if (args.positional.size() < command.min_positional) return fail("missing arguments");
  if (command.max_positional > 0 && args.positional.size() > command.max_positional) {
    return fail(fmt::format("too many arguments (expected at most {})", command.max_positional));
  }
  if (command.min_positional == 0 && command.max_positional == 0 && !args.positional.empty()) {
    return fail(fmt::format("unexpected argument '{}'", args.positional.front()));
  }
  return args;
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: govmap " << command.usage << "\n\n" << command.summary << "\n";
  if (!command.details.empty()) out << "\n" << command.details << "\n";
  if (command.options.empty()) return;
  out << "\noptions:\n";
  for (const auto& o : command.options) {
    std::string left = o.short_name.empty() ? o.name : o.short_name + ", " + o.name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    out << fmt::format("  {:<28} {}", left, o.help);
    if (!o.choices.empty()) out << " (" << join(o.choices, ", ") << ")";
    out << "\n";
  }
  out << fmt::format("  {:<28} {}\n", "-h, --help", "show this help");
}

std::string extension_of(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  return extension.empty() ? extension : lower(extension.substr(1));
}

std::string report_format(const Args& args, const std::vector<std::string>& formats) {
  if (args.has("--format")) return args.get("--format");
  const std::string extension = extension_of(args.get("--output"));
  if (extension == "htm") return "html";
  return std::find(formats.begin(), formats.end(), extension) != formats.end() ? extension : "text";
}

}  // namespace govmap::cli
