// Writing an output file whole or not at all, never over an input, never through a planted
// symlink, and never leaving a temporary file behind when the run is killed while writing.

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/cli.h"

namespace govmap::cli {
namespace {

namespace fs = std::filesystem;

/// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// A name in `dir` that no one can guess: ".NAME.tmp-<pid>-<64 random bits>".
fs::path temporary_name(const fs::path& dir, const fs::path& target) {
  std::random_device random;
  const std::uint64_t bits = (std::uint64_t{random()} << 32) | random();
  return dir / fmt::format(".{}.tmp-{}-{:016x}", target.filename().string(), ::getpid(), bits);
}

/// Flushes a folder's entries (the rename) to disk; best effort.
void sync_folder(const fs::path& dir) {
  const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

}  // namespace

bool write_output(const std::string& path, const std::string& content, Io& io) {
  const auto fail = [&](const std::string& message) {
    io.err << fmt::format("{}: error: {} [output]\n", path, message);
    return false;
  };
  if (path.empty()) {
    io.err << "govmap: no output file given\n";
    return false;
  }
  std::error_code ec;
  const fs::path target(path);
  if (fs::is_directory(target, ec)) return fail("is a directory; give a file name");
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::exists(dir, ec)) return fail(fmt::format("folder '{}' does not exist", dir.string()));
  if (!fs::is_directory(dir, ec)) return fail(fmt::format("'{}' is not a folder", dir.string()));
  for (const auto& input : io.inputs) {
    if (fs::equivalent(target, input, ec) && !ec) {
      return fail(fmt::format("would overwrite the input file '{}'; give another output file", input));
    }
  }
  // The target's permissions are kept when it is replaced (a mode-600 file stays 600).
  struct stat existing {};
  const bool replacing = ::stat(path.c_str(), &existing) == 0;

  // An unnamed file vanishes by itself if the run dies before it is linked in.
  int raw = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  fs::path temp;
  if (raw < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    temp = temporary_name(dir, target);  // O_EXCL and O_NOFOLLOW: a planted name is refused
    raw = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  }
  const Fd fd(raw);
  if (fd.get() < 0) {
    return fail(fmt::format("cannot create a file in folder '{}': {}", dir.string(), std::strerror(errno)));
  }
  const auto give_up = [&](const std::string& message) {
    if (!temp.empty()) fs::remove(temp, ec);
    return fail(message);
  };
  if (!write_all(fd.get(), content)) return give_up(fmt::format("cannot write output: {}", std::strerror(errno)));
  if (replacing && ::fchmod(fd.get(), existing.st_mode & 07777) != 0) {
    return give_up(fmt::format("cannot set the output's permissions: {}", std::strerror(errno)));
  }
  if (::fsync(fd.get()) != 0) return give_up(fmt::format("cannot write output: {}", std::strerror(errno)));
  if (temp.empty()) {  // give the unnamed file a name no one can have planted, then rename it
    temp = temporary_name(dir, target);
    const std::string self = fmt::format("/proc/self/fd/{}", fd.get());
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      const std::string reason = std::strerror(errno);
      temp.clear();
      return give_up(fmt::format("cannot write output: {}", reason));
    }
  }
  fs::rename(temp, target, ec);
  if (ec) return give_up(fmt::format("cannot write output: {}", ec.message()));
  sync_folder(dir);
  return true;
}

}  // namespace govmap::cli
