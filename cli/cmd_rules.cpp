// govmap rules: the rule catalogue, from the code (so it cannot drift).

#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/json.h"
#include "rules/catalogue.h"

namespace govmap::cli {
namespace {

std::string rules_text() {
  std::string out;
  for (const auto& rule : rule_catalogue()) {
    out += fmt::format("{:<34} {:<8} {}\n", rule.id, to_string(rule.default_severity), rule.summary);
    for (const auto& o : rule.options) {
      out += fmt::format("{:<34}          option {} (default {}): {}\n", "", o.name, o.default_value, o.help);
    }
  }
  out += fmt::format("\n{} rules. 'govmap explain RULE' shows a rule's documentation.\n", rule_catalogue().size());
  return out;
}

std::string rules_json() {
  JsonWriter j;
  j.begin_object().key("rules").begin_array();
  for (const auto& rule : rule_catalogue()) {
    j.begin_object().field("id", rule.id).field("severity", to_string(rule.default_severity))
        .field("summary", rule.summary).key("options").begin_array();
    for (const auto& o : rule.options) {
      j.begin_object().field("name", o.name).field("default", o.default_value).field("help", o.help).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.finish();
}

}  // namespace

Command rules_command() {
  Command c;
  c.name = "rules";
  c.usage = "rules [--format text|json]";
  c.summary = "List the rules: id, default severity, summary and options with defaults.";
  c.options = {{"--format", "FORMAT", "output format", {"text", "json"}, ""}};
  c.run = [](const Args& args, Io& io) {
    io.out << (args.get("--format", "text") == "json" ? rules_json() : rules_text());
    return kExitOk;
  };
  return c;
}

}  // namespace govmap::cli
