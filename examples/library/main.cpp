// Using govmap as a library: load a model, then list each body with the areas it covers.
// Build: part of the CMake project (target govmap_example_library).
// Run:   govmap_example_library examples/fife/model.xml

#include <iostream>

#include "engine/geography.h"
#include "engine/loader.h"
#include "engine/text.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: govmap_example_library MODEL\n";
    return 2;
  }
  govmap::DiagnosticSink sink;
  const auto model = govmap::load_model(argv[1], sink);
  govmap::print_diagnostics(std::cerr, sink);
  if (!model) return 2;
  const govmap::Geography geography(*model);
  for (std::size_t i = 0; i < model->bodies.size(); ++i) {
    const auto& body = model->bodies[i];
    std::cout << body.name << " (" << model->kind_label(body.kind) << "): population "
              << govmap::thousands(geography.population(i)) << "\n";
  }
  return 0;
}
