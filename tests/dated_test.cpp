// Dated models (models/FORMAT.md, "Dates"): elements outside their dates are absent, a link not
// operating is seen as such by the accountability rules and drawn so, --as-of and MODEL@DATE on
// every command that reads a model, and compare of two dates of one model. The fixture is
// tests/dated/nation.xml; bad dates are in tests/loader/bad/dated-*.xml (loader_test.cpp).

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "engine/geography.h"
#include "engine/loader.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace fs = std::filesystem;

namespace {

const std::string kNation = "tests/dated/nation.xml";

std::optional<Model> load_at(const std::string& date, std::string* diagnostics = nullptr) {
  DiagnosticSink sink;
  LoadOptions options;
  options.as_of = date;
  auto model = load_model(path(kNation), sink, options);
  if (diagnostics != nullptr) {
    std::ostringstream text;
    print_diagnostics(text, sink);
    *diagnostics = text.str();
  }
  return model;
}

bool has_body(const Model& m, const std::string& id) { return m.find_body(id) != nullptr; }

bool covers(const Model& m, const std::string& body, const std::string& area) {
  const auto& c = m.find_body(body)->covers;
  return std::find(c.begin(), c.end(), area) != c.end();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A fresh empty folder for a command's output files.
std::string out_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("govmap-dated-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace

TEST_CASE("an element outside its dates is absent from the model read") {
  const auto before = load_at("2024-03-31");
  const auto after = load_at("2024-04-01");
  REQUIRE(before);
  REQUIRE(after);
  CHECK(has_body(*before, "old-committee"));
  CHECK_FALSE(has_body(*before, "new-committee"));
  CHECK_FALSE(has_body(*after, "old-committee"));  // until is exclusive
  CHECK(has_body(*after, "new-committee"));        // since is inclusive
  // Links (kind-level ones expand over the bodies present), seats, claims and coverage.
  const auto links_to = [](const Model& m, const std::string& id) {
    return std::count_if(m.links.begin(), m.links.end(), [&](const Link& l) { return l.to == id; });
  };
  CHECK(links_to(*before, "old-committee") == 2);
  CHECK(links_to(*after, "new-committee") == 2);
  CHECK(before->seats.empty());
  CHECK(after->seats.size() == 1);
  CHECK(before->claims.size() == 1);
  CHECK(after->claims.size() == 2);
  CHECK_FALSE(covers(*after, "lhb-b", "a3"));
  CHECK(covers(*load_at("2025-01-01"), "lhb-b", "a3"));
}

TEST_CASE("an area's versions give it the parent of each date, and a replaced area is absent") {
  const auto region_population = [](const Model& m, const std::string& region) {
    const auto it = m.area_index.find(region);
    return it == m.area_index.end() ? -1.0 : Geography(m).area_population(static_cast<AreaIndex>(it->second));
  };
  const auto before = load_at("2023-03-31");
  const auto after = load_at("2023-04-01");
  REQUIRE(before);
  REQUIRE(after);
  CHECK(before->find_area("a2")->parent == "r1");
  CHECK(after->find_area("a2")->parent == "r2");
  CHECK(region_population(*before, "r1") == 200);
  CHECK(region_population(*before, "r2") == -1);  // not there yet
  CHECK(region_population(*after, "r1") == -1);   // gone
  CHECK(region_population(*after, "r2") == 200);
  CHECK(before->areas.size() == after->areas.size());
}

TEST_CASE("a model is read at its own as-of date unless told otherwise, with a warning after it") {
  std::string diagnostics;
  const auto own = load_at("", &diagnostics);
  REQUIRE(own);
  CHECK(own->as_of == "2026-11-30");
  CHECK(has_body(*own, "new-committee"));
  CHECK(diagnostics.empty());
  const auto later = load_at("2027-01-01", &diagnostics);
  REQUIRE(later);
  CHECK(later->as_of == "2027-01-01");
  CHECK(contains(diagnostics, "tests/dated/nation.xml:11:75: warning: reading the model as of 2027-01-01, after the date "
                              "it was last brought up to date (2026-11-30): later facts are not known to it [after-as-of]"));
}

TEST_CASE("a link not operating is present, marked, and no route for the accountability rules") {
  const auto paused = load_at("2023-06-01");
  REQUIRE(paused);
  const auto link = std::find_if(paused->links.begin(), paused->links.end(),
                                 [](const Link& l) { return l.id == "dept-parliament"; });
  REQUIRE(link != paused->links.end());
  CHECK_FALSE(link->operating());
  CHECK(link->not_operating.front().reason == "no minister");

  const auto during = run_govmap("check " + kNation + " --as-of 2023-06-01 --fail-on never");
  CHECK(during.exit_code == 0);
  CHECK(contains(during.out,
                 "tests/dated/nation.xml:28:5: warning: Department of Health's ministerial accountability to "
                 "Parliament is not operating on 2023-06-01 (from 2022-10-28 until 2024-02-03): no minister "
                 "[accountability-not-operating]"));
  CHECK(contains(during.out,
                 "warning: Department of Health has no chain of accountability to an elected body: it answers to "
                 "no other body in the model [accountability-no-route]\n"
                 "    not counted: its ministerial accountability to Parliament is not operating from 2022-10-28 "
                 "until 2024-02-03: no minister"));
  // After the period the same link is a route again.
  const auto after = run_govmap("check " + kNation + " --as-of 2024-02-03 --fail-on never");
  CHECK_FALSE(contains(after.out, "accountability-not-operating"));
  CHECK_FALSE(contains(after.out, "accountability-no-route"));
}

TEST_CASE("render --as-of draws the nation as it was, a paused link dashed with its reason") {
  const std::string dir = out_dir("render");
  REQUIRE(run_govmap("render " + kNation + " --as-of 2023-06-01 -o " + dir + "/then.dot").exit_code == 0);
  REQUIRE(run_govmap("render " + kNation + "@2026-11-30 -o " + dir + "/now.dot").exit_code == 0);
  const std::string then = read_text(dir + "/then.dot"), now = read_text(dir + "/now.dot");
  CHECK(contains(then, "label=\"Old Committee\""));
  CHECK_FALSE(contains(then, "New Committee"));
  CHECK(contains(now, "label=\"New Committee\""));
  CHECK_FALSE(contains(now, "Old Committee"));
  const auto edge = then.find("class=\"link link-accountability link-not-operating\"");
  REQUIRE(edge != std::string::npos);
  const std::string attributes = then.substr(edge, then.find(']', edge) - edge);
  CHECK(contains(attributes, "style=dashed"));
  CHECK(contains(attributes, "color=\"#999999\""));
  CHECK(contains(attributes, "not operating from 2022-10-28 until 2024-02-03: no minister"));  // the tooltip
  CHECK(contains(attributes, "label=\"Ministerial\\nnot operating\\nfrom 2022-10-28 until 2024-02-03\""));  // short
  CHECK_FALSE(contains(now, "link-not-operating"));
  // The key explains the dashed grey arrow only when the figure has one.
  CHECK(contains(then, "label=\"Not operating\\n(at this date)\""));
  CHECK_FALSE(contains(now, "Not operating"));
}

TEST_CASE("--as-of and MODEL@DATE on every command that reads a model") {
  // validate: each model read at its date.
  const auto validate = run_govmap("validate " + kNation + "@2024-03-31 " + kNation + " --as-of 2023-06-01");
  CHECK(validate.exit_code == 0);
  CHECK(contains(validate.out, "tests/dated/nation.xml@2024-03-31: ok (6 bodies"));
  // stats: the date read is the date shown; the committee's board exists from 2024-04-01 only.
  const auto stats = run_govmap("stats " + kNation + " --as-of 2023-06-01");
  CHECK(stats.exit_code == 0);
  CHECK(contains(stats.out, "Dated nation (wales, as of 2023-06-01, historical)"));  // a current model, read as it was
  CHECK(contains(run_govmap("stats " + kNation).out, "Dated nation (wales, as of 2026-11-30, current)"));
  // check: the claim on the new committee's chair is not made before it exists.
  const auto check = run_govmap("check " + kNation + " --as-of 2023-06-01 --format json --fail-on never");
  CHECK(contains(check.out, "\"as_of\": \"2023-06-01\""));
  // report: the page shows the model as it was.
  const std::string dir = out_dir("report");
  REQUIRE(run_govmap("report " + kNation + " --as-of 2023-06-01 -o " + dir).exit_code == 0);
  const std::string html = read_text(dir + "/report.html");
  CHECK(contains(html, "Old Committee"));
  CHECK(contains(html, "not operating on 2023-06-01 (from 2022-10-28 until 2024-02-03)"));
  // A bad date is a usage error, before anything is read.
  const auto bad = run_govmap("check " + kNation + " --as-of 2023-02-30");
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "'2023-02-30' is not a date: February 2023 has 28 days (--as-of)"));
  const auto bad_at = run_govmap("stats " + kNation + "@2023-13-01");
  CHECK(bad_at.exit_code == 2);
  CHECK(contains(bad_at.err, "'2023-13-01' is not a date: there is no month 13 (dates are written YYYY-MM-DD) in "
                                "'tests/dated/nation.xml@2023-13-01'"));
}

TEST_CASE("compare takes two dates of one model") {
  const auto result = run_govmap("compare " + kNation + "@2023-06-01 " + kNation + "@2026-11-30");
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "Baseline: Dated nation (tests/dated/nation.xml@2023-06-01, as of 2023-06-01)"));
  CHECK(contains(result.out, "== Later model: Dated nation (tests/dated/nation.xml@2026-11-30, as of 2026-11-30) =="));
  CHECK(contains(result.out, "Bodies added (1):\n  + New Committee [new-committee], National NHS body"));
  CHECK(contains(result.out, "Bodies removed (1):\n  - Old Committee [old-committee], National NHS body"));
  // The new committee names the old one as its predecessor: a succession, findings carried over.
  CHECK(contains(result.out, "renamed, or replaced) (1):\n  Old Committee [old-committee] → New Committee [new-committee]"));
  CHECK(contains(result.out, "bodies with no accountability route                         4                    0         -4"));
  CHECK(contains(result.out, "Links changed (1):\n  ~ accountability Department of Health → Parliament (ministerial): "
                             "operating: 'not operating from 2022-10-28 until 2024-02-03' → 'operating'"));
  // --as-of reads the sides that carry no date.
  const auto mixed = run_govmap("compare " + kNation + " " + kNation + "@2026-11-30 --as-of 2024-03-31");
  CHECK(contains(mixed.out, "Baseline: Dated nation (tests/dated/nation.xml, as of 2024-03-31)"));
}

TEST_CASE("versions of one id: a body renamed on a date is one body, read as it was") {
  const auto before = load_at("2021-12-31");
  const auto after = load_at("2022-01-01");
  REQUIRE(before);
  REQUIRE(after);
  CHECK(before->find_body("voters")->name == "Voters");
  CHECK(after->find_body("voters")->name == "Electors");
  // One body at each date, still the end of the undated link that names it.
  CHECK(std::count_if(after->bodies.begin(), after->bodies.end(), [](const Body& b) { return b.id == "voters"; }) == 1);
  const auto renamed = run_govmap("compare " + kNation + "@2021-12-31 " + kNation + "@2022-01-01");
  CHECK(contains(renamed.out, "name: 'Voters' → 'Electors'"));
  // Overlapping versions, an undated id written twice and a reference across a gap between
  // versions are located errors: tests/loader/bad/dated-versions.xml.
}

TEST_CASE("a proposal changes its baseline as it stood on the proposal's date") {
  const std::string proposal = "tests/dated/proposal.xml";
  DiagnosticSink sink;
  const auto model = load_model(path(proposal), sink);
  REQUIRE(model);
  // Read at 2023-06-01: the old committee was there to abolish, the new one not yet.
  CHECK(model->find_body("one-board") != nullptr);
  CHECK_FALSE(has_body(*model, "old-committee"));
  CHECK_FALSE(has_body(*model, "new-committee"));
  // compare reads the baseline as the proposal does, so only the proposal's changes show.
  const auto result = run_govmap("compare " + kNation + " " + proposal);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "Baseline: Dated nation (tests/dated/nation.xml, as of 2023-06-01)"));
  CHECK(contains(result.out, "  - Old Committee [old-committee], National NHS body"));
  CHECK_FALSE(contains(result.out, "New Committee"));
  // The boards' delegation to the committee does not become the new board's to itself.
  CHECK_FALSE(contains(result.out, "One Health Board → One Health Board"));
  // A date given for the baseline wins, and the proposal keeps its own.
  const auto later = run_govmap("compare " + kNation + "@2026-11-30 " + proposal);
  CHECK(contains(later.out, "Baseline: Dated nation (tests/dated/nation.xml@2026-11-30, as of 2026-11-30)"));
  CHECK(contains(later.out, "  - New Committee [new-committee], National NHS body"));
  // Proposals of several dates share the baseline read at the first one's date, and each other
  // one says so, one dated after the baseline's as-of (which reads the baseline at that) too.
  const std::string later_dir = out_dir("later-proposal");
  std::ofstream(later_dir + "/later.xml") << R"(<govmap version="1" id="later" nation="wales" title="Later" as-of="2027-01-01"
        status="proposed" extends=")" << path(kNation) << R"("/>)";
  const auto both = run_govmap("compare " + kNation + " " + proposal + " " + later_dir + "/later.xml");
  CHECK(both.exit_code == 0);
  CHECK(contains(both.out, "as of 2023-06-01)"));
  CHECK(contains(both.err, "govmap compare: note: " + later_dir + "/later.xml reads its baseline as of 2026-11-30; it is "
                           "compared with the baseline as of 2023-06-01 (compare it on its own to see it against its date)"));
  const auto later_first = run_govmap("compare " + kNation + " " + later_dir + "/later.xml " + proposal);
  CHECK(contains(later_first.err, "note: " + proposal + " reads its baseline as of 2023-06-01; it is compared with the "
                                  "baseline as of 2026-11-30"));
  CHECK_FALSE(contains(later_first.err, "later.xml reads"));
  // report groups the proposal under its baseline at the proposal's date.
  const std::string dir = out_dir("proposal-report");
  const auto report = run_govmap("report " + proposal + " -o " + dir);
  REQUIRE(report.exit_code == 0);
  CHECK(contains(report.out, "One joint body (proposal of June 2023), against Dated nation, as of 2023-06-01"));
}

TEST_CASE("a verb naming a body of another date than the proposal's is told when it held and what succeeded it") {
  const std::string dir = out_dir("other-date-verbs");
  const auto write = [&](const std::string& name, const std::string& as_of, const std::string& verb) {
    std::ofstream(dir + "/" + name) << "<govmap version=\"1\" id=\"v\" nation=\"wales\" title=\"V\" as-of=\"" << as_of
                                    << "\"\n        status=\"proposed\" extends=\"" << path(kNation) << "\">\n  " << verb
                                    << "\n</govmap>\n";
    return dir + "/" + name;
  };
  const auto gone = run_govmap("validate " + write("gone.xml", "2026-11-30", "<abolish body=\"old-committee\"/>"));
  CHECK(gone.exit_code == 2);
  CHECK(contains(gone.err, "gone.xml:3:12: error: the baseline, read as of 2026-11-30, has no body 'old-committee' to "
                           "abolish: Old Committee held until 2024-04-01; it was succeeded by 'new-committee' (New "
                           "Committee) [overlay]"));
  const auto early = run_govmap("validate " + write("early.xml", "2023-06-01", "<abolish body=\"new-committee\"/>"));
  CHECK(contains(early.err, "error: the baseline, read as of 2023-06-01, has no body 'new-committee' to abolish: New "
                            "Committee holds only from 2024-04-01 [overlay]"));
  // The proposal's own elements naming one likewise.
  const auto named = run_govmap(
      "validate " + write("named.xml", "2026-11-30", "<accountability from=\"lhb-a\" to=\"old-committee\" kind=\"performance\"/>"));
  CHECK(named.exit_code == 2);
  CHECK(contains(named.err, "named.xml:3:32: error: unknown body 'old-committee' as of 2026-11-30: Old Committee held until "
                            "2024-04-01; it was succeeded by 'new-committee' (New Committee) [dangling-ref]"));
}

TEST_CASE("a model read before the earliest date it describes says so") {
  std::string diagnostics;
  REQUIRE(load_at("2019-06-01", &diagnostics));
  CHECK(contains(diagnostics, "tests/dated/nation.xml:11:111: warning: reading the model as of 2019-06-01, before the "
                              "earliest date it describes (2020-01-01): earlier facts are not known to it [before-since]"));
  REQUIRE(load_at("2020-01-01", &diagnostics));
  CHECK_FALSE(contains(diagnostics, "before-since"));
  // A proposal dated before its baseline's earliest date reads a baseline that cannot know it.
  const std::string dir = out_dir("early-proposal");
  std::ofstream(dir + "/early.xml") << R"(<govmap version="1" id="early" nation="wales" title="Early" as-of="2018-01-01"
        status="proposed" extends=")" << path(kNation) << R"("/>)";
  const auto early = run_govmap("validate " + dir + "/early.xml");
  CHECK(early.exit_code == 0);
  CHECK(contains(early.err, "warning: the baseline is read as of 2018-01-01, before the earliest date it describes "
                            "(2020-01-01): earlier facts are not known to it [before-since]"));
}

TEST_CASE("the names of the old per-date folders still find a nation's one model, with a note") {
  const std::string models = out_dir("renamed");
  fs::create_directories(models + "/dated-land");  // a name no bundled model has
  fs::copy_file(path(kNation), models + "/dated-land/model.xml");
  std::ofstream(models + "/mine.xml") << R"(<govmap version="1" id="mine" nation="wales" title="Mine" as-of="2021-12-01"
        status="proposed" extends="dated-land/current"/>)";
  const auto old = run_govmap("stats dated-land/2021 --models " + models);
  CHECK(old.exit_code == 0);
  CHECK(contains(old.err, "govmap: note: 'dated-land/2021' is now 'dated-land@2021-12-01' (each nation is one model over time)"));
  CHECK(contains(old.out, "Dated nation (wales, as of 2021-12-01, historical)"));
  const auto current = run_govmap("stats dated-land/current --models " + models);
  CHECK(contains(current.err, "'dated-land/current' is now 'dated-land'"));
  CHECK(contains(current.out, "Dated nation (wales, as of 2026-11-30, current)"));
  // A proposal's extends: found, with a warning that says what to write.
  const auto proposal = run_govmap("validate " + models + "/mine.xml --models " + models);
  CHECK(proposal.exit_code == 0);
  CHECK(contains(proposal.err, "warning: 'dated-land/current' is now 'dated-land', one model over time, read at this proposal's "
                               "date: write extends=\"dated-land\" [renamed-model]"));
  // A name that was never a model is still not found.
  CHECK(run_govmap("stats dated-land/2019 --models " + models).exit_code == 2);
}

TEST_CASE("the bundled models carry their dated facts") {
  const auto ni = run_govmap("check northern-ireland@2023-06-01 --models models --fail-on never");
  CHECK(contains(ni.out,
                 "Department of Health (Northern Ireland)'s ministerial accountability to Northern Ireland Assembly is "
                 "not operating on 2023-06-01 (from 2022-10-28 until 2024-02-03): no ministers"));
  const auto ni2018 = run_govmap("check models/northern-ireland/model.xml --as-of 2018-06-01 --fail-on never");
  CHECK(contains(ni2018.out, "not operating on 2018-06-01 (from 2017-01-09 until 2020-01-11): no Executive"));
  CHECK_FALSE(contains(run_govmap("check models/northern-ireland/model.xml --fail-on never").out,
                       "accountability-not-operating"));
  const auto wales = run_govmap("compare wales@2024-03-31 wales --models models");
  CHECK(contains(wales.out, "  + NHS Wales Joint Commissioning Committee [nhs-wales-jcc], National NHS body"));
  CHECK(contains(wales.out, "  - Welsh Health Specialised Services Committee [whssc], National NHS body"));
  CHECK(contains(wales.out, "  - Emergency Ambulance Services Committee [easc], National NHS body"));
}

}  // namespace govmap::test
