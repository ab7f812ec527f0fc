#pragma once
// A copy of a text that ends exactly where a page nothing may read begins, as a mapped file whose
// size is a multiple of the page size does: code that reads the text past its end stops with
// SIGSEGV, in every build (AddressSanitizer does not watch reads past a mapping).

#include <algorithm>
#include <cstring>
#include <string_view>

#include <sys/mman.h>
#include <unistd.h>

#include <doctest/doctest.h>

namespace govmap::test {

class GuardedText {
 public:
  explicit GuardedText(std::string_view text) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t readable = std::max<std::size_t>(1, (text.size() + page - 1) / page) * page;
    size_ = readable + page;
    void* pages =
        ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(pages != MAP_FAILED);
    base_ = static_cast<char*>(pages);
    REQUIRE(::mprotect(base_ + readable, page, PROT_NONE) == 0);
    char* start = base_ + readable - text.size();
    if (!text.empty()) std::memcpy(start, text.data(), text.size());
    view_ = {start, text.size()};
  }
  GuardedText(const GuardedText&) = delete;
  GuardedText& operator=(const GuardedText&) = delete;
  ~GuardedText() { ::munmap(base_, size_); }

  /// The copy; the byte after its last is unreadable.
  std::string_view view() const { return view_; }

 private:
  char* base_ = nullptr;
  std::size_t size_ = 0;
  std::string_view view_;
};

}  // namespace govmap::test
