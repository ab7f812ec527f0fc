#include "engine/finding.h"

#include <set>

#include <fmt/format.h>

namespace govmap {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

std::string finding_key(const Finding& finding, const std::function<std::string(const Subject&)>& id_of) {
  std::set<std::string> subjects;
  for (const auto& s : finding.subjects) subjects.insert(s.type + ":" + (id_of ? id_of(s) : s.id));
  std::string key = finding.rule;
  for (const auto& s : subjects) key += "|" + s;
  return key;
}

std::string fingerprint(std::string_view key) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (const unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace govmap
