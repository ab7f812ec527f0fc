#include "render/views.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include <fmt/format.h>

#include "engine/geography.h"
#include "engine/text.h"
#include "render/view_builder.h"

namespace govmap {
namespace {

constexpr ViewKind kAllViews[] = {ViewKind::Figure, ViewKind::Funding, ViewKind::Accountability, ViewKind::Area,
                                  ViewKind::Body};

std::set<LinkKind> all_link_kinds() { return {std::begin(kAllLinkKinds), std::end(kAllLinkKinds)}; }

// The model's title, without a repeat of the figure title it may start with.
std::string subtitle(const Model& m) {
  std::string title = m.title;
  const std::string figure = figure_title(m);
  if (title.rfind(figure, 0) == 0) {
    title.erase(0, figure.size());
    while (!title.empty() && (title.front() == ',' || title.front() == ' ' || title.front() == ':')) title.erase(0, 1);
  }
  return title.empty() ? fmt::format("{} model, as of {}", to_string(m.status), m.as_of)
                       : fmt::format("{} ({} model, as of {})", title, to_string(m.status), m.as_of);
}

// The one element whose name is `wanted`, ignoring case ("Belfast", "nhs fife"), if only one has it.
template <typename Items>
std::optional<std::size_t> only_named(const Items& items, const std::string& wanted) {
  const auto same = [&](std::string_view name) {
    return std::equal(name.begin(), name.end(), wanted.begin(), wanted.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!same(items[i].name.view())) continue;
    if (found) return std::nullopt;
    found = i;
  }
  return found;
}

std::optional<std::size_t> find_area(const Model& m, const std::string& wanted) {
  const auto it = m.area_index.find(wanted);
  if (it != m.area_index.end()) return it->second;
  for (std::size_t i = 0; i < m.areas.size(); ++i) {
    if (m.areas[i].code == wanted) return i;
  }
  return only_named(m.areas, wanted);
}

// Every body covering part of the area, plus bodies with no coverage (national bodies) that
// a link joins to one of them.
std::optional<Selection> area_selection(const Model& m, const std::string& wanted,
                                        const Geography* built, DiagnosticSink& sink) {
  const auto area = find_area(m, wanted);
  if (!area) {
    std::vector<std::string> ids;
    for (const auto& a : m.areas) ids.push_back(a.id);
    const std::string named = m.areas_named_like(wanted);
    const std::string hint = named.empty() ? did_you_mean(wanted, ids) : named;
    sink.error("--area", fmt::format("no area '{}' in model {}{}", wanted, m.id, hint), "unknown-area");
    return std::nullopt;
  }
  std::optional<Geography> own;
  if (built == nullptr) own.emplace(m);
  const Geography& geography = built != nullptr ? *built : *own;
  Selection s;
  s.bodies.assign(m.bodies.size(), false);
  for (AreaIndex leaf : geography.leaves_under(static_cast<AreaIndex>(*area))) {
    for (std::size_t b : geography.bodies_covering(leaf)) s.bodies[b] = true;
  }
  std::vector<bool> covering = s.bodies;
  for (const auto& link : m.links) {
    const auto from = m.body_index.find(link.from), to = m.body_index.find(link.to);
    if (from == m.body_index.end() || to == m.body_index.end()) continue;
    for (auto [inside, outside] : {std::pair{from->second, to->second}, std::pair{to->second, from->second}}) {
      if (covering[inside] && !geography.has_coverage(outside)) s.bodies[outside] = true;
    }
  }
  const Area& a = m.areas[*area];
  s.title = fmt::format("Bodies covering {} ({})", a.name.empty() ? a.id : a.name, a.code.empty() ? a.id : a.code);
  return s;
}

// The body and every body within `depth` links of it, in either direction.
std::optional<Selection> body_selection(const Model& m, const std::string& wanted, int depth, DiagnosticSink& sink) {
  auto start = m.body_index.find(wanted);
  if (start == m.body_index.end()) {
    if (const auto named = only_named(m.bodies, wanted)) start = m.body_index.find(m.bodies[*named].id);
  }
  if (start == m.body_index.end()) {
    // A body a proposal replaced is named by its successors; one written by name, by the bodies so named.
    std::vector<std::string> ids;
    for (const auto& b : m.bodies) ids.push_back(b.id);
    const std::string successors = m.successors_of(wanted);
    const std::string hint = !successors.empty() ? ": it was succeeded by " + successors
                             : !m.named_like(wanted).empty() ? m.named_like(wanted)
                                                             : did_you_mean(wanted, ids);
    sink.error("--body", fmt::format("no body '{}' in model {}{}", wanted, m.id, hint), "unknown-body");
    return std::nullopt;
  }
  std::vector<std::vector<std::size_t>> neighbours(m.bodies.size());
  for (const auto& link : m.links) {
    const auto from = m.body_index.find(link.from), to = m.body_index.find(link.to);
    if (from == m.body_index.end() || to == m.body_index.end()) continue;
    neighbours[from->second].push_back(to->second);
    neighbours[to->second].push_back(from->second);
  }
  Selection s;
  s.bodies.assign(m.bodies.size(), false);
  std::vector<int> distance(m.bodies.size(), -1);
  std::deque<std::size_t> queue{start->second};
  distance[start->second] = 0;
  while (!queue.empty()) {
    const std::size_t b = queue.front();
    queue.pop_front();
    s.bodies[b] = true;
    if (distance[b] >= depth) continue;
    for (std::size_t n : neighbours[b]) {
      if (distance[n] >= 0) continue;
      distance[n] = distance[b] + 1;
      queue.push_back(n);
    }
  }
  const Body& body = m.bodies[start->second];  // an aggregate (count above 1) is named in the plural
  s.title = fmt::format("{} and the bodies within {} link{} of {}", body.name, depth, depth == 1 ? "" : "s",
                        body.count > 1 ? "them" : "it");
  return s;
}

}  // namespace

std::string_view to_string(ViewKind view) {
  switch (view) {
    case ViewKind::Figure: return "figure";
    case ViewKind::Funding: return "funding";
    case ViewKind::Accountability: return "accountability";
    case ViewKind::Area: return "area";
    case ViewKind::Body: return "body";
  }
  return "figure";
}

std::optional<ViewKind> parse_view_kind(std::string_view text) {
  for (ViewKind v : kAllViews) {
    if (to_string(v) == text) return v;
  }
  return std::nullopt;
}

std::string figure_title(const Model& m) {
  return "Funding and accountability in the health and social care system in " + nation_display_name(m.nation);
}

std::string nation_display_name(std::string_view nation) {
  if (nation == "uk") return "the UK";
  std::string out;
  bool start = true;
  for (char c : nation) {
    if (c == '-') {
      out += ' ';
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

std::optional<Diagram> build_view(const Model& m, const ViewOptions& options, DiagnosticSink& sink) {
  Selection s;
  switch (options.view) {
    case ViewKind::Figure:
    case ViewKind::Funding:
    case ViewKind::Accountability:
      s.bodies.assign(m.bodies.size(), true);
      s.aggregate = true;
      s.apart = options.apart;
      s.title = figure_title(m);
      break;
    case ViewKind::Area: {
      auto selected = area_selection(m, options.area, options.geography, sink);
      if (!selected) return std::nullopt;
      s = std::move(*selected);
      break;
    }
    case ViewKind::Body: {
      auto selected = body_selection(m, options.body, std::max(options.depth, 0), sink);
      if (!selected) return std::nullopt;
      s = std::move(*selected);
      break;
    }
  }
  s.link_kinds = all_link_kinds();
  s.subtitle = subtitle(m);
  if (options.view == ViewKind::Funding || options.view == ViewKind::Accountability) {
    const bool funding = options.view == ViewKind::Funding;
    s.link_kinds = {funding ? LinkKind::Funding : LinkKind::Accountability};
    s.drop_unlinked = true;
    s.subtitle += funding ? " \u2014 funding only" : " \u2014 accountability only";
  }
  const auto selected = static_cast<std::size_t>(std::count(s.bodies.begin(), s.bodies.end(), true));
  if (!s.aggregate && selected > options.max_nodes) {
    s.aggregate = true;
    s.notes.push_back(fmt::format("{} bodies exceed the limit of {} boxes (--max-nodes), so they are grouped "
                                  "into {} boxes by kind",
                                  selected, options.max_nodes, kind_group_count(m, s.bodies)));
  }
  s.findings = options.findings;
  return build_diagram(m, s);
}

}  // namespace govmap
