#pragma once
// Source files read by the loader, kept so that diagnostics and findings can point at a
// line and column and quote the line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govmap {

/// A position in a source file: file index into SourceFiles, 1-based line and column.
/// file == kNoFile means "no position" (an environment problem, or a synthetic element).
struct Location {
  static constexpr std::uint32_t kNoFile = 0xffffffffu;
  std::uint32_t file = kNoFile;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool valid() const { return file != kNoFile; }
};

class SourceFiles {
 public:
  /// Adds a file's text and returns its index.
  std::uint32_t add(std::string path, std::string text);
  std::size_t size() const { return files_.size(); }
  const std::string& path(std::uint32_t file) const { return files_[file].path; }
  const std::string& text(std::uint32_t file) const { return files_[file].text; }
  /// Line and column (1-based; column counts bytes) of a byte offset in a file. Lines end at
  /// LF, CRLF or a lone CR.
  Location locate(std::uint32_t file, std::size_t offset) const;
  /// The text of a 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t file, std::uint32_t line) const;
  /// Byte offset of a location.
  std::size_t offset(const Location& at) const;

 private:
  struct File {
    std::string path, text;
    std::vector<std::size_t> line_starts;
    mutable std::uint32_t last_line = 0;  // the line locate() found last (0: none yet)
  };
  std::vector<File> files_;
};

}  // namespace govmap
