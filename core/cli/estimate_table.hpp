#pragma once
// The estimate as a readable text table (ccredits estimate --format table).
#include <string>

#include "ccredits/calculator.hpp"

namespace ccredits::cli {

std::string estimate_table(const json& estimate);

}  // namespace ccredits::cli
