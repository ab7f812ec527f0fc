// Kind-level membership: post templates (<post of-kind>) and kind-level seats (<seat body-kind>,
// nominated-by-kind, or a holder that is a post template) become posts and seats of single
// bodies. A template resolves per body through the body's related bodies of a kind: itself,
// the body it is part of, its partners, or else the bodies whose footprint overlaps its own.

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/geography.h"
#include "engine/text.h"
#include "engine/loader_internal.h"
#include "engine/xml_input.h"

namespace govmap::detail {
namespace {

constexpr std::size_t kMaxReportedPerSeat = 5;  // unresolved bodies named per seat element

bool is_template(const Seat& seat) { return !seat.body_kind.empty() || !seat.nominated_by_kind.empty(); }

/// "{of}" in a template title is replaced by the body's name.
std::string post_title(const std::string& title, const Body& of) {
  std::string out = title;
  for (auto at = out.find("{of}"); at != std::string::npos; at = out.find("{of}", at + of.name.size())) {
    out.replace(at, 4, of.name);
  }
  return out;
}

class Expander {
 public:
  Expander(RawModel& raw, DiagnosticSink& sink) : m_(raw.model), successions_(raw.successions), sink_(sink) {}

  void run() {
    for (std::size_t i = 0; i < m_.bodies.size(); ++i) by_kind_[m_.bodies[i].kind].push_back(i);
    for (const Post& post : m_.posts) {
      for (const std::string& body : post.for_bodies) overrides_[{post.replaces, body}] = post.id;
    }
    for (const Link& link : m_.links) {
      if (link.kind != LinkKind::Partner) continue;
      const auto from = m_.body_index.find(link.from), to = m_.body_index.find(link.to);
      if (from == m_.body_index.end() || to == m_.body_index.end()) continue;
      partners_[from->second].push_back(to->second);
      partners_[to->second].push_back(from->second);
    }
    expand_posts();
    expand_seats();
    m_.reindex_posts();  // expanding templates changed only the posts
  }

 private:
  /// The post a template's seat resolves to for body `of`: the shared post that replaces the
  /// template there, else "<template>@<of>".
  std::string post_for(const Post& templ, const std::string& of) const {
    const auto it = overrides_.find({templ.id, of});
    return it != overrides_.end() ? it->second : templ.id + "@" + of;
  }

  const Post* template_post(const std::string& id) const {
    const auto it = templates_.find(id);
    return it == templates_.end() ? nullptr : &it->second;
  }

  /// Each template post becomes one post per body of its kind, "<id>@<body id>".
  void expand_posts() {
    std::vector<Post> posts;
    posts.reserve(m_.posts.size());
    for (Post& post : m_.posts) {
      if (post.of_kind.empty()) {
        posts.push_back(std::move(post));
        continue;
      }
      const auto bodies = by_kind_.find(post.of_kind);
      if (bodies != by_kind_.end()) {
        for (std::size_t b : bodies->second) {
          const Body& of = m_.bodies[b];
          if (overrides_.count({post.id, of.id}) != 0) continue;  // a shared post stands in
          posts.push_back(Post{post.id + "@" + of.id, post_title(post.title, of), of.id, "", "", post.id,
                               post.shared, post.provenance, "", {}});
        }
      }
      templates_.emplace(post.id, std::move(post));
    }
    m_.posts = std::move(posts);
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < m_.posts.size(); ++i) {
      if (seen.emplace(m_.posts[i].id, i).second) continue;
      sink_.error(*m_.files, m_.posts[i].provenance.location,
                  fmt::format("post '{}' is also the post a template makes for a body; rename one", m_.posts[i].id),
                  "duplicate-id");
    }
  }

  /// Bodies of `kind` related to body `b`, sorted: itself, else the body it is part of, else its
  /// partners, else the bodies whose footprint (its own, or its parent's) overlaps its own.
  std::vector<std::size_t> related(std::size_t b, const std::string& kind) {
    const Body& body = m_.bodies[b];
    if (body.kind == kind) return {b};
    const auto parent = m_.body_index.find(body.part_of);
    const bool has_parent = !body.part_of.empty() && parent != m_.body_index.end();
    if (has_parent && m_.bodies[parent->second].kind == kind) return {parent->second};
    std::vector<std::size_t> out;
    if (auto it = partners_.find(b); it != partners_.end()) {
      for (std::size_t p : it->second) {
        if (m_.bodies[p].kind == kind) out.push_back(p);
      }
    }
    if (out.empty()) {
      if (!geography_) geography_ = std::make_unique<Geography>(m_);
      std::size_t footprint = b;
      if (!geography_->has_coverage(b) && has_parent) footprint = parent->second;
      for (AreaIndex atom : geography_->atoms(footprint)) {
        for (std::size_t other : geography_->bodies_covering(atom)) {
          if (other != b && m_.bodies[other].kind == kind) out.push_back(other);
        }
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  /// The seats one element stands for, in body order then related-body order.
  void expand_seat(const Seat& seat, std::vector<Seat>& out) {
    const Post* holder = template_post(seat.holder);
    const std::string& partner_kind = holder != nullptr ? holder->of_kind : seat.nominated_by_kind;
    const Location at = seat.provenance.location;
    if (holder != nullptr && !seat.nominated_by_kind.empty() && seat.nominated_by_kind != holder->of_kind) {
      sink_.error(*m_.files, attribute_location(*m_.files, at, "nominated-by-kind"),
                  fmt::format("the seat's holder is a '{}' post ('{}'), so it is nominated by that {} or by no one, "
                              "not by a '{}'",
                              holder->of_kind, holder->id, holder->of_kind, seat.nominated_by_kind),
                  "bad-value");
      return;
    }
    std::vector<std::size_t> bodies;
    if (!seat.body_kind.empty()) {
      if (auto it = by_kind_.find(seat.body_kind); it != by_kind_.end()) bodies = it->second;
      std::erase_if(bodies, [&](std::size_t b) {
        return std::find(seat.except.begin(), seat.except.end(), m_.bodies[b].id) != seat.except.end();
      });
    } else {
      bodies.push_back(m_.body_index.at(seat.body));
    }
    // A body with no related body because the proposal replaced those of the kind is the
    // reform's doing, not an error in the model: the seat is left out, with a warning there.
    const Replaced* replaced = replaced_of_kind(partner_kind);
    std::size_t unresolved = 0;
    for (std::size_t b : bodies) {
      if (partner_kind.empty()) {
        add(seat, out).body = m_.bodies[b].id;
        continue;
      }
      auto partners = related(b, partner_kind);
      // A seat naming its nominating body of the post's kind holds that body's post.
      if (const auto by = m_.body_index.find(seat.nominated_by);
          holder != nullptr && by != m_.body_index.end() && m_.bodies[by->second].kind == partner_kind) {
        partners = {by->second};
      }
      if (partners.empty() && ++unresolved <= kMaxReportedPerSeat) {
        if (replaced != nullptr) {
          report_left_out(seat, holder, b, partner_kind, *replaced);
        } else {
          report_unresolved(seat, holder, b, partner_kind);
        }
      }
      for (std::size_t p : partners) {
        Seat& s = add(seat, out);
        s.body = m_.bodies[b].id;
        if (holder != nullptr) s.holder = post_for(*holder, m_.bodies[p].id);
        if (!seat.nominated_by_kind.empty()) s.nominated_by = m_.bodies[p].id;
      }
    }
    if (unresolved > kMaxReportedPerSeat) {
      const std::string more = fmt::format("and {} more bodies without a related {}", unresolved - kMaxReportedPerSeat,
                                           partner_kind);
      if (replaced != nullptr) {
        sink_.warning(*m_.files, replaced->second.location, more + ": their seats are left out", "no-related-body");
      } else {
        sink_.error(*m_.files, at, more, "no-related-body");
      }
    }
  }

  /// A copy of a kind-level seat, no longer naming kinds.
  static Seat& add(const Seat& seat, std::vector<Seat>& out) {
    Seat& s = out.emplace_back(seat);
    s.body_kind.clear();
    s.nominated_by_kind.clear();
    s.except.clear();
    return s;
  }

  void report_unresolved(const Seat& seat, const Post* holder, std::size_t b, const std::string& kind) {
    const Body& body = m_.bodies[b];
    const std::string what = holder != nullptr ? fmt::format("is held by the '{}' post template '{}'", kind, holder->id)
                                               : fmt::format("is nominated by a '{}'", kind);
    const Location at = attribute_location(*m_.files, seat.provenance.location, holder != nullptr ? "holder" : "nominated-by-kind");
    sink_.error(*m_.files, at,
                fmt::format("the seat on '{}' {}, but '{}' has no related {}: it is not one, is not part of one, "
                            "has no partner link with one and shares no area with one",
                            body.id, what, body.id, kind),
                "no-related-body");
  }

  /// The first (in the order written) of the baseline bodies of `kind` that a proposal's verbs
  /// replaced with none of that kind: the likely reason a body has no related one.
  using Replaced = std::pair<const std::string, RawModel::Succession>;  // an entry of RawModel::successions
  const Replaced* replaced_of_kind(const std::string& kind) const {
    const Replaced* first = nullptr;
    for (const Replaced& entry : successions_) {
      const RawModel::Succession& s = entry.second;
      if (s.kind != kind) continue;
      const bool same_kind_successor = std::any_of(s.successors.begin(), s.successors.end(), [&](Symbol next) {
        const auto it = m_.body_index.find(next);
        return it != m_.body_index.end() && m_.bodies[it->second].kind == kind;
      });
      if (same_kind_successor) continue;
      const auto order = [](const Location& l) { return std::tuple(l.file, l.line, l.column); };
      if (first == nullptr || order(s.location) < order(first->second.location)) first = &entry;
    }
    return first;
  }

  void report_left_out(const Seat& seat, const Post* holder, std::size_t b, const std::string& kind,
                       const Replaced& replaced) {
    const auto& [id, s] = replaced;
    std::vector<std::string> successors;
    for (const Symbol next : s.successors) successors.push_back("'" + next.str() + "'");
    const Body& body = m_.bodies[b];
    sink_.warning(*m_.files, s.location,
                  fmt::format("with '{}' {}{} here, '{}' ({}) has no related {} to {} its seat{}: the seat is left out",
                              id, s.verb, successors.empty() ? "" : " " + join(successors, ", "), body.id, body.name,
                              kind, holder != nullptr ? "hold" : "nominate",
                              seat.id.empty() ? "" : fmt::format(" '{}'", seat.id)),
                  "no-related-body");
    sink_.note(*m_.files, seat.provenance.location, "the seat is written here");
  }

  void expand_seats() {
    std::vector<Seat> seats;
    seats.reserve(m_.seats.size());
    for (Seat& seat : m_.seats) {
      if (!is_template(seat) && template_post(seat.holder) == nullptr) {
        seats.push_back(std::move(seat));
        continue;
      }
      expand_seat(seat, seats);
    }
    m_.seats = std::move(seats);
  }

  Model& m_;
  const std::map<std::string, RawModel::Succession>& successions_;
  DiagnosticSink& sink_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_kind_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> partners_;
  std::unordered_map<std::string, Post> templates_;
  std::map<std::pair<std::string, std::string>, std::string> overrides_;  // (template, body) -> shared post
  std::unique_ptr<Geography> geography_;
};

}  // namespace

void expand_membership(RawModel& raw, DiagnosticSink& sink) {
  const Model& m = raw.model;
  const bool any = std::any_of(m.posts.begin(), m.posts.end(), [](const Post& p) { return !p.of_kind.empty(); }) ||
                   std::any_of(m.seats.begin(), m.seats.end(), is_template);
  if (any) Expander(raw, sink).run();
}

}  // namespace govmap::detail
