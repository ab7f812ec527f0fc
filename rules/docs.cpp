#include "rules/docs.h"

#include "engine/text.h"

namespace govmap {

std::string_view rule_doc(std::string_view rule_id) {
  const auto& docs = rule_docs();
  auto it = docs.find(std::string(rule_id));
  return it == docs.end() ? std::string_view() : it->second;
}

std::string rule_doc_description(std::string_view rule_id) {
  std::string_view doc = rule_doc(rule_id);
  if (const auto section = doc.find("## What it finds"); section != std::string_view::npos) {
    doc = doc.substr(doc.find('\n', section) + 1);
  } else if (const auto title_end = doc.find('\n'); title_end != std::string_view::npos) {
    doc = doc.substr(title_end + 1);  // skip the "# title" line
  }
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < doc.size()) {
    std::size_t end = doc.find('\n', pos);
    if (end == std::string_view::npos) end = doc.size();
    const std::string_view line = doc.substr(pos, end - pos);
    pos = end + 1;
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank && !words.empty()) break;
    if (blank) continue;
    if (line.front() == '#') break;
    for (auto& w : split_words(line)) words.push_back(std::move(w));
  }
  return join(words, " ");
}

}  // namespace govmap
