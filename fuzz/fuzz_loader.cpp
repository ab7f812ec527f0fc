// libFuzzer target: the loader with includes, a baseline (extends) and a vocabulary. The input
// is up to four files separated by "--8<--" lines: model.xml, include.xml, base.xml and
// vocabulary.xml. Any crash, sanitizer report, hang or out-of-memory is a finding; so is a
// diagnostic that is not clean UTF-8 text.

#include <sstream>

#include "engine/loader.h"
#include "fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string dir =
      govmap::fuzz::write_files(data, size, {"model.xml", "include.xml", "base.xml", "vocabulary.xml"});
  govmap::DiagnosticSink sink;
  const auto model = govmap::load_model(dir + "/model.xml", sink);
  std::ostringstream text;
  govmap::print_diagnostics(text, sink);
  govmap::fuzz::require_clean_text(text.str());
  if (model && sink.has_errors()) std::abort();  // a model is returned only when there were no errors
  return 0;
}
