// The flat XML document (engine/xml_doc.h): the fast parser gives, node for node, the document
// that pugixml gives, on every XML file of the repository and on the forms a model can take,
// and gives up (leaving the input to pugixml) on anything else, never reading past the end.

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "engine/xml_doc.h"
#include "engine/xml_input.h"
#include "tests/guarded_text.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {
namespace fs = std::filesystem;

std::string_view type_name(XmlNodeType type) {
  switch (type) {
    case XmlNodeType::Null: return "null";
    case XmlNodeType::Document: return "document";
    case XmlNodeType::Element: return "element";
    case XmlNodeType::Pcdata: return "pcdata";
    case XmlNodeType::Cdata: return "cdata";
    case XmlNodeType::Doctype: return "doctype";
  }
  return "?";
}

// One node with its attributes, as text, for comparing and for readable failures.
std::string describe(const XmlNode& node) {
  std::string out = fmt::format("{} <{}> '{}' @{}", type_name(node.type()), node.name(),
                                node.value(), node.offset());
  for (const XmlAttribute attribute : node.attributes()) {
    out += fmt::format(" {}='{}'", attribute.name(), attribute.value());
  }
  return out;
}

// The first difference between two documents, walked together in document order; "" when none.
std::string difference(const XmlDocument& a, const XmlDocument& b) {
  if (a.node_count() != b.node_count()) {
    return fmt::format("{} nodes against {}", a.node_count(), b.node_count());
  }
  std::vector<std::pair<XmlNode, XmlNode>> stack = {{a.root(), b.root()}};
  while (!stack.empty()) {
    const auto [x, y] = stack.back();
    stack.pop_back();
    if (describe(x) != describe(y)) return describe(x) + " | " + describe(y);
    XmlNode cx = x.first_child(), cy = y.first_child();
    for (; cx && cy; cx = cx.next_sibling(), cy = cy.next_sibling()) stack.emplace_back(cx, cy);
    if (cx || cy) return "children differ under " + describe(x);
  }
  return "";
}

// Whether the fast parser read `text`; when it did, its document must be pugixml's.
bool fast_matches_reference(std::string_view text) {
  XmlDocument fast, reference;
  const bool read = fast.load_fast(text);
  const auto error = reference.load_reference(text);
  if (!read) {
    CHECK(fast.node_count() == 0);
    return false;
  }
  INFO("text: " << text.substr(0, 300));
  CHECK_MESSAGE(
      !error, "the fast parser read a text pugixml refuses: " << (error ? error->description : ""));
  if (!error) CHECK(difference(fast, reference) == "");
  return true;
}

// The message parse_xml gives for `text`, as "line:col: message".
std::string parse_message(const std::string& text) {
  SourceFiles files;
  DiagnosticSink sink;
  const auto file = files.add("t.xml", text);
  XmlDocument doc;
  if (parse_xml(files, file, doc, sink)) return "ok";
  REQUIRE(!sink.all().empty());
  const Diagnostic& d = sink.all().front();
  return fmt::format("{}:{}: {}", d.line, d.column, d.message);
}

TEST_CASE("the fast parser reads every XML file of the repository as pugixml does") {
  std::size_t files = 0, fast = 0, model_files = 0;
  for (const char* dir : {"models", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(path(dir))) {
      if (!entry.is_regular_file() || entry.path().extension() != ".xml") continue;
      if (entry.path().string().find("node_modules") != std::string::npos) continue;
      const std::string text = read_text(entry.path().string());
      INFO(entry.path().string());
      ++files;
      const bool read = fast_matches_reference(text);
      fast += read ? 1 : 0;
      if (std::string_view(dir) == "models") {
        ++model_files;
        CHECK_MESSAGE(read, "a bundled model was left to pugixml");
      }
    }
  }
  CHECK(model_files > 20);
  CHECK(files > 100);
  CHECK(fast > files / 2);
}

TEST_CASE("the fast parser decodes values and keeps nodes as pugixml does") {
  const std::vector<std::string> cases = {
      R"(<a b="x &amp; y &lt;z&gt; &quot;q&quot; &apos;s&apos;"/>)",
      R"(<a>x &amp; y &lt;z&gt;</a>)",
      R"(<a b="&#65;&#x42;&#xe9;&#233;&#x1F600;&#8364;">&#10;&#x20AC; t</a>)",
      R"(<a b='single "quoted"' c="double 'quoted'"/>)",
      R"(<a b="a > b" c="x>y"/>)",
      R"(<a b="&unknown; &amp &am; &ap&lt; &;">&nbsp; &copy &</a>)",
      "<a b=\"line\r\nend\rcr\nlf\ttab\">text\r\nwith\rcr\n</a>",
      "<a><![CDATA[<not> &amp; a tag\r\nline]]><![CDATA[]]></a>",
      R"(<?xml version="1.0" encoding="UTF-8"?><!-- first --><a><!-- between --><b/><!-- - -- ---><c></c><?pi data?></a>)",
      R"(<a><b></b><b/><b x="1" /><b	x = '2'
/></a>)",
      "<a>\n  <b/>\n  text  \n  <c/>\n</a>\n",
      "text before<a/>",
      "<a/><b/>",
      R"(<ns:a xmlns:ns="urn:x" ns:b="1" _c.d-e="2"><ns:x/></ns:a   >)",
      "<a b=\"caf\xC3\xA9\" \xC3\xA9l=\"x\">na\xC3\xAFve</a>",
  };
  for (const auto& text : cases) {
    INFO(text);
    CHECK(fast_matches_reference(text));
  }
}

TEST_CASE("the fast parser leaves what it does not read to pugixml") {
  const std::vector<std::string> cases = {
      "<!DOCTYPE a><a/>",           "<a b=\"&#0;\"/>",     "<a b=\"&#X41;\"/>",
      "<a b=\"&#123456789;\"/>",    "<a b=\"&#xD800;\"/>", "<a b=\"&#x;\"/>",
      "<a/>\ntext at the very end", "<a/>\ntext after\n",  "\xEF\xBB\xBF<a/>",
      std::string("<a>\0</a>", 8)};
  for (const std::string& text : cases) {
    INFO(text);
    CHECK(!fast_matches_reference(text));
    XmlDocument doc;
    doc.load(text);  // pugixml's document, whatever it is
    CHECK(!doc.fast());
  }
}

// A name or value of `length` bytes cycling through `alphabet`.
std::string filled(std::size_t length, std::string_view alphabet) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[i % alphabet.size()];
  return out;
}

// The fast parser scans names, whitespace and values sixteen bytes at a time and the last bytes of
// the text one at a time: each length crosses those blocks at a different place, and each text
// ends where a page nothing may read begins, so that a read past its end stops the test.
TEST_CASE("the fast parser reads names and values of every length, to the end of the text") {
  std::size_t read = 0, texts = 0;
  for (std::size_t shift = 0; shift < 16; shift += 5) {
    for (std::size_t length = 0; length <= 40; ++length) {
      const std::string name = "n" + filled(length, "ame-1._:\xC3\xA9Z");
      const std::string value = filled(length, "val ue-1>\xC3\xA9");
      const std::string space = filled(length + 1, " \t\r\n");
      const std::string text = "<" + filled(shift + 1, "e") + space + name + space + "=" + space +
                               "\"" + value + "'\"" + space + "b='" + value + "\"'" + space + "/>";
      INFO(text);
      const GuardedText whole(text);
      CHECK(fast_matches_reference(whole.view()));
      for (std::size_t size = 1; size < text.size(); ++size) {
        const GuardedText cut(std::string_view(text).substr(0, size));
        read += fast_matches_reference(cut.view()) ? 1 : 0;
        ++texts;
      }
    }
  }
  CHECK(texts > 1000);
  CHECK(read == 0);  // a start tag cut short is never well-formed
}

// What makes a value need decoding, or end it, at each place in and around a block of sixteen.
TEST_CASE("the fast parser decodes a value whatever place its special bytes take") {
  const std::vector<std::string> specials = {"&amp;", "&#65;", "\t",       "\r\n", "\r",
                                             "\n",     "'",     "\x01",     ">",    "\xC3\xA9",
                                             "&",     "&;",    "&unknown;"};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at <= 40; ++at) {
      const std::string value = filled(at, "abcdefgh") + special + filled(40 - at, "ijklmnop");
      for (const std::string& text :
           {"<a v=\"" + value + "\"/>", "<a>" + value + "</a>", "<a v=\"" + value + "\"></a>"}) {
        INFO(text);
        const GuardedText guarded(text);
        const bool read = fast_matches_reference(guarded.view());
        CHECK(read);
      }
    }
  }
}

TEST_CASE("a file's text stays where it is while more files are added") {
  // A document views its file's text; a short text lives inside its std::string, which moved
  // when SourceFiles regrew a vector of files.
  SourceFiles files;
  const auto file = files.add("a.xml", "<govmap a=''/>");
  XmlDocument doc;
  REQUIRE(!doc.load(files.text(file)));
  const char* text = files.text(file).data();
  for (int i = 0; i < 100; ++i) files.add("more.xml", "<x/>");
  CHECK(files.text(file).data() == text);
  CHECK(doc.document_element().name() == "govmap");
}

TEST_CASE("a deeply nested document is read without recursion") {
  constexpr int kDepth = 200'000;
  std::string text;
  for (int i = 0; i < kDepth; ++i) text += "<e a=\"1\">";
  text += "x";
  for (int i = 0; i < kDepth; ++i) text += "</e>";
  CHECK(fast_matches_reference(text));
  XmlDocument doc;
  CHECK(!doc.load(text));
  CHECK(doc.node_count() == kDepth + 2);
}

TEST_CASE(
    "every truncation and corruption of a document is read as pugixml reads it, or left to it") {
  const std::string full =
      "<?xml version=\"1.0\"?>\r\n<!-- c -->\n<govmap a=\"1 &amp; 2\" b='&#233;'>\n"
      "  <body id=\"x\"\tname=\"A\r\nB\"/>\n  <![CDATA[cd]]>\n  <link from=\"x\" to=\"y\">t &lt; "
      "u</link>\n"
      "  <?pi x?><e></e>\n</govmap>\n";
  std::size_t read = 0;
  for (std::size_t size = 0; size <= full.size(); ++size) {
    read += fast_matches_reference(full.substr(0, size)) ? 1 : 0;
  }
  CHECK(read > 1);  // the whole text, and it less its last line end
  std::mt19937 random(16);  // fixed: the same corruptions every run
  const std::string bytes = "<>/=\"'&;#x!-?[]CDATA \r\n\tab1";
  for (int round = 0; round < 3000; ++round) {
    std::string text = full;
    for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
      text[random() % text.size()] = bytes[random() % bytes.size()];
    }
    read += fast_matches_reference(text) ? 1 : 0;
  }
  CHECK(read > 100);  // corruptions inside values and text still read
}

// The messages and locations are those govmap gave before the flat document (pugixml's).
TEST_CASE("parse_xml reports broken files with pugixml's messages") {
  CHECK(parse_message("<govmap><a></b></govmap>\n") == "1:14: XML syntax: Start-end tags mismatch");
  CHECK(parse_message("<govmap>\n  <body id=\"x\"") ==
        "2:14: XML syntax: Error parsing start element tag");
  CHECK(parse_message("<govmap>\n  <body id=\"x") ==
        "2:13: XML syntax: Error parsing element attribute");
  CHECK(parse_message("<govmap>\n  <!-- open") == "2:11: XML syntax: Error parsing comment");
  CHECK(parse_message("<govmap>\n  <![CDATA[ open") ==
        "2:12: XML syntax: Error parsing CDATA section");
  CHECK(parse_message("<govmap>\n  <body/>") == "2:9: XML syntax: Start-end tags mismatch");
  CHECK(parse_message("<govmap>\n  <") == "2:3: XML syntax: Could not determine tag type");
  CHECK(parse_message("<govmap>&") == "1:9: XML syntax: Start-end tags mismatch");
  CHECK(parse_message("<govmap><?pi") ==
        "1:12: XML syntax: Error parsing document declaration/processing instruction");
  CHECK(
      parse_message("<!DOCTYPE govmap><govmap/>") ==
      "1:11: DOCTYPE declarations are not allowed (govmap never reads DTDs or external entities)");
  CHECK(parse_message("text<govmap/>") == "1:1: text before the root element");
  CHECK(parse_message("<govmap/>\n<more/>\n") ==
        "2:1: content after the root element; a file has one root element and nothing after it but "
        "comments");
  CHECK(parse_message("<govmap/>") == "ok");
}

}  // namespace
}  // namespace govmap::test
