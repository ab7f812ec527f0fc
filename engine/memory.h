// How govmap asks for memory: the allocator's settings for a run, and huge pages for its largest
// arrays.
#pragma once

#include <cstddef>
#include <vector>

namespace govmap {

/// Sets the C library's allocator for a run that builds large arrays and ends (glibc's mallopt;
/// nothing elsewhere): blocks up to 256 MiB come from its heap rather than each from a mapping of
/// its own, and the heap is not handed back to the system as it shrinks. A freed block is then
/// used again instead of fresh pages being faulted in and cleared (half the page faults of a
/// million-link check). The heap itself grows in steps of 256 MiB of address space and is
/// advised for huge pages as it grows, so the many small blocks (strings, index entries) come in
/// 2 MiB pages as well: England's check faults about 500 pages where it faulted 2,200 (at several
/// microseconds each on a virtual machine). Under an address-space or data-segment limit
/// (ulimit -v, -d), or once an allocation has been refused, the heap grows as glibc's does.
/// Call it first in main; it sets operator new's handler.
void tune_allocator();

/// Whether the process's address space or data segment is limited (ulimit -v, -d): memory
/// reserved ahead of use (address space, not yet pages) then counts against the limit.
bool address_space_limited();

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages when they are first touched (Linux's madvise MADV_HUGEPAGE; nothing elsewhere, or
/// when the system does not allow it). Each huge page is one page fault and one TLB entry where
/// 4 KiB pages are 512: a million-link model's arrays otherwise cost a hundred thousand faults.
/// Advice only: the contents and the caller's ownership are unchanged.
void advise_huge_pages(const void* data, std::size_t bytes);

/// Memory for large arrays, most of all those read at random (hash tables): an allocation of
/// 2 MiB or more starts on a 2 MiB boundary and is rounded up to whole 2 MiB pages, all advised,
/// so that it lies in huge pages. advise_huge_pages alone covers only the whole 2 MiB pages
/// inside an allocation: England's symbol table, exactly 2 MiB, got none and cost 512 page
/// faults and as many TLB entries. Smaller allocations are ordinary ones.
void* allocate_huge(std::size_t bytes);
void free_huge(void* p, std::size_t bytes);

template <typename T>
struct HugePageAllocator {
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "aligned as operator new aligns");
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_huge(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) { free_huge(p, n * sizeof(T)); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace govmap
