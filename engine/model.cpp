#include "engine/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/text.h"

namespace govmap {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view text, const std::array<std::pair<Enum, std::string_view>, N>& names) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::pair<Enum, std::string_view>, N>& names) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "?";
}

constexpr std::array<std::pair<ModelStatus, std::string_view>, 3> kModelStatus = {{
    {ModelStatus::Current, "current"}, {ModelStatus::Historical, "historical"}, {ModelStatus::Proposed, "proposed"}}};
constexpr std::array<std::pair<LegalStatus, std::string_view>, 7> kLegalStatus = {{
    {LegalStatus::Statutory, "statutory"},
    {LegalStatus::StatutoryCommittee, "statutory-committee"},
    {LegalStatus::NonStatutory, "non-statutory"},
    {LegalStatus::Contractor, "contractor"},
    {LegalStatus::Proposed, "proposed"},
    {LegalStatus::Abolished, "abolished"},
    {LegalStatus::None, "none"}}};
constexpr std::array<std::pair<Confidence, std::string_view>, 3> kConfidence = {{
    {Confidence::Stated, "stated"}, {Confidence::Estimate, "estimate"}, {Confidence::Inferred, "inferred"}}};
constexpr std::array<std::pair<LinkKind, std::string_view>, 6> kLinkKind = {{
    {LinkKind::Funding, "funding"},
    {LinkKind::Accountability, "accountability"},
    {LinkKind::Delegation, "delegation"},
    {LinkKind::Commissioning, "commissioning"},
    {LinkKind::Regulation, "regulation"},
    {LinkKind::Partner, "partner"}}};
constexpr std::array<std::pair<SeatRole, std::string_view>, 4> kSeatRole = {{
    {SeatRole::Chair, "chair"}, {SeatRole::ViceChair, "vice-chair"}, {SeatRole::CoChair, "co-chair"},
    {SeatRole::Member, "member"}}};
constexpr std::array<std::pair<Power, std::string_view>, 4> kPower = {{
    {kHoldBudget, "hold-budget"}, {kEmployStaff, "employ-staff"}, {kCommission, "commission"}, {kProvide, "provide"}}};

}  // namespace

std::string_view to_string(ModelStatus status) { return name_of(status, kModelStatus); }
std::string_view to_string(LegalStatus status) { return name_of(status, kLegalStatus); }
std::string_view to_string(Confidence confidence) { return name_of(confidence, kConfidence); }
std::string_view to_string(LinkKind kind) { return name_of(kind, kLinkKind); }
std::string_view to_string(SeatRole role) { return name_of(role, kSeatRole); }
std::optional<ModelStatus> parse_model_status(std::string_view text) { return parse_enum(text, kModelStatus); }
std::optional<LegalStatus> parse_legal_status(std::string_view text) { return parse_enum(text, kLegalStatus); }
std::optional<Confidence> parse_confidence(std::string_view text) { return parse_enum(text, kConfidence); }
std::optional<LinkKind> parse_link_kind(std::string_view text) { return parse_enum(text, kLinkKind); }
std::optional<SeatRole> parse_seat_role(std::string_view text) { return parse_enum(text, kSeatRole); }
std::vector<std::string> link_kind_names() {
  std::vector<std::string> names;
  for (const LinkKind kind : kAllLinkKinds) names.emplace_back(to_string(kind));
  return names;
}
std::optional<Power> parse_power(std::string_view text) { return parse_enum(text, kPower); }

std::string period_text(std::string_view since, std::string_view until) {
  if (since.empty() && until.empty()) return "at every date";
  if (since.empty()) return fmt::format("until {}", until);
  if (until.empty()) return fmt::format("from {}", since);
  return fmt::format("from {} until {}", since, until);
}

namespace {
// The initials of a lower-case name's words, leaving out the small ones that abbreviations skip
// ("Belfast Health and Social Care Trust": "bhsct").
std::string initials_of(const std::string& name) {
  static const std::vector<std::string> kSkipped = {"and", "of", "the", "for", "&"};
  std::string out;
  for (const auto& word : split_words(name)) {
    if (std::find(kSkipped.begin(), kSkipped.end(), word) == kSkipped.end()) out += word.front();
  }
  return out;
}
}  // namespace

std::string Model::named_like(const std::string& written, std::string_view kind) const {
  std::vector<std::string> words = written_words(written);
  std::erase_if(words, [](const std::string& w) { return w.size() < 3; });
  if (words.empty()) return {};
  // The bodies whose names hold the most of the words written: all of them when some name does;
  // else the most any name holds ("fife-ijb": Fife's council, health board and integration
  // authority hold "fife", none "ijb"), so that a word the model spells otherwise still finds it.
  std::size_t best = 0;
  std::vector<const Body*> found;
  for (const Body& body : bodies) {
    if (!kind.empty() && body.kind != kind) continue;
    const std::string name = lower(body.name);
    const std::string initials = initials_of(name);
    std::string kind_words(body.kind.view());
    std::replace(kind_words.begin(), kind_words.end(), '-', ' ');
    const std::string kind_initials = initials_of(kind_words);
    // A word is in the name, or abbreviates words of the name ("thb": Teaching Health Board),
    // the body's kind ("icb": integrated-care-board) or a county as the English write them, a
    // beginning and an 's' ("notts": Nottinghamshire; lincs, leics, herts, staffs, derbys...).
    const auto in_name = [&](const std::string& w) {
      const bool county = w.size() >= 4 && w.back() == 's' &&
                          name.find(std::string_view(w).substr(0, w.size() - 1)) != std::string::npos;
      return name.find(w) != std::string::npos || initials.find(w) != std::string::npos ||
             kind_initials == w || county;
    };
    const auto held = static_cast<std::size_t>(std::count_if(words.begin(), words.end(), in_name));
    if (held == 0 || held < best) continue;
    if (held > best) found.clear();
    best = held;
    found.push_back(&body);
  }
  // Many bodies holding some of the words say little (every ICB holds "icb"); many holding them
  // all (every "health board") are worth listing, the first few and how many more.
  if (found.empty() || (found.size() > 3 && best < words.size())) return {};
  std::vector<std::string> listed;
  for (const Body* body : found) listed.push_back(fmt::format("'{}' ({})", body->id, body->name));
  std::string label = kind.empty() ? "bodies" : kind_label(kind, found.size() > 1);
  if (label.size() > 1 && std::islower(static_cast<unsigned char>(label[1]))) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return fmt::format(" ({} named like it: {})", label, join_first(listed, ", ", 3));
}

std::string Model::successors_of(std::string_view body_id) const {
  std::vector<std::string> found;
  for (const Body& b : bodies) {
    if (std::find(b.predecessors.begin(), b.predecessors.end(), body_id) != b.predecessors.end()) {
      found.push_back(fmt::format("'{}' ({})", b.id, b.name));
    }
  }
  return join(found, ", ");
}

std::string Model::areas_named_like(std::string_view written) const {
  const std::vector<std::string> words = written_words(written);
  if (words.empty()) return {};
  std::unordered_set<Symbol> parents;
  for (const Area& area : areas) {
    if (!area.parent.empty()) parents.insert(area.parent);
  }
  std::vector<std::string> found;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const Area& area = areas[i];
    const auto indexed = area_index.find(area.id);  // one version of an area read over time
    if (parents.count(area.id) == 0 || indexed == area_index.end() || indexed->second != i) continue;
    const std::string name = lower(area.name);
    if (!std::all_of(words.begin(), words.end(), [&](const std::string& w) { return name.find(w) != std::string::npos; })) {
      continue;
    }
    if (found.size() == 3) return {};
    found.push_back(fmt::format("'{}' ({})", area.code.empty() ? area.id : area.code, area.name));
  }
  return found.empty() ? std::string() : fmt::format(" (areas named like it: {})", join(found, ", "));
}

std::string Link::not_operating_text() const {
  const NotOperating& pause = not_operating.front();
  return fmt::format("not operating {}: {}", period_text(pause.provenance.since, pause.provenance.until), pause.reason);
}

std::string powers_to_string(std::uint8_t powers) {
  std::string out;
  for (const auto& [power, name] : kPower) {
    if ((powers & power) == 0) continue;
    if (!out.empty()) out += ' ';
    out += name;
  }
  return out;
}

namespace {
template <typename Items>
auto lookup(const IdIndex& index, const Items& items, std::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}
// Whether the index maps exactly the items' ids to their positions (as the loader builds it
// while reading): as many entries as items, each item found at its own position.
template <typename Items>
bool indexes(const IdIndex& index, const Items& items) {
  if (index.size() != items.size()) return false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto it = index.find(items[i].id);
    if (it == index.end() || it->second != i) return false;
  }
  return true;
}
template <typename Items>
void index_items(IdIndex& index, const Items& items) {
  if (indexes(index, items)) return;  // a lookup per item instead of freeing and rebuilding all
  // Updated in place rather than built again: when a few of many items went (a dated model
  // read at a date), each entry still wanted keeps its node, and only the others are freed.
  constexpr std::size_t kUnset = static_cast<std::size_t>(-1);
  for (auto& entry : index) entry.second = kUnset;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto [it, inserted] = index.try_emplace(items[i].id, i);
    if (!inserted && it->second == kUnset) it->second = i;  // the first item of an id, as before
  }
  index.erase_if([](const auto& entry) { return entry.second == kUnset; });
}
}  // namespace

const Body* Model::find_body(std::string_view body_id) const { return lookup(body_index, bodies, body_id); }
const Area* Model::find_area(std::string_view area_id) const { return lookup(area_index, areas, area_id); }
const Source* Model::find_source(std::string_view source_id) const { return lookup(source_index, sources, source_id); }
const Post* Model::find_post(std::string_view post_id) const { return lookup(post_index, posts, post_id); }

std::string Model::kind_label(std::string_view kind, bool plural) const {
  const BodyKind* k = vocabulary ? vocabulary->body_kind(kind) : nullptr;
  if (k == nullptr) return std::string(kind);
  return plural ? k->plural : k->label;
}

std::string Model::where(const Location& location) const {
  if (!location.valid() || !files || location.file >= files->size()) return "<model>";
  return fmt::format("{}:{}:{}", files->path(location.file), location.line, location.column);
}

void Model::reindex() {
  index_items(body_index, bodies);
  index_items(area_index, areas);
  index_items(source_index, sources);
  index_items(person_index, people);
  index_items(post_index, posts);
}

void Model::reindex_posts() { index_items(post_index, posts); }

void MoneySum::add(const Link& link) {
  ++links_;
  if (link.amount) {
    own_ += *link.amount;
    ++own_stated_;
  } else if (link.total_of != 0) {
    ++in_group_[link.total_of];
  }
}

double MoneySum::amount() const {
  double sum = own_;
  for (const auto& [group, n] : in_group_) {
    const auto& total = model_.link_totals[group - 1];
    if (n == total.links) sum += total.total;
  }
  return sum;
}

std::size_t MoneySum::stated() const {
  std::size_t n = own_stated_;
  for (const auto& [group, count] : in_group_) {
    if (count == model_.link_totals[group - 1].links) n += count;
  }
  return n;
}

std::size_t MoneySum::unstated() const { return links_ - stated(); }

}  // namespace govmap
