// Shared posts (models/FORMAT.md, "Shared posts"): a written <post replaces="TEMPLATE"
// for="BODY …"> stands in for a post template's post of each body it names (one director of
// public health for two councils). Checked here, before the date pass leaves anything out, so
// that an unknown or wrong-kind body and two shared posts for one body at once are reported
// whatever date the model is read at; expand_membership() applies them. In a proposal, a
// shared post of a later layer stands in for an earlier one's for the bodies both serve, and
// two baseline posts that a verb's merger gave one body leave it (a warning at the verb: which
// sharing the merged body keeps is the reform's to say).

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/loader_internal.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap::detail {
namespace {

class SharedPostCheck {
 public:
  SharedPostCheck(RawModel& raw, DiagnosticSink& sink) : raw_(raw), m_(raw.model), files_(*m_.files), sink_(sink) {}

  void run() {
    std::unordered_map<std::string, const Post*> templates;
    for (const Post& p : m_.posts) {
      if (!p.of_kind.empty()) templates.emplace(p.id, &p);
    }
    std::map<std::pair<std::string, std::string>, std::vector<Post*>> by_body;  // (template, body)
    for (Post& post : m_.posts) {
      if (post.replaces.empty() && post.for_bodies.empty()) continue;
      const Post* templ = check_template(post, templates);
      if (templ == nullptr) continue;
      std::vector<std::string> seen;
      for (const std::string& body : post.for_bodies) {
        if (std::find(seen.begin(), seen.end(), body) != seen.end()) {
          error(post, "for", fmt::format("'{}' is listed twice", body), "bad-value");
          continue;
        }
        seen.push_back(body);
        if (check_body(post, *templ, body)) by_body[{templ->id, body}].push_back(&post);
      }
    }
    for (const auto& [key, posts] : by_body) check_overlaps(key.first, key.second, posts);
  }

 private:
  void error(const Post& post, std::string_view attribute, const std::string& message, const char* code) {
    sink_.error(files_, attribute_location(files_, post.provenance.location, attribute), message, code);
  }

  /// The template a shared post replaces, or nullptr after reporting why there is none.
  const Post* check_template(const Post& post, const std::unordered_map<std::string, const Post*>& templates) {
    if (post.replaces.empty()) {
      error(post, "for", "'for' names the bodies a shared post serves; give the template it stands in for in 'replaces'",
            "bad-value");
      return nullptr;
    }
    if (post.for_bodies.empty()) {
      error(post, "replaces",
            fmt::format("a post that replaces '{}' must name the bodies it serves in 'for'", post.replaces),
            "bad-value");
      return nullptr;
    }
    if (!post.of_kind.empty()) {
      error(post, "replaces", "a post template ('of-kind') cannot replace another template; a shared post gives 'of' or none",
            "bad-value");
      return nullptr;
    }
    if (auto it = templates.find(post.replaces); it != templates.end()) return it->second;
    const bool is_post = std::any_of(m_.posts.begin(), m_.posts.end(), [&](const Post& p) { return p.id == post.replaces; });
    if (is_post) {
      error(post, "replaces",
            fmt::format("'{}' is a post of one body, not a post template ('of-kind'): only a template's posts can be "
                        "replaced",
                        post.replaces),
            "bad-value");
      return nullptr;
    }
    std::vector<std::string> names;
    for (const auto& [id, p] : templates) names.push_back(id);
    std::sort(names.begin(), names.end());
    error(post, "replaces", fmt::format("unknown post template '{}'{}", post.replaces, did_you_mean(post.replaces, names)),
          "dangling-ref");
    return nullptr;
  }

  /// Whether `body` exists and is of the template's kind; reports it when not.
  bool check_body(const Post& post, const Post& templ, const std::string& body) {
    const auto it = m_.body_index.find(body);
    if (it == m_.body_index.end()) {
      if (body_ids_.empty()) {
        for (const Body& b : m_.bodies) body_ids_.push_back(b.id);
        std::sort(body_ids_.begin(), body_ids_.end());
      }
      std::string hint = did_you_mean(body, body_ids_);
      if (hint.empty()) hint = m_.named_like(body, templ.of_kind);
      error(post, "for", fmt::format("unknown body '{}'{}", body, hint), "dangling-ref");
      return false;
    }
    const Body& b = m_.bodies[it->second];
    if (b.kind == templ.of_kind) return true;
    error(post, "for",
          fmt::format("'{}' ({}) is a '{}', but the template '{}' makes posts of '{}' bodies: a post that replaces it "
                      "serves bodies of that kind",
                      b.id, b.name, b.kind, templ.id, templ.of_kind),
          "bad-value");
    return false;
  }

  /// One body may have only one shared post in place of a template at any date. `posts` are in
  /// the order written, so the later one is reported. A post of a later layer (a proposal's)
  /// stands in for an earlier layer's, and two posts that a verb's merger gave the body leave it.
  void check_overlaps(const std::string& templ, const std::string& body, std::vector<Post*> posts) {
    const auto layer = [&](const Post* p) { return raw_.layer_of(p->provenance.location); };
    std::erase_if(posts, [&](Post* earlier) {
      const bool replaced = std::any_of(posts.begin(), posts.end(), [&](const Post* later) {
        return layer(later) > layer(earlier) && periods_overlap(later->provenance, earlier->provenance);
      });
      if (replaced) leave_out(*earlier, body);
      return replaced;
    });
    for (std::size_t i = 1; i < posts.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (!periods_overlap(posts[i]->provenance, posts[j]->provenance)) continue;
        if (merged_apart(templ, body, posts, layer(posts[i]))) return;
        error(*posts[i], "for",
              fmt::format("'{}' already has the shared post '{}' in place of '{}' ({}); this one holds {}: a body "
                          "has one post of a template at a time",
                          body, posts[j]->id, templ, period_text(posts[j]->provenance.since, posts[j]->provenance.until),
                          period_text(posts[i]->provenance.since, posts[i]->provenance.until)),
              "duplicate-override");
        sink_.note(files_, posts[j]->provenance.location, fmt::format("'{}' is written here", posts[j]->id));
        break;
      }
    }
  }

  /// When a verb above `layer` merged bodies into `body`, the posts that each served one of them
  /// leave it, with a warning at the verb; false when no verb did.
  bool merged_apart(const std::string& templ, const std::string& body, const std::vector<Post*>& posts, int layer) {
    std::vector<std::string> merged;
    const RawModel::Succession* verb = nullptr;
    for (const auto& [id, s] : raw_.successions) {
      if (s.layer <= layer || std::find(s.successors.begin(), s.successors.end(), body) == s.successors.end()) continue;
      merged.push_back("'" + id + "'");
      if (verb == nullptr || std::tuple(s.location.file, s.location.line, s.location.column) <
                                 std::tuple(verb->location.file, verb->location.line, verb->location.column)) {
        verb = &s;
      }
    }
    if (verb == nullptr) return false;
    std::vector<std::string> ids;
    for (Post* p : posts) {
      ids.push_back("'" + p->id.str() + "'");
      leave_out(*p, body);
    }
    sink_.warning(files_, verb->location,
                  fmt::format("with {} {} '{}' here, the shared posts {} would each stand in for its '{}': neither does, "
                              "and '{}' has its own (write a <post replaces=\"{}\" for=\"{} …\"> to say which it shares)",
                              join(merged, " and "), verb->verb, body, join(ids, " and "), templ, body, templ, body),
                  "duplicate-override");
    for (const Post* p : posts) {
      sink_.note(files_, p->provenance.location,
                 p->for_bodies.empty()
                     ? fmt::format("'{}' is written here; it now serves no other body", p->id)
                     : fmt::format("'{}' is written here; it still serves '{}'", p->id, join(p->for_bodies, "', '")));
    }
    return true;
  }

  /// `post` no longer serves `body`; a shared post left serving none is a post of its own body
  /// only (as when a proposal removes the bodies it served).
  static void leave_out(Post& post, const std::string& body) {
    if (std::erase(post.for_bodies, body) > 0 && post.for_bodies.empty()) post.replaces.clear();
  }

  RawModel& raw_;
  Model& m_;
  const SourceFiles& files_;
  DiagnosticSink& sink_;
  std::vector<std::string> body_ids_;
};

}  // namespace

void check_shared_posts(RawModel& raw, DiagnosticSink& sink) {
  const Model& m = raw.model;
  const bool any = std::any_of(m.posts.begin(), m.posts.end(),
                               [](const Post& p) { return !p.replaces.empty() || !p.for_bodies.empty(); });
  if (any) SharedPostCheck(raw, sink).run();
}

}  // namespace govmap::detail
