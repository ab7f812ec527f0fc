// Large files are read as they are parsed, on a thread of their own (engine/xml_stream.h). The
// model and every message must be what reading each file after parsing it gives, whatever the
// file holds: each case below is loaded both ways and compared, and the cases are the ones where
// the stream must give up and start again (a syntax error after elements already read, a form
// only pugixml reads, text outside the document element) as well as plain ones.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "engine/loader.h"
#include "engine/xml_stream.h"

namespace govmap::test {
namespace {

namespace fs = std::filesystem;

const std::string kRoot =
    R"(<govmap version="1" id="t" nation="scotland" title="T" as-of="2021-12-01" status="historical">)";

// Areas enough to make a file that streams (each about 80 bytes).
std::string areas(int count, const std::string& name = "Area") {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "  <area id=\"a" + std::to_string(i) + "\" name=\"" + name + " " + std::to_string(i) +
           "\" population=\"" + std::to_string(1000 + i) + "\"/>\n";
  }
  return out;
}

constexpr int kMany = 12'000;  // about 1 MB of areas

class Folder {
 public:
  Folder() : path_(fs::temp_directory_path() / ("govmap-stream-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~Folder() { fs::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  fs::path path_;
};

// What a user sees of a load: every message, and the model's areas (count, first and last).
std::string outcome(const std::string& file, bool stream) {
  DiagnosticSink sink;
  LoadOptions options;
  options.stream = stream;
  const auto model = load_model(file, sink, options);
  std::ostringstream out;
  print_diagnostics(out, sink);
  if (model) {
    out << model->areas.size() << " areas";
    if (!model->areas.empty()) {
      out << ", first " << model->areas.front().name.str() << ", last " << model->areas.back().name.str();
    }
  } else {
    out << "no model";
  }
  return out.str();
}

// Loads the file both ways; the outcome, which must be the same.
std::string same_both_ways(const std::string& file) {
  REQUIRE(fs::file_size(file) >= XmlStream::kWorthwhile);
  const std::string parsed_first = outcome(file, false);
  const std::string streamed = outcome(file, true);
  CHECK(streamed == parsed_first);
  return streamed;
}

// Streams a text through, as the loader reads a file: the number of children read.
int stream_whole(const std::string& text) {
  XmlDocument doc;
  XmlStream stream(doc, text);
  const XmlNode root = stream.document_element();
  int count = 0;
  for (XmlNode node = stream.first_child(root); node; node = stream.next_sibling(node)) ++count;
  stream.finish();
  return count;
}

}  // namespace

TEST_CASE("a stream hands out the document element's children in order, then finishes") {
  const std::string text = kRoot + "\n" + areas(kMany) + "</govmap>\n";
  XmlDocument doc;
  XmlStream stream(doc, text);
  const XmlNode root = stream.document_element();
  CHECK(root.name() == "govmap");
  int count = 0;
  for (XmlNode node = stream.first_child(root); node; node = stream.next_sibling(node), ++count) {
    REQUIRE(node.attribute("id").value() == "a" + std::to_string(count));
  }
  CHECK(count == kMany);
  CHECK_NOTHROW(stream.finish());
}

TEST_CASE("a stream whose parse gives up says so where it is read or finished") {
  const std::string text = kRoot + "\n" + areas(kMany) + "  <area id=\"late\"\n";
  CHECK_THROWS_AS(stream_whole(text), XmlStream::Abandoned);
}

TEST_CASE("a stream gives up rather than let its arrays move under the reader") {
  // Text before each element: two nodes for each '<', more than the room made for them.
  std::string text = kRoot;
  for (int i = 0; i < kMany; ++i) text += "t<area/>";
  text += "</govmap>";
  CHECK_THROWS_AS(stream_whole(text), XmlStream::Abandoned);
  XmlDocument parsed;
  CHECK(parsed.load_fast(text));  // parsed first, the same text reads whole
}

TEST_CASE("a large model read as it is parsed is the model read after parsing") {
  const Folder folder;
  const auto out = same_both_ways(folder.write("plain.xml", kRoot + "\n" + areas(kMany) + "</govmap>\n"));
  CHECK(out == "12000 areas, first Area 0, last Area 11999");
}

TEST_CASE("values with references decode the same when streamed") {
  const Folder folder;
  const auto out = same_both_ways(folder.write("decoded.xml", kRoot + "\n" + areas(kMany, "A &amp; B &#233;") + "</govmap>\n"));
  CHECK(out == "12000 areas, first A & B \xC3\xA9 0, last A & B \xC3\xA9 11999");
}

TEST_CASE("a syntax error late in a large file is the only message, as when parsed first") {
  const Folder folder;
  // The first area is in error too, but a file that does not parse is not read at all. The file
  // is large enough (12 MB) that the reader is well past that area when the parser meets the
  // error, so that its message has been reported and must be taken back.
  const std::string text = kRoot + "\n  <area id=\"x\" nmae=\"X\"/>\n" + areas(150'000) + "  <area id=\"late\"\n";
  const auto out = same_both_ways(folder.write("late-syntax.xml", text));
  CHECK(out.find("[xml-syntax]") != std::string::npos);
  CHECK(out.find("nmae") == std::string::npos);
  CHECK(out.find("no model") != std::string::npos);
}

TEST_CASE("forms the fast parser leaves to pugixml read the same when large") {
  const Folder folder;
  const std::string body = "\n" + areas(kMany) + "</govmap>\n";
  SUBCASE("a byte order mark") {
    CHECK(same_both_ways(folder.write("bom.xml", "\xEF\xBB\xBF" + kRoot + body)).find("12000 areas") == 0);
  }
  SUBCASE("a DOCTYPE") {
    const auto out = same_both_ways(folder.write("doctype.xml", "<!DOCTYPE govmap>\n" + kRoot + body));
    CHECK(out.find("[xml-doctype]") != std::string::npos);
  }
  SUBCASE("a character reference XML does not allow") {
    const auto out = same_both_ways(folder.write("charref.xml", kRoot + body + "<!-- &#1; -->" + areas(1) ));
    CHECK(out.find("no model") != std::string::npos);
  }
  SUBCASE("a reference to a character pugixml decodes its own way, late in the file") {
    same_both_ways(folder.write("late-charref.xml", kRoot + "\n" + areas(kMany) + "  <area id=\"z\" name=\"&#x110000;\"/>\n</govmap>\n"));
  }
}

TEST_CASE("text outside the document element is reported as when parsed first") {
  const Folder folder;
  const std::string document = kRoot + "\n" + areas(kMany) + "</govmap>\n";
  SUBCASE("after it") {
    const auto out = same_both_ways(folder.write("after.xml", document + "<area id=\"q\"/>\n"));
    CHECK(out.find("content after the root element") != std::string::npos);
  }
  SUBCASE("before it") {
    const auto out = same_both_ways(folder.write("before.xml", "stray text\n" + document));
    CHECK(out.find("text before the root element") != std::string::npos);
  }
  SUBCASE("no element at all") {
    same_both_ways(folder.write("none.xml", "<!-- " + std::string(XmlStream::kWorthwhile, 'c') + " -->\n"));
  }
}

TEST_CASE("text between a large file's elements, a node for each, reads the same") {
  // Each '<' here ends a text and begins an element: more nodes than a streamed parse makes
  // room for, so that it gives up partway.
  const Folder folder;
  std::string text = kRoot + "\n";
  for (int i = 0; i < 2 * kMany; ++i) text += "t<area id=\"a" + std::to_string(i) + "\" name=\"A\"/>";
  text += "t</govmap>\n";
  const auto out = same_both_ways(folder.write("mixed.xml", text));
  CHECK(out.find("text is not allowed here") != std::string::npos);
  CHECK(out.find("stopped after 200 errors") != std::string::npos);
}

TEST_CASE("a large file that is not a model, or is a model in error, reads the same") {
  const Folder folder;
  SUBCASE("another root element") {
    const auto out = same_both_ways(folder.write("root.xml", "<model>\n" + areas(kMany) + "</model>\n"));
    CHECK(out.find("the root element must be <govmap>, not <model>") != std::string::npos);
  }
  SUBCASE("more errors than are reported") {
    std::string text = kRoot + "\n";
    for (int i = 0; i < 2 * kMany; ++i) text += "  <area id=\"dup\" name=\"A\"/>\n";
    const auto out = same_both_ways(folder.write("dups.xml", text + "</govmap>\n"));
    CHECK(out.find("stopped after 200 errors") != std::string::npos);
  }
}

TEST_CASE("a large included file streams inside a small model, and its errors read the same") {
  const Folder folder;
  folder.write("big.xml", kRoot + "\n" + areas(kMany) + "  <area id=\"a5\" name=\"again\"/>\n</govmap>\n");
  const std::string top = folder.write("top.xml", kRoot + "\n  <include href=\"big.xml\"/>\n</govmap>\n");
  const std::string parsed_first = outcome(top, false);
  CHECK(outcome(top, true) == parsed_first);
  CHECK(parsed_first.find("[duplicate-id]") != std::string::npos);
}

}  // namespace govmap::test
