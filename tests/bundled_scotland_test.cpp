// Scotland as one dated model (models/scotland/model.xml, issue 14): read at a date, it holds what
// held then. The dates are the model's sourced changes (its header comment): joint inspection of
// integration authorities from April 2017, the GP practice count of each year's figure, the
// Midlothian IJB chair from June 2021 to June 2023, the NCS advisory board from May 2025 and the
// budget claims for their years.

#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "engine/loader.h"
#include "tests/test_support.h"

namespace govmap::test {
namespace {

Model scotland_at(const std::string& date) { return model_at("models/scotland/model.xml", date); }

int gp_practices(const Model& model) {
  const Body* gps = model.find_body("gp-practices");
  REQUIRE(gps != nullptr);
  return gps->count;
}

/// How many links have this id (a kind-level link stands for one per body of the kind).
long links_with_id(const Model& model, const std::string& id) {
  return std::count_if(model.links.begin(), model.links.end(), [&](const Link& l) { return l.id == id; });
}

/// The seat ids on Midlothian's IJB (S37000018) that give a voting seat.
std::vector<std::string> midlothian_voting_seats(const Model& model) {
  std::vector<std::string> out;
  for (const auto& s : model.seats) {
    if (s.body == "S37000018" && s.voting) out.push_back(s.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has_claim(const Model& model, const std::string& id) {
  return std::any_of(model.claims.begin(), model.claims.end(), [&](const Claim& c) { return c.id == id; });
}

}  // namespace

TEST_CASE("Scotland: the GP practice count is the figure of the date's year") {
  CHECK(gp_practices(scotland_at("2017-06-01")) == 963);  // 2016 count, the latest for 2017
  CHECK(gp_practices(scotland_at("2018-01-01")) == 944);
  CHECK(gp_practices(scotland_at("2021-12-01")) == 928);  // the 2021 model's figure (2020)
  CHECK(gp_practices(scotland_at("2022-06-20")) == 911);
  CHECK(gp_practices(scotland_at("2026-11-30")) == 905);
}

TEST_CASE("Scotland: joint inspection of integration authorities from April 2017") {
  CHECK(links_with_id(scotland_at("2017-03-31"), "s-ci-ias") == 0);
  CHECK(links_with_id(scotland_at("2017-04-01"), "s-ci-ias") == 31);
  CHECK(links_with_id(scotland_at("2017-04-01"), "s-his-ias") == 31);
}

TEST_CASE("Scotland: Midlothian's NHS chair from June 2021 to June 2023, eight voting members throughout") {
  const std::vector<std::string> without_chair = {"seat-S37000018-council-voting", "seat-S37000018-nhs-voting"};
  CHECK(midlothian_voting_seats(scotland_at("2021-06-24")) == without_chair);
  CHECK(midlothian_voting_seats(scotland_at("2021-12-01")) ==
        std::vector<std::string>{"seat-S37000018-council-members", "seat-S37000018-council-vice-chair",
                                 "seat-S37000018-nhs-chair", "seat-S37000018-nhs-members"});
  CHECK(midlothian_voting_seats(scotland_at("2023-06-25")) == without_chair);
}

TEST_CASE("Scotland: the NCS advisory board from May 2025, the budget claims in their years") {
  CHECK(scotland_at("2025-04-30").find_body("ncs-advisory-board") == nullptr);
  CHECK(scotland_at("2025-05-01").find_body("ncs-advisory-board") != nullptr);
  CHECK(has_claim(scotland_at("2017-03-31"), "s-ia-budget-2016"));
  CHECK_FALSE(has_claim(scotland_at("2017-04-01"), "s-ia-budget-2016"));
  CHECK(has_claim(scotland_at("2018-06-01"), "s-ia-budget-2018"));
  CHECK_FALSE(has_claim(scotland_at("2021-12-01"), "s-ia-budget-2018"));
  CHECK(has_claim(scotland_at("2026-11-30"), "s-32-councils"));  // the structure claims hold at every date
}

}  // namespace govmap::test
