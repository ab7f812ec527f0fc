#pragma once
// Structural comparison of two models (a baseline and a proposal): bodies matched by id, then
// by official code, then by name and kind; links, seats and area coverage compared through
// that matching. Deterministic: every list is sorted.

#include <optional>
#include <string>
#include <vector>

#include "engine/geography.h"
#include "engine/model.h"

namespace govmap {

enum class MatchBy { Id, Code, NameAndKind };
std::string_view to_string(MatchBy by);

/// A baseline body and the proposal body taken to be the same body.
struct BodyMatch {
  std::size_t base = 0, proposal = 0;  // indexes in each model's bodies
  MatchBy by = MatchBy::Id;
};

struct FieldChange {
  std::string field, before, after;
};

struct BodyChange {
  BodyMatch match;
  std::vector<FieldChange> fields;
};

/// A link described through the matching: ends are baseline ids where the body is matched.
struct LinkChange {
  std::optional<std::size_t> base, proposal;  // link indexes; one side empty when added/removed
  std::vector<FieldChange> fields;            // for changed links
};

/// An area whose coverage by one kind of body changed (e.g. a council area moved to another ICB).
struct AreaMove {
  Symbol area, kind;                          // area id; the body kind whose coverage changed
  SymbolList from, to;                        // body ids covering it before (baseline) and after (proposal)
};

struct SeatChange {
  std::string body;       // the board (proposal id, or baseline id when removed)
  long long before = 0, after = 0, voting_before = 0, voting_after = 0;
  /// Baseline boards the board succeeds (merged into it, or abolished with it as successor),
  /// whose seats `before` counts with its own.
  std::vector<std::string> succeeded;
  /// The posts holding its seats only before (baseline ids) and only after (proposal ids),
  /// sorted: a shared director in place of the council's own, or the reverse.
  std::vector<Symbol> holders_left, holders_joined;
};

struct ModelDiff {
  std::vector<BodyMatch> matches;           // every matched pair
  /// (baseline, proposal) body indexes where the proposal body succeeds a baseline body through
  /// a proposal's merge, split, abolish or rename (Body::predecessors). A split's part that
  /// keeps the body's name is also its match. Sorted.
  std::vector<std::pair<std::size_t, std::size_t>> successions;
  std::vector<std::size_t> added_bodies;    // proposal indexes
  std::vector<std::size_t> removed_bodies;  // baseline indexes
  std::vector<BodyChange> changed_bodies;
  std::vector<LinkChange> added_links, removed_links, changed_links;
  /// Baseline links that became the same link as another when their bodies merged.
  std::vector<LinkChange> merged_links;
  std::vector<AreaMove> area_moves;
  std::vector<SeatChange> seat_changes;

  /// The proposal body matched to a baseline body, if any.
  std::optional<std::size_t> proposal_of(std::size_t base) const;
  /// The baseline body matched to a proposal body, if any.
  std::optional<std::size_t> base_of(std::size_t proposal) const;
  /// The proposal body a baseline body became: its match, else its only successor.
  std::optional<std::size_t> successor_of(std::size_t base) const;
  /// Whether a baseline body was split into several proposal bodies (its match may be one).
  bool was_split(std::size_t base) const;
  bool empty() const;

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> base_to_proposal, proposal_to_base;  // kNone when unmatched
};

/// What a proposal (or a later date) changes of its baseline; coverage is compared by smallest
/// area, in each model's own geography.
ModelDiff diff_models(const Model& base, const Model& proposal, const Geography& base_geography,
                      const Geography& proposal_geography);

}  // namespace govmap
