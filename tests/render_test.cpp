// Diagrams: the DOT graph each view builds (golden files under tests/golden/render/, the graph
// before layout so they do not depend on Graphviz's coordinates), the CLI, and one smoke test
// per output format. To review a changed golden file, run with GOVMAP_UPDATE_GOLDEN=1 and read
// `git diff tests/golden/render`.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "render/render.h"
#include "render/views.h"
#include "test_support.h"

namespace govmap {
namespace {

std::string dot_of(const std::string& model_file, const ViewOptions& options) {
  auto [model, diagnostics] = test::load(test::path(model_file));
  REQUIRE_MESSAGE(model, diagnostics);
  DiagnosticSink sink;
  const auto diagram = build_view(*model, options, sink);
  REQUIRE(diagram);
  const auto dot = diagram_to_dot(*diagram, sink);
  REQUIRE(dot);
  CHECK(sink.all().empty());
  return *dot;
}

void check_golden(const std::string& actual, const std::string& golden) {
  const std::string file = test::path("tests/golden/render/" + golden);
  if (std::getenv("GOVMAP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(file, std::ios::binary) << actual;
  }
  const std::string expected = test::read_text(file);
  if (actual != expected) {
    const auto seen = std::filesystem::temp_directory_path() / golden;
    std::ofstream(seen, std::ios::binary) << actual;
    FAIL_CHECK("DOT differs from " << file << "; actual output written to " << seen.string());
  }
}

// --- Reading a Graphviz SVG: each node, edge or cluster follows a "<!-- name -->" comment. ---

std::vector<std::string> svg_objects(const std::string& svg) {
  std::vector<std::string> out;
  for (std::size_t at = svg.find("<!-- "); at != std::string::npos;) {
    const std::size_t next = svg.find("<!-- ", at + 5);
    out.push_back(svg.substr(at, next == std::string::npos ? std::string::npos : next - at));
    at = next;
  }
  return out;
}

std::string attribute(const std::string& element, const std::string& name) {
  const std::regex re(" " + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(element, m, re) ? m[1].str() : std::string();
}

std::vector<std::string> elements(const std::string& text, const std::string& tag) {
  std::vector<std::string> out;
  const std::regex re("<" + tag + "\\b[^>]*>");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back(it->str());
  return out;
}

using Rgb = std::array<double, 3>;  // linear-light sRGB, 0..1

double to_linear(int c) {
  const double v = c / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

std::optional<Rgb> colour(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (text.empty() || text == "black") return Rgb{0, 0, 0};
  if (text == "white") return Rgb{1, 1, 1};
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  Rgb rgb;
  for (int i = 0; i < 3; ++i) rgb[i] = to_linear(std::stoi(text.substr(1 + 2 * i, 2), nullptr, 16));
  return rgb;
}

double luminance(const Rgb& c) { return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; }
double contrast(const Rgb& a, const Rgb& b) {
  const double x = luminance(a), y = luminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
Rgb simulate(const Rgb& c, bool protan) {
  static constexpr double deutan_m[3][3] = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
  static constexpr double protan_m[3][3] = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
  const auto& m = protan ? protan_m : deutan_m;
  Rgb out;
  for (int i = 0; i < 3; ++i) out[i] = std::clamp(m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2], 0.0, 1.0);
  return out;
}

double distance(const Rgb& a, const Rgb& b) {
  double sum = 0;
  for (int i = 0; i < 3; ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

// How an arrow of one kind looks without its colour: the line (dash pattern, width, number of
// parallel strokes) and the arrowhead (element, number of points, filled or hollow).
struct LinkLook {
  std::string pattern, width, head;  // pattern: dashes and number of strokes
  std::string colour;
  bool operator==(const LinkLook& o) const { return pattern == o.pattern && width == o.width && head == o.head; }
};

LinkLook link_look(const std::string& object) {
  LinkLook look;
  const auto paths = elements(object, "path");
  std::string dashes = paths.empty() ? "" : attribute(paths.front(), "stroke-dasharray");
  look.pattern = fmt::format("{}, {} stroke(s)", dashes.empty() ? "solid" : dashes, paths.size());
  look.width = paths.empty() ? "" : attribute(paths.front(), "stroke-width");
  look.colour = paths.empty() ? "" : attribute(paths.front(), "stroke");
  for (const char* tag : {"polygon", "ellipse", "polyline"}) {
    for (const auto& e : elements(object, tag)) {
      const std::string fill = attribute(e, "fill");
      const std::string points = attribute(e, "points");
      look.head = fmt::format("{} {} points {}", tag, fill == "none" || fill == "white" ? "hollow" : "filled",
                              std::count(points.begin(), points.end(), ' ') + 1);
      return look;
    }
  }
  return look;
}

std::vector<std::string> bundled_figure_models() {
  std::vector<std::string> out;
  for (const auto& nation : std::filesystem::directory_iterator(test::path("models"))) {
    for (const char* era : {"2021", "current"}) {
      const auto file = nation.path() / era / "model.xml";
      if (std::filesystem::exists(file)) out.push_back(file.string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string figure_svg(const std::string& file) {
  auto [model, diagnostics] = test::load(file);
  REQUIRE_MESSAGE(model, diagnostics);
  DiagnosticSink sink;
  const auto diagram = build_view(*model, ViewOptions{}, sink);
  REQUIRE(diagram);
  const auto svg = render_diagram(*diagram, OutputFormat::Svg, sink);
  REQUIRE(svg);
  return *svg;
}

ViewOptions view(ViewKind kind) {
  ViewOptions o;
  o.view = kind;
  return o;
}

}  // namespace

TEST_CASE("figure view of the Fife example matches its golden DOT") {
  check_golden(dot_of("examples/fife/model.xml", view(ViewKind::Figure)), "fife-figure.dot");
}

TEST_CASE("figure view of the nation fixture aggregates bodies by kind and matches its golden DOT") {
  const std::string dot = dot_of("tests/render/nation.xml", view(ViewKind::Figure));
  CHECK(dot.find("Health boards (7)") != std::string::npos);
  CHECK(dot.find("Councils with social\\ncare duties (23)") != std::string::npos);
  CHECK(dot.find("Formula allocation,\\n£7.0bn (2021/22)") != std::string::npos);
  CHECK(dot.find("(part stated)") != std::string::npos);
  CHECK(dot.find("1 link between bodies of the same kind not drawn") != std::string::npos);
  check_golden(dot, "nation-figure.dot");
}

// The key's entries, in order: the labels of the nodes named legend-<n>[-label].
std::vector<std::string> key_entries(const std::string& dot) {
  std::vector<std::string> out;
  const std::regex entry(R"("legend-\d+(-label)?"\t\[[^\]]*?\blabel=("[^"]*"|\w+))");
  for (auto it = std::sregex_iterator(dot.begin(), dot.end(), entry); it != std::sregex_iterator(); ++it) out.push_back((*it)[2].str());
  return out;
}

TEST_CASE("the figure key is the same for every model: link kinds, legal statuses, sectors, in rows") {
  const std::string fife = dot_of("examples/fife/model.xml", view(ViewKind::Figure));
  const std::string nation = dot_of("tests/render/nation.xml", view(ViewKind::Figure));
  const auto keys = key_entries(fife);
  CHECK(keys.size() >= 6 + 6);
  CHECK(keys == key_entries(nation));
  for (const char* entry : {"label=Funds", "Regulates", "Delegates to", "Commissions from", "Partner in", "Proposed body",
                            "Abolished", "Non-statutory", "Contractor", "Statutory committee"}) {
    CHECK_MESSAGE(fife.find(entry) != std::string::npos, entry);
  }
  for (const char* group : {"label=Links", "label=\"Legal status\"", "label=Sector"}) CHECK_MESSAGE(fife.find(group) != std::string::npos, group);
  // A view of one kind of link keys only that kind.
  const std::string funding = dot_of("tests/render/nation.xml", view(ViewKind::Funding));
  CHECK(funding.find("label=Funds") != std::string::npos);
  CHECK(funding.find("Accountable to") == std::string::npos);
}

TEST_CASE("a box with no drawn link sits in a row of its own that says so") {
  const std::string nation = dot_of("tests/render/nation.xml", view(ViewKind::Figure));
  const std::string fife = dot_of("examples/fife/model.xml", view(ViewKind::Figure));
  CHECK(fife.find("Not linked in this model") == std::string::npos);
  if (nation.find("Not linked in this model") != std::string::npos) {
    CHECK(nation.find("tier-not-linked") != std::string::npos);
  }
}

TEST_CASE("funding and accountability views draw one kind of link") {
  const std::string funding = dot_of("tests/render/nation.xml", view(ViewKind::Funding));
  CHECK(funding.find("link-accountability") == std::string::npos);
  CHECK(funding.find("Audit Wales") == std::string::npos);  // no funding link
  check_golden(funding, "nation-funding.dot");
  const std::string accountability = dot_of("tests/render/nation.xml", view(ViewKind::Accountability));
  CHECK(accountability.find("link-funding") == std::string::npos);
  check_golden(accountability, "nation-accountability.dot");
}

TEST_CASE("area view draws every body covering the area, one box each") {
  ViewOptions o = view(ViewKind::Area);
  o.area = "W06000001";
  const std::string dot = dot_of("tests/render/nation.xml", o);
  CHECK(dot.find("\"body-bcuhb\"") != std::string::npos);
  CHECK(dot.find("\"body-councils\"") != std::string::npos);  // covers the whole country
  CHECK(dot.find("\"body-hb2\"") == std::string::npos);       // covers the south only
  CHECK(dot.find("\"body-welsh-government\"") != std::string::npos);  // national, linked
  check_golden(dot, "nation-area-north.dot");
}

TEST_CASE("body view draws the neighbourhood to the given depth") {
  ViewOptions o = view(ViewKind::Body);
  o.body = "rpb-north";
  o.depth = 1;
  const std::string one = dot_of("tests/render/nation.xml", o);
  CHECK(one.find("\"body-bcuhb\"") != std::string::npos);
  CHECK(one.find("\"body-trusts\"") == std::string::npos);
  check_golden(one, "nation-body-rpb-depth1.dot");
  o.depth = 2;
  CHECK(dot_of("tests/render/nation.xml", o).find("\"body-trusts\"") != std::string::npos);
}

TEST_CASE("body-level view over the node limit is grouped by kind and says so") {
  ViewOptions o = view(ViewKind::Body);
  o.body = "welsh-government";
  o.depth = 3;
  o.max_nodes = 5;
  const std::string dot = dot_of("tests/render/nation.xml", o);
  CHECK(dot.find("\"kind-health-board\"") != std::string::npos);
  CHECK(dot.find("\"body-bcuhb\"") == std::string::npos);
  CHECK(dot.find("exceed the limit of 5 boxes (--max-nodes)") != std::string::npos);
}

TEST_CASE("bodies with findings are marked and their tooltips list the findings") {
  Finding f;
  f.rule = "board-size";
  f.severity = Severity::Warning;
  f.message = "Betsi has too many seats";
  f.subjects.push_back({"body", "bcuhb", "Betsi Cadwaladr UHB", "health-board", ""});
  Finding suppressed = f;
  suppressed.message = "accepted one";
  suppressed.suppressed = true;
  const std::vector<Finding> findings{f, suppressed};
  ViewOptions o = view(ViewKind::Body);
  o.body = "bcuhb";
  o.findings = &findings;
  const std::string dot = dot_of("tests/render/nation.xml", o);
  CHECK(dot.find("has-findings") != std::string::npos);
  CHECK(dot.find("[warning board-size] Betsi has too many seats") != std::string::npos);
  CHECK(dot.find("accepted one") == std::string::npos);
  CHECK(dot.find("Has findings") != std::string::npos);  // key entry
}

TEST_CASE("unknown area and body ids are diagnostics with a suggestion") {
  auto [model, diagnostics] = test::load(test::path("tests/render/nation.xml"));
  REQUIRE(model);
  DiagnosticSink sink;
  ViewOptions o = view(ViewKind::Body);
  o.body = "bcuhbb";
  CHECK_FALSE(build_view(*model, o, sink));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].message == "no body 'bcuhbb' in model testland-2021 (did you mean 'bcuhb'?)");
  const auto r = test::run_govmap("render tests/render/nation.xml --area W06000011 -o /tmp/never.svg");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'W06000001'?") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists("/tmp/never.svg"));
}

TEST_CASE("output format follows the file extension") {
  CHECK(format_from_path("a/b.svg") == OutputFormat::Svg);
  CHECK(format_from_path("B.PNG") == OutputFormat::Png);
  CHECK(format_from_path("x.gv") == OutputFormat::Dot);
  CHECK_FALSE(format_from_path("dir.v2/out"));
  const auto r = test::run_govmap("render examples/fife/model.xml -o /tmp/govmap-render.unknown");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--format") != std::string::npos);
}

TEST_CASE("render writes SVG, PNG, PDF and DOT, the same bytes each run") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("govmap-render-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::map<std::string, std::string> magic = {
      {"svg", "<?xml"}, {"png", "\x89PNG\r\n\x1a\n"}, {"pdf", "%PDF-"}, {"dot", "digraph govmap {"}};
  for (const auto& [extension, start] : magic) {
    CAPTURE(extension);
    std::string first;
    for (int run = 0; run < 2; ++run) {
      const std::string out = (dir / (std::to_string(run) + "." + extension)).string();
      const auto r = test::run_govmap("render tests/render/nation.xml -o " + out);
      CHECK(r.exit_code == 0);
      const std::string bytes = test::read_text(out);
      CHECK(bytes.rfind(start, 0) == 0);
      if (run == 0) first = bytes;
      else CHECK_MESSAGE(bytes == first, "output differs between runs");
    }
  }
  const std::string svg = test::read_text((dir / "0.svg").string());
  CHECK(svg.find("id=\"kind&#45;health&#45;board\"") != std::string::npos);
  CHECK(svg.find("xlink:title=\"Health boards (7)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("committed example figures match what render draws now") {
  namespace fs = std::filesystem;
  const fs::path figures = test::path("examples/figures");
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(figures)) {
    if (entry.path().extension() != ".svg") continue;
    const std::string stem = entry.path().stem().string();  // <nation>-<era>
    const auto dash = stem.rfind('-');
    const std::string nation = stem.substr(0, dash), era = stem.substr(dash + 1);
    const std::string model = "models/" + nation + "/" + era + "/model.xml";
    if (!fs::exists(test::path(model))) continue;
    const std::string out = (fs::temp_directory_path() / ("govmap-figure-" + std::to_string(::getpid()) + "-" + stem + ".svg")).string();
    const auto r = test::run_govmap("render " + model + " -o " + out);
    CAPTURE(model);
    CHECK(r.exit_code == 0);
    // Also under the sanitizers: object ids in creation order make the layout independent of
    // where the heap puts things (render/graphviz.cpp).
    CHECK_MESSAGE(test::read_text(out) == test::read_text(entry.path().string()),
                  "examples/figures/" << stem << ".svg is stale; run examples/figures/regenerate.sh and review");
    fs::remove(out);
    ++compared;
  }
  MESSAGE("compared " << compared << " committed figures");
}

}  // namespace govmap

namespace govmap {

TEST_CASE("in every bundled figure each link kind differs from every other without colour, and text reaches 4.5:1") {
  const auto models = bundled_figure_models();
  REQUIRE(models.size() >= 8);
  for (const auto& file : models) {
    CAPTURE(file);
    const std::string svg = figure_svg(file);
    std::map<std::string, LinkLook> looks;  // link kind -> its look
    int texts = 0;
    for (const auto& object : svg_objects(svg)) {
      const auto groups = elements(object, "g");
      const std::string cls = groups.empty() ? "" : attribute(groups.front(), "class");
      const auto at = cls.find("link&#45;");
      if (cls.rfind("edge", 0) == 0 && at != std::string::npos) {
        const std::string kind = cls.substr(at + 9);
        const LinkLook look = link_look(object);
        const auto it = looks.emplace(kind, look).first;
        CHECK_MESSAGE(it->second == look, kind << " arrows are drawn two ways: " << it->second.pattern << " / " << look.pattern);
      }
      // Text stands on its box's fill (the first shape of a node), else on the white page.
      Rgb background{1, 1, 1};
      if (cls.rfind("node", 0) == 0) {
        for (const char* tag : {"polygon", "ellipse", "path"}) {
          const auto shapes = elements(object, tag);
          if (shapes.empty()) continue;
          const std::string fill = attribute(shapes.front(), "fill");
          if (fill != "none" && fill != "transparent") background = colour(fill).value_or(background);
          break;
        }
      }
      for (const auto& text : elements(object, "text")) {
        const auto fill = colour(attribute(text, "fill"));
        REQUIRE_MESSAGE(fill, text);
        CHECK_MESSAGE(contrast(*fill, background) >= 4.5, text << " has contrast " << contrast(*fill, background));
        ++texts;
      }
    }
    CHECK(texts > 20);
    CHECK(looks.size() >= 4);
    for (auto a = looks.begin(); a != looks.end(); ++a) {
      for (auto b = std::next(a); b != looks.end(); ++b) {
        CAPTURE(a->first);
        CAPTURE(b->first);
        CHECK_MESSAGE(a->second.head != b->second.head, "same arrowhead: " << a->second.head);
        // Kinds that share a line pattern must also stay apart in colour for readers with
        // deuteranopia or protanopia (simulated), not only in arrowhead.
        if (a->second.pattern != b->second.pattern) continue;
        const auto ca = colour(a->second.colour), cb = colour(b->second.colour);
        REQUIRE((ca && cb));
        for (bool protan : {false, true}) {
          CHECK_MESSAGE(distance(simulate(*ca, protan), simulate(*cb, protan)) > 0.08,
                        "same line and, to a colour-blind reader, the same colour");
        }
      }
    }
  }
}

}  // namespace govmap
