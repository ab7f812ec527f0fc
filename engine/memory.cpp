#include "engine/memory.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace govmap {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// Where the part of the heap advised for huge pages ends; 0 until tune_allocator runs (the heap
// is then left as it is).
std::uintptr_t heap_advised_end = 0;

// Advises what the heap has grown by since it was last advised (glibc grows it with sbrk).
void advise_heap_growth() {
#if defined(__linux__) && defined(__GLIBC__)
  if (heap_advised_end == 0) return;
  const auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  if (end <= heap_advised_end) return;
  advise_huge_pages(reinterpret_cast<void*>(heap_advised_end), end - heap_advised_end);
  heap_advised_end = end;
#endif
}

#if defined(__GLIBC__)
constexpr int kGlibcTopPad = 128 << 10;  // glibc's own M_TOP_PAD

// operator new's handler while the heap is padded: a refused allocation is tried again with
// glibc's own padding, and a second refusal is out of memory.
void drop_heap_padding() {
  ::mallopt(M_TOP_PAD, kGlibcTopPad);
  std::set_new_handler(nullptr);
}
#endif

}  // namespace

bool address_space_limited() {
#if defined(__linux__)
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY) return true;
  }
#endif
  return false;
}

void tune_allocator() {
#if defined(__GLIBC__)
  ::mallopt(M_MMAP_THRESHOLD, 256 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 512 << 20);
  // One heap for every thread: the parser thread of a streamed file (engine/xml_stream.h)
  // allocates almost nothing, and a heap of its own would be 64 MiB of address space more.
  ::mallopt(M_ARENA_MAX, 1);
  // The heap in huge pages too, as glibc.malloc.hugetlb=1 would make it: it grows 256 MiB at a
  // time (address space; memory comes as pages are touched), a block larger than it has free
  // makes it grow now, and from that block on it is advised, again as it grows (allocate_huge).
  // Not when the address space or the data segment is limited (ulimit -v, -d), where the padding
  // could make a run fail that fits without it; and should the system refuse it anyway (strict
  // overcommit), the first allocation refused drops it (drop_heap_padding) and is tried again.
  if (address_space_limited()) {
    ::mallopt(M_TOP_PAD, kGlibcTopPad);
  } else {
    ::mallopt(M_TOP_PAD, 256 << 20);
    std::set_new_handler(drop_heap_padding);
    void* grown = std::malloc(1 << 20);
    if (grown == nullptr) return drop_heap_padding();
    heap_advised_end = reinterpret_cast<std::uintptr_t>(grown);
    advise_heap_growth();
    std::free(grown);
  }
#endif
}

void advise_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = (start + bytes) & ~(kHugePage - 1);
  // The advice covers only pages wholly inside the array; a failure (no THP) changes nothing.
  if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

void* allocate_huge(std::size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  if (bytes > SIZE_MAX - kHugePage) throw std::bad_alloc();
  const std::size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  advise_heap_growth();
  advise_huge_pages(p, rounded);  // also when it did not come from the heap
  return p;
}

void free_huge(void* p, std::size_t bytes) {
  if (bytes < kHugePage) return ::operator delete(p);
  std::free(p);
}

}  // namespace govmap
