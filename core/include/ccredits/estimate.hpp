#pragma once
// The monthly estimate of what Communication Credits pay for (CONTRACT.md "Estimate").
#include <string>
#include <vector>

#include "ccredits/json_input.hpp"
#include "ccredits/rate_card.hpp"
#include "ccredits/scenario.hpp"

namespace ccredits {

struct EstimateLine {
  std::string use_case;
  std::string destination;
  Minutes minutes;  // billed minutes
  Money rate;
  Money amount;     // exact
};

struct Estimate {
  std::string currency;
  std::string effective;
  bool illustrative = false;
  std::vector<EstimateLine> lines;
  Money monthly_total;  // exact sum of the lines
};

Estimate compute_estimate(const Scenario& scenario, const RateCard& rates);
json estimate_to_json(const Estimate& e);

}  // namespace ccredits
