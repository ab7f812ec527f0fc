#pragma once
// Reading a large document while it is parsed. The fast parser (engine/xml_doc.h) runs on a
// thread of its own and the reader follows it through the document element's children, each
// handed over once the parser has read past it, so that on two cores the parse of a big file
// costs the reader little: England's geography (5.8 MB) parses in about half the time its
// 34,000 areas take to read.
//
// Only the fast parser streams. When it gives up (on a form it leaves to pugixml, or on any
// error), the document is not the one XmlDocument::load would give, and what was read from it
// must be read again: XmlStream::Abandoned is thrown where the reader waits or finishes, and
// load_model then reads the model again without streaming, so that every message is as it
// would have been.

#include <cstdint>
#include <string_view>
#include <thread>

#include "engine/xml_doc.h"

namespace govmap {

class XmlStream {
 public:
  /// The parse gave up, or the text is not a document that streams (see above).
  struct Abandoned {};

  /// Files this large and larger are worth a thread (about a millisecond of parsing).
  static constexpr std::size_t kWorthwhile = 512 << 10;

  /// Starts parsing `text` (which must outlive the stream) into `doc`, which the stream's
  /// methods then hand out part by part. Throws std::system_error when no thread can be started.
  XmlStream(XmlDocument& doc, std::string_view text);
  /// Stops the parser and waits for it.
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  /// The document element, once its start tag is read.
  XmlNode document_element();
  /// The children of the document element, each once read whole (none when `node` is not the
  /// document element or one of its children).
  XmlNode first_child(const XmlNode& document_element);
  XmlNode next_sibling(const XmlNode& child);
  /// Waits for the parser to end; throws Abandoned unless it read the whole text, and when the
  /// top level holds more than the document element (left to parse_xml to report).
  void finish();

 private:
  // Waits until node `index` is final, or the parse has ended (kEnded, returned); throws
  // Abandoned when the parser gave up.
  std::uint32_t wait_for(std::uint32_t index);
  XmlNode node(std::uint32_t index);

  static constexpr std::uint32_t kEnded = 0xFFFFFFFFu;
  XmlDocument& doc_;
  XmlParseProgress progress_;
  bool read_whole_ = false;  // written by the parser before it stores kEnded
  std::thread parser_;
};

}  // namespace govmap
