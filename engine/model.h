#pragma once
// The domain model: what a govmap XML model says, after loading and reference checks.
// Plain data; the loader fills it, rules and renderers read it.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/id_index.h"
#include "engine/memory.h"
#include "engine/source_file.h"
#include "engine/symbol.h"
#include "engine/vocabulary.h"

namespace govmap {

enum class ModelStatus { Current, Historical, Proposed };
enum class LegalStatus { Statutory, StatutoryCommittee, NonStatutory, Contractor, Proposed, Abolished, None };
enum class Confidence { Stated, Estimate, Inferred };
enum class LinkKind { Funding, Accountability, Delegation, Commissioning, Regulation, Partner };
enum class SeatRole { Chair, ViceChair, CoChair, Member };

inline constexpr LinkKind kAllLinkKinds[] = {LinkKind::Funding,       LinkKind::Accountability,
                                             LinkKind::Delegation,    LinkKind::Commissioning,
                                             LinkKind::Regulation,    LinkKind::Partner};

std::string_view to_string(ModelStatus status);
std::string_view to_string(LegalStatus status);
std::string_view to_string(Confidence confidence);
std::string_view to_string(LinkKind kind);
std::string_view to_string(SeatRole role);
std::optional<ModelStatus> parse_model_status(std::string_view text);
std::optional<LegalStatus> parse_legal_status(std::string_view text);
std::optional<Confidence> parse_confidence(std::string_view text);
std::optional<LinkKind> parse_link_kind(std::string_view text);
/// "funding", "accountability", ...: every link kind as a model writes it, for messages.
std::vector<std::string> link_kind_names();
std::optional<SeatRole> parse_seat_role(std::string_view text);

/// Powers a body has in law, as a bit set.
enum Power : std::uint8_t {
  kHoldBudget = 1,
  kEmployStaff = 2,
  kCommission = 4,
  kProvide = 8,
};
std::optional<Power> parse_power(std::string_view text);
std::string powers_to_string(std::uint8_t powers);

/// Provenance shared by every element: where it is written and what supports it.
struct Provenance {
  Location location;
  SymbolList sources;  // ids of <source> elements
  Symbol evidence;
  Symbol note;
  Confidence confidence = Confidence::Stated;
  /// The dates the element holds: from `since` (inclusive) until `until` (exclusive, the first
  /// day it no longer holds), YYYY-MM-DD or empty for no bound (models/FORMAT.md, "Dates").
  /// A loaded model holds only the elements in force at its date.
  Symbol since, until;
};

/// Whether `date` (YYYY-MM-DD) lies in [since, until); an empty bound is open.
inline bool in_force(std::string_view date, std::string_view since, std::string_view until) {
  return (since.empty() || since <= date) && (until.empty() || date < until);
}

struct Source {
  Symbol id;
  std::string title, publisher, year, url, section;
  Location location;
};

struct Area {
  Symbol id, code, name, kind, parent, population_year;
  std::optional<double> population;  // as given; see Geography for summed populations
  Provenance provenance;
};

struct Suppression {
  std::string rule, subject, reason, expires;  // expires: YYYY-MM-DD or empty
  Location location;
  bool from_baseline = false;
  /// Read from the baseline a proposal extends: when it matches nothing in the proposal, the
  /// proposal changed what it accepted (a reform removing a statutory dual role), which is not
  /// reported as an unused suppression.
  bool inherited = false;
};

struct Body {
  Symbol id, name, kind, sector, code, part_of;
  LegalStatus status = LegalStatus::Statutory;
  int count = 1;
  bool elected = false;
  std::uint8_t powers = 0;
  std::vector<Symbol> duties, functions, covers;
  /// Baseline bodies this one succeeds through a proposal's merge, split, abolish or rename.
  std::vector<Symbol> predecessors;
  Provenance provenance;
};

struct Person {
  Symbol id, name;
  Provenance provenance;
};

struct Post {
  Symbol id, title, of, holder;
  /// As written, a post template: one post per body of this kind (loading expands it into
  /// posts "<id>@<body id>"; no template is left in a loaded model).
  Symbol of_kind;
  /// The id of the template this post was made from ("" when written out).
  Symbol from_template;
  /// An office held by several people ("non-executive member of NHS Fife"): a seat held by it
  /// may be any of them.
  bool shared = false;
  Provenance provenance;
  /// As written, a post that stands in for the template `replaces` for the bodies `for_bodies`
  /// (a director of public health two councils share): those bodies get this post instead of
  /// "<template>@<body>" (models/FORMAT.md, "Shared posts"). Empty for other posts.
  Symbol replaces;
  std::vector<Symbol> for_bodies;
};

struct Seat {
  Symbol id, body, holder, nominated_by, sector;
  /// As written, a kind-level seat: one seat on every body of `body_kind`, nominated by the
  /// related body of `nominated_by_kind`. Loading expands them (the seats keep the element's
  /// id); both are empty in a loaded model.
  Symbol body_kind, nominated_by_kind;
  std::vector<Symbol> except;  // bodies of `body_kind` the seat leaves out
  SeatRole role = SeatRole::Member;
  bool voting = true;
  int count = 1;
  Provenance provenance;
};

/// A period in which a link exists but does not operate (an accountability to a legislature
/// while there is no minister), with the reason and its source: <not-operating> in a link.
/// A period in words: "from 2022-10-28 until 2024-02-03", "until 2024-04-01", "from 2024-04-01",
/// "at every date" (since inclusive, until exclusive; either may be empty).
std::string period_text(std::string_view since, std::string_view until);

/// Whether two periods [since, until) share a day; an empty bound is open. Anything with
/// `since` and `until` (a Provenance).
template <typename A, typename B>
bool periods_overlap(const A& a, const B& b) {
  const bool a_ends_first = !a.until.empty() && !b.since.empty() && a.until <= b.since;
  const bool b_ends_first = !b.until.empty() && !a.since.empty() && b.until <= a.since;
  return !a_ends_first && !b_ends_first;
}

struct NotOperating {
  std::string reason;
  Provenance provenance;  // since/until give the period
};

struct Link {
  Symbol id;
  LinkKind kind = LinkKind::Funding;
  Symbol from, to;
  Symbol subtype;  // funding mechanism or accountability kind
  std::optional<double> amount;  // this link's own amount
  Symbol currency{"GBP"}, year, held_by;
  /// 1 + the index in Model::link_totals of the kind-level element this link was expanded
  /// from, when that element states a `total` for all its links; 0 otherwise.
  std::uint32_t total_of = 0;
  SymbolList functions;
  Provenance provenance;
  /// As written, every period in which the link does not operate; in a loaded model, only the
  /// one in force at the model's date (so the link operates when this is empty).
  std::vector<NotOperating> not_operating;
  bool operating() const { return not_operating.empty(); }
  /// "not operating from 2022-10-28 until 2024-02-03: no minister" (its first period at the
  /// date read); only for a link that is not operating.
  std::string not_operating_text() const;
};

struct Claim {
  Symbol id, metric;
  std::string text;
  double value = 0, tolerance = 0;
  std::map<std::string, std::string> params;  // metric parameters, e.g. kind, by
  Provenance provenance;
};

/// A loaded model. Element vectors keep document order; the indexes map ids to positions.
struct Model {
  /// as_of is the date the model is read at: the root's as-of, or --as-of (LoadOptions).
  std::string id, nation, title, as_of, extends;
  /// The root's as-of as written (the date the model was last brought up to date), and where.
  std::string stated_as_of;
  Location as_of_location, nation_location;
  /// The root's since: the earliest date the model describes (empty: not stated), and where.
  std::string since;
  Location since_location;
  /// Every file the chain of `extends` resolved to (a path or a named model's file), nearest first.
  std::vector<std::string> baselines;
  /// The file this model's own `extends` resolved to; empty when it extends nothing.
  std::string extends_path() const { return baselines.empty() ? std::string() : baselines.front(); }
  ModelStatus status = ModelStatus::Current;
  std::vector<Symbol> model_sources;
  std::shared_ptr<const SourceFiles> files;
  std::shared_ptr<const Vocabulary> vocabulary;

  std::vector<Source> sources;
  HugePageVector<Area> areas;  // large models: in huge pages (engine/memory.h)
  HugePageVector<Body> bodies;
  std::vector<Person> people;
  std::vector<Post> posts;
  std::vector<Seat> seats;
  HugePageVector<Link> links;
  /// The `total` stated on a kind-level funding element, and how many links it expanded to.
  struct LinkTotal {
    double total = 0;
    std::size_t links = 0;
  };
  std::vector<LinkTotal> link_totals;
  std::vector<Claim> claims;
  /// Baseline claims a proposal set aside with <supersede>, with its reason.
  struct SupersededClaim {
    Claim claim;
    std::string reason;
    Location location;
  };
  std::vector<SupersededClaim> superseded_claims;
  std::vector<Suppression> suppressions;

  IdIndex body_index, area_index, source_index, person_index, post_index;

  const Body* find_body(std::string_view id) const;
  const Area* find_area(std::string_view id) const;
  const Source* find_source(std::string_view id) const;
  const Post* find_post(std::string_view id) const;
  /// The display label of a body kind ("Integrated care board"); the id when unknown.
  std::string kind_label(std::string_view kind, bool plural = false) const;
  /// A hint for a body written by its name rather than its id: " (bodies named like it: 'BHSCT'
  /// (Belfast Health and Social Care Trust))" when one to three bodies (of `kind`, when given)
  /// have a name holding every word of `written` ("belfast-trust"), as itself or as the initials
  /// of words in it ("powys-thb": Powys Teaching Health Board) or of the body's kind ("rpb":
  /// regional-partnership-board); "" otherwise.
  std::string named_like(const std::string& written, std::string_view kind = {}) const;
  /// The same for an area written by name (" (areas named like it: 'W06000001' (Isle of
  /// Anglesey))"): among the areas that hold others (councils, not their small areas, whose
  /// names repeat the council's), those whose names hold every word written.
  std::string areas_named_like(std::string_view written) const;
  /// The bodies that name `body_id` among their predecessors, as "'ID' (NAME), ..." ("" for none):
  /// what a reform or a later date put in place of a body that is not in the model.
  std::string successors_of(std::string_view body_id) const;
  /// "path:line:col" of a location in this model.
  std::string where(const Location& location) const;
  /// Rebuilds the id indexes after elements were added or removed.
  void reindex();
  /// Rebuilds the post index only (after post templates were expanded).
  void reindex_posts();
};

/// Money on a set of funding links: each link's own amount, plus the `total` of each
/// kind-level element when all of its links are in the set (a total is never split between
/// bodies: a set holding only some of those links leaves them unstated).
class MoneySum {
 public:
  explicit MoneySum(const Model& model) : model_(model) {}
  void add(const Link& link);
  double amount() const;
  std::size_t stated() const;    // links whose money the amount includes
  std::size_t unstated() const;  // links without a stated amount
  bool complete() const { return unstated() == 0; }
  bool empty() const { return links_ == 0; }

 private:
  const Model& model_;
  double own_ = 0;
  std::size_t links_ = 0, own_stated_ = 0;
  std::map<std::uint32_t, std::size_t> in_group_;  // total_of -> links added
};

}  // namespace govmap
