#pragma once
// A flat, read-only XML document: nodes and attributes in two arrays, names and values as views
// into the text it was parsed from (which it does not copy and which must outlive it). Only a
// value that needs decoding (an entity, a character reference, a line end or tab to normalise)
// is decoded into an arena of the document's own.
//
// load() gives exactly the document pugixml gives with parse_default | parse_doctype |
// parse_fragment (UTF-8): a fast parser reads the forms models are written in, and whenever it
// meets anything else, or any error, the text is parsed with pugixml and its document converted,
// so that pugixml stays the reference for every input and every error message.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/memory.h"

namespace govmap {

/// The kinds of node kept: comments, processing instructions and the XML declaration are not.
enum class XmlNodeType : std::uint8_t { Null, Document, Element, Pcdata, Cdata, Doctype };

/// A syntax error as pugixml reports it: its description and the byte offset it points at.
struct XmlSyntaxError {
  std::string description;
  std::ptrdiff_t offset = 0;
};

class XmlDocument;
class XmlNode;

/// How far a parse running on a thread of its own has got (engine/xml_stream.h): every node
/// before index `ready` is final, its subtree and next sibling included.
struct XmlParseProgress {
  std::atomic<std::uint32_t> ready{0};
  /// Asks the parser to stop (its result is then not wanted).
  std::atomic<bool> cancel{false};
};

/// One attribute of an element; false when there is none.
class XmlAttribute {
 public:
  XmlAttribute() = default;
  XmlAttribute(const XmlDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
  explicit operator bool() const { return doc_ != nullptr; }
  std::string_view name() const;
  std::string_view value() const;

 private:
  const XmlDocument* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

/// Iterates a node's children (`Sibling`) or an element's attributes.
template <typename Handle, bool Sibling>
class XmlRange {
 public:
  class iterator {
   public:
    iterator(const XmlDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
    Handle operator*() const { return Handle(doc_, index_); }
    iterator& operator++();
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    const XmlDocument* doc_;
    std::uint32_t index_;
  };
  XmlRange(iterator begin, iterator end) : begin_(begin), end_(end) {}
  iterator begin() const { return begin_; }
  iterator end() const { return end_; }

 private:
  iterator begin_, end_;
};

/// A node of a document (the subset of pugi::xml_node govmap uses); false when there is none.
/// An element's value and a text node's name are empty, as in pugixml.
class XmlNode {
 public:
  XmlNode() = default;
  XmlNode(const XmlDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
  explicit operator bool() const { return doc_ != nullptr; }
  XmlNodeType type() const;
  std::string_view name() const;
  std::string_view value() const;
  XmlNode parent() const;
  XmlNode first_child() const;
  XmlNode next_sibling() const;
  /// The next sibling named `name`.
  XmlNode next_sibling(std::string_view name) const;
  XmlRange<XmlNode, true> children() const;
  XmlRange<XmlAttribute, false> attributes() const;
  /// The first attribute named `name`.
  XmlAttribute attribute(std::string_view name) const;
  /// A text node's value, or the value of an element's first text (PCDATA or CDATA) child; empty
  /// when it has none (pugixml's text().get()).
  std::string_view text() const;
  /// What pugixml's offset_debug() gives: the byte offset of an element's name, of a text
  /// node's value; -1 when unknown.
  std::ptrdiff_t offset() const;

 private:
  friend class XmlDocument;
  friend class XmlStream;
  const XmlDocument* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

/// A parsed document; see the comment at the top of this file.
class XmlDocument {
 public:
  XmlDocument() = default;
  // Readers find the arrays through pointers (at_) that a copy or move would leave behind.
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;
  /// Parses `text`, which must outlive the document; the error pugixml reports when it is not
  /// well-formed.
  std::optional<XmlSyntaxError> load(std::string_view text);
  /// The fast parser alone: false when it gave up (the document is then empty).
  bool load_fast(std::string_view text);
  /// The fast parser in two steps, for a reader on another thread (engine/xml_stream.h): room
  /// for the whole document made on the reader's thread (whose heap then serves what it
  /// allocates later), false when the fast parser would give up at once; then the parse,
  /// telling `progress` as it goes. The arrays never move while it parses; when it gives up,
  /// the document keeps what was read (the reader may be looking at it) and is not to be used.
  bool prepare_streamed(std::string_view text);
  bool load_streamed(XmlParseProgress& progress);
  /// The reference alone: pugixml's document converted.
  std::optional<XmlSyntaxError> load_reference(std::string_view text);

  /// The document node, whose children are the top-level nodes.
  XmlNode root() const { return XmlNode(this, 0); }
  XmlRange<XmlNode, true> children() const { return root().children(); }
  /// The first top-level element (none when there is none).
  XmlNode document_element() const;
  std::size_t node_count() const { return nodes_.size(); }  // not while streamed
  /// Whether the last load() was read by the fast parser (for tests and benchmarks).
  bool fast() const { return fast_; }

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  friend class XmlNode;
  friend class XmlAttribute;
  friend class XmlRange<XmlNode, true>::iterator;
  friend class XmlRange<XmlAttribute, false>::iterator;
  friend class FastXmlParser;
  friend class ReferenceXmlReader;
  friend class XmlStream;

  // Decoded names and values, appended. Once fixed (for a reader on another thread), room for
  // `capacity` bytes is mapped apart from the heap, touched only as written, and never moves:
  // reserving the whole text in the heap instead cost England's check 7 MB and 300 page faults.
  class Arena {
   public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() { unmap(); }
    void clear();
    void fix(std::size_t capacity);
    const char* data() const { return fixed_ != nullptr ? fixed_ : growing_.data(); }
    std::size_t size() const { return fixed_ != nullptr ? fixed_size_ : growing_.size(); }
    void append(const char* bytes, std::size_t count) {
      if (fixed_ == nullptr) {
        growing_.append(bytes, count);
        return;
      }
      // The caller made room for all it can decode; past it, the bytes would have to move.
      if (count > capacity_ - fixed_size_) overflow();
      std::memcpy(fixed_ + fixed_size_, bytes, count);
      fixed_size_ += count;
    }
    void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }
    Arena& operator+=(char c) {
      append(&c, 1);
      return *this;
    }

   private:
    void unmap();
    [[noreturn]] static void overflow();
    std::string growing_;
    char* fixed_ = nullptr;
    std::size_t fixed_size_ = 0, capacity_ = 0;
  };

  // A piece of the text, or of the arena when `begin` has kInArena set.
  struct Span {
    std::uint32_t begin = 0, size = 0;
  };
  static constexpr std::uint32_t kInArena = 0x80000000u;
  struct NodeData {
    Span name, value;
    std::uint32_t parent = kNone, first_child = kNone, next_sibling = kNone;
    std::uint32_t first_attribute = 0, attribute_count = 0;
    std::uint32_t offset = kNone;
    XmlNodeType type = XmlNodeType::Null;
  };
  // No offset: an attribute's place is found, when a message needs it, by scanning its element's
  // start tag (attribute_location), and a million links' six million attributes are 24 MB less.
  struct AttributeData {
    Span name, value;
  };

  void clear(std::string_view text);
  // Points readers at the arrays (at_), once they no longer move.
  void place();
  std::string_view view(Span span) const {
    const char* base = (span.begin & kInArena) != 0 ? at_.arena + (span.begin & ~kInArena)
                                                   : at_.text + span.begin;
    return {base, span.size};
  }
  const NodeData& node(std::uint32_t index) const { return at_.nodes[index]; }
  const AttributeData& attribute(std::uint32_t index) const { return at_.attributes[index]; }
  // Copies `value` into the arena.
  Span store(std::string_view value);

  // Where readers find the text and the arrays: on a cache line apart from the vectors, whose
  // ends move with every node and attribute the parser adds. A reader on another thread
  // (engine/xml_stream.h) going through the vectors would pull their line back and forth with
  // each, which made a streamed parse four times slower.
  struct alignas(64) Arrays {
    const char* text = nullptr;
    const char* arena = nullptr;
    const NodeData* nodes = nullptr;
    const AttributeData* attributes = nullptr;
  };
  Arrays at_;
  alignas(64) std::string_view text_;
  Arena arena_;
  HugePageVector<NodeData> nodes_;
  HugePageVector<AttributeData> attributes_;
  bool fast_ = false;
};

// Inline: the loader asks these of every element and attribute it reads.
inline std::string_view XmlAttribute::name() const {
  return doc_ ? doc_->view(doc_->attribute(index_).name) : "";
}

inline std::string_view XmlAttribute::value() const {
  return doc_ ? doc_->view(doc_->attribute(index_).value) : "";
}

inline XmlNodeType XmlNode::type() const {
  return doc_ ? doc_->node(index_).type : XmlNodeType::Null;
}

inline std::string_view XmlNode::name() const {
  return doc_ ? doc_->view(doc_->node(index_).name) : "";
}

template <typename Handle, bool Sibling>
typename XmlRange<Handle, Sibling>::iterator& XmlRange<Handle, Sibling>::iterator::operator++() {
  if constexpr (Sibling) {
    index_ = doc_->node(index_).next_sibling;
  } else {
    ++index_;
  }
  return *this;
}

}  // namespace govmap
