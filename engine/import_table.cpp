// Table pipelines of `govmap import`: read a CSV, then filter, derive, join and pick rows.

#include <algorithm>
#include <regex>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/csv.h"
#include "engine/import_internal.h"
#include "engine/text.h"

namespace govmap::import_detail {
namespace {

Location row_at(const Rows& rows, std::size_t i) { return {rows.file, rows.lines[i], 1}; }

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// A cell's value in quotes for a message; a long one is cut short, saying how long it was.
std::string quoted(const std::string& value) {
  constexpr std::size_t kShown = 60;
  if (value.size() <= kShown + 20) return "'" + value + "'";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return fmt::format("'{}…' ({} bytes)", value.substr(0, cut), value.size());
}

/// The column a step needs, or nullopt after reporting it missing.
std::optional<std::size_t> need_column(const Rows& rows, const std::string& name, const Location& at,
                                       Context& context) {
  if (auto i = rows.column(name)) return i;
  context.sink.error(context.files, at,
                     fmt::format("no column '{}' in {}{}", name, file_name(rows.path), did_you_mean(name, rows.columns)),
                     "missing-column");
  return std::nullopt;
}

/// Keeps the rows for which `keep` is true.
template <typename Keep>
void retain(Rows& rows, Keep keep) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    if (!keep(i)) continue;
    if (out != i) {
      rows.rows[out] = std::move(rows.rows[i]);
      rows.lines[out] = rows.lines[i];
    }
    ++out;
  }
  rows.rows.resize(out);
  rows.lines.resize(out);
}

bool filter(Rows& rows, const Step& step, Context& context) {
  const auto c = need_column(rows, step.column, step.at, context);
  if (!c) return false;
  bool ok = true;
  retain(rows, [&](std::size_t i) {
    const std::string& value = rows.rows[i][*c];
    if (!step.equals.empty() && value != step.equals) return false;
    if (!step.prefix.empty() && value.rfind(step.prefix, 0) != 0) return false;
    if (!step.min) return true;
    const auto number = parse_number(value);
    if (!number) {
      context.row_error(row_at(rows, i), fmt::format("'{}' in column '{}' is not a number", value, step.column),
                        "bad-number");
      return false;
    }
    return *number >= *step.min;
  });
  return ok;
}

bool derive(Rows& rows, const Step& step, Context& context) {
  const auto from = need_column(rows, step.from, step.at, context);
  if (!from) return false;
  const std::regex pattern = compile_pattern(step.regex);
  bool ok = true;
  for (std::size_t i = 0; i < rows.rows.size() && !context.too_many_errors(); ++i) {
    std::smatch match;
    const std::string& value = rows.rows[i][*from];
    if (std::regex_match(value, match, pattern) && match.size() > 1) {
      rows.rows[i].push_back(match[1].str());
      continue;
    }
    context.row_error(row_at(rows, i),
                      fmt::format("{} in column '{}' does not match the pattern {} (spec line {})", quoted(value),
                                  step.from, step.regex, step.at.line),
                      "no-match");
    rows.rows[i].emplace_back();
  }
  rows.columns.push_back(step.column);
  return ok;
}

/// True when a column the template reads is empty in `row` (the key is then incomplete).
bool lacks_value(const CompiledTemplate& t, const std::vector<std::string>& row) {
  return std::any_of(t.parts.begin(), t.parts.end(),
                     [&](const CompiledTemplate::Part& p) { return p.column && row[*p.column].empty(); });
}

bool join(Rows& rows, const Step& step, const std::set<std::string>& wanted, Context& context) {
  const auto on = compile(step.on, rows, context);
  if (!on) return false;
  std::vector<std::string> columns{step.key};
  const std::string qualified = step.id + ".";
  for (const auto& name : wanted) {
    const std::string plain = name.rfind(qualified, 0) == 0 ? name.substr(qualified.size()) : name;
    if (plain != step.key && std::find(columns.begin(), columns.end(), plain) == columns.end()) columns.push_back(plain);
  }
  const std::size_t errors = context.sink.error_count();
  const auto table = read_csv(step.file, context.files, columns, context.sink, true);
  if (!table) return false;
  if (!table->column(step.key)) {
    context.sink.error(context.files, {table->file, 1, 1},
                       fmt::format("missing column '{}'{}", step.key, did_you_mean(step.key, table->header)),
                       "missing-column");
  }
  if (context.sink.error_count() > errors) return false;
  context.file_rows.emplace_back(step.file, table->rows.size());
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const auto [it, fresh] = by_key.emplace(table->rows[i][0], i);
    if (fresh || table->rows[it->second] == table->rows[i]) continue;
    context.sink.error(context.files, {table->file, table->lines[i], 1},
                       fmt::format("{} '{}' appears twice with different values (first on line {})", step.key,
                                   table->rows[i][0], table->lines[it->second]),
                       "duplicate-key");
  }
  if (context.sink.error_count() > errors) return false;
  std::vector<std::size_t> take;  // columns of the joined table to add, as plain names
  for (std::size_t c = 0; c < table->columns.size(); ++c) {
    rows.columns.push_back(qualified + table->columns[c]);
    take.push_back(c);
  }
  std::vector<bool> plain;
  for (std::size_t c = 0; c < table->columns.size(); ++c) {
    plain.push_back(!rows.column(table->columns[c]));
    if (plain.back()) rows.columns.push_back(table->columns[c]);
  }
  const std::string what = fmt::format("joining {}", file_name(step.file));
  retain(rows, [&](std::size_t i) {
    context.progress(what, i + 1, rows.rows.size());
    auto& row = rows.rows[i];
    if (lacks_value(*on, row)) {  // left for the level or body that needs the code to report
      row.resize(row.size() + take.size() + static_cast<std::size_t>(std::count(plain.begin(), plain.end(), true)));
      return true;
    }
    const std::string value = on->eval(row);
    const auto it = by_key.find(value);
    if (it == by_key.end()) {
      context.row_error(row_at(rows, i),
                        fmt::format("no row of {} has {} = '{}' (from {} '{}')", file_name(step.file), step.key,
                                    value, step.on.is_template ? "template" : "column", step.on.text),
                        "no-match");
      return false;
    }
    const auto& joined = table->rows[it->second];
    for (const auto c : take) row.push_back(joined[c]);
    for (std::size_t c = 0; c < joined.size(); ++c) {
      if (plain[c]) row.push_back(joined[c]);
    }
    return true;
  });
  return true;
}

bool pick_max(Rows& rows, const Step& step, Context& context) {
  const auto group = need_column(rows, step.group, step.at, context);
  const auto value = need_column(rows, step.column, step.at, context);
  if (!group || !value) return false;
  std::unordered_map<std::string, std::pair<std::size_t, double>> best;  // group -> row, value
  bool ok = true;
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    const auto number = parse_number(rows.rows[i][*value]);
    if (!number) {
      context.row_error(row_at(rows, i),
                        fmt::format("'{}' in column '{}' is not a number", rows.rows[i][*value], step.column),
                        "bad-number");
      continue;
    }
    const auto [it, fresh] = best.emplace(rows.rows[i][*group], std::make_pair(i, *number));
    if (!fresh && *number > it->second.second) it->second = {i, *number};
  }
  retain(rows, [&](std::size_t i) { return best[rows.rows[i][*group]].first == i; });
  return ok;
}

}  // namespace

void Context::row_error(const Location& at, std::string message, std::string code) {
  std::string key = code + '\n' + message;
  if (const auto it = repeats.find(key); it != repeats.end()) {
    Repeat& r = it->second;
    if (r.again.size() < 5) r.again.push_back(at);
    ++r.more;
    return;
  }
  if (too_many_errors()) return;
  sink.error(files, at, std::move(message), std::move(code));
  repeats.emplace(std::move(key), Repeat{sink.all().size() - 1, {}, 0});
}

void Context::note_repeats() {
  for (const auto& [key, r] : repeats) {
    if (r.more == 0) continue;
    std::string message = "the same on " + plural(static_cast<long long>(r.more), "more row", "more rows");
    if (r.more > 1) {  // the note is at the first; list a few
      for (std::size_t i = 0; i < r.again.size(); ++i) {
        message += fmt::format("{}{}", i == 0 ? " (lines " : ", ", r.again[i].line);
      }
      message += r.more > r.again.size() ? ", …)" : ")";
    }
    sink.note(r.diagnostic, files, r.again.front(), std::move(message));
  }
  repeats.clear();
}

std::regex compile_pattern(const std::string& pattern) {
  // __polynomial (a libstdc++ extension) selects the breadth-first matcher.
  return std::regex(pattern, std::regex::ECMAScript | std::regex_constants::__polynomial);
}

std::optional<std::size_t> Rows::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  return std::nullopt;
}

Location Rows::at(const SourceFiles& files, std::size_t row, std::optional<std::size_t> column) const {
  const Location start{file, lines[row], 1};
  if (!column || *column >= columns.size()) return start;
  const auto in_file = std::find(header.begin(), header.end(), columns[*column]);
  if (in_file == header.end()) return start;
  // Count fields to it, quotes and all (RFC 4180: "" is a quote inside a quoted field).
  const std::string_view text = files.text(file);
  std::size_t pos = files.offset(start);
  bool quoted = false;
  for (auto field = in_file - header.begin(); field > 0 && pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      --field;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      return start;  // fewer fields than the header: parse_csv has said so
    }
  }
  return files.locate(file, pos);
}

std::optional<Rows> load_table(const TableSpec& spec, const std::set<std::string>& wanted, Context& context) {
  const std::size_t errors = context.sink.error_count();
  auto table = read_csv(spec.file, context.files, {wanted.begin(), wanted.end()}, context.sink, true);
  if (!table) return std::nullopt;
  context.file_rows.emplace_back(spec.file, table->rows.size());
  Rows rows{table->file, spec.file, std::move(table->header), std::move(table->columns), std::move(table->rows),
            std::move(table->lines)};
  for (const auto& step : spec.steps) {
    bool ok = false;
    switch (step.kind) {
      case Step::Kind::Filter: ok = filter(rows, step, context); break;
      case Step::Kind::Derive: ok = derive(rows, step, context); break;
      case Step::Kind::Join: ok = join(rows, step, wanted, context); break;
      case Step::Kind::PickMax: ok = pick_max(rows, step, context); break;
    }
    if (!ok) return std::nullopt;  // a structural problem (missing column or file); bad rows only drop the row
  }
  if (context.sink.error_count() > errors && rows.rows.empty()) return std::nullopt;
  return rows;
}

std::string CompiledTemplate::eval(const std::vector<std::string>& row) const {
  if (parts.size() == 1 && parts[0].column) return row[*parts[0].column];
  std::string out;
  for (const auto& part : parts) out += part.column ? row[*part.column] : part.literal;
  return out;
}

std::optional<CompiledTemplate> compile(const Template& t, const Rows& rows, Context& context) {
  CompiledTemplate out;
  if (t.text.empty()) return out;
  auto column = [&](const std::string& name) -> bool {
    const auto c = need_column(rows, name, t.at, context);
    if (c) out.parts.push_back({"", c});
    return c.has_value();
  };
  if (!t.is_template) return column(t.text) ? std::optional(out) : std::nullopt;
  std::size_t pos = 0;
  bool ok = true;
  while (pos < t.text.size()) {
    const auto open = t.text.find('{', pos);
    const auto close = open == std::string::npos ? open : t.text.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
      out.parts.push_back({t.text.substr(pos), std::nullopt});
      break;
    }
    if (open > pos) out.parts.push_back({t.text.substr(pos, open - pos), std::nullopt});
    ok = column(t.text.substr(open + 1, close - open - 1)) && ok;
    pos = close + 1;
  }
  return ok ? std::optional(out) : std::nullopt;
}

}  // namespace govmap::import_detail
