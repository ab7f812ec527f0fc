// board-sector-balance: a partnership board whose voting seats are dominated by one sector.
// One pass over the seats. Silent when most voting seats have no known sector.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rules/seat_holders.h"
#include "rules/rule.h"

namespace govmap {
namespace {

std::string sector_label(const Model& m, const std::string& id) {
  const Labelled* sector = m.vocabulary ? m.vocabulary->sector(id) : nullptr;
  return sector != nullptr ? sector->label : id;
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const double max_share = ctx.option("max-share");
  const auto seats = board::seats_by_body(m);
  for (std::size_t b = 0; b < m.bodies.size(); ++b) {
    const Body& body = m.bodies[b];
    if (seats[b].empty() || body.sector != "partnership" || !board::is_board_kind(body)) continue;
    long long voting = 0, unknown = 0, non_voting = 0;
    std::map<std::string, long long> by_sector;
    for (std::size_t s : seats[b]) {
      const Seat& seat = m.seats[s];
      if (!seat.voting) {
        non_voting += seat.count;
        continue;
      }
      voting += seat.count;
      const std::string sector = board::seat_sector(m, seat);
      if (sector.empty()) unknown += seat.count;
      else by_sector[sector] += seat.count;
    }
    if (voting < 2 || unknown * 2 > voting || by_sector.empty()) continue;
    const auto top = std::max_element(by_sector.begin(), by_sector.end(),
                                      [](const auto& x, const auto& y) { return x.second < y.second; });
    const double share = static_cast<double>(top->second) / static_cast<double>(voting);
    if (share <= max_share) continue;
    std::vector<std::string> evidence;
    for (const auto& [sector, count] : by_sector) {
      evidence.push_back(fmt::format("{}: {} voting seat{}", sector_label(m, sector), count, count == 1 ? "" : "s"));
    }
    if (unknown > 0) evidence.push_back(fmt::format("sector not known: {} voting seat{}", unknown, unknown == 1 ? "" : "s"));
    if (non_voting > 0) evidence.push_back(fmt::format("not counted: {} non-voting seat{}", non_voting, non_voting == 1 ? "" : "s"));
    ctx.report(fmt::format("{} of {} voting seats on {} ({}) represent {} (more than {})", top->second, voting,
                           body.name, percent(share), sector_label(m, top->first), percent(max_share)),
               {ctx.body_subject(b)}, body.provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& board_sector_balance_rule() {
  static const Rule rule{
      .id = "board-sector-balance",
      .default_severity = Severity::Warning,
      .summary = "a partnership board whose voting seats are dominated by one sector",
      .options = {
          {.name = "max-share",
           .default_value = 0.66,
           .help = "largest share of voting seats one sector may hold"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
