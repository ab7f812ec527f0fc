// Writing an output file whole or not at all.

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/cli.h"

namespace govmap::cli {

bool write_output(const std::string& path, const std::string& content, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty()) {
    err << "govmap: no output file given\n";
    return false;
  }
  const fs::path target(path);
  if (fs::is_directory(target, ec)) {
    err << fmt::format("{}: error: is a directory; give a file name [output]\n", path);
    return false;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    err << fmt::format("{}: error: folder '{}' does not exist [output]\n", path, dir.string());
    return false;
  }
  const fs::path temp = dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      err << fmt::format("{}: error: cannot write output [output]\n", path);
      return false;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    err << fmt::format("{}: error: cannot write output: {} [output]\n", path, ec.message());
    return false;
  }
  return true;
}

}  // namespace govmap::cli
