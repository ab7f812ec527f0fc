#include "engine/source_file.h"

#include <algorithm>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine/text_scan.h"

namespace govmap {

std::optional<FileText> FileText::map(const std::string& path, std::size_t size) {
  if (size == 0) return std::nullopt;  // a mapping cannot be empty
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  void* bytes = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (bytes == MAP_FAILED) return std::nullopt;
  FileText text;
  text.mapped_ = static_cast<char*>(bytes);
  text.size_ = size;
  return text;
}

FileText::FileText(FileText&& other) noexcept
    : owned_(std::move(other.owned_)), mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    if (mapped_) ::munmap(mapped_, size_);
    owned_ = std::move(other.owned_);
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

FileText::~FileText() {
  if (mapped_) ::munmap(mapped_, size_);
}

std::uint32_t SourceFiles::add(std::string path, FileText text) {
  HugePageVector<std::size_t> line_starts = scan_text(text.view()).line_starts;
  return add(std::move(path), std::move(text), std::move(line_starts));
}

std::uint32_t SourceFiles::add(std::string path, FileText text,
                               HugePageVector<std::size_t> line_starts) {
  files_.push_back({std::move(path), std::move(text), std::move(line_starts)});
  return static_cast<std::uint32_t>(files_.size() - 1);
}

Location SourceFiles::locate(std::uint32_t file, std::size_t offset) const {
  const File& f = files_[file];
  const auto& starts = f.line_starts;
  // The loader asks for elements in document order: the line is mostly the last one found or a
  // few after it, which a short walk finds without a binary search over every line.
  std::uint32_t line = f.last_line;
  if (line == 0 || starts[line - 1] > offset) {
    line = static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
  } else {
    for (int steps = 0; line < starts.size() && starts[line] <= offset; ++line) {
      if (++steps == 8) {
        line = static_cast<std::uint32_t>(std::upper_bound(starts.begin() + line, starts.end(), offset) - starts.begin());
        break;
      }
    }
  }
  f.last_line = line;
  const auto column = static_cast<std::uint32_t>(offset - starts[line - 1] + 1);
  return {file, line, column};
}

std::size_t SourceFiles::offset(const Location& at) const {
  const auto& starts = files_[at.file].line_starts;
  if (at.line == 0 || at.line > starts.size()) return 0;
  return starts[at.line - 1] + (at.column > 0 ? at.column - 1 : 0);
}

std::string_view SourceFiles::line_text(std::uint32_t file, std::uint32_t line) const {
  const auto& f = files_[file];
  if (line == 0 || line > f.line_starts.size()) return {};
  const std::size_t begin = f.line_starts[line - 1];
  const std::string_view text = f.text.view();
  std::size_t end = text.find_first_of("\r\n", begin);
  if (end == std::string::npos) end = text.size();
  return text.substr(begin, end - begin);
}

}  // namespace govmap
