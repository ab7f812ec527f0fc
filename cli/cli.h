#pragma once
// The command-line interface: one table of sub-commands (cli/main.cpp), each a function
// taking parsed arguments. Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or
// input error, 70 internal error.

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/profile.h"
#include "engine/diagnostics.h"
#include "engine/loader.h"
#include "engine/model.h"

namespace govmap::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 70;

/// One option a command accepts.
struct OptionSpec {
  std::string name;         // "--format"
  std::string value_name;   // "FORMAT"; empty for a flag
  std::string help;
  std::vector<std::string> choices;  // allowed values, when a fixed set
  std::string short_name;   // "-o"
  bool repeatable = false;  // may be given more than once (each value kept); otherwise an error
};

/// Parsed arguments: options by long name, positional arguments in order.
struct Args {
  std::map<std::string, std::string> options;  // the last value of each option
  std::map<std::string, std::vector<std::string>> repeated;  // every value, in order
  std::vector<std::string> positional;
  bool has(const std::string& name) const { return options.count(name) != 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
  /// Every value given for an option that may be repeated (--models A --models B).
  std::vector<std::string> all(const std::string& name) const {
    auto it = repeated.find(name);
    return it == repeated.end() ? std::vector<std::string>{} : it->second;
  }
};

struct Io {
  std::ostream& out;
  std::ostream& err;
  /// Every file read so far (models with their includes, baselines and vocabularies; profiles;
  /// import specs): write_output refuses to replace one.
  std::vector<std::string> inputs;
};

struct Command {
  std::string name, usage, summary;
  std::vector<OptionSpec> options;
  std::size_t min_positional = 0, max_positional = 0;  // max 0 = unlimited when min > 0
  std::function<int(const Args&, Io&)> run;
  std::string details;  // longer help text
};

/// Parses argv for a command; prints problems with "did you mean" and returns nullopt.
std::optional<Args> parse_args(const Command& command, const std::vector<std::string>& argv, std::ostream& err);
void print_command_help(const Command& command, std::ostream& out);

/// --models DIR (repeatable): where models named by name are found (engine/model_paths.h).
inline const OptionSpec kModelsOption{"--models", "DIR", "look for models named by name (england, england/2017) in DIR", {}, "",
                                      true};

/// --as-of DATE: read every model as it stood on DATE (models/FORMAT.md, "Dates").
inline const OptionSpec kAsOfOption{"--as-of", "DATE",
                                    "read the model as it stood on DATE (default: its own as-of date)", {}, ""};

/// Load options for a command: the model search path from --models and GOVMAP_MODELS, and
/// the date from --as-of.
LoadOptions load_options(const Args& args);

/// A model named on the command line, MODEL or MODEL@DATE: the date after '@' reads that model
/// as of DATE (instead of --as-of). A file whose name is the whole text is that file.
struct ModelReference {
  std::string model, as_of;
};
ModelReference split_model_reference(const std::string& text);

/// The date a model reference is read at: its @DATE, else --as-of, else "" (its own date).
/// Prints a usage error and gives nullopt when that is not a date written YYYY-MM-DD.
std::optional<std::string> as_of_for(const ModelReference& reference, const Args& args, std::ostream& err);

/// A model reference as a file: the path itself, or the file of a model named by name
/// ("england", "england/2017") when no such path exists.
std::string model_path(const std::string& reference, const LoadOptions& options);

/// Loads a model (a path, or a name on the search path, either with @DATE), printing diagnostics to err and
/// adding its files to io.inputs. nullopt on any error. With `proposal`, the model is that
/// proposal's baseline and, unless @DATE or --as-of says otherwise, is read as the proposal
/// reads it: at the proposal's date, or at its own as-of when that is earlier.
std::optional<Model> load_or_report(const std::string& path, const Args& args, Io& io, const Model* proposal = nullptr);

/// Whether `proposal` extends the model file `path` names (a path or a model name).
bool extends_file(const Model& proposal, const std::string& path, const Args& args);

/// The rules profile: --rules FILE, else govmap-rules.xml beside the model (its loaded file
/// when `model` is given, else `model_path`), else beside the baseline a proposal extends, else
/// the defaults. Prints problems; nullopt when the profile has errors.
std::optional<RuleProfile> profile_for(const Args& args, const std::string& model_path, Io& io,
                                       const Model* model = nullptr);

/// --today, or today's date in UTC; prints a usage error and gives nullopt when it is not a
/// date written YYYY-MM-DD.
std::optional<std::string> today_for(std::string_view command, const Args& args, Io& io);

/// Writes `content` to `path` whole or not at all, and refuses to replace any file in io.inputs
/// (the same file by device and inode). The bytes go to an unnamed temporary file in the
/// target's folder (O_TMPFILE; a randomly named one created with O_EXCL | O_NOFOLLOW where the
/// file system lacks it), which is flushed to disk and then linked or renamed into place, keeping
/// the target's permissions when it existed; a symlink named as the output is kept and the file
/// it points at replaced. Ctrl-C or a kill signal during the write takes effect once the output is
/// whole; only SIGKILL in the instant between naming the temporary file and the rename leaves it
/// behind (cli/output_file.cpp). A target that is not a regular file (/dev/stdout, /dev/null, a
/// pipe) is written into directly. Reports problems to io.err.
bool write_output(const std::string& path, const std::string& content, Io& io);

/// A path's extension in lower case, without its dot: "json" for findings.JSON, "" for none.
std::string extension_of(const std::string& path);

/// The format of a command's report: --format when given, else the one the -o file's extension
/// names among `formats` (findings.json, findings.sarif, comparison.html; .txt is text), else
/// text. Writing text into findings.json is never what a user asked for.
std::string report_format(const Args& args, const std::vector<std::string>& formats);

/// For a command writing several files: refuses (printing why) when one would replace an input
/// or two would be the same file, before any is written. Empty paths are skipped.
bool check_outputs(const std::vector<std::string>& paths, Io& io);

// The commands (one file each).
Command validate_command();
Command stats_command();
Command check_command();
Command rules_command();
Command explain_command();
Command render_command();
Command compare_command();
Command report_command();
Command models_command();
Command import_command();

}  // namespace govmap::cli
