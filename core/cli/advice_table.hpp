#pragma once
// The credit advice of an estimate (needs_credits, eligibility, recommendation, what_if) as readable text,
// appended to `ccredits estimate --format table`.
#include <string>

#include "ccredits/calculator.hpp"

namespace ccredits::cli {

std::string advice_table(const json& estimate);

}  // namespace ccredits::cli
