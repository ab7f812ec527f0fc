#include "render/report_network.h"

#include <fmt/format.h>

#include "engine/text.h"

namespace govmap {
namespace {

std::string name_of(const Model& m, const std::string& id) {
  const Body* body = m.find_body(id);
  return xml_escape(body != nullptr ? body->name.str() : id);
}

}  // namespace

std::string network_html(const Model& m, const MembershipNetwork& n) {
  if (n.people_by_boards.empty() && n.posts_by_boards.empty()) return {};
  std::string out = "<table class=\"counts\"><caption>Membership network</caption>\n";
  out += fmt::format("<tr><th>people on several boards</th><td>{}</td></tr>\n", n.people_on_several_boards);
  out += fmt::format("<tr><th>posts on several boards</th><td>{}</td></tr>\n", n.posts_on_several_boards);
  for (const auto& p : n.most_shared) {
    out += fmt::format("<tr><th>{} and {}</th><td>{} shared</td></tr>\n", name_of(m, p.a), name_of(m, p.b),
                       plural(p.holders, "holder", "holders"));
  }
  for (const auto& b : n.brokers()) {
    out += fmt::format("<tr><th>broker: {}</th><td>{:.1f}</td></tr>\n", name_of(m, b.body), b.betweenness);
  }
  return out + "</table>\n";
}

}  // namespace govmap
