#include "engine/xml_input.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "engine/text.h"
#include "engine/text_scan.h"

namespace govmap {
namespace {

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 30;  // 1 GiB

Diagnostic& report_at(DiagnosticSink& sink, const SourceFiles* files, Location at,
                      const std::string& path, std::string message, std::string code) {
  if (files != nullptr && at.valid()) return sink.error(*files, at, std::move(message), std::move(code));
  return sink.error(path, std::move(message), std::move(code));
}

// The words of a list, interned.
std::vector<Symbol> interned_words(std::string_view list) {
  std::vector<Symbol> out;
  out.reserve(count_words(list));
  each_word(list, [&](std::string_view word) { out.emplace_back(word); });
  return out;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

// The name of a Unicode encoding other than UTF-8 that the text's byte order mark announces.
const char* other_encoding(std::string_view text) {
  // UTF-32LE's mark begins with UTF-16LE's, so test the longer marks first.
  if (text.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return "UTF-32";
  if (text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return "UTF-32";
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") return "UTF-16";
  return nullptr;
}

// Whether XML 1.0 allows the character (production [2] Char).
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Money written as a reader would (£50m, 1.2bn, £50,000, 50 million) as a plain number, to
// suggest in place of it; nullopt when it is not that.
std::optional<double> written_money(std::string_view text) {
  if (text.starts_with("\xC2\xA3")) text.remove_prefix(2);  // £ in UTF-8
  std::string digits;
  std::size_t i = 0;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',' || text[i] == '.'); ++i) {
    if (text[i] != ',') digits += text[i];
  }
  std::string unit;
  for (const char c : text.substr(i)) {
    if (c != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const std::optional<double> number = parse_number(digits);
  if (!number) return std::nullopt;
  if (unit.empty()) return *number;
  if (unit == "k" || unit == "thousand") return *number * 1e3;
  if (unit == "m" || unit == "million") return *number * 1e6;
  if (unit == "bn" || unit == "billion") return *number * 1e9;
  return std::nullopt;
}

}  // namespace

// Comments, CDATA sections and processing instructions hold no references, so they are skipped.
bool check_character_references(const SourceFiles& files, std::uint32_t file, DiagnosticSink& sink) {
  const std::string_view text = files.text(file);
  if (text.find("&#") == std::string::npos) return true;  // no character reference at all
  bool ok = true;
  std::size_t pos = 0;
  while ((pos = text.find_first_of("<&", pos)) != std::string::npos) {
    const std::string_view rest = std::string_view(text).substr(pos);
    if (rest.starts_with("<!--") || rest.starts_with("<![CDATA[") || rest.starts_with("<?")) {
      const std::string_view close = rest[1] == '?' ? "?>" : rest[2] == '-' ? "-->" : "]]>";
      const std::size_t end = text.find(close, pos + 2);
      if (end == std::string::npos) break;  // the parser reports the unterminated section
      pos = end + close.size();
      continue;
    }
    if (!rest.starts_with("&#")) {
      ++pos;
      continue;
    }
    const bool hex = rest.size() > 2 && rest[2] == 'x';
    const std::size_t digits = hex ? 3 : 2;
    const std::size_t semicolon = rest.find(';');
    std::uint32_t code = 0;
    bool valid_number = semicolon != std::string_view::npos && semicolon > digits && semicolon - digits <= 8;
    for (std::size_t i = digits; valid_number && i < semicolon; ++i) {
      const char c = rest[i];
      const int value = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                               : -1;
      if (value < 0) valid_number = false;
      code = code * (hex ? 16u : 10u) + static_cast<std::uint32_t>(std::max(value, 0));
      if (code > 0x10FFFF) code = 0x110000;  // stays out of range, never wraps
    }
    if (valid_number && !is_xml_char(code)) {
      sink.error(files, files.locate(file, pos),
                 fmt::format("character reference '{}' stands for U+{:04X}, which XML does not allow "
                             "(a control character, a surrogate or not a character)",
                             rest.substr(0, semicolon + 1), code),
                 "xml-syntax");
      ok = false;
    }
    pos += 2;
  }
  return ok;
}

std::string near_file(const std::string& path, const std::string& written) {
  namespace fs = std::filesystem;
  const fs::path looked_at(path);
  const fs::path folder = looked_at.has_parent_path() ? looked_at.parent_path() : fs::path(".");
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end && names.size() < 4096; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());  // the folder's order is the file system's
  const std::string match = closest_match(looked_at.filename().string(), names);
  if (match.empty()) return "";
  const fs::path shown(written.empty() ? path : written);
  return fmt::format(" (did you mean '{}'?)", shown.has_parent_path() ? (shown.parent_path() / match).string() : match);
}

std::optional<std::uint32_t> read_source(const std::string& path, SourceFiles& files,
                                         DiagnosticSink& sink, const SourceFiles* from_files,
                                         Location from) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    report_at(sink, from_files, from, path, fmt::format("cannot open '{}': no such file{}", path, near_file(path)),
              "file-not-found");
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    // A nation's folder holds its model as model.xml.
    const std::string model = (fs::path(path) / "model.xml").string();
    const std::string hint = fs::is_regular_file(model, ec) ? fmt::format(" (did you mean '{}'?)", model) : "";
    report_at(sink, from_files, from, path, fmt::format("'{}' is a folder, not a model file{}", path, hint),
              "file-not-found");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    // A pipe (<(...), /dev/stdin) or a device: its size is unknown and it may never end.
    report_at(sink, from_files, from, path,
              fmt::format("'{}' is not a regular file; govmap reads its inputs from files (save a pipe's output to "
                          "a file first)", path),
              "file-not-found");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    report_at(sink, from_files, from, path,
              fmt::format("'{}' is {} bytes; input files are limited to 1 GiB", path, size),
              "file-too-large");
    return std::nullopt;
  }
  std::optional<FileText> mapped =
      ec ? std::nullopt : FileText::map(path, static_cast<std::size_t>(size));
  FileText content;
  if (mapped) {
    content = std::move(*mapped);
  } else {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in && !in.eof() && bytes.str().empty()) {
      report_at(sink, from_files, from, path, fmt::format("cannot read '{}'", path),
                "file-unreadable");
      return std::nullopt;
    }
    content = FileText(std::move(bytes).str());
  }
  std::string_view text = content.view();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    sink.error(path, "the file is empty; a model file needs a <govmap> root element", "empty-file");
    return std::nullopt;
  }
  if (const char* other = other_encoding(text)) {
    sink.error(path, fmt::format("the file is {}; govmap reads UTF-8 only", other), "encoding");
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) {
    content.string().replace(0, 3, "   ");  // keep columns
    text = content.view();
  }
  // Line starts, invalid UTF-8 and control characters in one pass.
  TextScan scan = scan_text(text);
  const auto bad = scan.invalid_utf8;
  const auto control = scan.control;
  const std::uint32_t file = files.add(path, std::move(content), std::move(scan.line_starts));
  if (bad) {
    sink.error(files, files.locate(file, *bad),
               fmt::format("invalid UTF-8 byte 0x{:02X}; govmap reads UTF-8 only",
                           static_cast<unsigned char>(files.text(file)[*bad])),
               "encoding");
    return std::nullopt;
  }
  if (control) {
    sink.error(files, files.locate(file, *control),
               fmt::format("control character U+{:04X} is not allowed in input files (only tab, "
                           "line feed and carriage return are)",
                           static_cast<unsigned char>(files.text(file)[*control])),
               "encoding");
    return std::nullopt;
  }
  return file;
}

bool parse_xml(const SourceFiles& files, std::uint32_t file, XmlDocument& doc,
               DiagnosticSink& sink) {
  const std::string_view text = files.text(file);
  if (!check_character_references(files, file, sink)) return false;
  // As a fragment (in pugixml's terms), text outside the root element is kept, so that it can be
  // reported below.
  if (const auto error = doc.load(text)) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(error->offset, 0));
    sink.error(files, files.locate(file, std::min(offset, text.size())),
               fmt::format("XML syntax: {}", error->description), "xml-syntax");
    return false;
  }
  bool seen_root = false;
  for (auto node : doc.children()) {
    if (node.type() == XmlNodeType::Doctype) {
      sink.error(files, node_location(files, file, node),
                 "DOCTYPE declarations are not allowed (govmap never reads DTDs or external entities)",
                 "xml-doctype");
      return false;
    }
    const bool element = node.type() == XmlNodeType::Element;
    if (element && !seen_root) {
      seen_root = true;
      continue;
    }
    const bool is_text = node.type() == XmlNodeType::Pcdata || node.type() == XmlNodeType::Cdata;
    if (!element && !is_text) continue;
    sink.error(files, node_location(files, file, node),
               seen_root ? "content after the root element; a file has one root element and nothing "
                           "after it but comments"
                         : "text before the root element",
               "xml-syntax");
    return false;
  }
  if (!seen_root) {
    sink.error(files, files.locate(file, text.size()), "XML syntax: No document element found", "xml-syntax");
    return false;
  }
  return true;
}

Location node_location(const SourceFiles& files, std::uint32_t file, const XmlNode& node) {
  const std::ptrdiff_t offset = node.offset();
  if (offset < 0) return {file, 1, 1};
  // offset() points at the name; step back to the '<' the reader sees.
  const auto at = static_cast<std::size_t>(offset);
  return files.locate(file, at > 0 && files.text(file)[at - 1] == '<' ? at - 1 : at);
}

namespace {
// Dates are written since/until (models/FORMAT.md, "Dates"); from and to name a link's bodies.
std::string date_hint(std::string_view name, std::string_view element, const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), "since") == allowed.end()) {
    if (name != "since" && name != "until") return "";
    return fmt::format("; <{}> is not dated (a proposal's changes hold from its as-of; the elements that take "
                       "dates are in models/FORMAT.md, \"Dates\")", element);
  }
  if (name == "from" || name == "valid-from" || name == "start") {
    return "; the first day an element holds is written since=\"YYYY-MM-DD\"";
  }
  if (name == "to" || name == "valid-until" || name == "end") {
    return "; the first day an element no longer holds is written until=\"YYYY-MM-DD\"";
  }
  return "";
}

// An attribute written by another word for one the element has (a funding link's mechanism
// written kind=, an accountability link's kind written mechanism=, a type for a kind).
std::string synonym_hint(std::string_view name, const std::vector<std::string>& allowed) {
  static constexpr std::pair<std::string_view, std::string_view> kMeant[] = {
      {"type", "kind"},        {"mechanism", "kind"}, {"category", "kind"}, {"kind", "mechanism"},
      {"type", "mechanism"},   {"label", "name"},     {"title", "name"},    {"value", "amount"},
      {"budget", "amount"},    {"sources", "source"}, {"ref", "id"},
  };
  for (const auto& [written, meant] : kMeant) {
    if (name == written && std::find(allowed.begin(), allowed.end(), meant) != allowed.end()) {
      return fmt::format(" (did you mean '{}'?)", meant);
    }
  }
  return "";
}
}  // namespace

AttributeNames::AttributeNames(std::vector<std::string> names)
    : names_(std::move(names)), next_(names_.size(), 0) {
  // Chained in reverse, so that each chain runs in the names' order.
  for (std::size_t i = names_.size(); i-- > 0;) {
    std::uint16_t& first = first_[detail::name_slot(names_[i])];
    next_[i] = first;
    first = static_cast<std::uint16_t>(i + 1);
  }
}

AttributeNames::AttributeNames(std::initializer_list<std::string_view> names)
    : AttributeNames(std::vector<std::string>(names.begin(), names.end())) {}

bool AttributeNames::contains(std::string_view name) const {
  for (std::uint16_t i = first_[detail::name_slot(name)]; i != 0; i = next_[i - 1]) {
    if (same_bytes(names_[i - 1], name)) return true;
  }
  return false;
}

AttributeReader::AttributeReader(const SourceFiles& files, std::uint32_t file,
                                 const XmlNode& node, DiagnosticSink& sink,
                                 const AttributeNames& allowed)
    : files_(files), file_(file), node_(node), sink_(sink),
      element_(node_location(files, file, node)) {
  for (const std::size_t i : {allowed.recent_, 1 - allowed.recent_}) {
    if (!allowed.layouts_[i].names.empty() && read_as(allowed.layouts_[i])) {
      allowed.recent_ = i;
      return;
    }
  }
  bool all_allowed = true;
  for (auto attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    std::uint8_t& slot = by_slot_[detail::name_slot(name)];
    if (cached_count_ < kCached) {
      cached_[cached_count_++] = Cached::of(name, attribute.value());
      slot = slot == 0 ? static_cast<std::uint8_t>(cached_count_) : kShared;
    } else {
      slot = kShared;
    }
    if (allowed.contains(name)) continue;
    all_allowed = false;
    if (name.rfind("xmlns", 0) == 0 || name.rfind("xml:", 0) == 0) continue;
    std::string hint = date_hint(name, node.name(), allowed.names());
    if (hint.empty()) hint = synonym_hint(name, allowed.names());
    sink_.error(files_, at(name),
                fmt::format("unknown attribute '{}' on <{}>{}", name, node.name(),
                            hint.empty() ? did_you_mean(name, allowed.names()) : hint),
                "unknown-attribute");
  }
  if (all_allowed && cached_count_ > 0 && cached_count_ < kCached) {
    allowed.recent_ = 1 - allowed.recent_;
    AttributeNames::Layout& layout = allowed.layouts_[allowed.recent_];
    layout.names.resize(cached_count_);
    for (std::size_t i = 0; i < cached_count_; ++i) layout.names[i] = cached_[i].name_view();
    layout.by_slot = by_slot_;
  }
}

bool AttributeReader::read_as(const AttributeNames::Layout& layout) {
  // cached_count_ stays 0 until the whole element matches.
  std::size_t i = 0;
  for (auto attribute : node_.attributes()) {
    const std::string_view name = attribute.name();
    if (i == layout.names.size() || !same_bytes(name, layout.names[i])) return false;
    cached_[i++] = Cached::of(name, attribute.value());
  }
  if (i != layout.names.size()) return false;
  cached_count_ = i;
  by_slot_ = layout.by_slot;
  return true;
}

Location attribute_location(const SourceFiles& files, Location element, std::string_view name) {
  // Scan the start tag in the original text (as govmap always has, so locations stay as they were).
  if (!element.valid()) return element;
  const std::string_view text = files.text(element.file);
  const std::size_t start = files.offset(element);
  const std::size_t end = text.find('>', start);
  std::size_t pos = start;
  while (true) {
    // Search the start tag only: an attribute the element lacks must not scan the whole file.
    pos = std::string_view(text).substr(0, end == std::string::npos ? text.size() : end).find(name, pos);
    if (pos == std::string::npos) return element;
    const bool starts = pos > 0 && std::isspace(static_cast<unsigned char>(text[pos - 1]));
    const std::size_t after = pos + name.size();
    if (starts && after < text.size() && !is_name_char(text[after])) return files.locate(element.file, pos);
    pos = after;
  }
}

Location AttributeReader::at(std::string_view attribute) const {
  return attribute_location(files_, element_, attribute);
}

std::optional<std::string_view> AttributeReader::find_in_document(std::string_view name) const {
  for (auto attribute : node_.attributes()) {
    if (name == attribute.name()) return attribute.value();  // the first, as pugixml's lookup
  }
  return std::nullopt;
}

bool AttributeReader::has(std::string_view name) const { return find(name).has_value(); }

std::string AttributeReader::text(std::string_view name, bool required) {
  return std::string(text_view(name, required));
}

std::string AttributeReader::id(std::string_view name, bool required) { return std::string(id_view(name, required)); }

std::string_view AttributeReader::checked_text(std::string_view name, bool required) {
  const std::string_view value = find(name).value_or(std::string_view());
  if (value.size() > kMaxTextLength) {
    sink_.error(files_, at(name),
                fmt::format("attribute '{}' is {} characters long; the limit is {}", name, value.size(), kMaxTextLength),
                "too-long");
    return {};
  }
  if (required && value.empty()) {
    sink_.error(files_, element_,
                !has(name)
                    ? fmt::format("<{}> needs the attribute '{}'", node_.name(), name)
                    : fmt::format("attribute '{}' of <{}> must not be empty", name, node_.name()),
                "missing-attribute");
  }
  return value;
}

std::string_view AttributeReader::id_view(std::string_view name, bool required) {
  const std::string_view value = text_view(name, required);
  if (value.size() > kMaxIdLength) {
    sink_.error(files_, at(name), fmt::format("id '{}…' is {} characters long; the limit is {}",
                                              value.substr(0, 40), value.size(), kMaxIdLength),
                "too-long");
    return {};
  }
  // A loop, not find_first_of, which calls memchr on the four characters for each byte.
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  if (std::any_of(value.begin(), value.end(), is_blank)) {
    sink_.error(files_, at(name), fmt::format("'{}' is not a valid id: ids contain no spaces", value),
                "bad-id");
    return {};
  }
  return value;
}

std::string_view AttributeReader::list_value(std::string_view name) {
  // Lists of area ids can be long; each word is checked where used. Count before splitting, so
  // that a huge list costs no more than its text.
  const std::string_view value = find(name).value_or(std::string_view());
  if (const std::size_t count = count_words(value); count > kMaxListWords) {
    sink_.error(files_, at(name),
                fmt::format("attribute '{}' lists {} words; the limit is {}", name, count, kMaxListWords),
                "too-long");
    return {};
  }
  return value;
}

std::vector<std::string> AttributeReader::words(std::string_view name) { return split_words(list_value(name)); }

std::vector<Symbol> AttributeReader::symbols(std::string_view name) { return interned_words(list_value(name)); }

std::optional<double> AttributeReader::number(std::string_view name, bool required,
                                              bool non_negative, bool money, double max) {
  const std::string_view value = text_view(name, required);
  if (value.empty()) return std::nullopt;
  const auto parsed = parse_number(value);
  if (!parsed) {
    std::string hint;
    if (money) {
      const auto pounds = written_money(value);
      hint = pounds && *pounds <= max ? fmt::format("; money is a plain number: write {}=\"{:.0f}\"", name, *pounds)
                                      : fmt::format("; money is a plain number, such as {}=\"50000000\" for £50m", name);
    }
    sink_.error(files_, at(name), fmt::format("'{}' is not a number (attribute '{}'){}", value, name, hint),
                "bad-number");
    return std::nullopt;
  }
  if (non_negative && *parsed < 0) {
    sink_.error(files_, at(name),
                money ? fmt::format("amount {} is negative; money flows the other way should be a "
                                    "link in the other direction", value)
                      : fmt::format("'{}' must not be negative (attribute '{}')", value, name),
                money ? "negative-money" : "bad-number");
    return std::nullopt;
  }
  if (std::abs(*parsed) > max) {
    sink_.error(files_, at(name),
                fmt::format("'{}' is out of range for attribute '{}' (at most {:.0f} in size)", value, name, max),
                "bad-number");
    return std::nullopt;
  }
  return parsed;
}

std::optional<int> AttributeReader::positive_integer(std::string_view name) {
  const std::string value = text(name);
  if (value.empty()) return std::nullopt;
  const auto parsed = parse_number(value);
  if (!parsed || *parsed < 1 || *parsed > 1e9 || *parsed != static_cast<double>(static_cast<int>(*parsed))) {
    sink_.error(files_, at(name), fmt::format("'{}' is not a positive whole number (attribute '{}')",
                                              value, name),
                "bad-number");
    return std::nullopt;
  }
  return static_cast<int>(*parsed);
}

std::optional<bool> AttributeReader::boolean(std::string_view name) {
  const std::string value = text(name);
  if (value.empty()) return std::nullopt;
  if (value == "true") return true;
  if (value == "false") return false;
  bad_value(name, value, {"true", "false"});
  return std::nullopt;
}

std::string_view AttributeReader::date_view(std::string_view name, bool required) {
  const std::string_view value = text_view(name, required);
  if (value.empty() || is_iso_date(value)) return value;
  sink_.error(files_, at(name), fmt::format("{} (attribute '{}')", date_problem(value), name),
              "bad-date");
  return {};
}

std::string AttributeReader::date(std::string_view name, bool required) {
  return std::string(date_view(name, required));
}

SymbolList AttributeReader::symbol_list(std::string_view name) {
  static std::string last_text;
  static SymbolList last_list;
  const std::optional<std::string_view> written = find(name);
  if (!written || written->empty()) return {};  // most elements cite no list of their own
  // The previous element's list passed list_value's word limit: no need to count again.
  if (*written == last_text) return last_list;
  const std::string_view value = list_value(name);
  last_list = SymbolList(interned_words(value));
  last_text = value;
  return last_list;
}

void AttributeReader::bad_value(std::string_view name, std::string_view value,
                                const std::vector<std::string>& allowed, std::string_view code) {
  sink_.error(files_, at(name),
              fmt::format("'{}' is not a valid value for '{}'{}; expected one of: {}", value, name,
                          did_you_mean(value, allowed), join(allowed, ", ")),
              std::string(code));
}

}  // namespace govmap
