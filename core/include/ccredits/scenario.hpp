#pragma once
// The scenario: what an admin tells the calculator (CONTRACT.md "Scenario").
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/json_input.hpp"
#include "ccredits/money.hpp"
#include "ccredits/rate_card.hpp"

namespace ccredits {

enum class UsageKind { user_out, conf_out, toll_free_in, toll_in };

struct UsageRow {
  UsageKind kind = UsageKind::user_out;
  std::string from;         // user_out: the user's licence country
  std::string to;           // user_out / conf_out: destination country
  std::string country;      // toll_free_in / toll_in: the number's country
  std::string service;      // toll_free_in: conferencing, auto_attendant, call_queue
  NumberType number_type = NumberType::all;
  Minutes minutes;
  std::int64_t calls = 0;   // connection charges per month
  std::string path;         // "usage[3]", for messages
};

struct Scenario {
  std::vector<UsageRow> usage;
  json billing;          // raw, read by the eligibility rules
  json funding;          // raw, read by the funding recommendation
};

Scenario parse_scenario(std::string_view text, const std::string& file);

}  // namespace ccredits
