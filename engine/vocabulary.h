#pragma once
// The vocabulary a model draws on: sectors, tiers, body kinds, link kinds, mechanisms,
// accountability kinds, allowed links and must-partner pairs (models/vocabulary.xml).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace govmap {

class DiagnosticSink;
class SourceFiles;

struct Labelled {
  std::string id, label;
};

struct Tier {
  std::string id, label;
  int rank = 0;
};

struct BodyKind {
  std::string id, label, plural, sector, tier, default_status;
};

struct LinkRule {
  std::string link;                    // link kind id
  std::vector<std::string> from, to;   // kind ids, "sector:ID" or "*"
};

struct Vocabulary {
  std::string path;  // where it was read from ("<built-in>" for the embedded one)
  std::vector<Labelled> sectors, link_kinds, mechanisms, accountability_kinds;
  std::vector<Tier> tiers;
  std::vector<BodyKind> body_kinds;
  std::vector<LinkRule> allowed_links;
  std::vector<std::pair<std::string, std::string>> must_partner;

  const BodyKind* body_kind(std::string_view id) const;
  const Tier* tier(std::string_view id) const;
  const Labelled* sector(std::string_view id) const;
  const Labelled* mechanism(std::string_view id) const;
  const Labelled* accountability_kind(std::string_view id) const;
  /// Whether a link of kind `link` may join a body of kind `from_kind` (sector `from_sector`)
  /// to one of kind `to_kind` (sector `to_sector`).
  bool allows(std::string_view link, std::string_view from_kind, std::string_view from_sector,
              std::string_view to_kind, std::string_view to_sector) const;
};

/// Parses the vocabulary document that is file `file` of `files`; problems go to `sink` with
/// locations in `files`.
std::optional<Vocabulary> parse_vocabulary(SourceFiles& files, std::uint32_t file, DiagnosticSink& sink);

/// The vocabulary built into the binary (models/vocabulary.xml at build time).
const Vocabulary& builtin_vocabulary();

}  // namespace govmap
