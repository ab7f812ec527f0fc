// Memory advice (engine/memory.h) changes where pages come from, never what a program reads:
// vectors made through it hold what they were asked to, whether the advice took or not.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <new>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "engine/memory.h"

namespace govmap {

TEST_CASE("a huge-page vector holds what it is given, small or large, and large ones start on a huge page") {
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{3} << 20}) {
    const HugePageVector<std::uint32_t> v(size, 7);
    REQUIRE(v.size() == size);
    CHECK(std::count(v.begin(), v.end(), 7u) == static_cast<std::ptrdiff_t>(size));
    if (size * sizeof(std::uint32_t) >= (std::size_t{2} << 20)) {
      CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % (std::uintptr_t{2} << 20) == 0);
    }
  }
  HugePageVector<std::uint64_t> grown;  // regrown from small to large and back through copies
  for (std::uint64_t i = 0; i < (1 << 20); ++i) grown.push_back(i * 5);
  CHECK(grown[777] == 3885);
  CHECK(grown.back() == ((std::uint64_t{1} << 20) - 1) * 5);
  HugePageVector<std::uint64_t> copy = grown;
  grown.clear();
  grown.shrink_to_fit();
  CHECK(copy.size() == (1u << 20));
  CHECK(copy[777] == 3885);
}

TEST_CASE("advice on a vector's capacity leaves its contents and its growth alone") {
  tune_allocator();  // as main does; a second call is harmless
  std::vector<std::uint64_t> v;
  v.reserve(1 << 20);  // 8 MiB: whole huge pages inside
  advise_huge_pages(v.data(), v.capacity() * sizeof(std::uint64_t));
  for (std::uint64_t i = 0; i < (1 << 21); ++i) v.push_back(i * 3);  // past the reserve: regrown
  REQUIRE(v.size() == (1u << 21));
  CHECK(v[0] == 0);
  CHECK(v[12345] == 37035);
  CHECK(v.back() == ((std::uint64_t{1} << 21) - 1) * 3);
  advise_huge_pages(nullptr, 0);  // nothing to advise: no effect
  advise_huge_pages(v.data() + 1, 100);  // less than a huge page: no effect
  CHECK(v[1] == 3);
}

#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
// (A sanitizer's allocator is not glibc's, and it needs far more address space than any limit.)

// Runs `body` in a child process, which exits with what it returns; its exit status.
int exit_status_of(const std::function<int()>& body) {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(body());
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

// Limits the process's address space to what it has now and `more` bytes.
bool limit_address_space(rlim_t more) {
  std::size_t pages = 0;
  std::ifstream("/proc/self/statm") >> pages;
  const rlim_t limit = pages * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) + more;
  const rlimit as{limit, limit};
  return ::setrlimit(RLIMIT_AS, &as) == 0;
}

// How many blocks of 1 MiB use up the heap's free top and then `past` MiB more.
std::size_t blocks_past_top(std::size_t past) { return ::mallinfo2().keepcost / (1 << 20) + past; }

TEST_CASE("under an address-space limit the heap grows as glibc's does, so a run that fits still runs") {
  CHECK(exit_status_of([] {
          // 300 MiB more address space than the child has: room for one padded growth of the
          // heap (256 MiB) but not for two. Then the heap's free top and 64 MiB past it, in
          // blocks of 1 MiB from malloc, which operator new's handler does not see.
          if (!limit_address_space(rlim_t{300} << 20)) return 3;
          tune_allocator();
          std::vector<void*> blocks;
          for (std::size_t i = 0, n = blocks_past_top(64); i < n; ++i) {
            void* block = std::malloc(1 << 20);  // not touched: address space, not memory
            if (block == nullptr) return 1;
            blocks.push_back(block);
          }
          for (void* block : blocks) std::free(block);
          return 0;
        }) == 0);
}

TEST_CASE("a limit set after the heap was padded: the first refused allocation drops the padding") {
  CHECK(exit_status_of([] {
          tune_allocator();  // no limit yet: the heap is padded
          // Then 64 MiB more address space than the child has, and blocks of 1 MiB: the heap's
          // free top, then 32 MiB past it, which a growth of 256 MiB would not fit in.
          if (!limit_address_space(rlim_t{64} << 20)) return 3;
          try {
            std::vector<std::unique_ptr<char[]>> held;
            for (std::size_t i = 0, n = blocks_past_top(32); i < n; ++i) {
              held.emplace_back(new char[1 << 20]);  // not touched: address space, not memory
            }
          } catch (const std::bad_alloc&) {
            return 1;
          }
          return 0;
        }) == 0);
}
#endif

}  // namespace govmap
