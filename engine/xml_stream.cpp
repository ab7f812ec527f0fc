#include "engine/xml_stream.h"

namespace govmap {

XmlStream::XmlStream(XmlDocument& doc, std::string_view text) : doc_(doc) {
  if (!doc_.prepare_streamed(text)) {
    progress_.ready.store(kEnded, std::memory_order_relaxed);  // given up: read_whole_ is false
    return;
  }
  parser_ = std::thread([this] {
    try {
      read_whole_ = doc_.load_streamed(progress_);
    } catch (...) {  // out of memory: given up here, and met again where it is parsed first
      read_whole_ = false;
    }
    progress_.ready.store(kEnded, std::memory_order_release);
    progress_.ready.notify_all();
  });
}

XmlStream::~XmlStream() {
  if (!parser_.joinable()) return;
  progress_.cancel.store(true, std::memory_order_relaxed);
  parser_.join();
}

std::uint32_t XmlStream::wait_for(std::uint32_t index) {
  std::uint32_t ready = progress_.ready.load(std::memory_order_acquire);
  while (ready <= index) {
    progress_.ready.wait(ready, std::memory_order_acquire);
    ready = progress_.ready.load(std::memory_order_acquire);
  }
  if (ready == kEnded && !read_whole_) throw Abandoned{};
  return ready;
}

XmlNode XmlStream::node(std::uint32_t index) {
  if (index == XmlDocument::kNone) return {};
  wait_for(index);
  return XmlNode(&doc_, index);
}

XmlNode XmlStream::document_element() {
  // The fast parser keeps no comment, instruction or declaration, so the document element is
  // the first node after the document's own, unless text comes first (an error parse_xml
  // words) or there is none.
  const bool ended = wait_for(1) == kEnded;
  if ((ended && doc_.nodes_.size() < 2) || doc_.node(1).type != XmlNodeType::Element) {
    throw Abandoned{};
  }
  return XmlNode(&doc_, 1);
}

XmlNode XmlStream::first_child(const XmlNode& document_element) {
  // The parser tells its first child at once; until then the element itself may still be open.
  wait_for(document_element.index_);
  return node(doc_.node(document_element.index_).first_child);
}

XmlNode XmlStream::next_sibling(const XmlNode& child) {
  return node(doc_.node(child.index_).next_sibling);
}

void XmlStream::finish() {
  if (parser_.joinable()) parser_.join();
  if (!read_whole_) throw Abandoned{};
  if (doc_.node(0).first_child != 1 || doc_.node(1).next_sibling != XmlDocument::kNone) throw Abandoned{};
}

}  // namespace govmap
