// Facts the current bundled models are dated by (issue 14): Northern Ireland's populations
// (NISRA trust totals, shared among district parts by an estimate). A regenerated geography
// that loses them fails here.

#include <map>
#include <string>

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

}  // namespace

TEST_CASE("Northern Ireland current trusts carry NISRA's mid-2020 totals and its LCGs their trust's footprint") {
  const auto [model, diagnostics] = load(path("models/northern-ireland/current/model.xml"));
  REQUIRE(model.has_value());
  const Geography geography(*model);
  // NISRA mid-2020 estimates by trust (data/raw/demographr_age_gender_hsct20_ni.csv).
  const std::map<std::string, double> nisra = {
      {"BHSCT", 359230}, {"NHSCT", 480194}, {"SEHSCT", 364191}, {"SHSCT", 388688}, {"WHSCT", 303207}};
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
