#pragma once
// A small streaming JSON writer with deterministic output (keys in the order written).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/symbol.h"

namespace govmap {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(Symbol text) { return value(text.view()); }
  JsonWriter& value(double number);
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// key + value in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) { return key(name).value(v); }
  const std::string& str() const { return out_; }
  /// The text written and a line end, moved out of the writer (which is left empty): a report
  /// of tens of MB is not copied.
  std::string finish() {
    out_ += '\n';
    return std::exchange(out_, {});
  }

 private:
  void before_value();
  void newline();
  bool pretty_;
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

/// Escapes text for a JSON string (without quotes).
std::string json_escape(std::string_view text);

}  // namespace govmap
