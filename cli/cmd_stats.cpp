#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "engine/analysis.h"
#include "engine/json.h"
#include "engine/metrics.h"
#include "engine/text.h"
#include "rules/rule.h"

namespace govmap::cli {
namespace {

/// "1: 40   2: 3   7: 1" (number of boards: holders).
std::string by_count(const std::map<long long, long long>& counts) {
  std::string out;
  for (const auto& [n, holders] : counts) out += fmt::format("{}{}: {}", out.empty() ? "" : "   ", n, holders);
  return out.empty() ? "none" : out;
}

std::string body_name(const Model& m, const std::string& id) {
  const Body* body = m.find_body(id);
  return body != nullptr ? body->name.str() : id;
}

std::string network_text(const Model& m, const MembershipNetwork& n) {
  if (n.people_by_boards.empty() && n.posts_by_boards.empty() && n.brokers().empty()) return {};
  std::string out = "\nmembership network (holders by number of boards; a post counts once, however many hold it):\n";
  out += fmt::format("  {:<44} {}\n", "people by boards", by_count(n.people_by_boards));
  out += fmt::format("  {:<44} {}\n", "posts by boards", by_count(n.posts_by_boards));
  out += fmt::format("  {:<44} {}\n", "holders by boards chaired", by_count(n.holders_by_chairs));
  if (!n.most_shared.empty()) {
    out += "  boards sharing most holders:\n";
    for (const auto& p : n.most_shared) {
      out += fmt::format("    {} and {}: {}\n", body_name(m, p.a), body_name(m, p.b), plural(p.holders, "holder", "holders"));
    }
  }
  if (!n.brokers().empty()) {
    out += "  bodies brokering most links (betweenness on seats and accountability):\n";
    for (const auto& b : n.brokers()) out += fmt::format("    {:<60} {:>12.1f}\n", body_name(m, b.body), b.betweenness);
  }
  return out;
}

void network_json(JsonWriter& j, const MembershipNetwork& n) {
  auto counts = [&](std::string_view name, const std::map<long long, long long>& map) {
    j.key(name).begin_object();
    for (const auto& [k, v] : map) j.field(std::to_string(k), v);
    j.end_object();
  };
  j.key("membership_network").begin_object();
  j.field("people_on_several_boards", n.people_on_several_boards).field("posts_on_several_boards", n.posts_on_several_boards);
  counts("people_by_boards", n.people_by_boards);
  counts("posts_by_boards", n.posts_by_boards);
  counts("holders_by_boards_chaired", n.holders_by_chairs);
  j.key("boards_sharing_most_holders").begin_array();
  for (const auto& p : n.most_shared) j.begin_object().field("a", p.a).field("b", p.b).field("holders", p.holders).end_object();
  j.end_array();
  j.key("brokers").begin_array();
  for (const auto& b : n.brokers()) j.begin_object().field("body", b.body).field("betweenness", b.betweenness).end_object();
  j.end_array();
  j.end_object();
}

std::string text_report(const Model& m, const Stats& s, const std::vector<ClaimCheck>& claims) {
  std::string out = fmt::format("{} ({}, as of {}, {})\n", m.title, m.nation, m.as_of, to_string(m.status));
  out += fmt::format("\nbodies: {} ({} elements)\n", s.bodies, s.body_elements);
  for (const auto& [kind, n] : s.bodies_by_kind) out += fmt::format("  {:<44} {:>6}\n", m.kind_label(kind, true), n);
  out += "\nby legal status:\n";
  for (const auto& [status, n] : s.bodies_by_status) out += fmt::format("  {:<44} {:>6}\n", status, n);
  out += fmt::format("\nlinks: {}\n", s.links);
  for (const auto& [kind, n] : s.links_by_kind) out += fmt::format("  {:<44} {:>6}\n", kind, n);
  out += fmt::format("\npeople: {}   posts: {}   seats: {} ({} voting) on {} boards   people on several boards: {}   posts on several boards: {}\n",
                     s.people, s.posts, s.seats, s.voting_seats, s.boards_with_seats, s.people_on_several_boards,
                     s.network.posts_on_several_boards);
  // A model whose areas state no population (a geography imported from a lookup without one)
  // has none to sum, which is not a population of 0.
  const bool stated = std::any_of(m.areas.begin(), m.areas.end(), [](const Area& a) { return a.population.has_value(); });
  out += fmt::format("areas: {} ({} smallest areas)   population: {}\n", s.areas, s.leaf_areas,
                     stated || m.areas.empty() ? thousands(s.population) : "not stated");
  out += fmt::format("sources: {}   claims: {}\n", s.sources, s.claims);
  out += network_text(m, s.network);
  if (!s.money_by_mechanism.empty() || !s.funding_without_amount.empty()) {
    out += "\nmoney by mechanism (stated amounts, and kind-level totals counted once):\n";
    std::map<std::string, int> mechanisms;
    for (const auto& [k, v] : s.money_by_mechanism) mechanisms[k] = 1;
    for (const auto& [k, v] : s.funding_without_amount) mechanisms[k] = 1;
    for (const auto& [mechanism, _] : mechanisms) {
      const auto amount = s.money_by_mechanism.find(mechanism);
      const auto missing = s.funding_without_amount.find(mechanism);
      out += fmt::format("  {:<44} {:>10}{}\n", mechanism,
                         amount == s.money_by_mechanism.end() ? "-" : money(amount->second),
                         missing == s.funding_without_amount.end()
                             ? ""
                             : fmt::format("   ({} without amount)", plural(missing->second, "link", "links")));
    }
    if (s.money_total > 0) {
      out += fmt::format("  pooled: {} of {} stated ({})\n", money(s.money_pooled), money(s.money_total),
                         percent(s.money_pooled / s.money_total));
    }
  }
  if (!s.coterminosity.empty()) {
    out += "\ncoterminosity (pairs that must partner):\n";
    for (const auto& c : s.coterminosity) {
      out += fmt::format("  {} in {}: {} of {} within one, {} coterminous, {} split across {} {}{}\n",
                         m.kind_label(c.a, true), m.kind_label(c.b, true), c.within_one, c.a_bodies, c.coterminous,
                         c.split, c.b_with_split, m.kind_label(c.b, true),
                         c.uncovered > 0 ? fmt::format(", {} not wholly covered", c.uncovered) : "");
    }
  }
  if (!claims.empty()) {
    std::size_t holding = 0, checkable = 0;
    for (const auto& c : claims) {
      checkable += c.model_value.has_value();
      holding += c.holds();
    }
    out += fmt::format("\nclaims: {} of {} hold; {} {}; {} not checkable\n", holding, claims.size(),
                       checkable - holding, checkable - holding == 1 ? "does not" : "do not", claims.size() - checkable);
    for (const auto& c : claims) {
      const std::string model_value = c.model_value ? claim_number(*c.model_value) : "-";
      out += fmt::format("  {:<14} {:<36} published {:>14}   model {:>14}\n",
                         !c.model_value ? "not checkable" : c.holds() ? "holds" : "does not hold", c.claim->id,
                         claim_number(c.claim->value), model_value);
    }
  }
  return out;
}

std::string json_report(const Model& m, const Stats& s, const std::vector<ClaimCheck>& claims) {
  JsonWriter j;
  j.begin_object();
  j.key("model").begin_object().field("id", m.id).field("title", m.title).field("nation", m.nation)
      .field("as_of", m.as_of).field("status", to_string(m.status)).end_object();
  auto counts = [&](std::string_view name, const std::map<std::string, long long>& map) {
    j.key(name).begin_object();
    for (const auto& [k, v] : map) j.field(k, v);
    j.end_object();
  };
  j.field("bodies", s.bodies).field("body_elements", s.body_elements);
  counts("bodies_by_kind", s.bodies_by_kind);
  counts("bodies_by_status", s.bodies_by_status);
  j.field("links", s.links);
  counts("links_by_kind", s.links_by_kind);
  j.field("people", s.people).field("posts", s.posts).field("seats", s.seats).field("voting_seats", s.voting_seats)
      .field("boards_with_seats", s.boards_with_seats).field("people_on_several_boards", s.people_on_several_boards)
      .field("areas", s.areas).field("leaf_areas", s.leaf_areas).field("population", s.population)
      .field("sources", s.sources).field("claims", s.claims);
  network_json(j, s.network);
  j.key("money_by_mechanism").begin_object();
  for (const auto& [k, v] : s.money_by_mechanism) j.field(k, v);
  j.end_object();
  counts("funding_links_without_amount", s.funding_without_amount);
  j.field("money_total", s.money_total).field("money_pooled", s.money_pooled);
  j.key("coterminosity").begin_array();
  for (const auto& c : s.coterminosity) {
    j.begin_object().field("kind", c.a).field("by", c.b).field("bodies", c.a_bodies).field("partners", c.b_bodies)
        .field("within_one", c.within_one).field("coterminous", c.coterminous).field("split", c.split)
        .field("partners_with_split", c.b_with_split).field("not_wholly_covered", c.uncovered).end_object();
  }
  j.end_array();
  j.key("claims_checked").begin_array();
  for (const auto& c : claims) {
    j.begin_object().field("id", c.claim->id).field("metric", c.claim->metric).field("published", c.claim->value)
        .field("tolerance", c.claim->tolerance).key("model");
    if (c.model_value) j.value(*c.model_value); else j.null();
    j.field("holds", c.holds()).end_object();
  }
  j.end_array();
  j.end_object();
  return j.str();
}

const std::vector<std::string> kFormats = {"text", "json"};

}  // namespace

Command stats_command() {
  Command c;
  c.name = "stats";
  c.usage = "stats MODEL [--as-of DATE] [--format text|json] [-o FILE]";
  c.summary = "Count bodies, links, seats, areas, population and money; summarise coterminosity.";
  c.options = {{"--format", "FORMAT", "output format (default: the -o file's extension, else text)", kFormats, ""},
               {"--output", "FILE", "write to FILE instead of standard output (whole or not at all)", {}, "-o"}};
  c.options.push_back(kAsOfOption);
  c.options.push_back(kModelsOption);
  c.min_positional = 1;
  c.max_positional = 1;
  c.run = [](const Args& args, Io& io) {
    auto model = load_or_report(args.positional[0], args, io);
    if (!model) return kExitUsage;
    const auto a = analyse(std::move(*model));
    const std::string report = report_format(args, kFormats) == "json"
                                   ? json_report(a->model, a->stats, a->claims)
                                   : text_report(a->model, a->stats, a->claims);
    if (!args.has("--output")) {
      io.out << report;
      return kExitOk;
    }
    return write_output(args.get("--output"), report, io) ? kExitOk : kExitUsage;
  };
  return c;
}

}  // namespace govmap::cli
