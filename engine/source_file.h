#pragma once
// Source files read by the loader, kept so that diagnostics and findings can point at a
// line and column and quote the line.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/memory.h"

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

/// The bytes of a file: a private mapping of the file itself, or a string. A mapping costs no
/// copy and no page zeroing (reading England's 6 MB into a string takes about 10 ms, mapping it
/// under 1 ms). Like every program that maps its input, a run whose file is truncated by
/// another process while it reads would stop with SIGBUS.
class FileText {
 public:
  FileText() = default;
  explicit FileText(std::string text) : owned_(std::move(text)) {}
  /// Maps the first `size` bytes of the file at `path` read-only (pages read up front), or
  /// nullopt when it cannot be mapped (then read it into a string).
  static std::optional<FileText> map(const std::string& path, std::size_t size);
  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  /// A copy holds the bytes in a string.
  FileText(const FileText& other) : owned_(other.view()) {}
  FileText& operator=(const FileText& other) { return *this = FileText(other); }
  ~FileText();

  std::string_view view() const {
    return mapped_ ? std::string_view(mapped_, size_) : std::string_view(owned_);
  }
  /// The bytes as a string, to change (a mapping is copied first).
  std::string& string() {
    if (mapped_) *this = FileText(std::string(view()));
    return owned_;
  }

 private:
  std::string owned_;
  char* mapped_ = nullptr;
  std::size_t size_ = 0;
};

class SourceFiles {
 public:
  /// Adds a file's text and returns its index.
  std::uint32_t add(std::string path, FileText text);
  /// Adds a file's text whose line starts are known (TextScan::line_starts, engine/text_scan.h).
  std::uint32_t add(std::string path, FileText text, HugePageVector<std::size_t> line_starts);
  std::uint32_t add(std::string path, std::string text) {
    return add(std::move(path), FileText(std::move(text)));
  }
  std::size_t size() const { return files_.size(); }
  const std::string& path(std::uint32_t file) const { return files_[file].path; }
  std::string_view text(std::uint32_t file) const { return files_[file].text.view(); }
  /// Line and column (1-based; column counts bytes) of a byte offset in a file. Lines end at
  /// LF, CRLF or a lone CR.
  Location locate(std::uint32_t file, std::size_t offset) const;
  /// The text of a 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t file, std::uint32_t line) const;
  /// Byte offset of a location.
  std::size_t offset(const Location& at) const;

 private:
  struct File {
    std::string path;
    FileText text;
    HugePageVector<std::size_t> line_starts;
    mutable std::uint32_t last_line = 0;  // the line locate() found last (0: none yet)
  };
  std::deque<File> files_;  // a deque: a file's text stays where it is as files are added
};

}  // namespace govmap
