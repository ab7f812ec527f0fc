#include "bench/synthetic.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <vector>

#include <fmt/format.h>

namespace govmap::bench {
namespace {

struct Layout {
  std::size_t councils, icbs, places, trusts, fixed = 4;  // fixed: government, NHS England, regulator, electorate
  std::size_t leaves_per_council = 40;
};

class Writer {
 public:
  explicit Writer(const SyntheticOptions& o) : o_(o), random_(o.seed) {
    l_.councils = std::max<std::size_t>(2, o.bodies / 40);
    l_.icbs = std::max<std::size_t>(1, l_.councils / 4);
    l_.places = l_.councils;  // one place partnership, HWB and pooled fund per council
    l_.trusts = std::max<std::size_t>(1, o.bodies / 40);
    out_.reserve(o.links * 110 + o.bodies * 200);
  }

  std::string run() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<govmap version=\"1\" id=\"synthetic\" nation=\"england\" title=\"Synthetic model\" "
            "as-of=\"2024-01-01\" status=\"current\">\n";
    areas();
    bodies();
    seats();
    links();
    out_ += "  <claim id=\"icbs\" metric=\"bodies\" kind=\"integrated-care-board\" value=\"42\"/>\n"
            "  <claim id=\"split\" metric=\"split-areas\" kind=\"council\" by=\"integrated-care-board\" value=\"13\"/>\n"
            "</govmap>\n";
    return std::move(out_);
  }

 private:
  std::size_t leaves() const { return l_.councils * l_.leaves_per_council; }

  void areas() {
    for (std::size_t c = 0; c < l_.councils; ++c) out_ += fmt::format("  <area id=\"C{}\" name=\"Council area {}\" kind=\"council-area\"/>\n", c, c);
    std::uniform_int_distribution<int> population(1000, 3000);
    for (std::size_t a = 0; a < leaves(); ++a) {
      out_ += fmt::format("  <area id=\"L{}\" kind=\"lsoa\" parent=\"C{}\" population=\"{}\"/>\n", a,
                          a / l_.leaves_per_council, population(random_));
    }
  }

  /// Leaf ids [first, last) as a covers list.
  std::string leaf_range(std::size_t first, std::size_t last) const {
    std::string ids;
    for (std::size_t a = first; a < last && a < leaves(); ++a) ids += fmt::format("{}L{}", ids.empty() ? "" : " ", a);
    return ids;
  }

  void body(const std::string& id, const std::string& kind, const std::string& covers, const std::string& extra = "") {
    out_ += fmt::format("  <body id=\"{}\" name=\"{}\" kind=\"{}\"{}{}/>\n", id, id, kind,
                        covers.empty() ? "" : fmt::format(" covers=\"{}\"", covers), extra);
    ids_.push_back(id);
  }

  void bodies() {
    body("government", "government-department", "", " elected=\"false\"");
    body("nhse", "national-nhs-body", "");
    body("regulator", "regulator", "");
    body("public", "electorate", "");
    const std::size_t per_icb = leaves() / l_.icbs;
    for (std::size_t i = 0; i < l_.icbs; ++i) {
      // ICB boundaries are shifted by a few leaves so some councils are split.
      const std::size_t shift = i % 3 == 0 ? 0 : 3;
      const std::size_t first = i == 0 ? 0 : i * per_icb + shift, last = i + 1 == l_.icbs ? leaves() : (i + 1) * per_icb + (((i + 1) % 3 == 0) ? 0 : 3);
      body(fmt::format("icb{}", i), "integrated-care-board", leaf_range(first, last), " powers=\"hold-budget commission\"");
      body(fmt::format("ics{}", i), "integrated-care-system", leaf_range(first, last));
      body(fmt::format("icp{}", i), "integrated-care-partnership", leaf_range(first, last));
    }
    for (std::size_t c = 0; c < l_.councils; ++c) {
      body(fmt::format("council{}", c), "council", fmt::format("C{}", c), " elected=\"true\" powers=\"hold-budget employ-staff commission provide\"");
      body(fmt::format("place{}", c), "place-partnership", fmt::format("C{}", c));
      body(fmt::format("hwb{}", c), "health-and-wellbeing-board", fmt::format("C{}", c), fmt::format(" part-of=\"council{}\"", c));
      body(fmt::format("bcf{}", c), "pooled-fund", fmt::format("C{}", c));
    }
    for (std::size_t t = 0; t < l_.trusts; ++t) body(fmt::format("trust{}", t), "nhs-trust", fmt::format("C{}", t % l_.councils));
    for (std::size_t g = 0; ids_.size() < o_.bodies; ++g) {
      body(fmt::format("gp{}", g), "gp-practice", fmt::format("L{}", g % leaves()));
    }
  }

  void seats() {
    const std::size_t people = std::max<std::size_t>(1, l_.councils * 2);
    for (std::size_t p = 0; p < people; ++p) out_ += fmt::format("  <person id=\"p{}\" name=\"Person {}\"/>\n", p, p);
    std::uniform_int_distribution<std::size_t> person(0, people - 1);
    for (std::size_t c = 0; c < l_.councils; ++c) {
      for (const char* board : {"place", "hwb"}) {
        out_ += fmt::format("  <seat body=\"{}{}\" holder=\"p{}\" role=\"chair\" nominated-by=\"council{}\"/>\n", board, c, person(random_), c);
        out_ += fmt::format("  <seat body=\"{}{}\" holder=\"p{}\" nominated-by=\"icb{}\"/>\n", board, c, person(random_), c * l_.icbs / l_.councils);
        out_ += fmt::format("  <seat body=\"{}{}\" count=\"8\" sector=\"independent\"/>\n", board, c);
      }
    }
  }

  void link(const char* element, const std::string& from, const std::string& to, const std::string& extra) {
    out_ += fmt::format("  <{} from=\"{}\" to=\"{}\"{}/>\n", element, from, to, extra);
    ++links_;
  }

  void links() {
    std::uniform_int_distribution<long> amount(1, 900);
    for (std::size_t c = 0; c < l_.councils && links_ < o_.links; ++c) {
      const std::string icb = fmt::format("icb{}", c * l_.icbs / l_.councils);
      link("partner", fmt::format("council{}", c), fmt::format("place{}", c), "");
      link("partner", icb, fmt::format("place{}", c), "");
      link("funding", icb, fmt::format("bcf{}", c), fmt::format(" mechanism=\"pooled-budget-contribution\" amount=\"{}000000\"", amount(random_)));
      link("funding", fmt::format("council{}", c), fmt::format("bcf{}", c), fmt::format(" mechanism=\"pooled-budget-contribution\" amount=\"{}000000\"", amount(random_)));
      link("accountability", fmt::format("council{}", c), "public", " kind=\"democratic\"");
      link("accountability", fmt::format("hwb{}", c), fmt::format("council{}", c), " kind=\"scrutiny\"");
    }
    for (std::size_t i = 0; i < l_.icbs && links_ < o_.links; ++i) {
      link("funding", "nhse", fmt::format("icb{}", i), fmt::format(" mechanism=\"formula-allocation\" amount=\"{}000000\"", amount(random_)));
      link("accountability", fmt::format("icb{}", i), "nhse", " kind=\"performance\"");
      link("partner", fmt::format("icb{}", i), fmt::format("ics{}", i), "");
    }
    // The rest: commissioning and contracts from ICBs and councils to providers, with the
    // matching contractual accountability.
    std::uniform_int_distribution<std::size_t> pick(4, ids_.size() - 1);
    std::uniform_int_distribution<std::size_t> commissioner(0, l_.icbs + l_.councils - 1);
    while (links_ < o_.links) {
      const std::size_t c = commissioner(random_);
      const std::string from = c < l_.icbs ? fmt::format("icb{}", c) : fmt::format("council{}", c - l_.icbs);
      const std::string& to = ids_[pick(random_)];
      if (to == from) continue;
      link("funding", from, to, fmt::format(" mechanism=\"contract\" amount=\"{}000\"", amount(random_)));
      if (links_ < o_.links) link("accountability", to, from, " kind=\"contractual\"");
    }
  }

  SyntheticOptions o_;
  std::mt19937 random_;
  Layout l_{};
  std::string out_;
  std::vector<std::string> ids_;
  std::size_t links_ = 0;
};

}  // namespace

std::string synthetic_model_xml(const SyntheticOptions& options) { return Writer(options).run(); }

bool write_synthetic_model(const SyntheticOptions& options, const std::string& path) {
  const std::string text = synthetic_model_xml(options);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

}  // namespace govmap::bench
