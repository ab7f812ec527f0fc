// A library the output-file tests preload into govmap (LD_PRELOAD) to make the system behave as
// it does on machines they cannot reach, chosen by GOVMAP_OUTPUT_SHIM (a comma-separated list):
//   no-tmpfile        open(O_TMPFILE) fails with EOPNOTSUPP, as on file systems without it
//   no-link           linkat fails with ENOENT, as without /proc and CAP_DAC_READ_SEARCH
//   sigint-at-rename  the process sends itself SIGINT (default action, even where the test
//                     runner ignores it) just before each rename: Ctrl-C between naming the
//                     temporary file and putting it in place
// Anything else (or nothing) changes nothing. Built as a shared library beside govmap_tests.

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

bool shim_is(const char* mode) {
  const char* value = std::getenv("GOVMAP_OUTPUT_SHIM");
  const std::size_t length = std::strlen(mode);
  for (const char* at = value; at != nullptr && *at != '\0';) {
    const char* comma = std::strchr(at, ',');
    const std::size_t n = comma != nullptr ? static_cast<std::size_t>(comma - at) : std::strlen(at);
    if (n == length && std::strncmp(at, mode, n) == 0) return true;
    at = comma != nullptr ? comma + 1 : nullptr;
  }
  return false;
}

template <typename F>
F next(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

int open_with(const char* name, const char* path, int flags, mode_t mode) {
  if ((flags & O_TMPFILE) == O_TMPFILE && shim_is("no-tmpfile")) {
    errno = EOPNOTSUPP;
    return -1;
  }
  using Open = int (*)(const char*, int, ...);
  return next<Open>(name)(path, flags, mode);
}

mode_t mode_of(int flags, va_list args) {
  const bool has_mode = (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
  return has_mode ? static_cast<mode_t>(va_arg(args, unsigned int)) : 0;
}

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_with("open", path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_with("open64", path, flags, mode);
}

int linkat(int olddirfd, const char* oldpath, int newdirfd, const char* newpath, int flags) {
  if (shim_is("no-link")) {
    errno = ENOENT;
    return -1;
  }
  using Linkat = int (*)(int, const char*, int, const char*, int);
  return next<Linkat>("linkat")(olddirfd, oldpath, newdirfd, newpath, flags);
}

int rename(const char* from, const char* to) {
  if (shim_is("sigint-at-rename")) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  using Rename = int (*)(const char*, const char*);
  return next<Rename>("rename")(from, to);
}

}  // extern "C"
