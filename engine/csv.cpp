#include "engine/csv.h"

#include <fmt/format.h>

#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Splits CSV text into records, one field vector at a time.
class RecordReader {
 public:
  RecordReader(const SourceFiles& files, std::uint32_t file, DiagnosticSink& sink)
      : files_(files), file_(file), text_(files.text(file)), sink_(sink) {
    if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
  }

  /// Reads the next record into `fields`; false at end of text. `ok` is false when the record
  /// was malformed (already reported). `line` is the line the record starts on.
  bool next(std::vector<std::string>& fields, std::uint32_t& line, bool& ok) {
    fields.clear();
    ok = true;
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) advance_line_end();
    if (pos_ >= text_.size()) return false;
    line = line_;
    std::string field;
    while (true) {
      field.clear();
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!quoted_field(field)) {
          ok = false;
          return true;
        }
      } else {
        const std::size_t begin = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
        field.assign(text_.substr(begin, pos_ - begin));
      }
      fields.push_back(field);
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      advance_line_end();
      return true;
    }
  }

  Location locate(std::size_t offset) const { return files_.locate(file_, offset); }

 private:
  void advance_line_end() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  // Reads "..." with "" as a quote; the closing quote must be followed by , or a line end.
  bool quoted_field(std::string& field) {
    const std::size_t open = pos_++;
    while (true) {
      const std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        count_line_ends(pos_, text_.size());
        sink_.error(files_, locate(open), "unterminated quoted field", "csv-syntax");
        pos_ = text_.size();
        return false;
      }
      count_line_ends(pos_, quote);
      field.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field.push_back('"');
        ++pos_;
        continue;
      }
      if (pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == '\n' || text_[pos_] == '\r') return true;
      sink_.error(files_, locate(pos_), "unexpected text after a closing quote (write \"\" for a quote inside a quoted field)",
                  "csv-syntax");
      skip_line();
      return false;
    }
  }

  // Counts the line ends (LF, CRLF or a lone CR, as SourceFiles does) in [begin, end).
  void count_line_ends(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) ++line_;
    }
  }

  // Skips to the end of the current physical line.
  void skip_line() {
    while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    if (pos_ < text_.size()) advance_line_end();
  }

  const SourceFiles& files_;
  std::uint32_t file_;
  std::string_view text_;
  DiagnosticSink& sink_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  return std::nullopt;
}

std::optional<CsvTable> parse_csv(const SourceFiles& files, std::uint32_t file,
                                  const std::vector<std::string>& wanted, DiagnosticSink& sink,
                                  bool optional_columns) {
  RecordReader reader(files, file, sink);
  CsvTable table;
  table.file = file;
  std::vector<std::string> fields;
  std::uint32_t line = 0;
  bool ok = true;
  if (!reader.next(fields, line, ok) || !ok) {
    if (ok) sink.error(files.path(file), "empty file: no header row", "csv-syntax");
    return std::nullopt;
  }
  // Header names are trimmed: read_source turns a byte order mark into spaces, and some
  // publishers pad names.
  for (auto& name : fields) {
    const auto first = name.find_first_not_of(" \t");
    const auto last = name.find_last_not_of(" \t");
    name = first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
  }
  table.header = fields;
  const std::uint32_t header_line = line;
  std::vector<std::size_t> picks;
  bool missing = false;
  for (const auto& name : wanted.empty() ? table.header : wanted) {
    std::optional<std::size_t> at;
    std::vector<std::string> positions;  // 1-based, for the message
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      if (table.header[i] != name) continue;
      if (!at) at = i;
      positions.push_back(std::to_string(i + 1));
    }
    if (positions.size() > 1) {  // taking either would silently ignore the other
      sink.error(files, Location{file, header_line, 1},
                 fmt::format("column '{}' appears {} times in the header (columns {}); govmap cannot tell "
                             "which to read",
                             name, positions.size(), join(positions, ", ")),
                 "duplicate-column");
      missing = true;
    } else if (at) {
      picks.push_back(*at);
      table.columns.push_back(name);
    } else if (!optional_columns) {
      sink.error(files, Location{file, header_line, 1},
                 fmt::format("missing column '{}'{}", name, did_you_mean(name, table.header)), "missing-column");
      missing = true;
    }
  }
  if (missing) return std::nullopt;
  while (reader.next(fields, line, ok)) {
    if (!ok) continue;
    if (fields.size() != table.header.size()) {
      sink.error(files, Location{file, line, 1},
                 fmt::format("row has {} fields; the header has {}", fields.size(), table.header.size()), "csv-syntax");
      continue;
    }
    std::vector<std::string> row;
    row.reserve(picks.size());
    for (const auto i : picks) row.push_back(std::move(fields[i]));
    table.rows.push_back(std::move(row));
    table.lines.push_back(line);
  }
  return table;
}

std::optional<CsvTable> read_csv(const std::string& path, SourceFiles& files,
                                 const std::vector<std::string>& wanted, DiagnosticSink& sink,
                                 bool optional_columns) {
  const auto file = read_source(path, files, sink);
  if (!file) return std::nullopt;
  return parse_csv(files, *file, wanted, sink, optional_columns);
}

}  // namespace govmap
