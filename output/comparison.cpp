// Text and JSON renderings of a Comparison.

#include <map>

#include <fmt/format.h>

#include "engine/json.h"
#include "engine/text.h"
#include "compare/area_moves.h"
#include "compare/sections.h"
#include "output/comparison.h"

namespace govmap {
namespace {

constexpr std::size_t kListLimit = 25;  // items shown per section in text; JSON lists all

std::string finding_line(const Model& m, const Finding& f) {
  return fmt::format("{}: {}: {} [{}]", m.where(f.location), to_string(f.severity), f.message, f.rule);
}

// Appends a titled list, limited in length, with a count of what was left out.
void section(std::string& out, const std::string& title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += fmt::format("\n{} ({}):\n", title, items.size());
  for (std::size_t i = 0; i < items.size() && i < kListLimit; ++i) out += "  " + items[i] + "\n";
  if (items.size() > kListLimit) out += fmt::format("  … and {} more (see --format json)\n", items.size() - kListLimit);
}

void metrics_table(std::string& out, const ComparisonMetrics& a, const ComparisonMetrics& b, std::string_view column) {
  out += fmt::format("\n  {:<40} {:>20} {:>20} {:>10}\n", "metric", "baseline", column, "change");
  for (const auto& r : metric_rows(a, b)) {
    std::string line = fmt::format("  {:<40} {:>20} {:>20} {:>10}", r.name, r.before, r.after, r.change);
    line.erase(line.find_last_not_of(' ') + 1);  // no trailing blanks where a row has no change
    out += line + "\n";
  }
}

}  // namespace

std::string comparison_text(const Comparison& c) {
  const Model& base = c.base.model();
  std::string out = fmt::format("Baseline: {} ({}, as of {})\n", base.title, c.base.path, base.as_of);
  for (const auto& p : c.proposals) {
    const Model& prop = p.proposal.model();
    const ModelDiff& d = p.diff;
    out += fmt::format("\n== {}: {} ({}, as of {}) ==\n", comparison_role(prop), prop.title, p.proposal.path, prop.as_of);
    metrics_table(out, c.base.metrics, p.proposal.metrics, comparison_role(prop, false));
    for (const auto& list : structural_changes(c.base, p)) section(out, list.title, list.items);
    const auto& f = p.findings;
    out += fmt::format("\nFindings: {} new, {} resolved, {}, {}, {}\n", f.added.size(),
                       f.resolved.size(), continued_count(f.carried_over, "carried over"),
                       continued_count(f.changed, "changed"), continued_count(f.unchanged, "unchanged"));
    std::vector<std::string> items;
    for (auto i : f.added) items.push_back(finding_line(prop, p.proposal.check.findings[i]));
    section(out, "New findings", items);
    items.clear();
    for (auto i : f.resolved) items.push_back(finding_line(base, c.base.check.findings[i]));
    section(out, "Resolved findings", items);
    for (const auto& [title, pairs] : {std::pair{"Findings carried over to successors", &f.carried_over},
                                       std::pair{"Findings changed in wording", &f.changed}}) {
      items.clear();
      for (const auto& continued : by_proposal_finding(*pairs)) {
        std::string item = finding_line(prop, p.proposal.check.findings[continued.proposal]);
        for (const std::size_t b : continued.base) item += "\n      was: " + c.base.check.findings[b].message;
        items.push_back(std::move(item));
      }
      section(out, title, items);
    }
    const ChangeList claims = claim_change_list(c.base, p);
    section(out, claims.title, claims.items);
    if (d.empty()) out += fmt::format("\nThe {} makes no structural change.\n", comparison_role(prop, false));
  }
  return out;
}

namespace {

void write_metrics(JsonWriter& j, const ComparisonMetrics& m) {
  j.begin_object()
      .field("bodies", m.bodies).field("boards", m.boards).field("seats", m.seats)
      .field("people_on_several_boards", m.people_on_several_boards)
      .field("posts_on_several_boards", m.posts_on_several_boards).field("split_areas", m.split_areas)
      .field("no_accountability_route", m.no_accountability_route).field("findings", m.findings)
      .field("errors", m.errors).field("warnings", m.warnings);
  j.key("money_pooled");  // null when no pooled fund's money is stated
  if (m.links_into_pools_stated > 0) j.value(m.money_pooled); else j.null();
  j.field("money_total", m.money_total).end_object();
}

void write_body(JsonWriter& j, const Body& b) {
  j.begin_object().field("id", b.id).field("name", b.name).field("kind", b.kind).field("code", b.code).end_object();
}

void write_link(JsonWriter& j, const Link& l) {
  j.begin_object().field("kind", to_string(l.kind)).field("from", l.from).field("to", l.to).field("type", l.subtype);
  if (l.amount) j.field("amount", *l.amount);
  j.end_object();
}

void write_fields(JsonWriter& j, const std::vector<FieldChange>& fields) {
  j.key("changes").begin_array();
  for (const auto& f : fields) j.begin_object().field("field", f.field).field("before", f.before).field("after", f.after).end_object();
  j.end_array();
}

void write_finding(JsonWriter& j, const Model& m, const Finding& f) {
  j.begin_object().field("rule", f.rule).field("severity", to_string(f.severity)).field("message", f.message)
      .field("location", m.where(f.location)).field("fingerprint", fingerprint(finding_key(f)));
  j.key("subjects").begin_array();
  for (const auto& s : f.subjects) {
    j.begin_object().field("type", s.type).field("id", s.id).field("name", s.name).field("kind", s.kind)
        .field("code", s.code).end_object();
  }
  j.end_array().end_object();
}

void write_pairs(JsonWriter& j, const char* name, const std::vector<FindingDiff::Pair>& pairs, const Comparison& c,
                 const ProposalComparison& p) {
  j.key(name).begin_array();
  for (const auto& [b, i] : pairs) {
    j.begin_object().key("before");
    write_finding(j, c.base.model(), c.base.check.findings[b]);
    j.key("after");
    write_finding(j, p.proposal.model(), p.proposal.check.findings[i]);
    j.end_object();
  }
  j.end_array();
}

}  // namespace

std::string comparison_json(const Comparison& c) {
  JsonWriter j;
  const Model& base = c.base.model();
  j.begin_object();
  j.key("baseline").begin_object().field("id", base.id).field("title", base.title).field("path", c.base.path)
      .field("as_of", base.as_of).key("metrics");
  write_metrics(j, c.base.metrics);
  j.end_object();
  j.key("proposals").begin_array();
  for (const auto& p : c.proposals) {
    const Model& prop = p.proposal.model();
    const ModelDiff& d = p.diff;
    j.begin_object().field("id", prop.id).field("title", prop.title).field("path", p.proposal.path)
        .field("as_of", prop.as_of).key("metrics");
    write_metrics(j, p.proposal.metrics);
    j.key("bodies_added").begin_array();
    for (auto i : d.added_bodies) write_body(j, prop.bodies[i]);
    j.end_array().key("bodies_removed").begin_array();
    for (auto i : d.removed_bodies) write_body(j, base.bodies[i]);
    j.end_array().key("successions").begin_array();
    for (const auto& [b, q] : d.successions) {
      j.begin_object().field("baseline_id", base.bodies[b].id).field("proposal_id", prop.bodies[q].id).end_object();
    }
    j.end_array().key("bodies_changed").begin_array();
    for (const auto& ch : d.changed_bodies) {
      j.begin_object().field("id", prop.bodies[ch.match.proposal].id).field("baseline_id", base.bodies[ch.match.base].id);
      write_fields(j, ch.fields);
      j.end_object();
    }
    j.end_array().key("matches").begin_array();
    for (const auto& m : d.matches) {
      if (m.by == MatchBy::Id) continue;
      j.begin_object().field("baseline_id", base.bodies[m.base].id).field("proposal_id", prop.bodies[m.proposal].id)
          .field("by", to_string(m.by)).end_object();
    }
    j.end_array().key("links_added").begin_array();
    for (const auto& l : d.added_links) write_link(j, prop.links[*l.proposal]);
    j.end_array().key("links_removed").begin_array();
    for (const auto& l : d.removed_links) write_link(j, base.links[*l.base]);
    j.end_array().key("links_merged").begin_array();
    for (const auto& l : d.merged_links) write_link(j, base.links[*l.base]);
    j.end_array().key("links_changed").begin_array();
    for (const auto& l : d.changed_links) {
      j.begin_object().key("link");
      write_link(j, prop.links[*l.proposal]);
      write_fields(j, l.fields);
      j.end_object();
    }
    j.end_array().key("area_moves").begin_array();
    for (const auto& m : d.area_moves) {
      j.begin_object().field("area", m.area).field("kind", m.kind).key("from").begin_array();
      for (const auto& id : m.from) j.value(id);
      j.end_array().key("to").begin_array();
      for (const auto& id : m.to) j.value(id);
      j.end_array().end_object();
    }
    j.end_array().key("area_moves_summary").begin_array();
    for (const auto& g : summarise_area_moves(d, base, prop, p.proposal.analysis->geography)) {
      j.begin_object().field("area", g.area).field("whole", g.whole).field("kind", g.kind).key("from").begin_array();
      for (const auto& id : g.from) j.value(id);
      j.end_array().key("to").begin_array();
      for (const auto& id : g.to) j.value(id);
      j.end_array().field("areas", static_cast<long long>(g.areas)).field("population_moved", g.moved)
          .field("population", g.total).end_object();
    }
    j.end_array().key("seat_changes").begin_array();
    for (const auto& s : d.seat_changes) {
      j.begin_object().field("body", s.body).field("before", s.before).field("after", s.after)
          .field("voting_before", s.voting_before).field("voting_after", s.voting_after).key("holders_left").begin_array();
      for (const Symbol id : s.holders_left) j.value(id);
      j.end_array().key("holders_joined").begin_array();
      for (const Symbol id : s.holders_joined) j.value(id);
      j.end_array().end_object();
    }
    j.end_array().key("findings").begin_object().key("new").begin_array();
    for (auto i : p.findings.added) write_finding(j, prop, p.proposal.check.findings[i]);
    j.end_array().key("resolved").begin_array();
    for (auto i : p.findings.resolved) write_finding(j, base, c.base.check.findings[i]);
    j.end_array();
    write_pairs(j, "carried_over", p.findings.carried_over, c, p);
    write_pairs(j, "changed", p.findings.changed, c, p);
    j.key("unchanged").begin_array();
    for (const auto& [b, i] : p.findings.unchanged) write_finding(j, prop, p.proposal.check.findings[i]);
    j.end_array().end_object();
    j.key("claims_changed").begin_array();
    for (const auto& ch : claim_changes(c.base, p.proposal)) {
      j.begin_object().field("id", ch.id).field("text", ch.text).field("before", ch.before).field("after", ch.after)
          .end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.str();
}

}  // namespace govmap
