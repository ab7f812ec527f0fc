// `govmap import`: areas, bodies, coverage and links from the tables an import spec names.

#include "engine/import.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/import_internal.h"
#include "engine/text.h"
#include "engine/xml_input.h"

namespace govmap {
namespace import_detail {
namespace {

/// Every column name the spec refers to, so files keep only those.
std::set<std::string> referenced_columns(const ContentSpec& spec) {
  std::set<std::string> out;
  auto add = [&](const Template& t) {
    for (auto& c : t.columns()) out.insert(c);
  };
  auto add_steps = [&](const TableSpec& table) {
    for (const auto& s : table.steps) {
      for (const auto* name : {&s.column, &s.from, &s.key, &s.group}) {
        if (!name->empty()) out.insert(*name);
      }
      add(s.on);
    }
  };
  add_steps(spec.areas);
  for (const auto& l : spec.levels) {
    add(l.code), add(l.name), add(l.population);
  }
  for (const auto& b : spec.area_bodies) add(b.code), add(b.name), add(b.unless_same);
  for (const auto& list : spec.lists) {
    add_steps(list.table);
    for (const auto& b : list.bodies) add(b.code), add(b.name), add(b.unless_same);
    for (const auto& k : list.links) add(k.from), add(k.to);
  }
  return out;
}

struct WorkBody {
  OutBody out;
  std::vector<std::uint32_t> leaves;  // area indexes
  Location first;
};

class Builder {
 public:
  Builder(const ContentSpec& spec, Context& context) : spec_(spec), context_(context) {}

  std::optional<Output> run() {
    const auto wanted = referenced_columns(spec_);
    const auto rows = load_table(spec_.areas, wanted, context_);
    if (!rows || !build_areas(*rows)) return std::nullopt;
    for (const auto& d : spec_.derived) derive(d);
    for (std::size_t i = 0; i < spec_.lists.size(); ++i) {
      const auto list_rows = load_table(spec_.lists[i].table, wanted, context_);
      if (!list_rows || !build_list(spec_.lists[i], *list_rows, group_++)) return std::nullopt;
    }
    for (const auto& o : spec_.overlaps) overlap(o);
    if (context_.sink.has_errors()) return std::nullopt;
    return finish();
  }

 private:
  struct CompiledBody {
    const BodySpec* spec;
    CompiledTemplate code, name, unless_same;
    std::size_t group;
  };

  std::optional<std::vector<CompiledBody>> compile_bodies(const std::vector<BodySpec>& specs, const Rows& rows) {
    std::vector<CompiledBody> out;
    bool ok = true;
    for (const auto& b : specs) {
      auto code = compile(b.code, rows, context_);
      auto name = compile(b.name, rows, context_);
      auto unless = compile(b.unless_same, rows, context_);
      if (!code || !name || !unless) {
        ok = false;
        continue;
      }
      out.push_back({&b, *code, *name, *unless, group_++});
    }
    return ok ? std::optional(out) : std::nullopt;
  }

  // At the row's field of `column` when given (rows.at).
  void error_at(const Rows& rows, std::size_t row, std::string message, std::string code,
                std::optional<std::size_t> column = std::nullopt) {
    context_.row_error(rows.at(context_.files, row, column), std::move(message), std::move(code));
  }

  /// False, with an error at the row, when the model could not be read back: an id longer than a
  /// model id may be or holding whitespace, or a name longer than a model's text attributes.
  /// `code` and `name` are the templates that gave them, for the field to point at.
  bool readable(const Rows& rows, std::size_t row, std::string_view kind, const std::string& id,
                const std::string& name, const CompiledTemplate& code, const CompiledTemplate& name_of) {
    if (id.size() > kMaxIdLength) {
      error_at(rows, row,
               fmt::format("{} code '{}…' is {} characters long; a model id may have at most {}", kind,
                           id.substr(0, 40), id.size(), kMaxIdLength),
               "too-long", code.column());
      return false;
    }
    if (id.find_first_of(" \t\r\n") != std::string::npos) {
      error_at(rows, row, fmt::format("{} code '{}' contains white space, which a model id may not", kind, id),
               "bad-id", code.column());
      return false;
    }
    if (name.size() > kMaxTextLength) {
      error_at(rows, row,
               fmt::format("{} name '{}…' is {} characters long; a model's names may have at most {}", kind,
                           name.substr(0, 40), name.size(), kMaxTextLength),
               "too-long", name_of.column());
      return false;
    }
    return true;
  }

  /// The body a row names (created on first sight); nullopt when the row names none.
  std::optional<std::size_t> row_body(const CompiledBody& b, const Rows& rows, std::size_t row) {
    const auto& values = rows.rows[row];
    const std::string code = b.code.eval(values);
    if (!b.unless_same.empty() && code == b.unless_same.eval(values)) return std::nullopt;
    if (code.empty()) {
      error_at(rows, row, fmt::format("empty {} code (spec line {})", b.spec->kind, b.spec->at.line), "empty-code",
               b.code.column());
      return std::nullopt;
    }
    if (!readable(rows, row, b.spec->kind, code, b.name.eval(values), b.code, b.name)) return std::nullopt;
    const auto [it, fresh] = body_index_.emplace(code, bodies_.size());
    if (fresh) {
      WorkBody w;
      w.out = {code, b.spec->kind, b.name.eval(values), code, "", b.spec->source, "", "", b.spec->extra, {}, {}, b.group};
      w.first = {rows.file, rows.lines[row], 1};
      bodies_.push_back(std::move(w));
    } else if (bodies_[it->second].out.kind != b.spec->kind) {
      error_at(rows, row,
               fmt::format("body id '{}' is both a {} and a {} (first on line {})", code, bodies_[it->second].out.kind,
                           b.spec->kind, bodies_[it->second].first.line),
               "duplicate-id");
      return std::nullopt;
    }
    return it->second;
  }

  /// Adds the area a level names in a row; returns its index, or nullopt after an error.
  std::optional<std::uint32_t> add_area(std::size_t level, const std::string& id, const std::string& name,
                                        const std::string& parent, const Rows& rows, std::size_t row) {
    const auto [it, fresh] = area_index_.emplace(id, static_cast<std::uint32_t>(areas_.size()));
    if (fresh) {
      OutArea a;
      a.id = id, a.kind = spec_.levels[level].kind, a.name = name, a.parent = parent, a.level = level;
      a.source = spec_.levels[level].source;
      areas_.push_back(std::move(a));
      area_lines_.push_back(rows.lines[row]);
      return it->second;
    }
    const OutArea& a = areas_[it->second];
    if (a.parent != parent) {
      error_at(rows, row,
               fmt::format("{} '{}' has two parents: '{}' (line {}) and '{}'", a.kind, id, a.parent,
                           area_lines_[it->second], parent),
               "two-parents");
      return std::nullopt;
    }
    if (level == 0) {
      error_at(rows, row, fmt::format("{} '{}' appears twice (first on line {})", a.kind, id, area_lines_[it->second]),
               "duplicate-area");
      return std::nullopt;
    }
    return it->second;
  }

  bool build_areas(const Rows& rows) {
    std::vector<CompiledTemplate> codes, names;
    std::optional<CompiledTemplate> population;
    bool ok = true;
    for (const auto& level : spec_.levels) {
      auto code = compile(level.code, rows, context_);
      auto name = compile(level.name, rows, context_);
      ok = code && name && ok;
      if (code && name) codes.push_back(*code), names.push_back(*name);
    }
    if (!spec_.levels[0].population.text.empty()) {
      population = compile(spec_.levels[0].population, rows, context_);
      ok = population.has_value() && ok;
    }
    auto bodies = compile_bodies(spec_.area_bodies, rows);
    if (!ok || !bodies) return false;
    const std::string what = fmt::format("reading {}", spec_.areas.file);
    for (std::size_t r = 0; r < rows.rows.size() && !context_.too_many_errors(); ++r) {
      context_.progress(what, r + 1, rows.rows.size());
      const auto& values = rows.rows[r];
      std::vector<std::string> ids;
      for (std::size_t l = 0; l < codes.size(); ++l) ids.push_back(codes[l].eval(values));
      if (ids[0].empty()) {
        error_at(rows, r, fmt::format("empty {} code", spec_.levels[0].kind), "empty-code", codes[0].column());
        continue;
      }
      std::optional<std::uint32_t> leaf;
      bool row_ok = true;
      for (std::size_t l = 0; l < ids.size() && row_ok; ++l) {
        if (ids[l].empty() || (l > 0 && ids[l] == ids[l - 1])) continue;
        std::string parent;
        for (std::size_t p = l + 1; p < ids.size() && parent.empty(); ++p) {
          if (ids[p] != ids[l]) parent = ids[p];
        }
        const std::string name = names[l].eval(values);
        if (!readable(rows, r, spec_.levels[l].kind, ids[l], name, codes[l], names[l])) {
          row_ok = false;
          break;
        }
        const auto area = add_area(l, ids[l], name, parent, rows, r);
        row_ok = area.has_value();
        if (l == 0) leaf = area;
      }
      if (!row_ok || !leaf) continue;
      if (population) {
        const std::string text = population->eval(values);
        const auto number = parse_number(text);
        if (!number || *number < 0) {
          error_at(rows, r, fmt::format("population '{}' of {} '{}' is not a non-negative number", text,
                                        spec_.levels[0].kind, ids[0]),
                   "bad-number", population->column());
          continue;
        }
        areas_[*leaf].population = *number;
        areas_[*leaf].population_year = spec_.levels[0].population_year;
      }
      for (const auto& b : *bodies) {
        if (const auto body = row_body(b, rows, r)) bodies_[*body].leaves.push_back(*leaf);
      }
    }
    return true;
  }

  bool build_list(const ListSpec& list, const Rows& rows, std::size_t) {
    auto bodies = compile_bodies(list.bodies, rows);
    if (!bodies) return false;
    struct CompiledLink {
      const LinkSpec* spec;
      CompiledTemplate other;
      bool body_is_from;
    };
    std::vector<CompiledLink> links;
    for (const auto& k : list.links) {
      const bool from_body = k.from.text.empty();
      auto other = compile(from_body ? k.to : k.from, rows, context_);
      if (!other) return false;
      links.push_back({&k, *other, from_body});
    }
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      const auto body = row_body(bodies->front(), rows, r);
      if (!body) continue;
      for (const auto& k : links) {
        const std::string other = k.other.eval(rows.rows[r]);
        if (!body_index_.count(other)) {
          error_at(rows, r, fmt::format("{} link to unknown body '{}' (spec line {})", k.spec->link, other, k.spec->at.line),
                   "dangling-ref");
          continue;
        }
        const std::string& self = bodies_[*body].out.id;
        add_link({k.spec->link, k.body_is_from ? self : other, k.body_is_from ? other : self, k.spec->source, "", "", k.spec->extra});
      }
    }
    return true;
  }

  void add_link(OutLink link) {
    if (link_keys_.insert(link.link + '\n' + link.from + '\n' + link.to).second) links_.push_back(std::move(link));
  }

  void derive(const DerivedSpec& d) {
    const std::size_t group = group_++;
    const std::size_t n = bodies_.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (bodies_[i].out.kind != d.from_kind) continue;
      WorkBody w;
      const OutBody& from = bodies_[i].out;
      std::string name = d.name.text;
      for (const auto& [key, value] : {std::pair<std::string, std::string>{"{name}", from.name}, {"{code}", from.code}}) {
        for (auto at = name.find(key); at != std::string::npos; at = name.find(key, at + value.size())) {
          name.replace(at, key.size(), value);
        }
      }
      w.out = {d.prefix + from.id, d.kind, name, "", d.part_of ? from.id : "", d.source, "", "", d.extra, {}, {}, group};
      w.leaves = bodies_[i].leaves;
      if (!d.link_from_source.empty()) add_link({d.link_from_source, from.id, w.out.id, d.source, "", "", {}});
      if (!body_index_.emplace(w.out.id, bodies_.size()).second) {
        context_.sink.error(context_.files, d.at, fmt::format("derived body id '{}' is already used", w.out.id),
                            "duplicate-id");
        continue;
      }
      bodies_.push_back(std::move(w));
    }
  }

  void overlap(const OverlapSpec& o) {
    std::vector<std::vector<std::size_t>> to_by_leaf(areas_.size());
    for (std::size_t i = 0; i < bodies_.size(); ++i) {
      if (bodies_[i].out.kind != o.to_kind) continue;
      for (const auto leaf : bodies_[i].leaves) to_by_leaf[leaf].push_back(i);
    }
    for (const auto& from : bodies_) {
      if (from.out.kind != o.from_kind) continue;
      std::set<std::string> partners;
      for (const auto leaf : from.leaves) {
        for (const auto to : to_by_leaf[leaf]) partners.insert(bodies_[to].out.id);
      }
      for (const auto& to : partners) add_link({o.link, from.out.id, to, o.source, "", "", o.extra});
    }
  }

  /// The coarsest whole areas that make up a set of leaves.
  std::vector<std::string> coarsest_cover(std::vector<std::uint32_t> leaves) {
    std::sort(leaves.begin(), leaves.end());
    leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
    std::vector<std::uint32_t> touched;
    for (const auto leaf : leaves) {
      for (auto a = std::optional<std::uint32_t>(leaf); a; a = parent_[*a]) {
        if (count_[*a]++ == 0) touched.push_back(*a);
      }
    }
    auto whole = [&](std::uint32_t a) { return count_[a] == leaf_count_[a]; };
    std::vector<std::string> out;
    for (const auto a : touched) {
      if (whole(a) && !(parent_[a] && whole(*parent_[a]))) out.push_back(areas_[a].id);
    }
    for (const auto a : touched) count_[a] = 0;
    std::sort(out.begin(), out.end());
    return out;
  }

  Output finish() {
    parent_.assign(areas_.size(), std::nullopt);
    leaf_count_.assign(areas_.size(), 0);
    count_.assign(areas_.size(), 0);
    for (std::uint32_t a = 0; a < areas_.size(); ++a) {
      if (!areas_[a].parent.empty()) parent_[a] = area_index_.at(areas_[a].parent);
    }
    for (std::uint32_t a = 0; a < areas_.size(); ++a) {
      if (areas_[a].level != 0) continue;
      for (auto p = std::optional<std::uint32_t>(a); p; p = parent_[*p]) ++leaf_count_[*p];
    }
    Output out;
    for (auto& b : bodies_) {
      b.out.covers = coarsest_cover(b.leaves);
      if (context_.leaf_kinds.count(b.out.kind) != 0) {
        auto& ids = out.leaves[b.out.id];
        for (const auto leaf : b.leaves) ids.push_back(areas_[leaf].id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      }
      out.bodies.push_back(std::move(b.out));
    }
    for (const auto& b : spec_.area_bodies) {
      if (b.succeeds.empty()) continue;
      for (const auto& body : out.bodies) {
        if (body.kind == b.kind) out.succeeds[body.id] = b.succeeds;
      }
    }
    out.areas = std::move(areas_);
    std::sort(out.areas.begin(), out.areas.end(), [](const OutArea& a, const OutArea& b) {
      return a.level != b.level ? a.level > b.level : a.id < b.id;
    });
    std::sort(out.bodies.begin(), out.bodies.end(), [](const OutBody& a, const OutBody& b) {
      return a.group != b.group ? a.group < b.group : a.id < b.id;
    });
    out.links = std::move(links_);
    std::sort(out.links.begin(), out.links.end(), [](const OutLink& a, const OutLink& b) {
      return std::tie(a.link, a.from, a.to) < std::tie(b.link, b.from, b.to);
    });
    out.file_rows = context_.file_rows;
    return out;
  }

  const ContentSpec& spec_;
  Context& context_;
  std::size_t group_ = 0;
  std::vector<OutArea> areas_;
  std::vector<std::uint32_t> area_lines_;
  std::unordered_map<std::string, std::uint32_t> area_index_;
  std::vector<WorkBody> bodies_;
  std::unordered_map<std::string, std::size_t> body_index_;
  std::vector<OutLink> links_;
  std::set<std::string> link_keys_;
  std::vector<std::optional<std::uint32_t>> parent_;
  std::vector<std::uint32_t> leaf_count_, count_;
};

}  // namespace
}  // namespace import_detail

std::optional<std::string> import_geography(const std::string& spec_path, DiagnosticSink& sink,
                                            const ImportOptions& options) {
  using namespace import_detail;
  SourceFiles files;
  const auto report_files_read = [&] {
    if (options.files_read == nullptr) return;
    for (std::uint32_t f = 0; f < files.size(); ++f) options.files_read->push_back(files.path(f));
  };
  const auto spec = read_import_spec(spec_path, files, sink);
  if (!spec) {
    report_files_read();
    return std::nullopt;
  }
  Context context{files, sink, options, {}, {}, {}};
  for (const PeriodSpec& period : spec->periods) {
    for (const BodySpec& b : period.content.area_bodies) {
      if (b.succeeds.empty()) continue;
      context.leaf_kinds.insert(b.succeeds.begin(), b.succeeds.end());
      context.leaf_kinds.insert(b.kind);
    }
  }
  std::vector<Output> outputs;
  for (const PeriodSpec& period : spec->periods) {
    auto output = Builder(period.content, context).run();
    if (!output || sink.has_errors()) break;
    outputs.push_back(std::move(*output));
  }
  context.note_repeats();
  report_files_read();
  // A kind a body succeeds must be one the period before generated (a misspelt kind finds none).
  for (std::size_t p = 1; p < outputs.size(); ++p) {
    std::set<std::string> kinds;
    for (const OutBody& b : outputs[p - 1].bodies) kinds.insert(b.kind);
    for (const BodySpec& b : spec->periods[p].content.area_bodies) {
      for (const std::string& kind : b.succeeds) {
        if (kinds.count(kind) != 0) continue;
        sink.error(files, b.succeeds_at,
                   fmt::format("the period before generates no body of kind '{}'{}", kind,
                               did_you_mean(kind, {kinds.begin(), kinds.end()})),
                   "bad-value");
      }
    }
  }
  if (outputs.size() != spec->periods.size() || sink.has_errors()) return std::nullopt;
  if (!spec->dated()) return write_geography(*spec, outputs.front());
  const Output merged = merge_periods(*spec, outputs);
  return write_geography(*spec, merged, outputs);
}

}  // namespace govmap
