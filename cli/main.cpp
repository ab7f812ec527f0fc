// govmap: model, check, draw and compare how health and social care is governed.

#include <exception>
#include <iostream>
#include <new>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/memory.h"
#include "engine/text.h"

namespace govmap::cli {
namespace {

std::vector<Command> command_table() {
  // One table of sub-commands, in the order `govmap --help` lists them.
  std::vector<Command> commands;
  for (auto make : {validate_command, stats_command, check_command, rules_command, explain_command, render_command, compare_command, report_command, models_command, import_command}) {
    commands.push_back(make());
  }
  return commands;
}

void print_help(const std::vector<Command>& commands, std::ostream& out) {
  out << "usage: govmap COMMAND [options]\n\n"
         "Model, check, draw and compare how health and social care is governed.\n\ncommands:\n";
  for (const auto& c : commands) out << fmt::format("  {:<10} {}\n", c.name, c.summary);
  out << "\nRun 'govmap COMMAND --help' for a command's options.\n"
         "Exit codes: 0 ok; 1 findings at or above --fail-on; 2 usage or input error; 70 internal error.\n";
}

int run(int argc, char** argv) {
  const auto commands = command_table();
  Io io{std::cout, std::cerr, {}};
  if (argc < 2) {
    print_help(commands, std::cerr);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_help(commands, std::cout);
    return kExitOk;
  }
  if (name == "--version" || name == "version") {
    std::cout << "govmap " << GOVMAP_VERSION << " (model format 1)\n";
    return kExitOk;
  }
  std::vector<std::string> names;
  for (const auto& c : commands) {
    names.push_back(c.name);
    if (c.name != name) continue;
    const auto args = parse_args(c, std::vector<std::string>(argv + 2, argv + argc), std::cerr);
    if (!args) return kExitUsage;
    if (args->has("--help")) {
      print_command_help(c, std::cout);
      return kExitOk;
    }
    return c.run(*args, io);
  }
  std::cerr << fmt::format("govmap: unknown command '{}'{}\n", name, did_you_mean(name, names))
            << "Run 'govmap --help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace
}  // namespace govmap::cli

int main(int argc, char** argv) {
  govmap::tune_allocator();
  try {
    return govmap::cli::run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "govmap: internal error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "govmap: internal error: " << e.what() << "\n";
  }
  return govmap::cli::kExitInternal;
}
