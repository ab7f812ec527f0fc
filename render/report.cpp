#include "render/report.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "engine/json.h"
#include "engine/text.h"
#include "compare/sections.h"
#include "render/delta.h"
#include "render/labels.h"
#include "render/render.h"
#include "render/report_figure.h"
#include "render/report_network.h"
#include "render/views.h"
#include "rules/catalogue.h"

namespace govmap {

std::string_view report_css();  // generated from render/report.css
std::string_view report_js();   // generated from render/report.js

namespace {

constexpr std::size_t kListLimit = 60;      // items per change list before "and N more"
constexpr std::uint32_t kContextLines = 2;  // model lines quoted around a finding
constexpr std::size_t kSubjectsShown = 6;   // subject names before "and N more"
constexpr std::size_t kShortTitle = 48;     // characters of a section's name in the menu


// The figure of a model, with its findings marked, in a zoomable pane.
std::string figure_pane(const Model& model, const std::vector<Finding>* findings, DiagnosticSink& sink) {
  ViewOptions options;
  options.findings = findings;
  return diagram_pane(build_view(model, options, sink), sink);
}

// A section's name for the menu: the model title without the figure title it repeats and
// without a trailing bracket, cut at a word.
std::string short_title(const Model& m) {
  std::string title = m.title;
  const std::string figure = "Funding and accountability in the health and social care system in ";
  if (title.rfind(figure, 0) == 0) title.erase(0, figure.size());
  const auto bracket = title.find(" (");
  if (bracket != std::string::npos && bracket > 8) title.erase(bracket);
  // A model over time is titled by its nation alone: name the date it is read at.
  if (m.status != ModelStatus::Proposed && title == nation_display_name(m.nation)) {
    title += m.as_of == m.stated_as_of ? std::string(", current") : ", as of " + m.as_of;
  }
  if (title.size() > kShortTitle) {
    const auto space = title.rfind(' ', kShortTitle);
    title = title.substr(0, space == std::string::npos ? kShortTitle : space) + "…";
  }
  return title;
}

int severity_rank(const std::string& severity) {
  if (severity == "error") return 0;
  if (severity == "warning") return 1;
  if (severity == "info") return 2;
  return 3;
}

std::string rule_title(const std::string& id) {
  const Rule* rule = find_rule(id);
  std::string title = rule == nullptr || rule->summary.empty() ? id : rule->summary;
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

std::string finding_html(const Model& m, const Finding& f, std::size_t index, std::string_view model_key) {
  std::vector<std::string> bodies;
  std::string search = lower(f.message + " " + f.rule);
  for (const auto& s : f.subjects) {
    if (s.type == "body") bodies.push_back(s.id);
    search += " " + lower(s.name + " " + s.id + " " + s.code);
  }
  for (const auto& e : f.evidence) search += " " + lower(e);
  const std::string severity = f.suppressed ? "accepted" : std::string(to_string(f.severity));
  std::string out = fmt::format(
      "<li class=\"finding sev-{}\" id=\"{}-f{}\" data-severity=\"{}\" data-rule=\"{}\" data-bodies=\"{}\" "
      "data-search=\"{}\">\n<span class=\"sev\">{}</span> <span class=\"msg\">{}</span>\n",
      severity, model_key, index, severity, xml_escape(f.rule), xml_escape(join(bodies, " ")), xml_escape(search), severity, xml_escape(f.message));
  if (!f.subjects.empty()) {
    std::vector<std::string> names;
    for (const auto& s : f.subjects) {
      names.push_back(fmt::format("<span class=\"subject\" data-body=\"{}\">{}</span>", xml_escape(s.id), xml_escape(s.name.empty() ? s.id : s.name)));
    }
    if (names.size() <= kSubjectsShown + 1) {
      out += "<div class=\"subjects\">" + join(names, ", ") + "</div>\n";
    } else {
      const std::vector<std::string> first(names.begin(), names.begin() + kSubjectsShown);
      const std::vector<std::string> rest(names.begin() + kSubjectsShown, names.end());
      out += fmt::format("<div class=\"subjects\">{} <details class=\"more\"><summary>and {} more</summary>{}</details></div>\n",
                         join(first, ", "), rest.size(), join(rest, ", "));
    }
  }
  if (!f.evidence.empty()) {
    out += "<ul class=\"evidence\">";
    for (const auto& e : f.evidence) out += "<li>" + xml_escape(e) + "</li>";
    out += "</ul>\n";
  }
  if (f.suppressed) out += "<div class=\"accepted\">Accepted: " + xml_escape(f.suppression_reason) + "</div>\n";
  // Where in the model: the location, and the lines around it quoted from the model itself.
  out += fmt::format("<details class=\"where\"><summary><code>{}</code></summary><pre class=\"source\">",
                     xml_escape(m.where(f.location)));
  if (f.location.valid() && m.files) {
    const std::uint32_t first = f.location.line > kContextLines ? f.location.line - kContextLines : 1;
    for (std::uint32_t line = first; line <= f.location.line + kContextLines; ++line) {
      const auto text = m.files->line_text(f.location.file, line);
      if (text.empty() && line > f.location.line) break;
      out += fmt::format("<span class=\"{}\">{:>6}  {}</span>\n", line == f.location.line ? "hit" : "ctx", line,
                         xml_escape(text.substr(0, 400)));
    }
  }
  out += "</pre></details>\n</li>\n";
  return out;
}

// Per body: what a click on the diagram shows (links, seats, findings), as JSON.
std::string bodies_json(const CheckedModel& c) {
  const Model& m = c.model();
  std::map<std::string, std::vector<std::size_t>> findings_of;
  for (std::size_t i = 0; i < c.check.findings.size(); ++i) {
    for (const auto& s : c.check.findings[i].subjects) {
      if (s.type == "body") findings_of[s.id].push_back(i);
    }
  }
  std::map<std::string, std::vector<const Link*>> links_of;
  for (const auto& l : m.links) {
    links_of[l.from].push_back(&l);
    if (l.to != l.from) links_of[l.to].push_back(&l);
  }
  std::map<std::string, std::vector<const Seat*>> seats_of;
  for (const auto& s : m.seats) seats_of[s.body].push_back(&s);
  JsonWriter j(false);
  j.begin_array();
  for (const auto& b : m.bodies) {
    j.begin_object().field("id", b.id).field("name", b.name).field("kind", b.kind)
        .field("kindLabel", m.kind_label(b.kind)).field("status", to_string(b.status)).field("code", b.code)
        .field("count", b.count);
    j.key("links").begin_array();
    for (const Link* l : links_of[b.id]) {
      const bool out = l->from == b.id;
      const Body* other = m.find_body(out ? l->to : l->from);
      std::string text = fmt::format("{} {} {}", to_string(l->kind), out ? "to" : "from", other ? other->name : "?");
      if (!l->subtype.empty()) text += " (" + subtype_label(m, *l) + ")";
      const std::string year = l->year.empty() ? "" : " " + l->year;
      if (l->amount) text += ", " + money(*l->amount) + year;
      if (l->total_of != 0) text += fmt::format(", part of a {} total{}", money(m.link_totals[l->total_of - 1].total), year);
      // With it, the kind of link and of the body at the other end: the panel of a box of many
      // bodies counts links by this instead of listing them all.
      j.begin_array().value(text).value(fmt::format("{} {} {}", to_string(l->kind), out ? "to" : "from",
                                                     other ? m.kind_label(other->kind, true) : "?")).end_array();
    }
    j.end_array().key("seats").begin_array();
    for (const Seat* s : seats_of[b.id]) {
      const Body* by = m.find_body(s->nominated_by);
      j.value(fmt::format("{} × {}{}{}", s->count, to_string(s->role), s->voting ? ", voting" : ", non-voting",
                          by ? ", nominated by " + by->name : ""));
    }
    j.end_array().key("findings").begin_array();
    for (auto i : findings_of[b.id]) j.value(i);
    j.end_array().end_object();
  }
  j.end_array();
  // Inside <script>, neither "</script" nor "<!--" may appear: every "<" (only ever inside a
  // string) is written as its JSON escape.
  std::string text;
  for (char ch : j.str()) {
    if (ch == '<') text += "\\u003c"; else text += ch;
  }
  return text;
}

std::string summary_html(const CheckedModel& c) {
  const Model& m = c.model();
  const Stats& s = c.stats();
  std::string out = "<div class=\"summary\"><table class=\"counts\"><caption>Bodies by kind</caption>\n";
  for (const auto& [kind, n] : s.bodies_by_kind) {
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", xml_escape(m.kind_label(kind, true)), thousands(double(n)));
  }
  out += "</table>\n<table class=\"counts\"><caption>Links, seats and people</caption>\n";
  for (const auto& [kind, n] : s.links_by_kind) out += fmt::format("<tr><th>{} links</th><td>{}</td></tr>\n", xml_escape(kind), n);
  out += fmt::format("<tr><th>board seats (voting)</th><td>{} ({})</td></tr>\n", s.seats, s.voting_seats);
  out += fmt::format("<tr><th>areas / population</th><td>{} / {}</td></tr>\n", thousands(double(s.areas)), thousands(s.population));
  if (s.money_total > 0) out += fmt::format("<tr><th>money stated / pooled</th><td>{} / {}</td></tr>\n", money(s.money_total), money(s.money_pooled));
  out += "</table>\n";
  out += network_html(m, s.network);
  if (!s.coterminosity.empty()) {
    out += "<table class=\"counts\"><caption>Coterminosity</caption>\n";
    for (const auto& t : s.coterminosity) {
      out += fmt::format("<tr><th>{} in {}</th><td>{} of {} within one; {} split</td></tr>\n", xml_escape(m.kind_label(t.a, true)),
                         xml_escape(m.kind_label(t.b, true)), t.within_one, t.a_bodies, t.split);
    }
    out += "</table>\n";
  }
  return out + "</div>\n";
}

std::string sources_html(const Model& m) {
  std::string out = "<details class=\"sources\"><summary>Sources (" + std::to_string(m.sources.size()) + ")</summary><ol>\n";
  for (const auto& s : m.sources) {
    out += "<li><b>" + xml_escape(s.id) + "</b>: " + xml_escape(s.publisher.empty() ? "" : s.publisher + ", ") + "<i>" + xml_escape(s.title) + "</i>";
    if (!s.year.empty()) out += " (" + xml_escape(s.year) + ")";
    if (!s.url.empty()) out += " <span class=\"url\">" + xml_escape(s.url) + "</span>";
    out += "</li>\n";
  }
  return out + "</ol></details>\n";
}

// Findings grouped by rule, errors first, each group headed by the rule's plain-English title.
std::string findings_html(const CheckedModel& c, const std::string& key) {
  std::map<std::string, std::vector<std::size_t>> by_rule;
  for (std::size_t i = 0; i < c.check.findings.size(); ++i) by_rule[c.check.findings[i].rule].push_back(i);
  std::vector<std::tuple<int, std::string, std::string>> order;  // severity rank, title, rule
  for (const auto& [rule, indexes] : by_rule) {
    int rank = 3;
    for (auto i : indexes) {
      const Finding& f = c.check.findings[i];
      rank = std::min(rank, severity_rank(f.suppressed ? "accepted" : std::string(to_string(f.severity))));
    }
    order.emplace_back(rank, rule_title(rule), rule);
  }
  std::sort(order.begin(), order.end());
  const std::size_t total = c.check.findings.size();
  std::string out = fmt::format("<div class=\"findings\"><h3>Findings <span class=\"count\" data-total=\"{}\">({})</span></h3>\n",
                                total, total);
  if (by_rule.empty()) out += "<p>No findings.</p>\n";
  else out += "<p class=\"none-shown\" hidden>No findings here match the filters.</p>\n";
  for (const auto& [rank, title, rule] : order) {
    const auto& indexes = by_rule[rule];
    const std::string severity = rank == 0 ? "error" : rank == 1 ? "warning" : rank == 2 ? "info" : "accepted";
    out += fmt::format("<details class=\"rule-group\" data-rule=\"{}\" open><summary><span class=\"sev sev-{}\">{}</span> "
                       "<span class=\"rule-title\">{}</span> <span class=\"n\" data-total=\"{}\">{}</span> <code>{}</code></summary><ol>\n",
                       xml_escape(rule), severity, severity, xml_escape(title), indexes.size(), indexes.size(), xml_escape(rule));
    for (auto i : indexes) out += finding_html(c.model(), c.check.findings[i], i, key);
    out += "</ol></details>\n";
  }
  return out + "</div>\n";
}

std::string model_section(const CheckedModel& c, std::size_t index, DiagnosticSink& sink) {
  const Model& m = c.model();
  const std::string key = fmt::format("m{}", index);
  std::string out = fmt::format("<section class=\"model\" id=\"{}\" data-model=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">{}</h2>\n",
                                key, key, key, key, xml_escape(m.title));
  out += "<p class=\"filtered-note\" hidden>No findings in this section match the filters.</p>\n";
  out += fmt::format("<p class=\"meta\"><code>{}</code> · {} · as of {} · {}</p>\n", xml_escape(c.path),
                     xml_escape(nation_display_name(m.nation)), xml_escape(m.as_of), to_string(m.status));
  out += summary_html(c);
  out += sources_html(m);
  out += "<figure class=\"diagram\" data-model=\"" + key + "\"><figcaption>Figure: " + xml_escape(short_title(m)) +
         ".<span class=\"hint\"> Click or press Enter on a box for its links, seats and findings.</span></figcaption>" +
         figure_pane(m, &c.check.findings, sink) + "</figure>\n";
  out += findings_html(c, key);
  out += "<script type=\"application/json\" class=\"bodies\" data-model=\"" + key + "\">" + bodies_json(c) + "</script>\n";
  return out + "</section>\n";
}

std::string limited_list(const std::string& title, const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string out = fmt::format("<details class=\"changes\"><summary>{} ({})</summary><ul>\n", xml_escape(title), items.size());
  for (std::size_t i = 0; i < items.size() && i < kListLimit; ++i) out += "<li>" + xml_escape(items[i]) + "</li>\n";
  if (items.size() > kListLimit) out += fmt::format("<li>… and {} more</li>\n", items.size() - kListLimit);
  return out + "</ul></details>\n";
}

std::string comparison_section(const Comparison& c, std::size_t index, DiagnosticSink& sink) {
  std::string out;
  const Model& base = c.base.model();
  for (std::size_t p = 0; p < c.proposals.size(); ++p) {
    const auto& prop = c.proposals[p];
    const Model& m = prop.proposal.model();
    out += fmt::format("<section class=\"comparison\" id=\"c{}-{}\" aria-labelledby=\"c{}-{}-h\">\n<h2 id=\"c{}-{}-h\">{}: {}</h2>\n",
                       index, p, index, p, index, p, comparison_role(m), xml_escape(m.title));
    out += "<p class=\"filtered-note\" hidden>No findings in this section match the filters.</p>\n";
    out += fmt::format("<p class=\"meta\">compared with <b>{}</b> (<code>{}</code>)</p>\n", xml_escape(base.title), xml_escape(c.base.path));
    out += fmt::format("<table class=\"metrics\"><thead><tr><th>metric</th><th>baseline</th><th>{}</th><th>change</th></tr></thead><tbody>\n",
                       comparison_role(m, false));
    for (const auto& r : metric_rows(c.base.metrics, prop.proposal.metrics)) {
      out += fmt::format("<tr><th>{}</th><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>\n", xml_escape(r.name),
                         xml_escape(r.before), xml_escape(r.after), r.direction > 0 ? "up" : r.direction < 0 ? "down" : "",
                         xml_escape(r.change));
    }
    out += "</tbody></table>\n";
    const auto lists = structural_changes(c.base, prop);
    for (const auto& list : lists) out += limited_list(list.title, list.items);
    if (prop.diff.empty()) out += fmt::format("<p>The {} makes no structural change.</p>\n", comparison_role(m, false));
    const auto& f = prop.findings;
    out += fmt::format("<h3>Findings: {} new, {} resolved, {}, {}, {}</h3>\n"
                       "<div class=\"side-by-side\">\n",
                       f.added.size(), f.resolved.size(), continued_count(f.carried_over, "carried over"),
                       continued_count(f.changed, "changed"), continued_count(f.unchanged, "unchanged"));
    out += "<div><h4>New</h4><ol>";
    for (auto i : f.added) out += finding_html(m, prop.proposal.check.findings[i], i, fmt::format("c{}-{}n", index, p));
    out += "</ol></div>\n<div><h4>Resolved</h4><ol>";
    for (auto i : f.resolved) out += finding_html(base, c.base.check.findings[i], i, fmt::format("c{}-{}r", index, p));
    out += "</ol></div>\n</div>\n";
    // Findings that continue: carried over to a successor, or reworded; the earlier text below each.
    for (const auto& [title, pairs, tag] : {std::tuple{"Carried over to successors", &f.carried_over, "o"},
                                            std::tuple{"Changed in wording", &f.changed, "w"}}) {
      if (pairs->empty()) continue;
      out += fmt::format("<h4>{}</h4>\n", title);
      for (const auto& continued : by_proposal_finding(*pairs)) {
        const std::size_t i = continued.proposal;
        out += "<ol>" + finding_html(m, prop.proposal.check.findings[i], i, fmt::format("c{}-{}{}", index, p, tag)) + "</ol>";
        for (const std::size_t before : continued.base) {
          out += fmt::format("<p class=\"was\">was: {}</p>", xml_escape(c.base.check.findings[before].message));
        }
        out += "\n";
      }
    }
    const ChangeList claims = claim_change_list(c.base, prop);
    out += limited_list(claims.title, claims.items);
    out += "<figure class=\"delta\"><figcaption>What changes (delta diagram)</figcaption>" +
           diagram_pane(build_delta_view(base, m, sink), sink) + "</figure>\n";
    // The two figures keep each box where the delta diagram has it, so nothing jumps between them.
    auto aligned = build_aligned_figures(base, &c.base.check.findings, m, &prop.proposal.check.findings, sink);
    std::optional<Diagram> before, after;
    if (aligned) {
      before = std::move(aligned->before);
      after = std::move(aligned->after);
    }
    out += "<div class=\"diagrams\">\n<figure><figcaption>Baseline</figcaption>" + diagram_pane(before, sink) +
           "</figure>\n<figure><figcaption>" + std::string(comparison_role(m)) + "</figcaption>" +
           diagram_pane(after, sink) + "</figure>\n</div>\n</section>\n";
  }
  return out;
}

}  // namespace

std::string report_html(const ReportInput& input, DiagnosticSink& sink) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>" + xml_escape(input.title) + "</title>\n<style>\n" + std::string(report_css()) + "</style>\n</head>\n<body>\n";
  // The top bar: the title, a menu of sections and the filters, each behind a button so the bar
  // stays one line high on a laptop and two on a phone.
  out += "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header class=\"topbar\">\n<p class=\"brand\"><a href=\"#top\">" +
         xml_escape(input.title) + "</a></p>\n";
  out += "<details class=\"menu sections\"><summary>Sections</summary>\n<nav aria-label=\"Sections\"><ol>\n";
  for (std::size_t i = 0; i < input.models.size(); ++i) {
    const Model& m = input.models[i]->model();
    out += fmt::format("<li><a href=\"#m{}\" title=\"{}\">{}</a></li>\n", i, xml_escape(m.title), xml_escape(short_title(m)));
  }
  for (std::size_t i = 0; i < input.comparisons.size(); ++i) {
    for (std::size_t p = 0; p < input.comparisons[i]->proposals.size(); ++p) {
      const Model& compared = input.comparisons[i]->proposals[p].proposal.model();
      out += fmt::format("<li><a href=\"#c{}-{}\" title=\"{}\">{}: {}</a></li>\n", i, p, xml_escape(compared.title),
                         comparison_role(compared), xml_escape(short_title(compared)));
    }
  }
  out += "</ol></nav></details>\n";
  std::set<std::string> rules;
  for (const auto* c : input.models) for (const auto& f : c->check.findings) rules.insert(f.rule);
  std::vector<std::pair<std::string, std::string>> rule_options;  // title, id
  for (const auto& r : rules) rule_options.emplace_back(rule_title(r), r);
  std::sort(rule_options.begin(), rule_options.end());
  out += "<details class=\"menu filters\"><summary>Filters</summary>\n<form class=\"controls\" onsubmit=\"return false\">\n"
         "<fieldset><legend>Severity</legend>\n";
  for (const char* s : {"error", "warning", "info", "accepted"}) {
    out += fmt::format("<label><input type=\"checkbox\" name=\"severity\" value=\"{}\" checked> {}</label>\n", s, s);
  }
  out += "</fieldset>\n<label>Rule <select name=\"rule\"><option value=\"\">all rules</option>\n";
  for (const auto& [title, id] : rule_options) out += "<option value=\"" + xml_escape(id) + "\">" + xml_escape(title) + "</option>\n";
  out += "</select></label>\n<label>Body <input name=\"body\" type=\"search\" placeholder=\"id or name\"></label>\n"
         "<label>Search <input name=\"search\" type=\"search\" placeholder=\"words in findings\"></label>\n"
         "<button type=\"reset\">Show all</button>\n</form></details>\n"
         "<output class=\"shown\" aria-live=\"polite\"></output>\n</header>\n<main id=\"main\">\n";
  out += "<h1 id=\"top\">" + xml_escape(input.title) + "</h1>\n";
  for (std::size_t i = 0; i < input.models.size(); ++i) out += model_section(*input.models[i], i, sink);
  for (std::size_t i = 0; i < input.comparisons.size(); ++i) out += comparison_section(*input.comparisons[i], i, sink);
  out += "</main>\n<aside class=\"drawer\" hidden aria-labelledby=\"drawer-title\">\n<div class=\"drawer-head\">"
         "<h2 id=\"drawer-title\" tabindex=\"-1\"></h2><button type=\"button\" class=\"close\">Close</button></div>\n"
         "<div class=\"drawer-body\"></div>\n</aside>\n";
  out += "<footer>Written by govmap " GOVMAP_VERSION ". Every finding names the model line it comes from.</footer>\n";
  out += "<script>\n" + std::string(report_js()) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace govmap
