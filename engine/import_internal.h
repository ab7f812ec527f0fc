#pragma once
// Internals of `govmap import` shared by import_spec.cpp (reading the spec), import.cpp
// (tables and geography) and import_write.cpp (the model file). Not a public API.

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/import.h"
#include "engine/source_file.h"

namespace govmap::import_detail {

/// A value built from columns: "col" names a column; "text {col} text" is a template.
struct Template {
  std::string text;
  bool is_template = false;
  Location at;
  /// Column names it refers to.
  std::vector<std::string> columns() const;
};

/// One step of a table pipeline, applied in spec order.
struct Step {
  enum class Kind { Filter, Derive, Join, PickMax } kind = Kind::Filter;
  std::string column;                // filter/derive target/pick-max value column
  std::string equals, prefix;        // filter
  std::optional<double> min;         // filter
  std::string from, regex;           // derive
  std::string id, file, key;         // join (file resolved against the spec's folder)
  Template on;                       // join: the column (or template of columns) matched to `key`
  std::string group;                 // pick-max
  Location at;
};

/// Longest regular expression a derive step may give (the compiler recurses on nesting).
inline constexpr std::size_t kMaxPatternLength = 256;

/// Compiles a derive step's regular expression (ECMAScript) for matching in time proportional
/// to the text and with stack use independent of its length: libstdc++'s backtracking matcher
/// recurses once per character, and a 50,000-character CSV cell overflowed the stack. Throws
/// std::regex_error for a bad pattern (back-references included, which this mode cannot match).
std::regex compile_pattern(const std::string& pattern);

/// A CSV file and the steps that turn it into rows.
struct TableSpec {
  std::string file;
  std::vector<Step> steps;
  Location at;
};

/// Attributes copied onto generated bodies (elected, powers, duties, status, ...).
using Passthrough = std::vector<std::pair<std::string, std::string>>;

struct LevelSpec {
  std::string kind, population_year, source;
  Template code, name, population;
  Location at;
};

struct BodySpec {
  std::string kind, source;
  std::vector<std::string> succeeds;  // dated specs: the kinds of body of the period before it replaced
  Location succeeds_at;
  Template code, name, unless_same;
  Passthrough extra;
  Location at;
};

struct LinkSpec {
  std::string link;  // partner, commissioning, ...
  Template from, to; // one of them is empty: the row's body
  std::string source;
  Passthrough extra;
  Location at;
};

struct DerivedSpec {
  std::string kind, from_kind, prefix, source, link_from_source;
  Template name;
  bool part_of = false;
  Passthrough extra;
  Location at;
};

struct OverlapSpec {
  std::string link, from_kind, to_kind, source;
  Passthrough extra;
  Location at;
};

struct ListSpec {
  TableSpec table;
  std::vector<BodySpec> bodies;
  std::vector<LinkSpec> links;
};

struct SourceSpec {
  std::string id, title, publisher, year, url, section, file;
};

/// What one geography is generated from: the areas table and what is built on it.
struct ContentSpec {
  TableSpec areas;
  std::vector<LevelSpec> levels;
  std::vector<BodySpec> area_bodies;
  std::vector<DerivedSpec> derived;
  std::vector<OverlapSpec> overlaps;
  std::vector<ListSpec> lists;
};

/// A <period> of a dated spec: [since, until), either bound open. An undated spec is one
/// period with both bounds open.
struct PeriodSpec {
  std::string since, until;
  Location at;
  ContentSpec content;
};

/// A parsed import spec.
struct ImportSpec {
  std::string path, folder;
  std::map<std::string, std::string> root;  // id, nation, title, as-of, status
  std::string comment;                      // <note> text, copied to the output's header
  std::vector<SourceSpec> sources;
  std::vector<PeriodSpec> periods;          // in date order, each starting where the last ends
  bool dated() const { return periods.size() > 1 || !periods.front().since.empty(); }
};

std::optional<ImportSpec> read_import_spec(const std::string& path, SourceFiles& files,
                                           DiagnosticSink& sink);

/// A generated area or body, ready to write. `since` and `until` are set only by merging the
/// periods of a dated spec.
struct OutArea {
  std::string id, kind, name, parent, population_year, source, since, until;
  std::optional<double> population;
  std::size_t level = 0;
};

struct OutBody {
  std::string id, kind, name, code, part_of, source, since, until;
  Passthrough extra;
  std::vector<std::string> covers;  // coarsest whole areas, sorted
  std::vector<std::string> predecessors;  // sorted; set by merge_periods
  std::size_t group = 0;            // order of the spec element that made it
};

struct OutLink {
  std::string link, from, to, source, since, until;
  Passthrough extra;
};

struct Output {
  std::vector<OutArea> areas;   // sorted by level (coarsest first) then id
  std::vector<OutBody> bodies;  // sorted by group then id
  std::vector<OutLink> links;   // sorted
  std::vector<std::pair<std::string, std::size_t>> file_rows;  // data file, rows read
  /// Bodies whose spec names kinds they succeed: id -> those kinds.
  std::map<std::string, std::vector<std::string>> succeeds;
  /// Bodies of the kinds Context::leaf_kinds names: id -> the ids of their small areas, sorted.
  std::map<std::string, std::vector<std::string>> leaves;
};

/// Rows of a table after its pipeline: selected columns (joined ones both plain, when not
/// already present, and as "join-id.column"), with the line of the main file each came from.
struct Rows {
  std::uint32_t file = Location::kNoFile;
  std::string path;
  std::vector<std::string> header;   // every column of the file, in file order
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint32_t> lines;
  std::optional<std::size_t> column(std::string_view name) const;
  /// Where a row's value of `column` is written: its field in the file, for a column read from
  /// the file; the row's first column otherwise (a derived or joined column, or none).
  Location at(const SourceFiles& files, std::size_t row, std::optional<std::size_t> column = std::nullopt) const;
};

/// Shared state of one import run.
struct Context {
  SourceFiles& files;
  DiagnosticSink& sink;
  const ImportOptions& options;
  std::vector<std::pair<std::string, std::size_t>> file_rows;  // data files read, rows each
  std::set<std::string> leaf_kinds;  // kinds that succeed or are succeeded: Output::leaves keeps their areas
  struct Repeat {
    std::size_t diagnostic;        // index of the error reported in the sink
    std::vector<Location> again;   // the first few rows it was also on
    std::size_t more = 0;          // how many rows it was also on
  };
  std::map<std::string, Repeat> repeats;  // by code and message
  /// Whether to stop: too many errors already.
  bool too_many_errors() const { return sink.error_count() >= 100; }
  /// An error about a row of a data file. An error already reported in the same words (a bad
  /// value repeats on every row of its area or body) is counted, not repeated:
  /// `note_repeats` then lists the rows it was also on.
  void row_error(const Location& at, std::string message, std::string code);
  void note_repeats();
  void progress(std::string_view what, std::size_t done, std::size_t total) const {
    if (options.progress && (done % 4096 == 0 || done == total)) options.progress(what, done, total);
  }
};

/// Reads a table's file and applies its steps. `wanted` lists every column name the spec
/// refers to (files keep only those). nullopt when there were errors.
std::optional<Rows> load_table(const TableSpec& table, const std::set<std::string>& wanted, Context& context);

/// A template compiled against a table's columns.
struct CompiledTemplate {
  struct Part {
    std::string literal;
    std::optional<std::size_t> column;
  };
  std::vector<Part> parts;
  bool empty() const { return parts.empty(); }
  std::string eval(const std::vector<std::string>& row) const;
  /// The column when the template is that column alone.
  std::optional<std::size_t> column() const {
    return parts.size() == 1 && parts[0].literal.empty() ? parts[0].column : std::nullopt;
  }
};

/// Compiles a template; reports columns the rows lack (missing-column) and returns nullopt.
std::optional<CompiledTemplate> compile(const Template& t, const Rows& rows, Context& context);

/// The periods' outputs as one geography: an element the same in consecutive periods (its
/// sources aside, which are joined) is written once, dated only where it starts after the first
/// period or ends before the last; one that changes is written as versions of its id.
Output merge_periods(const ImportSpec& spec, std::vector<Output> outputs);

/// The model file. `periods` holds each period's own output when the spec is dated (for the
/// header's counts), else nothing.
std::string write_geography(const ImportSpec& spec, const Output& output, const std::vector<Output>& periods = {});

}  // namespace govmap::import_detail
