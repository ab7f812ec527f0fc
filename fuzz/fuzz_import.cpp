// libFuzzer target: `govmap import`. The input is an import spec (import.xml) and up to three
// CSV files it may read (lookup.csv, population.csv, extra.csv), separated by "--8<--" lines.
// A crash, sanitizer report, hang or out-of-memory is a finding; so is a generated model or a
// diagnostic that is not clean UTF-8 text.

#include <sstream>

#include "engine/import.h"
#include "fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string dir = govmap::fuzz::write_files(
      data, size, {"import.xml", "lookup.csv", "population.csv", "extra.csv"});
  govmap::DiagnosticSink sink;
  const auto text = govmap::import_geography(dir + "/import.xml", sink);
  std::ostringstream diagnostics;
  govmap::print_diagnostics(diagnostics, sink);
  govmap::fuzz::require_clean_text(diagnostics.str());
  if (text) govmap::fuzz::require_clean_text(*text);
  return 0;
}
