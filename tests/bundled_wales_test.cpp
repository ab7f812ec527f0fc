// Wales as one dated model (models/wales/model.xml, issue 14): read at a date, it holds the
// bodies that existed then. The dates are the model's sourced changes (its header comment): the
// Senedd's name (6 May 2020), the Gwent PSB merger (1 October 2021), the Regional Integration
// Fund (1 April 2022), Llais (1 April 2023), the later PSB mergers (May and June 2023), the NHS
// Wales Joint Commissioning Committee (1 April 2024), and the GP practice counts read.

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/loader.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

Model wales_at(const std::string& date) { return model_at("models/wales/model.xml", date); }

}  // namespace

TEST_CASE("Wales: the public services boards merge on their dates, 19 to 15 to 13") {
  CHECK(bodies_of_kind(wales_at("2021-09-30"), "public-service-board") == 19);
  CHECK(bodies_of_kind(wales_at("2021-10-01"), "public-service-board") == 15);  // Gwent
  CHECK(bodies_of_kind(wales_at("2023-05-18"), "public-service-board") == 14);  // Cwm Taf Morgannwg
  CHECK(bodies_of_kind(wales_at("2023-06-20"), "public-service-board") == 13);  // Flintshire and Wrexham
  const std::vector<std::string> gwent = {"psb-newport", "psb-gwent"};
  CHECK(present(wales_at("2021-09-30"), gwent) == std::vector<std::string>{"psb-newport"});
  CHECK(present(wales_at("2021-10-01"), gwent) == std::vector<std::string>{"psb-gwent"});
}

TEST_CASE("Wales: the national bodies of each period, and their successors") {
  const std::vector<std::string> ids = {"whssc",   "easc", "nhs-wales-jcc",  "integrated-care-fund", "transformation-fund",
                                        "regional-integration-fund", "community-health-councils", "llais", "dhcw"};
  CHECK(present(wales_at("2020-06-01"), ids) ==
        std::vector<std::string>{"whssc", "easc", "integrated-care-fund", "transformation-fund", "community-health-councils"});
  CHECK(present(wales_at("2021-12-01"), ids) == std::vector<std::string>{"whssc", "easc", "integrated-care-fund",
                                                                         "transformation-fund", "community-health-councils",
                                                                         "dhcw"});
  CHECK(present(wales_at("2023-06-01"), ids) ==
        std::vector<std::string>{"whssc", "easc", "regional-integration-fund", "llais", "dhcw"});
  CHECK(present(wales_at("2026-11-30"), ids) ==
        std::vector<std::string>{"nhs-wales-jcc", "regional-integration-fund", "llais", "dhcw"});
}

TEST_CASE("Wales: versions of one body, the Senedd's name and the count of GP practices, by date") {
  CHECK(wales_at("2020-05-05").find_body("senedd")->name == "National Assembly for Wales");
  CHECK(wales_at("2020-05-06").find_body("senedd")->name == "Senedd Cymru (Welsh Parliament)");
  CHECK(wales_at("2021-12-01").find_body("gp-practices")->count == 403);  // 30 June 2020, an estimate for 2021
  CHECK(wales_at("2023-06-01").find_body("gp-practices")->count == 383);  // December 2022
  CHECK(wales_at("2026-11-30").find_body("gp-practices")->count == 374);  // end of 2023
  const auto renamed = run_govmap("compare wales@2020-05-05 wales@2020-05-06 --models models");
  CHECK(renamed.out.find("  ~ Senedd Cymru (Welsh Parliament) [senedd]: name: 'National Assembly for Wales' → "
                         "'Senedd Cymru (Welsh Parliament)'\n") != std::string::npos);
}

TEST_CASE("Wales: the 2021 report's claims are checked in 2021 and not after the facts changed") {
  const auto at2021 = run_govmap("stats models/wales/model.xml --as-of 2021-09-30");
  CHECK(at2021.out.find("  holds          wales-19-psbs ") != std::string::npos);
  const auto now = run_govmap("stats wales --models models");
  CHECK(now.out.find("wales-19-psbs") == std::string::npos);
  CHECK(now.out.find("wales-icf-129m") == std::string::npos);
  CHECK(now.out.find("  holds          wales-13-psbs ") != std::string::npos);
  CHECK(now.out.find("  holds          wales-rif-144m ") != std::string::npos);
}

}  // namespace govmap::test

namespace govmap::test {

TEST_CASE("Wales between 2021 and today: each body that replaced others is listed as their successor") {
  const auto result = run_govmap("compare models/wales/model.xml@2021-12-01 models/wales/model.xml");
  REQUIRE(result.exit_code == 0);
  for (const char* succession :
       {"Welsh Health Specialised Services Committee [whssc] → NHS Wales Joint Commissioning Committee [nhs-wales-jcc]",
        "Emergency Ambulance Services Committee [easc] → NHS Wales Joint Commissioning Committee [nhs-wales-jcc]",
        "Integrated Care Fund [integrated-care-fund] → Health and Social Care Regional Integration Fund",
        "Community health councils [community-health-councils] → Llais",
        "Bridgend Public Services Board [psb-bridgend] → Cwm Taf Morgannwg Public Services Board",
        "Wrexham Public Services Board [psb-wrexham] → Flintshire and Wrexham Public Services Board"}) {
    CAPTURE(succession);
    CHECK(result.out.find(succession) != std::string::npos);
  }
}

}  // namespace govmap::test
