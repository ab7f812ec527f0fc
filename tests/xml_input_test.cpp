// The attribute reader: names found through its slot table, names that share a slot, and the
// allowed-name check (engine/xml_input.h).

#include <doctest/doctest.h>

#include "engine/xml_input.h"

namespace govmap::test {
namespace {

struct Read {
  SourceFiles files;
  XmlDocument doc;
  DiagnosticSink sink;
  std::uint32_t file = 0;
  explicit Read(std::string text) {
    file = files.add("t.xml", std::move(text));
    REQUIRE(parse_xml(files, file, doc, sink));
  }
};

}  // namespace

TEST_CASE("the attribute reader finds each name, also names that share its table's slot") {
  // name, note and body share a slot, as do source, count and holder, and from and total.
  Read r(R"(<e name="N" note="T" body="B" source="S" count="3" holder="H" from="F" total="9" id="x"/>)");
  const AttributeNames allowed = {"name", "note", "body", "source", "count", "holder", "from",
                                  "total", "id", "to", "nome"};
  AttributeReader a(r.files, r.file, r.doc.document_element(), r.sink, allowed);
  CHECK(a.text("name") == "N");
  CHECK(a.text("note") == "T");
  CHECK(a.text("body") == "B");
  CHECK(a.text("source") == "S");
  CHECK(a.text("count") == "3");
  CHECK(a.text("holder") == "H");
  CHECK(a.text("from") == "F");
  CHECK(a.text("total") == "9");
  CHECK(a.text("id") == "x");
  CHECK_FALSE(a.has("to"));
  CHECK_FALSE(a.has("nome"));  // the slot of name, not written
  CHECK_FALSE(a.has("nam"));
  CHECK(r.sink.all().empty());
}

TEST_CASE("an attribute not allowed is reported even when an allowed name shares its slot") {
  // 'nxme' has the length and end letters of 'name', so the same slot.
  Read r(R"(<e name="N" nxme="M"/>)");
  AttributeReader a(r.files, r.file, r.doc.document_element(), r.sink, {"name", "note"});
  REQUIRE(r.sink.all().size() == 1);
  CHECK(r.sink.all()[0].message == "unknown attribute 'nxme' on <e> (did you mean 'name'?)");
  CHECK(a.text("name") == "N");
  CHECK(a.text("nxme") == "M");  // read as written, though reported
}

TEST_CASE("an element with more attributes than the reader caches is searched whole") {
  std::string text = "<e";
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) {
    names.push_back("a" + std::to_string(i));
    text += " a" + std::to_string(i) + "=\"v" + std::to_string(i) + "\"";
  }
  Read r(text + "/>");
  AttributeReader a(r.files, r.file, r.doc.document_element(), r.sink, AttributeNames(names));
  for (int i = 0; i < 40; ++i) CHECK(a.text("a" + std::to_string(i)) == "v" + std::to_string(i));
  CHECK_FALSE(a.has("a40"));
  CHECK(r.sink.all().empty());
}

}  // namespace govmap::test
