// England as one dated model (models/england/model.xml, issue 14): read at a date, it holds what
// held then, and its proposals are read against it at their own dates. The dates are the model's sourced changes (its header comment): DLUHC's two
// renamings, PHE's dissolution, the Health and Care Act 2022 on 1 July 2022 (CCGs, ICSs and NHS
// Improvement end; ICBs, ICPs and NHS England's new functions begin), the 2023 mergers into NHS
// England and the 2023 councils, the ICB mergers of 1 April 2026, and amounts only for the
// financial years read.

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/loader.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

constexpr const char* kModel = "models/england/model.xml";

Model england_at(const std::string& date) { return model_at(kModel, date); }

const Body& body(const Model& model, const std::string& id) {
  const Body* b = model.find_body(id);
  REQUIRE_MESSAGE(b != nullptr, "no body " << id << " at " << model.as_of);
  return *b;
}

/// How many links have this id (a kind-level link stands for one per body of the kind).
long links_with_id(const Model& model, const std::string& id) {
  return std::count_if(model.links.begin(), model.links.end(), [&](const Link& l) { return l.id == id; });
}

/// How many board seats have this id (a kind-level seat stands for one per board, or more).
long seats_with_id(const Model& model, const std::string& id) {
  return std::count_if(model.seats.begin(), model.seats.end(), [&](const Seat& s) { return s.id == id; });
}

/// Whether the links with this id state a national total.
bool has_total(const Model& model, const std::string& id) {
  return std::any_of(model.links.begin(), model.links.end(), [&](const Link& l) { return l.id == id && l.total_of != 0; });
}

bool has_claim(const Model& model, const std::string& id) {
  return std::any_of(model.claims.begin(), model.claims.end(), [&](const Claim& c) { return c.id == id; });
}

/// The councils `govmap check` reports split between integrated care boards, in output order.
std::vector<std::string> councils_split_between_icbs(const std::string& model) {
  const auto check = run_govmap("check " + model + " --fail-on never");
  REQUIRE(check.exit_code == 0);
  std::vector<std::string> split;
  std::istringstream lines(check.out);
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find("warning: ");
    const auto is = line.find(" is split between ");
    if (at == std::string::npos || is == std::string::npos || line.find("integrated care boards") == std::string::npos) continue;
    split.push_back(line.substr(at + 9, is - at - 9));
  }
  return split;
}

}  // namespace

TEST_CASE("England before 1 July 2022: CCGs, ICS footprints, NHS Improvement and the 2021 report's claims") {
  const Model m = england_at("2021-12-01");
  CHECK(bodies_of_kind(m, "clinical-commissioning-group") == 106);
  CHECK(bodies_of_kind(m, "integrated-care-system") == 42);
  CHECK(bodies_of_kind(m, "integrated-care-board") == 0);
  CHECK(m.find_body("integrated-care-partnerships") == nullptr);
  CHECK(m.find_body("nhs-improvement") != nullptr);
  CHECK(body(m, "nhs-england").predecessors.empty());
  CHECK(links_with_id(m, "e-trust-nhsi") == 209);
  CHECK(links_with_id(m, "e-trust-nhse") == 0);
  CHECK(seats_with_id(m, "hwb-ccg") > 152);  // one per CCG sharing a council's area
  CHECK(seats_with_id(m, "hwb-icb") == 0);
  CHECK(seats_with_id(m, "icb-chair") == 0);
  for (const char* id : {"eng21-42-ics", "eng21-13-councils-split", "eng21-15-ics-affected", "eng21-bcf-6-9bn"}) {
    CHECK_MESSAGE(has_claim(m, id), id);
  }
  CHECK_FALSE(has_claim(m, "eng-icb-count"));
  CHECK(body(m, "local-healthwatch").count == 152);
  CHECK(body(m, "gp-practices").count == 6500);
}

TEST_CASE("England in 2021: the department renamed on 19 September, PHE replaced by UKHSA on 1 October") {
  const Model june = england_at("2021-06-01");
  CHECK(body(june, "dluhc").name == "Ministry of Housing, Communities and Local Government");
  CHECK(june.find_body("phe") != nullptr);
  CHECK(june.find_body("ukhsa") == nullptr);
  const Model december = england_at("2021-12-01");
  CHECK(body(december, "dluhc").name == "Department for Levelling Up, Housing and Communities");
  CHECK(december.find_body("phe") == nullptr);
  CHECK(to_strings(body(december, "ukhsa").predecessors) == std::vector<std::string>{"phe"});
  CHECK(body(england_at("2024-07-08"), "dluhc").name == "Ministry of Housing, Communities and Local Government");
}

TEST_CASE("England from 1 July 2022: 42 ICBs and ICPs, NHS England succeeds NHS Improvement") {
  const Model m = england_at("2022-09-01");
  CHECK(bodies_of_kind(m, "clinical-commissioning-group") == 0);
  CHECK(bodies_of_kind(m, "integrated-care-system") == 0);
  CHECK(bodies_of_kind(m, "integrated-care-board") == 42);
  CHECK(body(m, "integrated-care-partnerships").count == 42);
  CHECK(m.find_body("nhs-improvement") == nullptr);
  CHECK(to_strings(body(m, "nhs-england").predecessors) == std::vector<std::string>{"nhs-improvement"});
  CHECK(links_with_id(m, "e-trust-nhse") == 209);
  CHECK(links_with_id(m, "e-nhse-icb") == 42);
  CHECK(links_with_id(m, "e-nhse-ccg") == 0);
  CHECK(seats_with_id(m, "hwb-ccg") == 0);
  CHECK(seats_with_id(m, "hwb-icb") > 152);
  CHECK(seats_with_id(m, "icb-chair") == 42);
  CHECK_FALSE(has_claim(m, "eng21-42-ics"));
  CHECK(has_claim(m, "eng-icb-count"));
  const auto check = run_govmap("check models/england/model.xml@2022-09-01 --fail-on never");
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("[claim-mismatch]") == std::string::npos);  // 42 ICBs, as published
}

TEST_CASE("England in 2023: NHS Digital and HEE merged into NHS England, 153 councils, CQC assesses councils") {
  const auto functions = [](const Model& m) { return body(m, "nhs-england").functions; };
  const auto has = [](const std::vector<Symbol>& v, const std::string& f) { return std::find(v.begin(), v.end(), f) != v.end(); };
  CHECK_FALSE(has(functions(england_at("2023-01-31")), "digital"));
  CHECK(has(functions(england_at("2023-02-01")), "digital"));
  CHECK_FALSE(has(functions(england_at("2023-03-31")), "education-training"));
  const Model april = england_at("2023-04-01");
  CHECK(has(functions(april), "education-training"));
  CHECK(bodies_of_kind(april, "council") == 153);
  CHECK(body(april, "local-healthwatch").count == 153);
  CHECK(links_with_id(april, "e-cqc-councils") == 153);
  CHECK(links_with_id(england_at("2023-03-31"), "e-cqc-councils") == 0);
}

TEST_CASE("England: amounts only for the financial years read") {
  CHECK(has_total(england_at("2021-12-01"), "e-ccg-bcf"));
  CHECK(has_total(england_at("2021-12-01"), "e-dhsc-ph-grant"));
  const Model may = england_at("2022-05-01");  // the CCGs' last quarter: 2022/23, not read
  CHECK(links_with_id(may, "e-ccg-bcf") == 106);
  CHECK_FALSE(has_total(may, "e-ccg-bcf"));
  CHECK_FALSE(has_claim(may, "eng21-bcf-6-9bn"));
  CHECK_FALSE(has_total(england_at("2024-01-01"), "e-icb-bcf"));
  CHECK(has_total(england_at("2025-10-06"), "e-icb-bcf"));  // 2025/26
  CHECK(has_total(england_at("2026-11-30"), "e-icb-bcf"));  // 2026/27 not read: still 2025/26
}

TEST_CASE("England the day before the ICB mergers and today: which councils the mergers reunited") {
  CHECK(councils_split_between_icbs("models/england/model.xml@2026-03-31") ==
        std::vector<std::string>{"Buckinghamshire", "Cumberland", "Westmorland and Furness", "North Yorkshire", "Essex",
                                 "Hampshire", "Hertfordshire", "Oxfordshire", "Suffolk", "Surrey", "West Sussex"});
  // The July 2022 boundaries split 11 councils; the mergers reunite Essex, Hampshire,
  // Hertfordshire, Suffolk, Surrey and West Sussex.
  CHECK(councils_split_between_icbs("models/england/model.xml") ==
        std::vector<std::string>{"Buckinghamshire", "Cumberland", "Westmorland and Furness", "North Yorkshire",
                                 "Oxfordshire"});
  const auto stats = run_govmap("stats models/england/model.xml");
  CHECK(stats.out.find("  Integrated care boards                           36\n") != std::string::npos);
  CHECK(run_govmap("check models/england/model.xml --fail-on never")
            .out.find("Buckinghamshire is split between 2 integrated care boards: 99% in Thames Valley Integrated Care "
                      "Board, 1% in Central East Integrated Care Board") != std::string::npos);
  CHECK(body(england_at("2026-03-31"), "integrated-care-partnerships").count == 42);
  CHECK(body(england_at("2026-04-01"), "integrated-care-partnerships").count == 36);
  // By name as by path: the baseline is checked with England's rules profile (board-interlock
  // counts a second board), so the findings are the same.
  const auto by_path = run_govmap("compare models/england/model.xml@2026-03-31 models/england/model.xml");
  const auto by_name = run_govmap("compare england@2026-03-31 england --models models");
  CHECK(by_path.exit_code == 0);
  CHECK(by_name.exit_code == 0);
  const std::string findings = "  findings (unsuppressed)                                   171                  165         -6\n";
  CHECK(by_path.out.find(findings) != std::string::npos);
  CHECK(by_name.out.find(findings) != std::string::npos);
}

TEST_CASE("England read before 1 April 2021 warns, and points to the 2017 model beside it") {
  const auto r = run_govmap("check england@2018-06-01 --models models --fail-on never");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("before the earliest date it describes (2021-04-01)") != std::string::npos);
  CHECK(r.err.find("govmap: note: england/2017 describes england as of 2017-04-01\n") != std::string::npos);
  CHECK(run_govmap("check england@2021-06-01 --models models --fail-on never").err.find("england/2017") ==
        std::string::npos);
}

TEST_CASE("England: the old names read the dated model, and compare lists NHS Improvement's successor") {
  const auto old_2021 = run_govmap("check england/2021 --models models --fail-on never");
  CHECK(old_2021.exit_code == 0);
  CHECK(old_2021.out.find("claim 'eng21-13-councils-split'") != std::string::npos);
  CHECK(old_2021.err.find("'england/2021' is now 'england@2021-12-01'") != std::string::npos);
  // Successions are many (the CCGs, ICBs and councils the geography succeeds): JSON lists them all.
  const auto c = run_govmap("compare england/2021 england/current --models models --format json");
  CHECK(c.exit_code == 0);
  CHECK(c.out.find("\"baseline_id\": \"nhs-improvement\",\n          \"proposal_id\": \"nhs-england\"") !=
        std::string::npos);
}

TEST_CASE("England's proposals are read against England at their own dates") {
  // The abolition announced in March 2025 meets the 42 ICBs of October 2025, not today's 36.
  const auto abolition = run_govmap("compare models/england/model.xml models/england/proposals/nhs-england-abolition-2025.xml");
  CHECK(abolition.exit_code == 0);
  CHECK(abolition.out.find("as of 2025-10-06)") != std::string::npos);
  CHECK(abolition.out.find("  areas split between partners                               11                   11\n") !=
        std::string::npos);
  // The Health Bill as introduced (May 2026), against England today: NHS England's links pass to
  // the department, local Healthwatch goes with its seat on each of the 153 boards.
  const auto bill = run_govmap("compare models/england/model.xml models/england/proposals/health-bill-2026.xml");
  CHECK(bill.exit_code == 0);
  CHECK(bill.out.find("  NHS England [nhs-england] → Department of Health and Social Care [dhsc]\n") != std::string::npos);
  CHECK(bill.out.find("  - Local Healthwatch organisations [local-healthwatch], Patient and public voice body\n") !=
        std::string::npos);
  CHECK(bill.out.find("  board seats                                             1,286                1,133       -153\n") !=
        std::string::npos);
  CHECK(bill.out.find("~ Integrated care partnerships [integrated-care-partnerships]: status: 'statutory-committee' → "
                      "'non-statutory'") != std::string::npos);
  // Surrey's reorganisation (from April 2027): two councils and two health and wellbeing boards,
  // each board part of its council; the county board's imbalance continues on both.
  const auto surrey = run_govmap("compare models/england/model.xml models/england/proposals/surrey-reorganisation-2027.xml");
  CHECK(surrey.exit_code == 0);
  CHECK(surrey.err.empty());
  CHECK(surrey.out.find("  Surrey [E10000030] → East Surrey Council [east-surrey]\n  Surrey [E10000030] → West Surrey "
                        "Council [west-surrey]\n") != std::string::npos);
  CHECK(surrey.out.find("  Woking [E07000217] → West Surrey Council [west-surrey]\n") != std::string::npos);
  CHECK(surrey.out.find("Findings: 1 new, 0 resolved, 2 carried over, 0 changed, 163 unchanged\n") != std::string::npos);
  CHECK(surrey.out.find("warning: 4 of 6 voting seats on West Surrey Health and Wellbeing Board (67%) represent Local "
                        "government and social care (more than 66%) [board-sector-balance]") != std::string::npos);
}

}  // namespace govmap::test
