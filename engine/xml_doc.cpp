#include "engine/xml_doc.h"

#include <cstring>
#include <new>
#include <stdexcept>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <pugixml.hpp>

namespace govmap {

std::string_view XmlNode::value() const {
  return doc_ ? doc_->view(doc_->node(index_).value) : "";
}

namespace {
XmlNode handle(const XmlDocument* doc, std::uint32_t index) {
  return index == XmlDocument::kNone ? XmlNode() : XmlNode(doc, index);
}
}  // namespace

XmlNode XmlNode::parent() const {
  return doc_ ? handle(doc_, doc_->node(index_).parent) : XmlNode();
}

XmlNode XmlNode::first_child() const {
  return doc_ ? handle(doc_, doc_->node(index_).first_child) : XmlNode();
}

XmlNode XmlNode::next_sibling() const {
  return doc_ ? handle(doc_, doc_->node(index_).next_sibling) : XmlNode();
}

XmlNode XmlNode::next_sibling(std::string_view name) const {
  for (XmlNode node = next_sibling(); node; node = node.next_sibling()) {
    if (node.name() == name) return node;
  }
  return {};
}

XmlRange<XmlNode, true> XmlNode::children() const {
  using It = XmlRange<XmlNode, true>::iterator;
  const std::uint32_t first = doc_ ? doc_->node(index_).first_child : XmlDocument::kNone;
  return {It(doc_, first), It(doc_, XmlDocument::kNone)};
}

XmlRange<XmlAttribute, false> XmlNode::attributes() const {
  using It = XmlRange<XmlAttribute, false>::iterator;
  if (!doc_) return {It(nullptr, 0), It(nullptr, 0)};
  const auto& node = doc_->node(index_);
  return {It(doc_, node.first_attribute), It(doc_, node.first_attribute + node.attribute_count)};
}

XmlAttribute XmlNode::attribute(std::string_view name) const {
  for (XmlAttribute attribute : attributes()) {
    if (attribute.name() == name) return attribute;
  }
  return {};
}

std::string_view XmlNode::text() const {
  const auto is_text = [](XmlNodeType type) {
    return type == XmlNodeType::Pcdata || type == XmlNodeType::Cdata;
  };
  if (is_text(type())) return value();
  for (XmlNode child : children()) {
    if (is_text(child.type())) return child.value();
  }
  return {};
}

std::ptrdiff_t XmlNode::offset() const {
  const std::uint32_t offset = doc_ ? doc_->node(index_).offset : XmlDocument::kNone;
  return offset == XmlDocument::kNone ? -1 : static_cast<std::ptrdiff_t>(offset);
}

XmlNode XmlDocument::document_element() const {
  for (XmlNode node : children()) {
    if (node.type() == XmlNodeType::Element) return node;
  }
  return {};
}

void XmlDocument::Arena::clear() {
  growing_.clear();
  unmap();
}

void XmlDocument::Arena::fix(std::size_t capacity) {
  clear();
  if (capacity == 0) capacity = 1;
#if defined(__linux__)
  void* p = ::mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  fixed_ = static_cast<char*>(p);
#else
  fixed_ = new char[capacity];
#endif
  capacity_ = capacity;
}

void XmlDocument::Arena::unmap() {
  if (fixed_ == nullptr) return;
#if defined(__linux__)
  ::munmap(fixed_, capacity_);
#else
  delete[] fixed_;
#endif
  fixed_ = nullptr;
  fixed_size_ = capacity_ = 0;
}

void XmlDocument::Arena::overflow() { throw std::length_error("XML arena full"); }

void XmlDocument::clear(std::string_view text) {
  text_ = text;
  arena_.clear();
  nodes_.clear();
  attributes_.clear();
  fast_ = false;
  place();
}

void XmlDocument::place() {
  at_ = {text_.data(), arena_.data(), nodes_.data(), attributes_.data()};
}

XmlDocument::Span XmlDocument::store(std::string_view value) {
  if (value.empty()) return {};
  const auto begin = static_cast<std::uint32_t>(arena_.size());
  arena_.append(value);
  return {begin | kInArena, static_cast<std::uint32_t>(value.size())};
}

std::optional<XmlSyntaxError> XmlDocument::load(std::string_view text) {
  if (load_fast(text)) return std::nullopt;
  return load_reference(text);
}

/// Converts pugixml's document into an XmlDocument, names and values copied into its arena.
class ReferenceXmlReader {
 public:
  explicit ReferenceXmlReader(XmlDocument& doc) : doc_(doc) {}

  void read(const pugi::xml_document& source) {
    doc_.nodes_.emplace_back().type = XmlNodeType::Document;
    last_child_.push_back(XmlDocument::kNone);
    // Document order without recursion (pugixml sets no depth limit): down to the first child,
    // else on to the next sibling of the nearest node that has one.
    std::uint32_t parent = 0;
    for (pugi::xml_node node = source.first_child(); node;) {
      const std::uint32_t index = add(node, parent);
      if (index != XmlDocument::kNone && node.first_child()) {
        parent = index;
        node = node.first_child();
        continue;
      }
      while (node && !node.next_sibling()) {
        node = node.parent();
        if (node.type() == pugi::node_document) return;
        parent = doc_.nodes_[parent].parent;
      }
      node = node.next_sibling();
    }
  }

 private:
  static XmlNodeType type_of(pugi::xml_node_type type) {
    switch (type) {
      case pugi::node_element: return XmlNodeType::Element;
      case pugi::node_pcdata: return XmlNodeType::Pcdata;
      case pugi::node_cdata: return XmlNodeType::Cdata;
      case pugi::node_doctype: return XmlNodeType::Doctype;
      default: return XmlNodeType::Null;  // comments, instructions, declarations: not kept
    }
  }

  // Appends `node` as the last child of `parent`; kNone when its kind is not kept.
  std::uint32_t add(const pugi::xml_node& node, std::uint32_t parent) {
    const XmlNodeType type = type_of(node.type());
    if (type == XmlNodeType::Null) return XmlDocument::kNone;
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    XmlDocument::NodeData data;
    data.type = type;
    data.name = doc_.store(node.name());
    data.value = doc_.store(node.value());
    data.parent = parent;
    const std::ptrdiff_t offset = node.offset_debug();
    data.offset = offset < 0 ? XmlDocument::kNone : static_cast<std::uint32_t>(offset);
    data.first_attribute = static_cast<std::uint32_t>(doc_.attributes_.size());
    for (const pugi::xml_attribute attribute : node.attributes()) {
      XmlDocument::AttributeData a;
      a.name = doc_.store(attribute.name());
      a.value = doc_.store(attribute.value());
      doc_.attributes_.push_back(a);
    }
    data.attribute_count =
        static_cast<std::uint32_t>(doc_.attributes_.size()) - data.first_attribute;
    doc_.nodes_.push_back(data);
    last_child_.push_back(XmlDocument::kNone);
    if (last_child_[parent] == XmlDocument::kNone) {
      doc_.nodes_[parent].first_child = index;
    } else {
      doc_.nodes_[last_child_[parent]].next_sibling = index;
    }
    last_child_[parent] = index;
    return index;
  }

  XmlDocument& doc_;
  std::vector<std::uint32_t> last_child_;  // by node, while reading
};

std::optional<XmlSyntaxError> XmlDocument::load_reference(std::string_view text) {
  clear(text);
  if (text.size() >= kInArena) return XmlSyntaxError{"file too large", 0};
  pugi::xml_document source;
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment;
  const auto result = source.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) return XmlSyntaxError{result.description(), result.offset};
  ReferenceXmlReader(*this).read(source);
  place();
  return std::nullopt;
}

}  // namespace govmap
