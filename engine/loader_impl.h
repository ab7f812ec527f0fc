#pragma once
// The loader's reader, shared by loader.cpp (files, includes, baselines, finishing),
// elements.cpp (one function per element) and overlay.cpp (a proposal's changes to its
// baseline). Internal to the engine: load_model in engine/loader.h is the interface.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/loader.h"
#include "engine/loader_internal.h"
#include "engine/xml_input.h"
#include "engine/xml_stream.h"

namespace govmap::detail {

inline const std::vector<std::string> kProvenance = {"source", "evidence", "confidence", "note", "since", "until"};
/// The provenance of a reform verb or format-1 overlay element: verbs are not dated (a proposal
/// is read at its own date), so since/until on one is an unknown attribute, not ignored.
inline const std::vector<std::string> kVerbProvenance = {"source", "evidence", "confidence", "note"};
inline const std::vector<std::string> kBodyAttributes = {
    "id", "name", "kind", "status", "sector", "code", "part-of", "count", "elected",
    "powers", "duties", "functions", "covers", "predecessors"};
inline const std::vector<std::string> kLinkAttributes = {"id", "from", "to", "from-kind", "to-kind"};
inline const std::vector<std::string> kClaimParameters = {"kind", "status", "body", "voting",
                                                          "nominated-by", "by", "sliver",
                                                          "mechanism", "from", "to"};

/// a followed by b.
std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b);
std::vector<std::string> names_of(std::initializer_list<std::string_view> items);

/// Body attributes a reform verb may set on the body it creates or keeps (not its id or coverage).
std::vector<std::string> settable_body_attributes();
/// Appends the words of `from` that `to` does not have yet.
void append_unique(std::vector<Symbol>& to, const std::vector<Symbol>& from);

/// Why a file is read: the model named on the command line, an <include>, or a baseline that a
/// model extends.
enum class FileRole { Top, Include, Baseline };

/// Reads one model: the top-level file, its includes and baseline, into a RawModel, then
/// applies a proposal's changes and resolves references.
class Loader {
 public:
  /// With `stream`, large files are read as they are parsed (engine/xml_stream.h); reading
  /// then throws XmlStream::Abandoned when a parse gives up.
  Loader(DiagnosticSink& sink, const LoadOptions& options, bool stream)
      : sink_(sink), options_(options), files_(std::make_shared<SourceFiles>()), stream_(stream) {}

  std::optional<Model> load(const std::string& path);

 private:
  Model& model() { return raw_.model; }
  bool too_many() const { return sink_.error_count() >= options_.max_errors; }

  // Reads one file (top-level, include or baseline) into the raw model.
  bool read_file(const std::string& path, Location from, FileRole role);

  // The document element of a file and what it holds; `stream` when the file is still being
  // parsed.
  bool read_document(std::uint32_t file, const XmlNode& root, FileRole role,
                     const std::string& canonical, Location from, XmlStream* stream);

  bool read_root(std::uint32_t file, const XmlNode& root, FileRole role);

  bool read_baseline(std::uint32_t file, AttributeReader& a);

  // The file an extends="..." names: a path (relative to the file, or absolute, anywhere) or
  // the name of a model on the search path.
  std::optional<std::string> resolve_extends(std::uint32_t file, const std::string& extends, Location at);

  /// The layer an element was read in: 0 for the first baseline, one more for each model
  /// that extends it. Overlay elements need a layer above 0.
  int layer_of(const Location& at) const { return raw_.layer_of(at, layer_); }

  void load_vocabulary(std::uint32_t file, AttributeReader& a);

  // A path named in a file, checked to stay inside the model root.
  std::optional<std::string> resolve_relative(std::uint32_t file, const std::string& href, Location at);

  /// The elements of a file that the large vectors hold.
  struct ElementCounts {
    std::size_t links = 0, bodies = 0, areas = 0;
    void count(std::string_view name);
  };
  /// Counted among the document element's children.
  static ElementCounts count_children(const XmlNode& root);
  /// Counted in a file's text while it is parsed: every element so named, wherever it stands (in
  /// a comment, deeper down), so never fewer.
  static ElementCounts count_in_text(std::string_view text);
  /// Makes room for what a file adds, so that the large vectors are not regrown (each regrowth
  /// holds two copies) while a big file is read.
  void reserve_for(const ElementCounts& counts);

  void read_children(std::uint32_t file, const XmlNode& root, XmlStream* stream);

  void read_element(std::uint32_t file, const XmlNode& node);

  /// An element's source, evidence, confidence and note, and (when `dated`) its since and until. A
  /// reform verb is not dated: a since it is given is reported as unknown and not taken.
  Provenance provenance(AttributeReader& a, bool dated = true);

  /// An attribute that names a body by id (a link's ends, a verb's body). One written as a name
  /// ("NHS Fife") is a bad id, reported with the bodies read so far that are named like it.
  Symbol body_ref(AttributeReader& a, std::string_view name, bool required = false);
  /// The same for an attribute that names an area, with the areas named like it.
  Symbol area_ref(AttributeReader& a, std::string_view name, bool required = false);
  template <typename NamedLike>
  Symbol ref(AttributeReader& a, std::string_view name, bool required, NamedLike named_like);

  /// A funding link's financial year, "2021/22"; anything else is an error.
  Symbol financial_year(AttributeReader& a);

  /// A required attribute whose values are the vocabulary's (a funding mechanism, an
  /// accountability kind): when it is missing, the error lists them.
  Symbol vocabulary_attribute(AttributeReader& a, LinkKind element, std::string_view name,
                              const std::vector<Labelled> Vocabulary::*values);

  // Records an id in a namespace; reports a duplicate with a note at the first. A dated element
  // (`dates`) may reuse the id of a dated one: a version of it, whose periods the date pass
  // checks do not overlap; the index keeps the first until the model is read at a date.
  bool claim_id(IdIndex& index, std::vector<Location>& where,
                Symbol id, std::size_t position, Location at, std::string_view what,
                const Provenance* dates = nullptr);

  void no_children(std::uint32_t file, const XmlNode& node);

  void read_source_element(std::uint32_t file, const XmlNode& node);

  void read_include(std::uint32_t file, const XmlNode& node);

  void read_area(std::uint32_t file, const XmlNode& node);

  // Body attributes; with `only_present`, leaves absent ones as they are (for <change>).
  void read_body_attributes(AttributeReader& a, Body& body, bool only_present);

  void read_body(std::uint32_t file, const XmlNode& node);

  void read_coverage(std::uint32_t file, const XmlNode& node);

  void read_person(std::uint32_t file, const XmlNode& node);

  void read_post(std::uint32_t file, const XmlNode& node);

  void read_seat(std::uint32_t file, const XmlNode& node);

  void read_link(std::uint32_t file, const XmlNode& node, LinkKind kind);
  // A link's <not-operating> periods (dated.cpp).
  void read_not_operating(std::uint32_t file, const XmlNode& link_node, Link& link);

  void read_claim(std::uint32_t file, const XmlNode& node);

  void read_suppress(std::uint32_t file, const XmlNode& node, const std::string& subject);

  // Overlay elements and reform verbs (overlay.cpp, reform.cpp, split.cpp).
  static bool is_overlay_element(std::string_view name);
  void read_overlay(std::uint32_t file, const XmlNode& node);
  void read_move_coverage(std::uint32_t file, const XmlNode& node);
  void read_remove_or_change(std::uint32_t file, const XmlNode& node);
  void read_merge(std::uint32_t file, const XmlNode& node);
  void read_split(std::uint32_t file, const XmlNode& node);
  void read_transfer(std::uint32_t file, const XmlNode& node);
  void read_abolish(std::uint32_t file, const XmlNode& node);
  void read_rename(std::uint32_t file, const XmlNode& node);
  void read_supersede(std::uint32_t file, const XmlNode& node);

  using Succession = RawModel::Succession;
  /// The index of a baseline body a verb may act on; reports it (naming its successor when a
  /// verb already replaced it) and gives nullopt otherwise.
  std::optional<std::size_t> live_body(const std::string& id, Location at, std::string_view verb);
  std::string succession_message(const std::string& id, const Succession& s) const;
  /// "path:line" of a location, for a message that names another element.
  std::string line_of(const Location& at) const { return files_->path(at.file) + ":" + std::to_string(at.line); }
  void succeed(const std::string& old_id, std::vector<Symbol> successors, std::string verb, Location at);
  void re_point(const std::string& old_id, const std::string& new_id);
  void absorb(std::size_t body, std::size_t into, std::string verb, Location at);
  /// What a body's successor records as its predecessors: its id, and when a reform verb made it
  /// (in this proposal or one it extends: a split's part merged again) the bodies it came from,
  /// so that compare can follow it to a baseline body.
  std::vector<Symbol> succeeded_ids(std::size_t body);
  void collapse_links(const std::string& id, Location at);
  /// Whether the vocabulary allows link `l`, which a verb at `at` made end at `successor`;
  /// warns there when it does not.
  bool allowed_now(const Link& l, const std::string& successor, Location at);
  /// What to tell a verb naming a link that a merge made one with another (nullopt otherwise).
  std::optional<std::string> merged_link_message(Symbol link) const;
  void collapse_seats(const std::string& id);
  void copy_to_parts(const std::string& id, const std::vector<Symbol>& parts);
  /// After <move-coverage>: the baseline's links and seats between `from` and a body whose whole
  /// area is among the `moved` areas now join that body to `to`.
  void move_ties(const std::string& from, const std::string& to, const std::vector<Symbol>& moved);
  std::vector<Symbol> written_areas(const std::string& body) const;
  std::string body_not_area(const std::string& body) const;
  /// The one of `parts` (a split's) whose areas hold all of `body`'s, if any.
  std::optional<Symbol> part_holding(const std::string& body, const std::vector<Symbol>& parts);
  std::optional<std::vector<Symbol>> leaf_areas(const std::vector<Symbol>& names, Location at);
  /// Reports a proposal's own references to bodies it removed, merged, split or renamed.
  void check_successors();
  /// Reports written `predecessors` that name no body of the model (at any date: it runs
  /// before dates are applied) or the body itself.
  void check_predecessors();
  void remove_body(const std::string& id);

  std::optional<Model> finish(bool read_ok);
  /// Reads the baseline chain at the proposal's date, before the proposal's own elements
  /// (engine/dated.cpp); false when its dates are in error.
  bool date_baseline();
  /// The date the top model is read at: its as-of, or the one asked for.
  const std::string& read_date() const;

  DiagnosticSink& sink_;
  const LoadOptions& options_;
  std::shared_ptr<SourceFiles> files_;
  bool stream_;
  RawModel raw_;
  std::vector<std::string> roots_;  // the folder each model being read must keep its includes in
  std::vector<std::string> stack_;
  std::vector<Location> stack_locations_;
  std::vector<FileRole> stack_roles_;  // how each file of stack_ was reached
  std::set<std::string> loaded_;
  std::set<std::string> listed_;  // missing attributes whose values an error has listed
  bool include_unread_ = false;  // an include that could not be read: references not checked
  int layer_ = 0, layers_ = 0;
  std::vector<bool> status_given_;
  IdIndex seat_ids_, link_ids_, claim_ids_;
  // (what: a literal, id) first written dated. Hashed: a set would order its keys by their ids'
  // texts, England's 3,700 dated areas costing 1,500 instructions each.
  struct DatedIdHash {
    std::size_t operator()(const std::pair<std::string_view, Symbol>& key) const {
      return std::hash<std::string_view>()(key.first) * 31 + key.second.id();
    }
  };
  std::unordered_set<std::pair<std::string_view, Symbol>, DatedIdHash> dated_ids_;
  struct WrittenPredecessors {
    Symbol body;
    std::vector<Symbol> predecessors;
    Location at;
  };
  std::vector<WrittenPredecessors> written_predecessors_;  // not yet checked
  // The proposals of the chain being read (path, as-of), innermost last.
  std::vector<std::pair<std::string, std::string>> baseline_proposals_;
  std::string baseline_since_;  // the latest `since` of the baseline chain: the earliest date it describes
  std::vector<Location> source_where_, area_where_, body_where_, person_where_, post_where_,
      seat_where_, link_where_, claim_where_;
  // Symbols, not strings: finish() asks of every element whether it went, and a string set made a
  // std::string of each of England's 34,000 area ids to ask.
  std::set<Symbol> removed_bodies_, removed_areas_, removed_links_, removed_seats_, removed_claims_;
  // Links a merge made one with another (collapse_links): the link kept, and the merge.
  struct MergedLink {
    std::size_t into;
    Location at;
  };
  std::map<Symbol, MergedLink> merged_links_;
  std::set<Symbol> made_by_verb_;  // bodies a split, merge or rename made (succeeded_ids)
  std::vector<std::vector<std::size_t>> area_children_;  // built when a verb needs leaf areas
  std::unordered_map<std::string, std::size_t> area_by_code_;
};

}  // namespace govmap::detail
