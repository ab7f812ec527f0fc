// One geography from the periods of a dated import spec (docs/import.md, "Periods"): each
// period is generated on its own, then every element is written once for each run of
// consecutive periods in which it stays the same.

#include <algorithm>
#include <iterator>
#include <set>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/import_internal.h"
#include "engine/text.h"

namespace govmap::import_detail {
namespace {

/// Everything that makes two periods' versions of an element different, sources and dates aside.
auto fields(const OutArea& a) { return std::tie(a.kind, a.name, a.parent, a.population, a.population_year); }
auto fields(const OutBody& b) { return std::tie(b.kind, b.name, b.code, b.part_of, b.extra, b.covers); }
auto fields(const OutLink& k) { return std::tie(k.extra); }

/// What a run takes from each period beyond its sources: a body's predecessors.
void joined(OutArea&, const OutArea&) {}
void joined(OutLink&, const OutLink&) {}
void joined(OutBody& run, const OutBody& body) {
  std::vector<std::string> all;
  std::set_union(run.predecessors.begin(), run.predecessors.end(), body.predecessors.begin(), body.predecessors.end(),
                 std::back_inserter(all));
  run.predecessors = std::move(all);
}

/// The predecessors of period p's bodies whose spec names kinds they succeed: the bodies of
/// those kinds in period p - 1 that period p no longer has and whose small areas they share.
void name_predecessors(std::vector<Output>& outputs, std::size_t p) {
  const Output& before = outputs[p - 1];
  Output& now = outputs[p];
  std::set<std::string> ids;
  for (const OutBody& b : now.bodies) ids.insert(b.id);
  for (OutBody& b : now.bodies) {
    const auto kinds = now.succeeds.find(b.id);
    if (kinds == now.succeeds.end()) continue;
    const auto& mine = now.leaves[b.id];
    for (const OutBody& old : before.bodies) {
      const auto& succeeded = kinds->second;
      if (std::find(succeeded.begin(), succeeded.end(), old.kind) == succeeded.end() || ids.count(old.id) != 0) continue;
      const auto it = before.leaves.find(old.id);
      if (it == before.leaves.end()) continue;
      const auto& theirs = it->second;
      for (auto a = mine.begin(), t = theirs.begin(); a != mine.end() && t != theirs.end();) {
        if (*a == *t) {
          b.predecessors.push_back(old.id);
          break;
        }
        (*a < *t) ? ++a : ++t;
      }
    }
    std::sort(b.predecessors.begin(), b.predecessors.end());
  }
}

std::string key(const OutArea& a) { return a.id; }
std::string key(const OutBody& b) { return b.id; }
std::string key(const OutLink& k) { return k.link + '\n' + k.from + '\n' + k.to; }

/// Adds the words of `more` that `sources` lacks, keeping the order they were first given in.
void add_sources(std::string& sources, const std::string& more) {
  auto have = split_words(sources);
  for (const auto& word : split_words(more)) {
    if (std::find(have.begin(), have.end(), word) == have.end()) have.push_back(word);
  }
  sources = join(have, " ");
}

/// The runs of each element over the periods. `items(p)` is period p's elements.
template <typename Item, typename Items>
std::vector<Item> runs(const std::vector<PeriodSpec>& periods, Items items) {
  struct Run {
    Item item;
    std::size_t first, last;
  };
  std::vector<Run> out;
  std::unordered_map<std::string, std::size_t> latest;  // key -> its latest run in `out`
  for (std::size_t p = 0; p < periods.size(); ++p) {
    for (const Item& item : items(p)) {
      const auto [it, fresh] = latest.try_emplace(key(item), out.size());
      if (!fresh) {
        Run& run = out[it->second];
        if (run.last + 1 == p && fields(run.item) == fields(item)) {
          run.last = p;
          add_sources(run.item.source, item.source);
          joined(run.item, item);
          continue;
        }
        it->second = out.size();
      }
      out.push_back({item, p, p});
    }
  }
  std::vector<Item> dated;
  dated.reserve(out.size());
  for (Run& run : out) {
    if (run.first > 0) run.item.since = periods[run.first].since;
    if (run.last + 1 < periods.size()) run.item.until = periods[run.last].until;
    dated.push_back(std::move(run.item));
  }
  return dated;
}

}  // namespace

Output merge_periods(const ImportSpec& spec, std::vector<Output> outputs) {
  const auto& periods = spec.periods;
  for (std::size_t p = 1; p < outputs.size(); ++p) name_predecessors(outputs, p);
  Output out;
  out.areas = runs<OutArea>(periods, [&](std::size_t p) -> const auto& { return outputs[p].areas; });
  out.bodies = runs<OutBody>(periods, [&](std::size_t p) -> const auto& { return outputs[p].bodies; });
  out.links = runs<OutLink>(periods, [&](std::size_t p) -> const auto& { return outputs[p].links; });
  // Bodies go in sections by kind, the kinds in the order the periods first make them.
  std::map<std::string, std::size_t> kind_rank;
  for (const Output& o : outputs) {
    for (const OutBody& b : o.bodies) kind_rank.try_emplace(b.kind, kind_rank.size());
  }
  std::sort(out.areas.begin(), out.areas.end(), [](const OutArea& a, const OutArea& b) {
    return std::tie(b.level, a.id, a.since) < std::tie(a.level, b.id, b.since);
  });
  std::sort(out.bodies.begin(), out.bodies.end(), [&](const OutBody& a, const OutBody& b) {
    return std::forward_as_tuple(kind_rank.at(a.kind), a.id, a.since) <
           std::forward_as_tuple(kind_rank.at(b.kind), b.id, b.since);
  });
  std::sort(out.links.begin(), out.links.end(), [](const OutLink& a, const OutLink& b) {
    return std::tie(a.link, a.from, a.to, a.since) < std::tie(b.link, b.from, b.to, b.since);
  });
  // Every period read its files into one list; each file once, with the rows it had.
  for (const auto& file_rows : outputs.back().file_rows) {
    const auto seen = [&](const auto& fr) { return fr.first == file_rows.first; };
    if (std::none_of(out.file_rows.begin(), out.file_rows.end(), seen)) out.file_rows.push_back(file_rows);
  }
  return out;
}

}  // namespace govmap::import_detail
