// The attribute reader: names found through its slot table, names that share a slot, and the
// allowed-name check, and elements read like the one before (engine/xml_input.h).

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

TEST_CASE("elements read with one set of names, each like the last or not, read alike") {
  // The reader keeps the names of the last two elements with its allowed names, and reads one
  // written the same way without checking each: these differ from the one before in a name not
  // allowed, a name missing or added, the order, and names that share a slot ('nxme' and
  // 'name'), and the last four alternate two orders.
  Read r(R"(<m><e id="a" name="A"/><e id="b" name="B"/><e id="c" nxme="C"/><e id="d"/>)"
         R"(<e name="E" id="e"/><e id="f" name="F" note="n"/><e id="g" name="G"/><e id="h" nxme="H"/>)"
         R"(<e name="I" id="i"/><e id="j" name="J"/><e name="K" id="k"/><e id="l" nxme="L"/></m>)");
  const AttributeNames allowed = {"id", "name", "note"};
  std::vector<std::string> read;
  for (const XmlNode e : r.doc.document_element().children()) {
    AttributeReader a(r.files, r.file, e, r.sink, allowed);
    read.push_back(a.text("id") + ":" + a.text("name") + ":" + a.text("note") + ":" + a.text("nxme"));
  }
  CHECK(read == std::vector<std::string>{"a:A::", "b:B::", "c:::C", "d:::", "e:E::", "f:F:n:", "g:G::", "h:::H",
                                         "i:I::", "j:J::", "k:K::", "l:::L"});
  REQUIRE(r.sink.all().size() == 3);
  CHECK(r.sink.all()[0].message == "unknown attribute 'nxme' on <e> (did you mean 'name'?)");
  CHECK(r.sink.all()[0].column == 54);
  CHECK(r.sink.all()[1].message == "unknown attribute 'nxme' on <e> (did you mean 'name'?)");
  CHECK(r.sink.all()[1].column == 154);
  CHECK(r.sink.all()[2].message == "unknown attribute 'nxme' on <e> (did you mean 'name'?)");
  CHECK(r.sink.all()[2].column == 234);
}

}  // namespace govmap::test
