#pragma once
// The report's "Membership network" table: the measures `govmap stats` prints under
// "membership network" (engine/network.h), for one model's summary.

#include <string>

#include "engine/model.h"
#include "engine/network.h"

namespace govmap {

/// An HTML table of posts and people on several boards, the boards sharing most holders and
/// the bodies brokering most links; empty when the model records no seat holder.
std::string network_html(const Model& model, const MembershipNetwork& network);

}  // namespace govmap
