// board-interlock: a person (or a post with no named holder) sitting on many boards, or
// chairing several. Seats are grouped by holder in one pass; linear in the seats.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "rules/seat_holders.h"
#include "rules/rule.h"

namespace govmap {
namespace {

bool chairs(const Seat& seat) { return seat.role == SeatRole::Chair || seat.role == SeatRole::CoChair; }

void check(const RuleContext& ctx) {
  const Model& m = ctx.model();
  const double max_boards = ctx.option("max-boards");
  const double max_chairs = ctx.option("max-chairs");
  for (const board::Holder& holder : board::seats_by_holder(m)) {
    std::map<std::string, std::vector<std::size_t>> boards;  // board name -> seats
    std::map<std::string, bool> chaired;
    for (std::size_t s : holder.seats) {
      const Seat& seat = m.seats[s];
      const Body* body = m.find_body(seat.body);
      if (body == nullptr || !board::is_board_kind(*body)) continue;
      const std::string key = body->name + '\x1f' + body->id;
      boards[key].push_back(s);
      chaired[key] = chaired[key] || chairs(seat);
    }
    const auto n_boards = static_cast<double>(boards.size());
    const auto n_chairs = static_cast<double>(std::count_if(chaired.begin(), chaired.end(), [](const auto& c) { return c.second; }));
    const bool many_boards = n_boards > max_boards;
    const bool many_chairs = n_chairs > max_chairs;
    if (!many_boards && !many_chairs) continue;
    const std::string who = board::holder_words(holder);
    std::string message;
    if (many_boards && many_chairs) {
      message = fmt::format("{} sits on {} boards (more than {}) and chairs {} of them (more than {})", who,
                            n_boards, max_boards, n_chairs, max_chairs);
    } else if (many_boards) {
      message = fmt::format("{} sits on {} boards (more than {})", who, n_boards, max_boards);
    } else {
      message = fmt::format("{} chairs {} boards (more than {})", who, n_chairs, max_chairs);
    }
    std::vector<Subject> subjects{board::holder_subject(holder)};
    std::vector<std::string> evidence;
    for (const auto& [key, seats] : boards) {
      subjects.push_back(ctx.body_subject(m.seats[seats.front()].body));
      for (std::size_t s : seats) evidence.push_back(board::seat_words(m, m.seats[s]));
    }
    ctx.report(std::move(message), std::move(subjects), holder.location, std::move(evidence));
  }
}

}  // namespace

const Rule& board_interlock_rule() {
  static const Rule rule{
      .id = "board-interlock",
      .default_severity = Severity::Warning,
      .summary = "a person or post holding seats on many boards, or chairing several",
      .options = {
          {.name = "max-boards",
           .default_value = 3,
           .help = "most boards one person may sit on"},
          {.name = "max-chairs",
           .default_value = 1,
           .help = "most boards one person may chair (chair or co-chair)"},
      },
      .check = check,
  };
  return rule;
}

}  // namespace govmap
