// board-size: a board with more seats than a threshold. One pass over the seats.

#include <fmt/format.h>

#include <map>

#include "rules/seat_holders.h"
#include "rules/rule.h"

namespace govmap {
namespace {

/// Who a seat is for, for the breakdown: the nominating body, else the sector, else "other".
std::string seat_group(const Model& m, const Seat& seat) {
  if (const Body* by = m.find_body(seat.nominated_by)) return "nominated by " + by->name;
  if (!seat.sector.empty()) {
    const Labelled* sector = m.vocabulary ? m.vocabulary->sector(seat.sector) : nullptr;
    return "for " + (sector != nullptr ? sector->label : seat.sector.str());
  }
  return "not attributed";
}

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const double max_seats = ctx.option("max-seats");
  const auto seats = board::seats_by_body(m);
  for (std::size_t b = 0; b < m.bodies.size(); ++b) {
    if (seats[b].empty() || !board::is_board_kind(m.bodies[b])) continue;
    long long total = 0, voting = 0;
    std::map<std::string, long long> groups;
    for (std::size_t s : seats[b]) {
      const Seat& seat = m.seats[s];
      total += seat.count;
      voting += seat.voting ? seat.count : 0;
      groups[seat_group(m, seat)] += seat.count;
    }
    if (static_cast<double>(total) <= max_seats) continue;
    std::vector<std::string> evidence;
    for (const auto& [group, count] : groups) evidence.push_back(fmt::format("{} seat{} {}", count, count == 1 ? "" : "s", group));
    const Body& body = m.bodies[b];
    ctx.report(fmt::format("{} {} {} seats on {} (more than {}): {} voting, {} non-voting", body.name,
                           verb(body, "has", "have"), total, verb(body, "its board", "their boards"), max_seats,
                           voting, total - voting),
               {ctx.body_subject(b)}, m.bodies[b].provenance.location, std::move(evidence));
  }
}

}  // namespace

const Rule& board_size_rule() {
  static const Rule rule{
      .id = "board-size",
      .default_severity = Severity::Warning,
      .summary = "a board with more seats than a threshold",
      .options = {
          {.name = "max-seats",
           .default_value = 20,
           .help = "most seats (voting and non-voting) a board may have"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
