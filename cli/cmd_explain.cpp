// govmap explain RULE: print a rule's documentation (embedded from rules/<category>/<slug>.md).

#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/text.h"
#include "rules/catalogue.h"
#include "rules/docs.h"

namespace govmap::cli {

Command explain_command() {
  Command c;
  c.name = "explain";
  c.usage = "explain RULE";
  c.summary = "Show a rule's documentation: what it finds, why it matters, options, limits.";
  c.min_positional = 1;
  c.max_positional = 1;
  c.run = [](const Args& args, Io& io) {
    const std::string& id = args.positional[0];
    const Rule* rule = find_rule(id);
    if (rule == nullptr) {
      std::vector<std::string> ids;
      for (const auto& r : rule_catalogue()) ids.push_back(r.id);
      io.err << fmt::format("govmap explain: unknown rule '{}'{}\nRun 'govmap rules' for the list.\n", id,
                            did_you_mean(id, ids));
      return kExitUsage;
    }
    const std::string_view doc = rule_doc(id);
    if (doc.empty()) {
      io.err << fmt::format("govmap explain: rule '{}' has no documentation\n", id);
      io.out << fmt::format("{}: {}\n", rule->id, rule->summary);
      return kExitOk;
    }
    io.out << doc;
    if (doc.back() != '\n') io.out << '\n';
    return kExitOk;
  };
  return c;
}

}  // namespace govmap::cli
