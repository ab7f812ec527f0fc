// Diagrams: the DOT graph each view builds (golden files under tests/golden/render/, the graph
// before layout so they do not depend on Graphviz's coordinates), the CLI, and one smoke test
// per output format. To review a changed golden file, run with GOVMAP_UPDATE_GOLDEN=1 and read
// `git diff tests/golden/render`.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

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

TEST_CASE("figure key lists only the link kinds and statuses drawn") {
  const std::string fife = dot_of("examples/fife/model.xml", view(ViewKind::Figure));
  CHECK(fife.find("Funding (mechanism, amount)") != std::string::npos);
  CHECK(fife.find("Regulates or inspects") == std::string::npos);
  CHECK(fife.find("Proposed body") == std::string::npos);
  const std::string nation = dot_of("tests/render/nation.xml", view(ViewKind::Figure));
  for (const char* entry : {"Regulates or inspects", "Delegates functions to", "Commissions services from", "Partner in",
                            "Proposed body", "Abolished", "Non-statutory", "Contractor", "Statutory committee"}) {
    CHECK_MESSAGE(nation.find(entry) != std::string::npos, entry);
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
    const std::string out = (fs::temp_directory_path() / ("govmap-figure-" + stem + ".svg")).string();
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
