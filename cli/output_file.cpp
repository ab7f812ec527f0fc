// Writing an output file whole or not at all, never over an input, never through a planted
// symlink, and leaving no temporary file behind when the run is interrupted.
//
// How a file is replaced (Linux): the bytes go to an unnamed file in the target's folder
// (O_TMPFILE), which is flushed to disk and then given its name: linked straight to the target
// when there is none yet, else linked to a random name and renamed over the target. Where the
// folder's file system has no O_TMPFILE, or the unnamed file cannot be linked (no /proc), the
// bytes go to a randomly named file created with O_EXCL | O_NOFOLLOW instead. SIGINT, SIGTERM,
// SIGHUP and SIGQUIT are held from the moment a file is created until the target is in place,
// so Ctrl-C or a kill leaves either the old file or the new one and no temporary name; they act
// as soon as the output is whole. What remains: a SIGKILL or a power cut between linking the
// random name and the rename (two system calls), or anywhere during the fallback write, leaves
// a file named ".NAME.tmp-PID-RANDOM" beside the target.

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>
#include <vector>

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

/// Holds the signals that end a run (they stay pending) while it lives, so an interrupted run
/// finishes replacing its output, or removes its temporary file, before it stops.
class HoldSignals {
 public:
  HoldSignals() {
    sigset_t hold;
    sigemptyset(&hold);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&hold, s);
    held_ = ::pthread_sigmask(SIG_BLOCK, &hold, &before_) == 0;
  }
  HoldSignals(const HoldSignals&) = delete;
  HoldSignals& operator=(const HoldSignals&) = delete;
  ~HoldSignals() {
    if (held_) ::pthread_sigmask(SIG_SETMASK, &before_, nullptr);
  }

 private:
  sigset_t before_{};
  bool held_ = false;
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

/// The message for an output path that is one of the command's inputs (the same file, by
/// device and inode, so a hard link or a symlink to an input counts), or "".
std::string replaced_input(const std::string& path, const Io& io) {
  std::error_code ec;
  for (const auto& input : io.inputs) {
    if (fs::equivalent(path, input, ec) && !ec) {
      return fmt::format("would overwrite the input file '{}'; give another output file", input);
    }
  }
  return "";
}

/// Writes into something that is not a regular file (a terminal, /dev/null, a pipe such as
/// /dev/stdout): there is nothing to replace and nothing to leave behind. A named pipe no
/// process reads is an error, not a wait without end.
bool write_into(const std::string& path, const std::string& content, std::string& error) {
  const Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0 && errno == ENXIO) {
    error = "no process is reading from this pipe";
    return false;
  }
  const int flags = fd.get() < 0 ? -1 : ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0 || !write_all(fd.get(), content)) {
    error = fmt::format("cannot write output: {}", std::strerror(errno));
    return false;
  }
  return true;
}

/// Gives the unnamed file `fd` the name `name` (through /proc, else AT_EMPTY_PATH, which needs
/// CAP_DAC_READ_SEARCH). False with errno set when neither works.
bool link_unnamed(int fd, const fs::path& name) {
  const std::string self = fmt::format("/proc/self/fd/{}", fd);
  if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno == EEXIST) return false;
  return ::linkat(fd, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0;
}

/// Replaces (or creates) the regular file `target` in `dir` with `content`, keeping the mode of
/// the file it replaces. "" on success, else why not.
std::string replace_file(const fs::path& dir, const fs::path& target, const std::string& content) {
  struct stat existing {};
  const bool replacing = ::stat(target.c_str(), &existing) == 0;
  const HoldSignals hold;
  // An unnamed file vanishes by itself if the run dies before it is linked in.
  bool unnamed = true;
  int raw = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  fs::path temp;
  const auto open_named = [&] {  // O_EXCL and O_NOFOLLOW: a name planted in advance is refused
    unnamed = false;
    temp = temporary_name(dir, target);
    return ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  };
  if (raw < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) raw = open_named();
  std::optional<Fd> fd;
  fd.emplace(raw);
  if (fd->get() < 0) return fmt::format("cannot create a file in folder '{}': {}", dir.string(), std::strerror(errno));
  std::error_code ec;
  const auto give_up = [&](const std::string& what) {
    const std::string message = fmt::format("{}: {}", what, std::strerror(errno));
    if (!temp.empty()) fs::remove(temp, ec);
    return message;
  };
  const auto fill = [&]() -> std::string {
    if (!write_all(fd->get(), content)) return give_up("cannot write output");
    if (replacing && ::fchmod(fd->get(), existing.st_mode & 07777) != 0) {
      return give_up("cannot set the output's permissions");
    }
    if (::fsync(fd->get()) != 0) return give_up("cannot write output");
    return "";
  };
  if (std::string error = fill(); !error.empty()) return error;
  if (unnamed) {
    // A new target takes the file's name at once; an existing one is replaced by a rename.
    const bool linked = !replacing && link_unnamed(fd->get(), target);
    if (linked) {
      sync_folder(dir);
      return "";
    }
    temp = temporary_name(dir, target);
    if (!link_unnamed(fd->get(), temp)) {
      temp.clear();  // cannot be named here (no /proc): write a named file instead
      fd.emplace(open_named());
      if (fd->get() < 0) return fmt::format("cannot create a file in folder '{}': {}", dir.string(), std::strerror(errno));
      if (std::string error = fill(); !error.empty()) return error;
    }
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) return give_up("cannot write output");
  sync_folder(dir);
  return "";
}

}  // namespace

bool check_outputs(const std::vector<std::string>& paths, Io& io) {
  std::vector<fs::path> seen;
  for (const auto& path : paths) {
    if (path.empty()) continue;
    if (const std::string why = replaced_input(path, io); !why.empty()) {
      io.err << fmt::format("{}: error: {} [output]\n", path, why);
      return false;
    }
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    for (const auto& earlier : seen) {
      if (!ec && earlier == resolved) {
        io.err << fmt::format("{}: error: two outputs of this command would be written to the same file; give each "
                              "its own file [output]\n",
                              path);
        return false;
      }
    }
    if (!ec) seen.push_back(resolved);
  }
  return true;
}

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
  fs::path target(path);
  if (fs::is_directory(target, ec)) return fail("is a directory; give a file name");
  if (const std::string why = replaced_input(path, io); !why.empty()) return fail(why);
  std::string error;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return write_into(path, content, error) || fail(error);  // /dev/stdout, /dev/null, a pipe
  }
  // A symlink the user names is kept: the file it points at is the one replaced.
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::canonical(target, ec);
    if (!ec) target = resolved;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::exists(dir, ec)) return fail(fmt::format("folder '{}' does not exist", dir.string()));
  if (!fs::is_directory(dir, ec)) return fail(fmt::format("'{}' is not a folder", dir.string()));
  error = replace_file(dir, target, content);
  return error.empty() || fail(error);
}

}  // namespace govmap::cli
