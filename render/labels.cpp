#include "render/labels.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/finding.h"
#include "engine/text.h"

namespace govmap {
namespace {

constexpr std::size_t kMaxNamedMembers = 8;
constexpr std::size_t kMaxNamedSources = 4;
constexpr std::size_t kMaxTooltipLinks = 12;
constexpr std::size_t kEdgeLabelWidth = 26;

std::string body_name(const Model& m, const std::string& id) {
  const Body* b = m.find_body(id);
  return b == nullptr ? id : b->name.str();
}

std::string source_title(const Model& m, const std::string& id) {
  const Source* s = m.find_source(id);
  if (s == nullptr) return id;
  std::string who = s->publisher.empty() ? "" : s->publisher;
  if (!s->year.empty()) who += who.empty() ? s->year : " (" + s->year + ")";
  return who.empty() ? s->title : who + ", " + s->title;
}

// One line for funding links sharing a mechanism (and holder): "Formula allocation, £9.4bn (2021/22)".
std::string holder_name(const Model& m, const std::string& id, bool aggregated) {
  const Body* b = m.find_body(id);
  if (b == nullptr) return id;
  return aggregated ? m.kind_label(b->kind, true) : b->name.str();
}

std::string funding_line(const Model& m, const std::vector<const Link*>& links, bool aggregated) {
  const Link& first = *links.front();
  std::string line = subtype_label(m, first);
  MoneySum sum(m);
  std::set<std::string> years;
  for (const Link* l : links) {
    sum.add(*l);
    if (!l->year.empty()) years.insert(l->year);
  }
  if (sum.stated() > 0) line += ", " + money(sum.amount()) + (sum.complete() ? "" : " (part stated)");
  if (years.size() == 1) line += " (" + *years.begin() + ")";
  if (!first.held_by.empty() && first.held_by != first.to) line += ", held by " + holder_name(m, first.held_by, aggregated);
  return line;
}

}  // namespace

std::string subtype_label(const Model& m, const Link& link) {
  if (!m.vocabulary || link.subtype.empty()) return link.subtype;
  const Labelled* l = link.kind == LinkKind::Funding ? m.vocabulary->mechanism(link.subtype)
                                                      : m.vocabulary->accountability_kind(link.subtype);
  return l == nullptr ? link.subtype.str() : l->label;
}

std::string wrap_text(const std::string& text, std::size_t width) {
  std::string out, line;
  for (const auto& word : split_words(text)) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string node_tooltip(const Model& m, const std::vector<const Body*>& members, long long count,
                         const std::vector<std::string>& findings) {
  const Body& first = *members.front();
  std::vector<std::string> lines;
  lines.push_back(members.size() == 1 && count == 1 ? first.name.str()
                                                    : fmt::format("{} ({})", m.kind_label(first.kind, true), count));
  lines.push_back("Kind: " + m.kind_label(first.kind));
  lines.push_back(fmt::format("Legal status: {}", to_string(first.status)));
  const Labelled* sector = m.vocabulary ? m.vocabulary->sector(first.sector) : nullptr;
  lines.push_back("Sector: " + (sector == nullptr ? first.sector.str() : sector->label));
  if (members.size() == 1) {
    if (!first.code.empty()) lines.push_back("Code: " + first.code);
    lines.push_back("Id: " + first.id);
  } else {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < members.size() && i < kMaxNamedMembers; ++i) {
      names.push_back(members[i]->code.empty() ? members[i]->name.str()
                                               : members[i]->name + " (" + members[i]->code + ")");
    }
    if (members.size() > kMaxNamedMembers) names.push_back(fmt::format("and {} more", members.size() - kMaxNamedMembers));
    lines.push_back("Bodies: " + join(names, "; "));
  }
  std::set<std::string> sources;
  for (const Body* b : members) sources.insert(b->provenance.sources.begin(), b->provenance.sources.end());
  std::vector<std::string> titles;
  for (const auto& id : sources) titles.push_back(source_title(m, id));
  if (!titles.empty()) lines.push_back("Sources: " + join(titles, "; "));
  if (members.size() == 1 && !first.provenance.evidence.empty()) lines.push_back("Evidence: " + first.provenance.evidence);
  if (!findings.empty()) {
    lines.push_back(fmt::format("Findings ({}):", findings.size()));
    for (std::size_t i = 0; i < findings.size() && i < kMaxTooltipLinks; ++i) lines.push_back("- " + findings[i]);
    if (findings.size() > kMaxTooltipLinks) lines.push_back(fmt::format("and {} more", findings.size() - kMaxTooltipLinks));
  }
  return join(lines, "\n");
}

std::string edge_label(const Model& m, const std::vector<std::size_t>& links, bool aggregated) {
  const LinkKind kind = m.links[links.front()].kind;
  if (kind == LinkKind::Funding || kind == LinkKind::Accountability) {
    std::map<std::pair<std::string, std::string>, std::vector<const Link*>> by_subtype;
    for (std::size_t i : links) {
      const Link& l = m.links[i];
      const bool held_elsewhere = !l.held_by.empty() && l.held_by != l.to;
      by_subtype[{l.subtype, held_elsewhere ? holder_name(m, l.held_by, aggregated) : ""}].push_back(&l);
    }
    std::vector<std::string> lines;
    for (const auto& [key, group] : by_subtype) {
      lines.push_back(wrap_text(kind == LinkKind::Funding ? funding_line(m, group, aggregated) : subtype_label(m, *group.front()),
                                kEdgeLabelWidth));
    }
    std::string label = join(lines, "\n");
    return label;
  }
  if (kind == LinkKind::Delegation && !aggregated) {
    std::set<std::string> functions;
    for (std::size_t i : links) functions.insert(m.links[i].functions.begin(), m.links[i].functions.end());
    return wrap_text(join(std::vector<std::string>(functions.begin(), functions.end()), ", "), kEdgeLabelWidth);
  }
  return "";
}

std::string edge_tooltip(const Model& m, const std::vector<std::size_t>& links) {
  std::vector<std::string> lines;
  // National totals first: each kind-level total this arrow carries, once.
  std::set<std::uint32_t> totals;
  for (std::size_t l : links) {
    if (m.links[l].total_of != 0) totals.insert(m.links[l].total_of);
  }
  for (std::uint32_t t : totals) {
    const auto& total = m.link_totals[t - 1];
    lines.push_back(fmt::format("Total stated for {}: {}", plural(static_cast<long long>(total.links), "link", "links together"),
                                money(total.total)));
  }
  for (std::size_t n = 0; n < links.size() && n < kMaxTooltipLinks; ++n) {
    const Link& l = m.links[links[n]];
    std::string line = fmt::format("{} \u2192 {}: {}", body_name(m, l.from), body_name(m, l.to), to_string(l.kind));
    if (!l.subtype.empty()) line += " (" + subtype_label(m, l) + ")";
    if (l.amount) line += ", " + money(*l.amount);
    if (!l.year.empty()) line += " " + l.year;
    if (!l.operating()) line += " — " + l.not_operating_text();
    lines.push_back(line);
  }
  if (links.size() > kMaxTooltipLinks) lines.push_back(fmt::format("and {} more links", links.size() - kMaxTooltipLinks));
  return join(lines, "\n");
}

std::string source_line(const Model& m, const std::vector<std::string>& source_ids,
                        const std::vector<std::string>& notes) {
  std::string text = fmt::format("Source: govmap model {}, as of {}.", m.id, m.as_of);
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < source_ids.size() && i < kMaxNamedSources; ++i) titles.push_back(source_title(m, source_ids[i]));
  if (!titles.empty()) text += " Based on: " + join(titles, "; ");
  if (source_ids.size() > kMaxNamedSources) {
    text += fmt::format("; and {} more source{}", source_ids.size() - kMaxNamedSources,
                        source_ids.size() - kMaxNamedSources == 1 ? "" : "s");
  }
  if (!titles.empty()) text += ".";
  std::string out = wrap_text(text, 130);
  for (const auto& note : notes) out += caption_note(note);
  return out;
}

std::string caption_note(const std::string& note) { return "\n" + wrap_text("Note: " + note + ".", 130); }

}  // namespace govmap
