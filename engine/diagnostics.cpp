#include "engine/diagnostics.h"

#include <algorithm>

#include "engine/text.h"

namespace govmap {
namespace {

std::string_view level_name(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::Error: return "error";
    case DiagnosticLevel::Warning: return "warning";
    case DiagnosticLevel::Note: return "note";
  }
  return "error";
}

void print_one(std::ostream& out, const Diagnostic& d) {
  if (!d.path.empty()) {
    out << d.path;
    if (d.line > 0) out << ':' << d.line << ':' << d.column;
    out << ": ";
  }
  out << level_name(d.level) << ": " << d.message;
  if (!d.code.empty()) out << " [" << d.code << ']';
  out << '\n';
  if (d.source_line.empty()) return;
  out << "  " << d.source_line << '\n' << "  ";
  // Keep tabs so the caret lines up under the quoted text.
  const std::size_t width = std::min<std::size_t>(d.source_column > 0 ? d.source_column - 1 : 0,
                                                  d.source_line.size());
  for (std::size_t i = 0; i < width; ++i) out << (d.source_line[i] == '\t' ? '\t' : ' ');
  out << "^\n";
}

}  // namespace

Diagnostic make_diagnostic(DiagnosticLevel level, const SourceFiles& files, const Location& at,
                           std::string message, std::string code) {
  Diagnostic d;
  d.level = level;
  d.message = std::move(message);
  d.code = std::move(code);
  if (at.valid()) {
    d.path = files.path(at.file);
    d.line = at.line;
    d.column = at.column;
    constexpr std::size_t kMaxQuoted = 240;  // minified files have very long lines
    std::string_view line = files.line_text(at.file, at.line);
    d.source_column = d.column;
    if (line.size() > kMaxQuoted) {  // quote a window around the column; the column stays true
      const std::size_t start = d.column > kMaxQuoted / 2 ? d.column - kMaxQuoted / 2 : 0;
      line = line.substr(std::min(start, line.size()), kMaxQuoted);
      d.source_column -= static_cast<std::uint32_t>(start);
    }
    d.source_line = std::string(line);
    // Quote only valid text: replace bytes that are not UTF-8 so the output stays UTF-8, and
    // control characters (an escape could drive the terminal) except the tab.
    while (auto bad = first_invalid_utf8(d.source_line)) d.source_line[*bad] = '?';
    for (char& c : d.source_line) {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = '?';
    }
  }
  return d;
}

void DiagnosticSink::report(Diagnostic diagnostic) {
  if (diagnostic.level == DiagnosticLevel::Error) ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::keep_first(std::size_t count) {
  if (count >= diagnostics_.size()) return;
  diagnostics_.erase(diagnostics_.begin() + static_cast<std::ptrdiff_t>(count), diagnostics_.end());
  errors_ = static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& d) {
    return d.level == DiagnosticLevel::Error;
  }));
}

Diagnostic& DiagnosticSink::error(const SourceFiles& files, const Location& at,
                                  std::string message, std::string code) {
  report(make_diagnostic(DiagnosticLevel::Error, files, at, std::move(message), std::move(code)));
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::warning(const SourceFiles& files, const Location& at,
                                    std::string message, std::string code) {
  diagnostics_.push_back(
      make_diagnostic(DiagnosticLevel::Warning, files, at, std::move(message), std::move(code)));
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::error(std::string path, std::string message, std::string code) {
  Diagnostic d;
  d.path = std::move(path);
  d.message = std::move(message);
  d.code = std::move(code);
  report(std::move(d));
  return diagnostics_.back();
}

void DiagnosticSink::note(const SourceFiles& files, const Location& at, std::string message) {
  if (diagnostics_.empty()) return;
  note(diagnostics_.size() - 1, files, at, std::move(message));
}

void DiagnosticSink::note(std::size_t index, const SourceFiles& files, const Location& at, std::string message) {
  diagnostics_.at(index).notes.push_back(make_diagnostic(DiagnosticLevel::Note, files, at, std::move(message), ""));
}


void print_diagnostic(std::ostream& out, const Diagnostic& diagnostic) {
  print_one(out, diagnostic);
  for (const auto& note : diagnostic.notes) print_one(out, note);
}

void print_diagnostics(std::ostream& out, const DiagnosticSink& sink) {
  for (const auto& d : sink.all()) print_diagnostic(out, d);
}

}  // namespace govmap
