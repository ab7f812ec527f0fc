#include "engine/loader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/loader_impl.h"
#include "engine/memory.h"
#include "engine/model_paths.h"
#include "engine/text.h"
#include "engine/xml_scan.h"
#include "engine/xml_stream.h"

namespace govmap {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxIncludeDepth = 64;

const std::vector<std::string> kElements = {
    "source", "include", "area", "body", "coverage", "person", "post", "seat", "funding",
    "accountability", "delegation", "commissioning", "regulation", "partner", "claim",
    "suppress", "remove", "change", "move-coverage", "merge", "split", "transfer", "abolish", "rename",
    "supersede"};


// For an element written as a generic link (<link kind="funding" ...>, as in other graph formats):
// how govmap writes it, an element named by its kind.
std::optional<std::string> link_hint(const XmlNode& node) {
  for (const auto attribute : node.attributes()) {
    if (const auto kind = parse_link_kind(attribute.value())) {
      return fmt::format("; a link is an element named by its kind: <{} from=\"...\" to=\"...\">", to_string(*kind));
    }
  }
  const std::string_view name = node.name();
  if (name != "link" && name != "edge" && name != "relationship") return std::nullopt;
  return fmt::format("; a link is an element named by its kind ({}): <funding from=\"...\" to=\"...\">",
                     join(link_kind_names(), ", "));
}

// How to write a link, for what looks like one; else " (did you mean 'x'?)" for a near miss; else
// the elements that may appear.
std::string element_hint(const XmlNode& node, const std::vector<std::string>& elements) {
  if (auto hint = link_hint(node)) return *hint;
  std::string hint = did_you_mean(node.name(), elements);
  return hint.empty() ? "; a model's elements are: " + join(elements, ", ") : hint;
}

// A path as the user would write it: relative to the working folder when inside it.
std::string display_path(const std::string& path) {
  std::error_code ec;
  const auto relative = fs::path(path).lexically_relative(fs::current_path(ec));
  if (ec || relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

bool inside(const std::string& path, const std::string& root) {
  const auto relative = fs::path(path).lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

namespace detail {

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<std::string> names_of(std::initializer_list<std::string_view> items) {
  return {items.begin(), items.end()};
}

std::optional<Model> Loader::load(const std::string& path) {
  roots_.push_back(model_root(path));
  if (!read_file(path, {}, FileRole::Top)) return finish(false);
  return finish(true);
}

// Reads one file (top-level, include or baseline) into the raw model.
bool Loader::read_file(const std::string& path, Location from, FileRole role) {
  const bool top = role == FileRole::Top;
  const std::string canonical = resolved_path(path);
  if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
    const bool baseline = role == FileRole::Baseline;
    sink_.error(*files_, from,
                baseline ? fmt::format("baseline cycle: '{}' extends itself", path)
                         : fmt::format("include cycle: '{}' includes itself", path),
                "include-cycle");
    for (std::size_t i = stack_locations_.size(); i-- > 0;) {
      const Location& at = stack_locations_[i];
      if (at.valid()) sink_.note(*files_, at, stack_roles_[i] == FileRole::Baseline ? "extended from here" : "included from here");
    }
    return false;
  }
  if (!top && loaded_.count(canonical) != 0) {
    sink_.error(*files_, from, fmt::format("'{}' is already part of this model", path), "include-repeated");
    return false;
  }
  if (stack_.size() >= kMaxIncludeDepth) {
    sink_.error(*files_, from, fmt::format("includes and baselines nest more than {} deep", kMaxIncludeDepth),
                "include-depth");
    return false;
  }
  const auto file = read_source(path, *files_, sink_, files_.get(), from);
  if (!file) return false;
  loaded_.insert(canonical);
  XmlDocument doc;
  // A large file is read as it is parsed (engine/xml_stream.h), else parsed first.
  std::optional<XmlStream> stream;
  const std::string_view text = files_->text(*file);
  if (stream_ && text.size() >= XmlStream::kWorthwhile) {
    if (!check_character_references(*files_, *file, sink_)) return false;
    try {
      stream.emplace(doc, text);
    } catch (const std::system_error&) {  // no thread to be had: parsed here
    }
  }
  if (!stream && !parse_xml(*files_, *file, doc, sink_)) return false;
  const bool ok = read_document(*file, stream ? stream->document_element() : doc.document_element(),
                                role, canonical, from, stream ? &*stream : nullptr);
  if (stream) stream->finish();
  return ok;
}

bool Loader::read_document(std::uint32_t file, const XmlNode& root, FileRole role,
                           const std::string& canonical, Location from, XmlStream* stream) {
  if (std::string_view(root.name()) != "govmap") {
    sink_.error(*files_, node_location(*files_, file, root),
                fmt::format("the root element must be <govmap>, not <{}>{}", root.name(),
                            did_you_mean(root.name(), {"govmap"})),
                "unknown-element");
    return false;
  }
  stack_.push_back(canonical);
  stack_locations_.push_back(from);
  stack_roles_.push_back(role);
  const bool ok = read_root(file, root, role) && (read_children(file, root, stream), true);
  stack_.pop_back();
  stack_locations_.pop_back();
  stack_roles_.pop_back();
  return ok;
}

bool Loader::read_root(std::uint32_t file, const XmlNode& root, FileRole role) {
  const auto root_names = names_of({"version", "id", "nation", "title", "as-of", "since", "status",
                                    "extends", "vocabulary", "source"});
  AttributeReader a(*files_, file, root, sink_, root_names);
  const std::string version = a.text("version", true);
  if (!version.empty() && version != "1") {
    sink_.error(*files_, a.at("version"),
                fmt::format("model format version '{}' is not supported; this govmap reads version 1",
                            version),
                "unsupported-version");
    return false;
  }
  if (role == FileRole::Include) {
    if (a.has("extends")) {
      sink_.error(*files_, a.at("extends"), "an included file cannot extend a model; put extends on the model's own file",
                  "bad-value");
    }
    return true;
  }
  if (role == FileRole::Baseline) {
    baseline_since_ = std::max(baseline_since_, a.date("since"));
    // Figures and reports name the nation: a proposal of another nation than its baseline's is a
    // slip (a copied header) more likely than a plan. Said once, for the nearest baseline.
    const std::string nation = a.text("nation");
    if (stack_.size() == 2 && !nation.empty() && !model().nation.empty() && nation != model().nation &&
        nation != "uk" && model().nation != "uk") {
      sink_.warning(*files_, model().nation_location,
                    fmt::format("nation=\"{}\", but the model this extends is a model of {} (nation=\"{}\"): figures and "
                                "reports name the nation written here",
                                model().nation, nation, nation),
                    "nation");
    }
    if (a.has("extends")) baseline_proposals_.push_back({files_->path(file), a.date("as-of")});
    return read_baseline(file, a);  // a chain: the baseline's own baseline
  }
  Model& m = model();
  m.id = a.id("id", true);
  m.nation = a.text("nation", true);
  m.nation_location = a.at("nation");
  m.title = a.text("title", true);
  m.as_of = m.stated_as_of = a.date("as-of", true);
  m.as_of_location = a.at("as-of");
  m.since = a.date("since");
  m.since_location = a.at("since");
  if (!m.since.empty() && !m.as_of.empty() && m.as_of < m.since) {
    sink_.error(*files_, m.since_location, fmt::format("since=\"{}\" is after as-of=\"{}\"", m.since, m.as_of), "bad-date");
  }
  if (!a.has("status") && a.has("extends")) {
    sink_.error(*files_, a.at(), "<govmap> needs the attribute 'status': status=\"proposed\" for a proposal on the model "
                "it extends", "missing-attribute");
  }
  const std::string status = a.text("status", !a.has("extends"));
  if (auto parsed = parse_model_status(status)) {
    m.status = *parsed;
  } else if (!status.empty()) {
    a.bad_value("status", status, {"current", "historical", "proposed"});
  }
  static const std::vector<std::string> kNations = {"england", "wales", "scotland",
                                                    "northern-ireland", "uk"};
  if (!m.nation.empty() && std::find(kNations.begin(), kNations.end(), m.nation) == kNations.end()) {
    a.bad_value("nation", m.nation, kNations);
  }
  m.model_sources = a.symbols("source");
  load_vocabulary(file, a);
  m.extends = a.text("extends");
  return read_baseline(file, a);
}

// Reads the baseline a file extends, if any, before the file's own elements: those are then
// one layer above it, where overlay elements are allowed.
bool Loader::read_baseline(std::uint32_t file, AttributeReader& a) {
  const std::string extends = a.text("extends");
  if (extends.empty()) return true;
  const auto target = resolve_extends(file, extends, a.at("extends"));
  if (!target) return false;
  model().baselines.push_back(*target);  // the top model's baseline first: its chain is read depth first
  roots_.push_back(model_root(*target));
  const std::size_t errors = sink_.error_count(), proposals = baseline_proposals_.size();
  bool ok = read_file(*target, a.at("extends"), FileRole::Baseline);
  if (baseline_proposals_.size() > proposals) {
    // A proposal extended: its changes were written for the model of its own date.
    const auto [path, as_of] = baseline_proposals_.back();
    baseline_proposals_.pop_back();
    if (sink_.error_count() > errors && !as_of.empty() && as_of != read_date()) {
      sink_.note(*files_, a.at("extends"),
                 fmt::format("{} is a proposal as of {}, read here at {}, the date this proposal is read at: its "
                             "changes name the model as it stood on {}; to build on it as it was proposed, "
                             "give this proposal as-of=\"{}\"",
                             display_path(path), as_of, read_date(), as_of, as_of));
    }
  }
  // The chain read so far, at the date the top proposal is read at, before this file's own
  // elements: a proposal that extends a proposal changes it as it stands on that date, as
  // reading the proposal alone at that date would.
  if (ok && !too_many()) ok = date_baseline();
  for (Suppression& s : model().suppressions) s.inherited = true;  // the baseline's, read so far
  roots_.pop_back();
  layer_ = ++layers_;
  return ok;
}

std::optional<std::string> Loader::resolve_extends(std::uint32_t file, const std::string& extends, Location at) {
  if (extends.find("://") != std::string::npos) {
    sink_.error(*files_, at, fmt::format("'{}' is a URL; govmap never fetches URLs: name a file or a bundled model", extends),
                "extends-not-found");
    return std::nullopt;
  }
  const fs::path written(extends);
  const fs::path candidate = written.is_absolute() ? written : fs::path(files_->path(file)).parent_path() / written;
  std::error_code ec;
  // A folder beside the file without a model.xml ("wales", of the user's own proposals) is not
  // the model a name written the same names.
  if (fs::exists(candidate, ec) && (!is_model_name(extends) || is_model_on_disk(candidate.string()))) {
    return candidate.lexically_normal().string();
  }
  if (is_model_name(extends)) {
    if (auto found = find_named_model(extends, options_.model_search_path)) return found;
    if (auto renamed = renamed_model(extends, options_.model_search_path)) {
      sink_.warning(*files_, at,
                    fmt::format("'{}' is now '{}', one model over time, read at this proposal's date{}: write "
                                "extends=\"{}\"",
                                extends, renamed->name,
                                renamed->as_of.empty() ? std::string()
                                                       : fmt::format(" (the old name read it at {})", renamed->as_of),
                                renamed->name),
                    "renamed-model");
      return renamed->path;
    }
  }
  std::string searched;
  for (const auto& dir : options_.model_search_path) searched += (searched.empty() ? "" : ", ") + display_path(dir);
  // A path to a bundled model's file that is not there (written for another folder): its name.
  const std::string folder = written.filename() == "model.xml" ? written.parent_path().filename().string() : "";
  const bool bundled = !folder.empty() && is_model_name(folder) && find_named_model(folder, options_.model_search_path);
  sink_.error(*files_, at,
              fmt::format("baseline '{}' not found: no such file beside this model{}", extends,
                          bundled ? fmt::format(" (a model on the search path is named by its name: extends=\"{}\")", folder)
                          : !is_model_name(extends) ? near_file(candidate.string(), extends)
                          : searched.empty()      ? ", and no models folder to look for a model of that name in "
                                                    "(give --models DIR or set GOVMAP_MODELS)"
                                                  : fmt::format(", and no model of that name in {}{}; 'govmap models' "
                                                                "lists the names",
                                                                searched,
                                                                did_you_mean(extends, model_names(options_.model_search_path)))),
              "extends-not-found");
  return std::nullopt;
}

void Loader::load_vocabulary(std::uint32_t file, AttributeReader& a) {
  std::string path = options_.vocabulary_path;
  Location from;
  if (path.empty() && a.has("vocabulary")) {
    from = a.at("vocabulary");
    const auto target = resolve_relative(file, a.text("vocabulary"), from);
    if (!target) return;
    path = *target;
  }
  if (path.empty()) {
    model().vocabulary = std::shared_ptr<const Vocabulary>(&builtin_vocabulary(), [](const Vocabulary*) {});
    return;
  }
  const auto vocab_file = read_source(path, *files_, sink_, files_.get(), from);
  if (!vocab_file) return;
  auto vocabulary = parse_vocabulary(*files_, *vocab_file, sink_);
  if (vocabulary) model().vocabulary = std::make_shared<const Vocabulary>(std::move(*vocabulary));
}

// A path named in a file, checked to stay inside the model root.
std::optional<std::string> Loader::resolve_relative(std::uint32_t file, const std::string& href, Location at) {
  if (href.find("://") != std::string::npos || fs::path(href).is_absolute()) {
    sink_.error(*files_, at,
                fmt::format("'{}' must be a relative path inside the model folder; govmap never "
                            "fetches URLs or reads absolute paths",
                            href),
                "include-outside-root");
    return std::nullopt;
  }
  const auto base = fs::path(files_->path(file)).parent_path();
  const std::string target = resolved_path((base / href).string());
  if (!inside(target, roots_.back())) {
    sink_.error(*files_, at,
                fmt::format("'{}' is outside the model root '{}' (a model's includes stay in its folder; a "
                            "proposal names its baseline with extends=\"...\", which may be anywhere)",
                            href, display_path(roots_.back())),
                "include-outside-root");
    return std::nullopt;
  }
  return (base / href).lexically_normal().string();
}

void Loader::ElementCounts::count(std::string_view name) {
  if (name == "area") ++areas;
  else if (name == "body") ++bodies;
  else if (parse_link_kind(name)) ++links;
}

Loader::ElementCounts Loader::count_children(const XmlNode& root) {
  ElementCounts counts;
  for (auto node : root.children()) {
    if (node.type() == XmlNodeType::Element) counts.count(node.name());
  }
  return counts;
}

Loader::ElementCounts Loader::count_in_text(std::string_view text) {
  ElementCounts counts;
  for (std::size_t p = text.find('<'); p != std::string_view::npos; p = text.find('<', p)) {
    const std::size_t end = xml_scan::skip_name(text.data(), ++p, text.size());
    counts.count(text.substr(p, end - p));
    p = end;
  }
  return counts;
}

void Loader::reserve_for(const ElementCounts& counts) {
  const auto [links, bodies, areas] = counts;
  const auto grow = [](auto& v, std::size_t more) {
    if (v.capacity() < v.size() + more) v.reserve(std::max(v.size() + more, 2 * v.capacity()));
  };
  grow(model().links, links);
  grow(raw_.link_sides, links);
  grow(model().bodies, bodies);
  grow(model().areas, areas);
  // The id indexes too: each rehash of a big index moves every entry.
  model().body_index.reserve(model().body_index.size() + bodies);
  model().area_index.reserve(model().area_index.size() + areas);
  // And the symbol table: an area brings two new strings (its id and name), a body one.
  Symbol::reserve(2 * areas + bodies);
}

void Loader::read_children(std::uint32_t file, const XmlNode& root, XmlStream* stream) {
  if (raw_.file_layer.size() <= file) raw_.file_layer.resize(file + 1, 0);
  raw_.file_layer[file] = layer_;
  reserve_for(stream ? count_in_text(files_->text(file)) : count_children(root));
  const auto first = [&] { return stream ? stream->first_child(root) : root.first_child(); };
  const auto next = [&](const XmlNode& node) { return stream ? stream->next_sibling(node) : node.next_sibling(); };
  for (XmlNode node = first(); node; node = next(node)) {
    if (too_many()) return;
    if (node.type() == XmlNodeType::Pcdata || node.type() == XmlNodeType::Cdata) {
      if (split_words(node.value()).empty()) continue;
      sink_.error(*files_, node_location(*files_, file, node),
                  "text is not allowed here; put notes in a note=\"...\" attribute", "unexpected-text");
      continue;
    }
    if (node.type() != XmlNodeType::Element) continue;
    read_element(file, node);
  }
}

void Loader::read_element(std::uint32_t file, const XmlNode& node) {
  const std::string_view name = node.name();
  if (name == "source") return read_source_element(file, node);
  if (name == "include") return read_include(file, node);
  if (name == "area") return read_area(file, node);
  if (name == "body") return read_body(file, node);
  if (name == "coverage") return read_coverage(file, node);
  if (name == "person") return read_person(file, node);
  if (name == "post") return read_post(file, node);
  if (name == "seat") return read_seat(file, node);
  if (name == "claim") return read_claim(file, node);
  if (name == "suppress") return read_suppress(file, node, {});
  if (is_overlay_element(name)) return read_overlay(file, node);
  if (auto kind = parse_link_kind(name)) return read_link(file, node, *kind);
  sink_.error(*files_, node_location(*files_, file, node),
              fmt::format("unknown element <{}>{}", name, element_hint(node, kElements)),
              "unknown-element");
}

std::optional<Model> Loader::finish(bool read_ok) {
  Model& m = model();
  if (!m.vocabulary && read_ok) {
    m.vocabulary = std::shared_ptr<const Vocabulary>(&builtin_vocabulary(), [](const Vocabulary*) {});
  }
  // Apply removals collected from a proposal.
  check_successors();
  raw_.erase_links_if([](const Link&) { return false; });  // the links verbs dropped
  for (const auto& id : removed_bodies_) remove_body(id);
  std::vector<bool> keep_status;
  for (std::size_t i = 0; i < m.bodies.size(); ++i) {
    if (removed_bodies_.count(m.bodies[i].id) == 0) keep_status.push_back(status_given_[i]);
  }
  std::erase_if(m.bodies, [&](const Body& b) { return removed_bodies_.count(b.id) != 0; });
  std::erase_if(m.areas, [&](const Area& a) { return removed_areas_.count(a.id) != 0; });
  raw_.erase_links_if([&](const Link& l) { return removed_links_.count(l.id) != 0; });
  std::erase_if(m.seats, [&](const Seat& s) { return removed_seats_.count(s.id) != 0; });
  std::erase_if(m.claims, [&](const Claim& c) { return removed_claims_.count(c.id) != 0; });
  // The element readers keep the indexes exact; only a proposal's verbs and removals (in a
  // layer above the first) change the elements behind them.
  const bool changed = layers_ > 0 || !removed_bodies_.empty() || !removed_areas_.empty();
  if (changed) m.reindex();
  if (m.vocabulary) {
    std::unordered_map<Symbol, LegalStatus> default_status;  // by kind, looked up once per kind
    for (std::size_t i = 0; i < m.bodies.size(); ++i) {
      if (keep_status[i]) continue;
      const auto [it, fresh] = default_status.try_emplace(m.bodies[i].kind, LegalStatus::Statutory);
      if (fresh) {
        const BodyKind* kind = m.vocabulary->body_kind(m.bodies[i].kind);
        const auto status = kind ? parse_legal_status(kind->default_status) : std::nullopt;
        it->second = status.value_or(LegalStatus::Statutory);
      }
      m.bodies[i].status = it->second;
    }
  }
  m.files = files_;
  check_predecessors();
  const bool whole = read_ok && !include_unread_ && m.vocabulary && !too_many();
  if (whole) detail::check_shared_posts(raw_, sink_);
  if (whole && !too_many()) detail::apply_dates(raw_, sink_, options_.as_of, options_.as_of_at_most);
  if (whole && !too_many()) {
    detail::resolve(raw_, sink_, options_.max_errors);
    if (!sink_.has_errors()) detail::expand_membership(raw_, sink_);
  }
  if (sink_.error_count() >= options_.max_errors) {
    sink_.error("", fmt::format("stopped after {} errors", options_.max_errors), "too-many-errors");
  }
  if (!read_ok || sink_.has_errors()) return std::nullopt;
  return std::move(raw_.model);
}

}  // namespace detail

std::string model_root(const std::string& model_path) {
  const fs::path folder = fs::path(resolved_path(model_path)).parent_path();
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / "vocabulary.xml", ec)) return dir.string();
    if (dir == dir.root_path()) break;
  }
  return folder.string();
}

std::optional<Model> load_model(const std::string& path, DiagnosticSink& sink, const LoadOptions& options) {
  // Large files are read as they are parsed, on a thread of their own, except where memory
  // reserved ahead counts against a limit. Should a parse give up partway (engine/xml_stream.h),
  // what was read is dropped with its messages and the model is read again, each file parsed
  // before it is read.
  if (options.stream && !address_space_limited()) {
    const std::size_t reported = sink.all().size();
    try {
      detail::Loader loader(sink, options, true);
      return loader.load(path);
    } catch (const XmlStream::Abandoned&) {
      sink.keep_first(reported);
    }
  }
  detail::Loader loader(sink, options, false);
  return loader.load(path);
}

}  // namespace govmap
