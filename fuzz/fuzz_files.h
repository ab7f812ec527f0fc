#pragma once
// Shared by the fuzz targets: one fuzz input stands for a few files. The input is split at each
// line "--8<--" into parts, written to a private folder as the names given (model.xml,
// include.xml, ...); a file with no part is removed, so every run sees only its own input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "engine/text.h"

namespace govmap::fuzz {

/// The line that separates the files of one input.
inline constexpr std::string_view kSeparator = "\n--8<--\n";

/// Writes the parts of `data` to the files `names` (in order) in a folder of this process, and
/// returns the folder.
inline std::string write_files(const std::uint8_t* data, std::size_t size,
                               const std::vector<std::string>& names) {
  namespace fs = std::filesystem;
  static const std::string dir = [] {
    const fs::path path = fs::temp_directory_path() / ("govmap-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(path);
    return path.string();
  }();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (const auto& name : names) {
    const std::string path = dir + "/" + name;
    if (rest.data() == nullptr) {
      std::error_code ec;
      fs::remove(path, ec);
      continue;
    }
    const std::size_t cut = rest.find(kSeparator);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + kSeparator.size());
  }
  return dir;
}

/// Stops the run (a finding for libFuzzer) when an output that users open as text is not valid
/// UTF-8 or holds a control character that XML and JSON readers refuse.
inline void require_clean_text(std::string_view text) {
  if (first_invalid_utf8(text)) std::abort();
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') std::abort();
  }
}

}  // namespace govmap::fuzz
