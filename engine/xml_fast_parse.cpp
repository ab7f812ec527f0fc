// The fast parser behind XmlDocument::load (engine/xml_doc.h). It reads elements, attributes,
// text, CDATA sections, comments and processing instructions as pugixml does with
// parse_default | parse_doctype | parse_fragment, and gives up (returns false) on anything else:
// a DOCTYPE, a character reference it does not decode exactly as pugixml would, any error, and
// any construct that the end of the text cuts short (pugixml treats the last byte specially
// there). Giving up is always safe: load() then parses with pugixml, the reference.

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "engine/xml_doc.h"
#include "engine/xml_scan.h"

namespace govmap {
namespace {

using xml_scan::is;
using xml_scan::kSpace;
using xml_scan::kStart;
using xml_scan::kSymbol;

// Whether XML 1.0 allows the character (production [2] Char); pugixml decodes others too, but
// parse_xml refuses them before parsing, so the fast parser leaves them to pugixml.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Appends `c` in UTF-8, as pugixml's utf8_writer does.
template <typename Out>
void append_utf8(Out& out, std::uint32_t c) {
  const auto byte = [](std::uint32_t b) {
    return static_cast<char>(static_cast<unsigned char>(b));
  };
  if (c < 0x80) {
    out += byte(c);
  } else if (c < 0x800) {
    out += byte(0xC0 | (c >> 6));
    out += byte(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += byte(0xE0 | (c >> 12));
    out += byte(0x80 | ((c >> 6) & 0x3F));
    out += byte(0x80 | (c & 0x3F));
  } else {
    out += byte(0xF0 | (c >> 18));
    out += byte(0x80 | ((c >> 12) & 0x3F));
    out += byte(0x80 | ((c >> 6) & 0x3F));
    out += byte(0x80 | (c & 0x3F));
  }
}

// How many '<' and '=' the text holds (bounds on its nodes and attributes), and whether it holds
// a NUL, in one pass: sixteen bytes at a time where SSE2 is there.
struct MarkupCounts {
  std::size_t angles = 0, equals = 0;
  bool nul = false;
};

MarkupCounts count_markup(const char* text, std::size_t size) {
  MarkupCounts counts;
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  const __m128i angle = _mm_set1_epi8('<'), equal = _mm_set1_epi8('='), zero = _mm_setzero_si128();
  const auto sum = [&](__m128i bytes) {
    const __m128i sums = _mm_sad_epu8(bytes, zero);
    return static_cast<std::size_t>(_mm_cvtsi128_si64(sums) +
                                    _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  };
  __m128i nuls = zero;
  while (i + 16 <= size) {
    // Byte counters, added up before any can pass 255.
    __m128i angles = zero, equals = zero;
    for (int block = 0; block < 255 && i + 16 <= size; ++block, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
      angles = _mm_sub_epi8(angles, _mm_cmpeq_epi8(bytes, angle));
      equals = _mm_sub_epi8(equals, _mm_cmpeq_epi8(bytes, equal));
      nuls = _mm_or_si128(nuls, _mm_cmpeq_epi8(bytes, zero));
    }
    counts.angles += sum(angles);
    counts.equals += sum(equals);
  }
  counts.nul = _mm_movemask_epi8(nuls) != 0;
#endif
  for (; i < size; ++i) {
    counts.angles += text[i] == '<' ? 1 : 0;
    counts.equals += text[i] == '=' ? 1 : 0;
    counts.nul = counts.nul || text[i] == '\0';
  }
  return counts;
}

}  // namespace

/// Parses one text into an XmlDocument; see the comment at the top of this file.
class FastXmlParser {
 public:
  FastXmlParser(XmlDocument& doc, std::string_view text, XmlParseProgress* progress = nullptr)
      : doc_(doc), t_(text.data()), n_(text.size()), progress_(progress) {}

  bool parse() { return prepare() && run(); }

  // Makes room in the document for every node and attribute at once (in huge pages when large):
  // no regrowth (two copies) while reading. Every element has its '<' and every attribute its
  // '='; only text between elements (mixed content, which models do not have) makes more nodes.
  // False when the parser would give up at once.
  bool prepare() {
    if (n_ >= XmlDocument::kInArena) return false;  // offsets would not fit
    if (n_ >= 3 && std::memcmp(t_, "\xEF\xBB\xBF", 3) == 0) return false;  // pugixml skips a BOM
    const MarkupCounts counts = count_markup(t_, n_);
    if (counts.nul) return false;  // pugixml ends the text at a NUL
    doc_.nodes_.reserve(counts.angles + 1);
    doc_.attributes_.reserve(counts.equals);
    doc_.place();  // the arrays move no more (nor the arena, reserved for a reader)
    return true;
  }

  // Reads the text into the prepared document.
  bool run() {
    doc_.nodes_.emplace_back().type = XmlNodeType::Document;
    open_.push_back({0, XmlDocument::kNone});
    while (i_ < n_) {
      // A reader on another thread must never see the arrays move: a streamed parse that would
      // outgrow them (mixed content) gives up, and the text is parsed again before it is read.
      if (progress_ != nullptr && (doc_.nodes_.size() == doc_.nodes_.capacity() ||
                                   progress_->cancel.load(std::memory_order_relaxed))) {
        return false;
      }
      if (!(t_[i_] == '<' ? tag() : text())) return false;
    }
    return open_.size() == 1;  // every element closed
  }

 private:
  using Span = XmlDocument::Span;
  struct Open {
    std::uint32_t node, last_child;
  };

  static std::uint32_t u32(std::size_t value) { return static_cast<std::uint32_t>(value); }
  Span text_span(std::size_t begin, std::size_t end) const {
    return {u32(begin), u32(end - begin)};
  }

  // Appends a node as the last child of the innermost open element.
  XmlDocument::NodeData& add(XmlNodeType type, std::size_t offset) {
    const auto index = u32(doc_.nodes_.size());
    Open& parent = open_.back();
    auto& node = doc_.nodes_.emplace_back();
    node.type = type;
    node.parent = parent.node;
    node.offset = u32(offset);
    if (parent.last_child == XmlDocument::kNone) {
      doc_.nodes_[parent.node].first_child = index;
    } else {
      doc_.nodes_[parent.last_child].next_sibling = index;
    }
    parent.last_child = index;
    if (progress_ != nullptr && open_.size() == 2) publish(index);
    return doc_.nodes_.back();
  }

  // A child of the document element begins at `index`: every node before it is final (the
  // previous child's subtree closed, its next sibling now set). Told in batches, and at once
  // for the first child, which also makes the document element itself final.
  void publish(std::uint32_t index) {
    static constexpr std::uint32_t kBatch = 512;
    if (published_ != 0 && index - published_ < kBatch) return;
    published_ = index;
    progress_->ready.store(index, std::memory_order_release);
    progress_->ready.notify_all();
  }

  // Most calls find no whitespace at all, which one byte settles here.
  std::size_t skip_space(std::size_t p) const {
    return p < n_ && is(t_[p], kSpace) ? xml_scan::skip_space(t_, p + 1, n_) : p;
  }
  std::size_t skip_name(std::size_t p) const { return xml_scan::skip_name(t_, p, n_); }
  bool at(std::size_t p, std::string_view what) const {
    return p + what.size() <= n_ && std::memcmp(t_ + p, what.data(), what.size()) == 0;
  }
  std::size_t find(std::size_t from, std::string_view what) const {
    const std::size_t found = std::string_view(t_, n_).find(what, from);
    return found == std::string_view::npos ? n_ : found;
  }

  // Text up to the next '<'. Whitespace alone makes no node; text that the end of the file ends
  // is left to pugixml, which drops its last byte.
  bool text() {
    const std::size_t begin = i_;
    const std::size_t first = skip_space(begin);  // most text between elements is indentation
    if (first == n_ || t_[first] == '<') {
      i_ = first;
      return true;
    }
    const void* lt = std::memchr(t_ + first, '<', n_ - first);
    if (lt == nullptr) return false;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(lt) - t_);
    i_ = end;
    const auto value = decode(begin, end, false);
    if (!value) return false;
    add(XmlNodeType::Pcdata, begin).value = *value;
    return true;
  }

  // The value of text (pcdata) or an attribute (in_attribute) in [begin, end): a view of the text
  // when nothing needs decoding, else decoded into the arena.
  std::optional<Span> decode(std::size_t begin, std::size_t end, bool in_attribute) {
    std::size_t p = begin;
    const auto special = [&](char c) {
      return c == '&' || c == '\r' || (in_attribute && (c == '\n' || c == '\t'));
    };
    // A plain run: what find_value_stop stops at (a quote, '&', a byte below 0x20) and special()
    // does not is plain, and so is every byte that it passes.
    const auto run_end = [&](std::size_t from) {
      std::size_t q = xml_scan::find_value_stop(t_, from, end);
      while (q < end && !special(t_[q])) q = xml_scan::find_value_stop(t_, q + 1, end);
      return q;
    };
    p = run_end(p);
    if (p == end) return text_span(begin, end);
    XmlDocument::Arena& arena = doc_.arena_;
    const std::size_t start = arena.size();
    arena.append(t_ + begin, p - begin);
    while (p < end) {
      const char c = t_[p];
      if (c == '\r') {
        arena += in_attribute ? ' ' : '\n';
        p += (p + 1 < end && t_[p + 1] == '\n') ? 2 : 1;
      } else if (in_attribute && (c == '\n' || c == '\t')) {
        arena += ' ';
        ++p;
      } else if (c == '&') {
        const std::size_t used = entity(p, end);
        if (used == 0) return std::nullopt;
        p += used;
      } else {
        const std::size_t run = run_end(p + 1);
        arena.append(t_ + p, run - p);
        p = run;
      }
    }
    if (arena.size() >= XmlDocument::kInArena) return std::nullopt;
    return Span{u32(start) | XmlDocument::kInArena, u32(arena.size() - start)};
  }

  // Decodes the reference at p (an '&') into the arena; the bytes it took, 0 to give up. An
  // unknown entity is kept as written, as pugixml does.
  std::size_t entity(std::size_t p, std::size_t end) {
    XmlDocument::Arena& arena = doc_.arena_;
    static constexpr std::array<std::pair<std::string_view, char>, 5> kNamed = {
        {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}}};
    for (const auto& [name, c] : kNamed) {
      if (p + name.size() <= end && std::memcmp(t_ + p, name.data(), name.size()) == 0) {
        arena += c;
        return name.size();
      }
    }
    if (p + 1 >= end || t_[p + 1] != '#') {
      arena += '&';
      return 1;
    }
    // &#N; or &#xN; with one to eight digits, for a character XML allows; pugixml decodes
    // others differently (or not at all), so they are left to it.
    const bool hex = p + 2 < end && t_[p + 2] == 'x';
    std::size_t q = p + (hex ? 3 : 2);
    const std::size_t first = q;
    std::uint32_t code = 0;
    for (; q < end && q - first < 9; ++q) {
      const char c = t_[q];
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        digit = static_cast<std::uint32_t>((c | ' ') - 'a' + 10);
      } else {
        break;
      }
      code = code * (hex ? 16u : 10u) + digit;
    }
    if (q == first || q - first > 8 || q >= end || t_[q] != ';' || !is_xml_char(code)) return 0;
    append_utf8(arena, code);
    return q + 1 - p;
  }

  bool tag() {
    if (i_ + 1 >= n_) return false;
    const char c = t_[i_ + 1];
    if (is(c, kStart)) return element();
    if (c == '/') return end_tag();
    if (c == '?') return instruction();
    if (at(i_, "<!--")) return skip_past(i_ + 4, "-->");
    if (at(i_, "<![CDATA[")) return cdata();
    return false;  // a DOCTYPE, or not well-formed
  }

  bool skip_past(std::size_t from, std::string_view close) {
    const std::size_t found = find(from, close);
    if (found == n_) return false;
    i_ = found + close.size();
    return true;
  }

  // <?target ... ?> (the XML declaration too): dropped.
  bool instruction() {
    if (i_ + 2 >= n_ || !is(t_[i_ + 2], kStart)) return false;
    const std::size_t target_end = skip_name(i_ + 2);
    return target_end < n_ && skip_past(target_end, "?>");
  }

  // <![CDATA[...]]>, kept with line ends normalised.
  bool cdata() {
    const std::size_t begin = i_ + 9;
    const std::size_t end = find(begin, "]]>");
    if (end == n_) return false;
    Span value = text_span(begin, end);
    if (std::memchr(t_ + begin, '\r', end - begin) != nullptr) {
      XmlDocument::Arena& arena = doc_.arena_;
      const std::size_t start = arena.size();
      for (std::size_t p = begin; p < end; ++p) {
        if (t_[p] != '\r') {
          arena += t_[p];
        } else {
          arena += '\n';
          if (p + 1 < end && t_[p + 1] == '\n') ++p;
        }
      }
      if (arena.size() >= XmlDocument::kInArena) return false;
      value = {u32(start) | XmlDocument::kInArena, u32(arena.size() - start)};
    }
    add(XmlNodeType::Cdata, begin).value = value;
    i_ = end + 3;
    return true;
  }

  bool element() {
    const std::size_t name_begin = i_ + 1;
    const std::size_t name_end = skip_name(name_begin);
    const auto index = u32(doc_.nodes_.size());
    {
      auto& node = add(XmlNodeType::Element, name_begin);
      node.name = text_span(name_begin, name_end);
      node.first_attribute = u32(doc_.attributes_.size());
    }
    std::size_t p = name_end;
    if (p < n_ && is(t_[p], kSpace) && !attributes(p)) return false;
    doc_.nodes_[index].attribute_count =
        u32(doc_.attributes_.size()) - doc_.nodes_[index].first_attribute;
    if (p + 1 < n_ && t_[p] == '/' && t_[p + 1] == '>') {
      i_ = p + 2;
      return true;
    }
    if (p < n_ && t_[p] == '>') {
      i_ = p + 1;
      open_.push_back({index, XmlDocument::kNone});
      return true;
    }
    return false;
  }

  // name="value" pairs from p to the '/' or '>' that ends the start tag, where p is left.
  bool attributes(std::size_t& p) {
    while (true) {
      p = skip_space(p);
      if (p >= n_ || !is(t_[p], kStart)) return true;  // the caller checks for '/>' or '>'
      const std::size_t name_begin = p;
      const std::size_t name_end = skip_name(p);
      p = skip_space(name_end);
      if (p >= n_ || t_[p] != '=') return false;
      p = skip_space(p + 1);
      if (p >= n_ || (t_[p] != '"' && t_[p] != '\'')) return false;
      const char quote = t_[p];
      const std::size_t value_begin = p + 1;
      // Up to the quote; a value that stops short of it at what may need decoding (or at another
      // byte below 0x20, which decode() keeps as it is) is decoded. The other quote is plain.
      const char other_quote = quote == '"' ? '\'' : '"';
      std::size_t q = xml_scan::find_value_stop(t_, value_begin, n_);
      while (q < n_ && t_[q] == other_quote) q = xml_scan::find_value_stop(t_, q + 1, n_);
      const bool plain = q < n_ && t_[q] == quote;
      if (!plain && q < n_) {
        const void* found = std::memchr(t_ + q, quote, n_ - q);
        q = found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - t_) : n_;
      }
      if (q >= n_) return false;
      const auto value = plain ? text_span(value_begin, q) : decode(value_begin, q, true);
      if (!value) return false;
      doc_.attributes_.push_back({text_span(name_begin, name_end), *value});
      p = q + 1;
      if (p >= n_ || is(t_[p], kStart)) return false;  // pugixml wants a space between attributes
    }
  }

  bool end_tag() {
    const Open& current = open_.back();
    if (open_.size() == 1) return false;
    const std::size_t name_begin = i_ + 2;
    const std::size_t name_end = skip_name(name_begin);
    const Span open = doc_.nodes_[current.node].name;  // a name is always in the text
    const std::string_view open_name(t_ + open.begin, open.size);
    if (std::string_view(t_ + name_begin, name_end - name_begin) != open_name) return false;
    const std::size_t p = skip_space(name_end);
    if (p >= n_ || t_[p] != '>') return false;
    i_ = p + 1;
    open_.pop_back();
    return true;
  }

  XmlDocument& doc_;
  const char* t_;
  std::size_t n_;
  std::size_t i_ = 0;
  std::vector<Open> open_;  // the document, then each element not yet closed
  XmlParseProgress* progress_;
  std::uint32_t published_ = 0;
};

bool XmlDocument::load_fast(std::string_view text) {
  clear(text);
  fast_ = FastXmlParser(*this, text).parse();
  if (fast_) {
    place();  // the arena may have moved
  } else {
    clear(text);
  }
  return fast_;
}

bool XmlDocument::prepare_streamed(std::string_view text) {
  clear(text);
  // Decoding only ever shortens a value, so the arena never outgrows the text: with room for
  // the whole text, it never moves under the reader.
  arena_.fix(text.size());
  return FastXmlParser(*this, text).prepare();
}

bool XmlDocument::load_streamed(XmlParseProgress& progress) {
  fast_ = FastXmlParser(*this, text_, &progress).run();
  return fast_;
}

}  // namespace govmap
