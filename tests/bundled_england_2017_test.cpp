// England as of 1 April 2017 (issue 14): the NAO-era structure of Commons Library briefing 7902.
// The published figures it carries as claims hold, except the briefing's 209 CCGs, which predates
// the Manchester merger of that day; check names the accountability problems the NAO and the
// Public Accounts Committee describe where the model holds them.

#include <string>

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace govmap::test {
namespace {

constexpr const char* kModel = "models/england/2017/model.xml";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("England 2017: the briefing's figures hold as claims, except 209 CCGs") {
  const auto json = run_govmap(std::string("check ") + kModel + " --fail-on never --format json");
  REQUIRE(json.exit_code == 0);
  for (const char* claim : {"eng17-two-departments", "eng17-44-stps", "eng17-bcf-5128", "eng17-bcf-ccg-3582",
                            "eng17-bcf-grants-1546"}) {
    CAPTURE(claim);
    const auto at = json.out.find(std::string("\"id\": \"") + claim + "\"");
    REQUIRE(at != std::string::npos);
    const auto end = json.out.find('}', at);
    CHECK(has(json.out.substr(at, end - at), "\"holds\": true"));
  }
  const auto text = run_govmap(std::string("check ") + kModel + " --fail-on never");
  CHECK(has(text.out, "error: claim 'eng17-209-ccgs' (hocl2017, §2.1): published 209, model gives 207 [claim-mismatch]"));
  // The mismatch is the only error, so a default check fails on it.
  CHECK(run_govmap(std::string("check ") + kModel).exit_code != 0);
}

TEST_CASE("England 2017: check shows the unclear accountability for the Better Care Fund and the two departments") {
  const auto r = run_govmap(std::string("check ") + kModel + " --fail-on never");
  REQUIRE(r.exit_code == 0);
  // NAO para 3.20: the departments' Integration Partnership Board receives updates only on the BCF;
  // the BCF's plans are approved by NHS England.
  CHECK(has(r.out,
            "warning: Better Care Fund (pooled budgets in each health and wellbeing board area) answers to NHS England "
            "and Integration Partnership Board (DH and DCLG) (better-care-fund), and neither answers to the other "
            "[accountability-multiple-masters]"));
  CHECK(has(r.out,
            "warning: Integration Partnership Board (DH and DCLG) answers to Department of Health and Department for "
            "Communities and Local Government (ministerial), and neither answers to the other "
            "[accountability-multiple-masters]"));
  CHECK(has(r.out, "warning: Better Care Fund (pooled budgets in each health and wellbeing board area) holds £5.13bn "
                   "from Clinical commissioning groups and Upper-tier and unitary councils, but it is a pooled fund "
                   "without legal personality"));
  CHECK(has(r.out, "warning: New care model vanguard sites hold £101m from NHS England, but they are non-statutory "
                   "bodies without legal personality"));
  CHECK(has(r.out, "6 findings: 1 error, 5 warnings, 0 info"));
}

TEST_CASE("England 2017: stats count the NAO-era bodies, with the STPs as their own kind") {
  const auto r = run_govmap(std::string("stats ") + kModel);
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "  Clinical commissioning groups                   207\n"));
  CHECK(has(r.out, "  Sustainability and transformation partnerships     44\n"));
  CHECK(has(r.out, "  Health and wellbeing boards                     151\n"));
  CHECK(has(r.out, "  Government departments                            2\n"));
  CHECK(!has(r.out, "Integrated care systems"));
}

TEST_CASE("England 2017 to 2021: compare renames the two departments and drops the STPs") {
  // England from 2021 is one dated model, read at the 2021 report's date.
  const auto r = run_govmap(std::string("compare ") + kModel + " models/england/model.xml@2021-12-01");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "  ~ Department of Health and Social Care [dhsc]: name: 'Department of Health' → 'Department of "
                   "Health and Social Care'\n"));
  CHECK(has(r.out, "  ~ Department for Levelling Up, Housing and Communities [dluhc]: name: 'Department for "
                   "Communities and Local Government' → 'Department for Levelling Up, Housing and Communities'\n"));
  CHECK(has(r.out, "  - Sustainability and transformation partnerships (STP footprints) [stps], Sustainability and "
                   "transformation partnership\n"));
  CHECK(has(r.out, "  - Integration Partnership Board (DH and DCLG) [integration-partnership-board], Government\n"));
}

}  // namespace govmap::test
