// Facts the current bundled models are dated by (issue 14): the ICB footprints in force from
// 1 April 2026 in England, and Northern Ireland's populations (NISRA trust totals, shared among
// district parts by an estimate). A regenerated geography that loses them fails here.

#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/geography.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

std::size_t body_index(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.bodies.size(); ++i) {
    if (model.bodies[i].id == id) return i;
  }
  FAIL("no body " << id);
  return 0;
}

/// The ICBs whose population a council's lies in, by id.
std::vector<std::string> icbs_of(const Model& model, const Geography& geography, const std::string& council) {
  std::vector<std::string> out;
  for (const auto& share : geography.shares_by_kind(body_index(model, council), "integrated-care-board")) {
    out.push_back(model.bodies[share.body].id);
  }
  return out;
}

}  // namespace

TEST_CASE("England today: NHS Frimley ICB's parts follow their councils") {
  const auto [model, diagnostics] = load(path("models/england/model.xml"));
  REQUIRE(model.has_value());
  const Geography geography(*model);
  CHECK(icbs_of(*model, geography, "E10000030") == std::vector<std::string>{"icb26-surrey-and-sussex"});
  CHECK(icbs_of(*model, geography, "E10000014") == std::vector<std::string>{"E54000042"});
  CHECK(icbs_of(*model, geography, "E06000039") == std::vector<std::string>{"icb26-thames-valley"});
  CHECK(icbs_of(*model, geography, "E10000012") == std::vector<std::string>{"icb26-essex"});
}

TEST_CASE("Northern Ireland today: trusts carry NISRA's mid-2020 totals and its LCGs their trust's footprint") {
  const auto [model, diagnostics] = load(path("models/northern-ireland/model.xml"));
  REQUIRE(model.has_value());
  const Geography geography(*model);
  // NISRA mid-2020 estimates by trust (data/raw/demographr_age_gender_hsct20_ni.csv).
  const std::map<std::string, double> nisra = {
      {"BHSCT", 359230}, {"NHSCT", 480194}, {"SEHSCT", 364191}, {"SHSCT", 388688}, {"WHSCT", 303207}};
  CHECK(run_govmap("stats models/northern-ireland/model.xml").out.find("population: 1,895,510") !=
        std::string::npos);
  for (const auto& [trust, population] : nisra) {
    CAPTURE(trust);
    const auto t = body_index(*model, trust);
    CHECK(geography.population(t) == population);
    const auto lcg = body_index(*model, "lcg-" + trust);
    CHECK(geography.same_footprint(t, lcg));
    CHECK(model->bodies[lcg].status == LegalStatus::Statutory);
  }
}

}  // namespace govmap::test
