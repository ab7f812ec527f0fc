// engine/json.h: the JSON writer behind `check --format json`, `stats --format json` and SARIF.
// Its output must be valid JSON, laid out the same way every run.

#include <doctest/doctest.h>

#include <limits>

#include "engine/json.h"

namespace govmap {

TEST_CASE("JSON writer lays out nested objects and arrays two spaces deep, keys in written order") {
  JsonWriter w;
  w.begin_object().field("tool", "govmap").key("rules").begin_array().value("a").value("b").end_array();
  w.key("summary").begin_object().field("findings", 2).end_object().end_object();
  CHECK(w.str() ==
        "{\n"
        "  \"tool\": \"govmap\",\n"
        "  \"rules\": [\n"
        "    \"a\",\n"
        "    \"b\"\n"
        "  ],\n"
        "  \"summary\": {\n"
        "    \"findings\": 2\n"
        "  }\n"
        "}\n");
}

TEST_CASE("JSON writer writes empty containers on one line and compact output without spaces") {
  JsonWriter pretty;
  pretty.begin_object().key("none").begin_array().end_array().key("empty").begin_object().end_object().end_object();
  CHECK(pretty.str() == "{\n  \"none\": [],\n  \"empty\": {}\n}\n");
  JsonWriter compact(false);
  compact.begin_array().value(1).begin_object().field("k", true).end_object().null().end_array();
  CHECK(compact.str() == "[1,{\"k\":true},null]");
}

TEST_CASE("JSON writer writes whole numbers as integers, fractions as they are, and non-finite as null") {
  JsonWriter w(false);
  w.begin_array();
  w.value(374130.0).value(0.005).value(-2.5).value(1e15).value(-7LL).value(std::size_t{3});
  w.value(std::numeric_limits<double>::quiet_NaN()).value(std::numeric_limits<double>::infinity());
  w.value(false).end_array();
  CHECK(w.str() == "[374130,0.005,-2.5,1000000000000000,-7,3,null,null,false]");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep UTF-8 text") {
  CHECK(json_escape("say \"hi\"\\") == "say \\\"hi\\\"\\\\");
  CHECK(json_escape("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(json_escape(std::string("\x01\x1f", 2)) == "\\u0001\\u001f");
  CHECK(json_escape(std::string("nul\0x", 5)) == "nul\\u0000x");
  CHECK(json_escape("Ynys Môn, £2.65bn") == "Ynys Môn, £2.65bn");
  JsonWriter w(false);
  w.begin_object().field("a\"b", "line\nbreak").end_object();
  CHECK(w.str() == "{\"a\\\"b\":\"line\\nbreak\"}");
}

}  // namespace govmap
