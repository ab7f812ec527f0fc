#pragma once
// The text and JSON renderings of a Comparison (the HTML one is in render/report.h).

#include <string>

#include "compare/comparison.h"

namespace govmap {

std::string comparison_text(const Comparison& comparison);
std::string comparison_json(const Comparison& comparison);

}  // namespace govmap
