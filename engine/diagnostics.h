#pragma once
// Input and environment problems, reported as values to a sink (never thrown):
//   path:line:col: error: message [code]
//     <source line>
//     ^

#include <ostream>
#include <string>
#include <vector>

#include "engine/source_file.h"

namespace govmap {

enum class DiagnosticLevel { Error, Warning, Note };

struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::Error;
  std::string path;  // empty for problems with no file
  std::uint32_t line = 0, column = 0;
  std::string message, code;
  std::string source_line;  // the quoted line (a window of it when long), empty when none
  std::uint32_t source_column = 0;  // the column within source_line that the caret marks
  std::vector<Diagnostic> notes;
};

/// Collects diagnostics in the order found.
class DiagnosticSink {
 public:
  void report(Diagnostic diagnostic);
  /// A diagnostic at a location of a file in `files` (quotes the line).
  Diagnostic& error(const SourceFiles& files, const Location& at, std::string message,
                    std::string code);
  Diagnostic& warning(const SourceFiles& files, const Location& at, std::string message,
                      std::string code);
  /// A diagnostic about a path with no position (unreadable file, unwritable output).
  Diagnostic& error(std::string path, std::string message, std::string code);
  /// Adds a note to the last diagnostic, pointing at another location.
  void note(const SourceFiles& files, const Location& at, std::string message);
  /// Adds a note to the diagnostic `index` of all().
  void note(std::size_t index, const SourceFiles& files, const Location& at, std::string message);

  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  /// Drops every diagnostic after the first `count` (what a reading that is started again had
  /// reported).
  void keep_first(std::size_t count);
  std::size_t error_count() const { return errors_; }
  bool has_errors() const { return error_count() > 0; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;  // counted as they come: loops ask often
};

/// Builds a diagnostic at a location, quoting its line.
Diagnostic make_diagnostic(DiagnosticLevel level, const SourceFiles& files, const Location& at,
                           std::string message, std::string code);

/// Writes one diagnostic (and its notes) in the compiler form with quoted line and caret.
void print_diagnostic(std::ostream& out, const Diagnostic& diagnostic);
void print_diagnostics(std::ostream& out, const DiagnosticSink& sink);

}  // namespace govmap
