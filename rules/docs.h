#pragma once
// Rule documentation embedded at build time from rules/<category>/<slug>.md (see
// cmake/embed_docs.cmake), keyed by rule id "<category>-<slug>".

#include <map>
#include <string>
#include <string_view>

namespace govmap {

/// Every rule doc, keyed by rule id.
const std::map<std::string, std::string_view>& rule_docs();

/// The rule's doc, or "" when it has none.
std::string_view rule_doc(std::string_view rule_id);

/// The first paragraph of the doc's "What it finds" section (or of the doc), on one line.
std::string rule_doc_description(std::string_view rule_id);

}  // namespace govmap
