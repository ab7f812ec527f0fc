#pragma once
// Shared between loader.cpp (reading elements) and resolve.cpp (checking references).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostics.h"
#include "engine/model.h"

namespace govmap::detail {

/// What a kind-level link names instead of a body: a body kind on one side (at most), and the
/// total money of all the links it stands for.
struct KindSide {
  std::string from_kind, to_kind;
  std::optional<double> total;  // funding only
};

/// What the loader keeps beside each link as written. Small, as a model may have a million
/// links: the kind side is held apart, only for the few links that name a kind (shared by the
/// copies a split makes).
struct LinkKindSide {
  std::shared_ptr<const KindSide> named;  // null for a link between two bodies
  bool dropped = false;  // removed by a proposal's verb (a merged body's link to itself)
  bool names_kind() const { return named != nullptr; }
  const std::string& from_kind() const { return named ? named->from_kind : kNone; }
  const std::string& to_kind() const { return named ? named->to_kind : kNone; }
  std::optional<double> total() const { return named ? named->total : std::nullopt; }

 private:
  static inline const std::string kNone;
};

/// A <coverage> element or a body's covers attribute: areas added to a body.
struct RawCoverage {
  Symbol body;
  std::vector<Symbol> areas;
  Location location;
  Symbol since, until;  // the dates the coverage holds (Provenance)
};

/// Everything read from the files, before references are checked.
struct RawModel {
  Model model;  // model.links holds the links as written until resolve() expands them in place
  HugePageVector<LinkKindSide> link_sides;  // one per element of model.links
  std::vector<RawCoverage> coverage;
  /// Where a proposal removed each (what, id): a reference left to it is reported there.
  std::map<std::pair<std::string, std::string>, Location> removed_at;
  /// The new bodies of verbs that failed (a merge naming an unknown body), each with the verb's
  /// location: a reference to one is told so, not offered bodies named like it.
  std::map<std::string, Location> unmade;
  /// What a proposal's verbs did to each baseline body they replaced, by its id: its successors
  /// (none when removed or abolished without one), in words ("merged into"), where, in which
  /// layer, and the body's kind.
  struct Succession {
    std::vector<Symbol> successors;
    std::string verb;
    Location location;
    int layer = 0;
    Symbol kind;
  };
  std::map<std::string, Succession> successions;
  /// The layer each file was read in, by file id: 0 for the first baseline, one more for each
  /// model that extends it.
  std::vector<int> file_layer;
  /// The layer an element was read in (`otherwise` for a file not read as a layer's).
  int layer_of(const Location& at, int otherwise = 0) const {
    return at.file < file_layer.size() ? file_layer[at.file] : otherwise;
  }
  /// A proposal's baseline: the date it was read at, and its bodies not in force then (the
  /// latest version of each), so that a reference to one says when it held (held_then).
  std::string baseline_date;
  struct Held {
    Symbol name, since, until;
  };
  std::map<Symbol, Held> other_dates;
  /// "NAME held from S until U; it was succeeded by 'ID' (NAME), ..." for a body of `other_dates`.
  std::optional<std::string> held_then(Symbol id) const;

  /// Removes the links (with their sides) for which `drop(link)` is true, and those a verb
  /// marked dropped, keeping the order.
  template <typename Drop>
  void erase_links_if(Drop drop) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < model.links.size(); ++i) {
      if (link_sides[i].dropped || drop(model.links[i])) continue;
      if (kept != i) {
        model.links[kept] = std::move(model.links[i]);
        link_sides[kept] = std::move(link_sides[i]);
      }
      ++kept;
    }
    model.links.resize(kept);
    link_sides.resize(kept);
  }
};

/// Most links that kind-level links may stand for in one model (models/FORMAT.md, "Limits").
inline constexpr std::size_t kMaxExpandedLinks = 1'000'000;

/// Checks the shared posts (<post replaces="TEMPLATE" for="BODY …">, engine/shared_posts.cpp):
/// the template exists, each body exists and is of its kind, and no body has two at once. A
/// proposal's own shared post stands in for the baseline's for the bodies it serves, and two
/// baseline posts that a verb's merger gave one body serve it no longer (with a warning at the
/// verb): both leave that body out of their 'for'. Runs before apply_dates(), so every date is
/// checked whatever date the model is read at.
void check_shared_posts(RawModel& raw, DiagnosticSink& sink);

/// Checks the dates of every element (each reference must exist whenever the element does)
/// and leaves out what is not in force at the date the model is read at: `as_of`, or the
/// model's own as-of when empty, warning when it is after that unless `at_most` (then the
/// model's own as-of is read instead; engine/dated.cpp). Runs after reading and before resolve().
void apply_dates(RawModel& raw, DiagnosticSink& sink, const std::string& as_of, bool at_most = false);

/// Checks every reference and vocabulary use, expands kind-level links, attaches coverage and
/// fills defaults from the vocabulary. Reports problems to `sink`, stopping (without expanding
/// links) once it holds `max_errors` errors.
void resolve(RawModel& raw, DiagnosticSink& sink, std::size_t max_errors);

/// Expands kind-level seats and post templates (models/FORMAT.md, "Membership at kind level")
/// into seats and posts of single bodies, after resolve() found no error. A template post held
/// on a body with no related body of the post's kind is reported. Does nothing (and builds no
/// geography) when the model has no templates.
void expand_membership(RawModel& raw, DiagnosticSink& sink);

}  // namespace govmap::detail
