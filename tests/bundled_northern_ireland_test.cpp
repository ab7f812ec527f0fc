// Northern Ireland as one dated model (models/northern-ireland/model.xml, issue 14): read at a
// date, it holds the bodies of that date. The dates are the model's sourced changes (its header
// comment): the Health and Social Care Board until it closed (31 March 2022), the Department's
// Strategic Planning and Performance Group after it, the local commissioning groups as HSCB
// committees and then as the bodies the 2022 Act continues, and the GP practice counts.

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

#include "engine/loader.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

Model ni_at(const std::string& date) { return model_at("models/northern-ireland/model.xml", date); }

/// Seats on `body`, summed over their counts.
int seats_on(const Model& model, const std::string& body) {
  int n = 0;
  for (const auto& s : model.seats) {
    if (s.body == body) n += s.count;
  }
  return n;
}

}  // namespace

TEST_CASE("Northern Ireland: the HSCB until 1 April 2022, the Department's SPPG from then") {
  const std::vector<std::string> ids = {"hscb", "sppg", "aipb-SHSCT"};
  CHECK(present(ni_at("2018-06-01"), ids) == std::vector<std::string>{"hscb"});
  CHECK(present(ni_at("2022-03-31"), ids) == std::vector<std::string>{"hscb"});
  CHECK(present(ni_at("2022-04-01"), ids) == std::vector<std::string>{"sppg"});
  CHECK(present(ni_at("2023-06-01"), ids) == std::vector<std::string>{"sppg", "aipb-SHSCT"});
}

TEST_CASE("Northern Ireland: compare between 2021 and today lists the HSCB's succession and the LCGs' new form") {
  const auto r = run_govmap("compare northern-ireland@2021-12-01 northern-ireland --models models");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  Health and Social Care Board [hscb] → Strategic Planning and Performance Group (Department of "
                   "Health) [sppg]\n") != std::string::npos);
  CHECK(r.out.find("  ~ Local commissioning group for the Belfast Health and Social Care Trust area [lcg-BHSCT]: "
                   "status: 'statutory-committee' → 'statutory'") != std::string::npos);
  CHECK(r.out.find("  ~ GP practices (independent contractors) [gp-practices]: count: '319' → '305'") != std::string::npos);
}

TEST_CASE("Northern Ireland: the local commissioning groups change legal form, not footprint, in 2022") {
  const Model before = ni_at("2021-12-01");
  const Model after = ni_at("2026-11-30");
  for (const char* trust : {"BHSCT", "NHSCT", "SEHSCT", "SHSCT", "WHSCT"}) {
    CAPTURE(trust);
    const std::string lcg = std::string("lcg-") + trust;
    REQUIRE(before.find_body(lcg) != nullptr);
    REQUIRE(after.find_body(lcg) != nullptr);
    CHECK(before.find_body(lcg)->status == LegalStatus::StatutoryCommittee);
    CHECK(before.find_body(lcg)->duties.empty());
    CHECK(seats_on(before, lcg) == 17);  // appointed by the HSCB (Table 4)
    CHECK(after.find_body(lcg)->status == LegalStatus::Statutory);
    CHECK(after.find_body(lcg)->duties.size() == 6);  // 2009 Act s9(4)-(5), kept by the 2022 Act
    CHECK(seats_on(after, lcg) == 0);                 // membership since 2022 not established
    CHECK(before.find_body(lcg)->covers == before.find_body(trust)->covers);
    CHECK(after.find_body(lcg)->covers == after.find_body(trust)->covers);
  }
}

TEST_CASE("Northern Ireland: GP practices by the count of each date") {
  CHECK(ni_at("2021-12-01").find_body("gp-practices")->count == 319);
  CHECK(ni_at("2021-12-01").find_body("gp-practices")->provenance.confidence == Confidence::Estimate);
  CHECK(ni_at("2024-06-01").find_body("gp-practices")->count == 312);
  CHECK(ni_at("2026-11-30").find_body("gp-practices")->count == 305);
}

TEST_CASE("Northern Ireland: the estimated populations are read at every date") {
  for (const char* date : {"2018-06-01", "2021-12-01", "2026-11-30"}) {
    CAPTURE(date);
    CHECK(run_govmap(std::string("stats models/northern-ireland/model.xml --as-of ") + date)
              .out.find("population: 1,895,510") != std::string::npos);
  }
}

}  // namespace govmap::test

namespace govmap::test {

TEST_CASE("a proposal merging two trusts names the new trust as what their allocations are part of") {
  const std::string dir = (std::filesystem::temp_directory_path() / ("govmap-ni-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/trusts.xml") << R"(<govmap version="1" id="t" nation="northern-ireland" status="proposed"
        as-of="2023-06-01" title="Two trusts merged" extends=")" << path("models/northern-ireland/model.xml") << R"(">
  <merge bodies="NHSCT WHSCT" into="north-west-trust" name="North West Health and Social Care Trust"/>
</govmap>)";
  const auto result = run_govmap("compare models/northern-ireland/model.xml " + dir + "/trusts.xml");
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("[hsc-allocation-NHSCT]: part-of: 'NHSCT' → 'north-west-trust'\n") != std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace govmap::test
