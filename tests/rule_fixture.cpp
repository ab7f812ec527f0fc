#include "tests/rule_fixture.h"

#include <fmt/format.h>

#include "engine/text.h"

namespace govmap::test {
namespace {

constexpr std::string_view kKeywords[] = {"EXPECT", "EVIDENCE", "SUBJECTS", "OPTIONS"};

std::uint32_t line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string collapse_spaces(std::string_view text) { return join(split_words(text), " "); }

/// A directive inside a comment: its keyword, its "(runs)" if any, its text, and its line.
struct Directive {
  std::string keyword, runs, text;
  std::uint32_t line = 0;
};

/// The keyword a comment line starts with, or "" (continuation of the previous directive).
std::string_view keyword_of(std::string_view line) {
  for (std::string_view k : kKeywords) {
    if (!line.starts_with(k)) continue;
    const std::string_view rest = line.substr(k.size());
    if (rest.starts_with(":") || rest.starts_with("(")) return k;
  }
  return {};
}

/// Splits a comment's text into directives; lines that start no directive continue the last.
std::vector<Directive> directives_of(std::string_view body, std::uint32_t first_line) {
  std::vector<Directive> out;
  std::uint32_t line = first_line;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view piece = body.substr(start, end - start);
    piece.remove_prefix(std::min(piece.find_first_not_of(" \t\r"), piece.size()));
    const std::string_view keyword = keyword_of(piece);
    if (!keyword.empty()) {
      Directive d{std::string(keyword), "", "", line};
      piece.remove_prefix(keyword.size());
      if (piece.starts_with("(")) {
        const auto close = piece.find(')');
        d.runs = std::string(piece.substr(1, close == std::string_view::npos ? piece.size() : close - 1));
        piece.remove_prefix(close == std::string_view::npos ? piece.size() : close + 1);
      }
      if (piece.starts_with(":")) piece.remove_prefix(1);
      d.text = std::string(piece);
      out.push_back(std::move(d));
    } else if (!out.empty()) {
      out.back().text += " " + std::string(piece);
    }
    start = end + 1;
    ++line;
  }
  for (auto& d : out) d.text = collapse_spaces(d.text);
  return out;
}

/// The line an expectation in a comment spanning [open, close) belongs to: the comment's own
/// line when a tag precedes it there, else the line of the next tag that is not a comment.
std::uint32_t target_line(std::string_view text, std::size_t open, std::size_t close) {
  const std::size_t line_start = text.rfind('\n', open) == std::string_view::npos ? 0 : text.rfind('\n', open) + 1;
  const std::string_view before = text.substr(line_start, open - line_start);
  if (before.find_first_not_of(" \t\r") != std::string_view::npos) return line_at(text, open);
  std::size_t at = close;
  while ((at = text.find('<', at)) != std::string_view::npos) {
    if (text.substr(at, 4) != "<!--") return line_at(text, at);
    const std::size_t end = text.find("-->", at);
    if (end == std::string_view::npos) break;
    at = end + 3;
  }
  return 0;
}

std::vector<std::string> run_names(const std::string& runs) {
  if (runs.empty()) return {"default"};
  std::string spaced = runs;
  std::replace(spaced.begin(), spaced.end(), ',', ' ');
  return split_words(spaced);
}

/// Parses "name=value name=value" into options; reports malformed pairs.
std::map<std::string, double> parse_options(const Directive& d, std::vector<std::string>& errors) {
  std::map<std::string, double> options;
  for (const auto& pair : split_words(d.text)) {
    const auto eq = pair.find('=');
    const auto value = eq == std::string::npos ? std::nullopt : parse_number(pair.substr(eq + 1));
    if (!value) {
      errors.push_back(fmt::format("line {}: OPTIONS wants name=number pairs, not '{}'", d.line, pair));
      continue;
    }
    options[pair.substr(0, eq)] = *value;
  }
  return options;
}

void add_directives(FixtureSpec& spec, const std::vector<Directive>& directives, std::uint32_t target) {
  ExpectedFinding* last = nullptr;
  for (const Directive& d : directives) {
    if (d.keyword == "OPTIONS") {
      for (const auto& run : run_names(d.runs)) spec.runs[run] = parse_options(d, spec.errors);
      last = nullptr;
    } else if (d.keyword == "EXPECT") {
      if (!d.text.ends_with("]") || d.text.find(": ") == std::string::npos) {
        spec.errors.push_back(fmt::format("line {}: EXPECT wants 'severity: message [rule-id]'", d.line));
      }
      spec.expected.push_back({target, d.line, run_names(d.runs), d.text, std::nullopt, std::nullopt});
      last = &spec.expected.back();
    } else if (last == nullptr) {
      spec.errors.push_back(fmt::format("line {}: {} must follow an EXPECT in the same comment", d.line, d.keyword));
    } else if (d.keyword == "EVIDENCE") {
      if (!last->evidence) last->evidence.emplace();
      last->evidence->push_back(d.text);
    } else {
      last->subjects = split_words(d.text);
    }
  }
}

std::string join_lines(const std::vector<std::string>& lines, std::string_view prefix = "") {
  std::string out;
  for (const auto& l : lines) out += fmt::format("\n    {}{}", prefix, l);
  return out;
}

}  // namespace

FixtureSpec parse_fixture(std::string_view text) {
  FixtureSpec spec;
  std::size_t open = 0;
  while ((open = text.find("<!--", open)) != std::string_view::npos) {
    const std::size_t close = text.find("-->", open);
    if (close == std::string_view::npos) break;
    const std::string_view body = text.substr(open + 4, close - open - 4);
    const std::size_t first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && !keyword_of(body.substr(first)).empty()) {
      const auto target = target_line(text, open, close + 3);
      add_directives(spec, directives_of(body, line_at(text, open)), target);
    }
    open = close + 3;
  }
  for (const auto& e : spec.expected) {
    for (const auto& run : e.runs) {
      if (!spec.runs.contains(run)) {
        spec.errors.push_back(fmt::format("line {}: EXPECT({}) names no run declared by OPTIONS({})",
                                          e.comment_line, run, run));
      }
    }
  }
  return spec;
}

std::string expectation_text(const Finding& finding) {
  return fmt::format("{}: {} [{}]", to_string(finding.severity), finding.message, finding.rule);
}

std::string compare_findings(const std::vector<std::pair<std::uint32_t, const Finding*>>& actual,
                             const std::vector<const ExpectedFinding*>& expected) {
  std::string out;
  std::vector<bool> used(expected.size(), false);
  for (const auto& [line, finding] : actual) {
    const std::string text = expectation_text(*finding);
    std::size_t i = 0;
    while (i < expected.size() && (used[i] || expected[i]->line != line || expected[i]->text != text)) ++i;
    if (i == expected.size()) {
      std::vector<std::string> ids;
      for (const auto& s : finding->subjects) ids.push_back(s.id);
      out += fmt::format("unexpected finding at line {}:\n    EXPECT: {}{}\n    SUBJECTS: {}\n", line, text,
                         join_lines(finding->evidence, "EVIDENCE: "), join(ids, " "));
      continue;
    }
    used[i] = true;
    const ExpectedFinding& e = *expected[i];
    if (e.evidence && *e.evidence != finding->evidence) {
      out += fmt::format("evidence differs for the finding at line {} (expected at line {}):{}\n  actual:{}\n",
                         line, e.comment_line, join_lines(*e.evidence), join_lines(finding->evidence));
    }
    std::vector<std::string> ids;
    for (const auto& s : finding->subjects) ids.push_back(s.id);
    if (e.subjects && *e.subjects != ids) {
      out += fmt::format("subjects differ for the finding at line {} (expected at line {}): expected {}, actual {}\n",
                         line, e.comment_line, join(*e.subjects, " "), join(ids, " "));
    }
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (used[i]) continue;
    out += fmt::format("missing finding at line {} (expected at line {}):\n    EXPECT: {}\n", expected[i]->line,
                       expected[i]->comment_line, expected[i]->text);
  }
  return out;
}

}  // namespace govmap::test
