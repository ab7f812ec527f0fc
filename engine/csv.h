#pragma once
// A CSV reader for official lookup files (RFC 4180 plus what real files do): quoted fields
// with embedded commas, quotes ("") and line breaks, LF or CRLF line endings, an optional
// UTF-8 byte order mark, and selection of columns by header name. Problems are diagnostics
// at file:line:col, quoting the line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/source_file.h"

namespace govmap {

/// The selected columns of a CSV file, one row per record.
struct CsvTable {
  std::uint32_t file = Location::kNoFile;  // index in the SourceFiles the file was read into
  std::vector<std::string> header;         // every column of the file, in file order
  std::vector<std::string> columns;        // the selected columns, in the order asked for
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint32_t> lines;        // the line each row starts on

  /// Position of a selected column, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const;
};

/// Parses CSV text. `wanted` names the columns to keep (empty keeps every column); a wanted
/// column the header lacks is reported as `missing-column` (with "did you mean") unless
/// `optional_columns` is set, in which case it is simply left out. Records with the wrong
/// number of fields, unterminated quotes and text after a closing quote are `csv-syntax`
/// errors; such rows are skipped. Blank lines are ignored.
std::optional<CsvTable> parse_csv(const SourceFiles& files, std::uint32_t file,
                                  const std::vector<std::string>& wanted, DiagnosticSink& sink,
                                  bool optional_columns = false);

/// Reads a CSV file into `files` and parses it (see parse_csv). nullopt when the file cannot
/// be read or a wanted column is missing.
std::optional<CsvTable> read_csv(const std::string& path, SourceFiles& files,
                                 const std::vector<std::string>& wanted, DiagnosticSink& sink,
                                 bool optional_columns = false);

}  // namespace govmap
