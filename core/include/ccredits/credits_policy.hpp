#pragma once
// Microsoft's rules about buying Communication Credits that are data, not code: the countries where credits
// cannot be bought, the minimum purchase, who is notified, the auto-recharge switch path. Loaded from
// rates/eligibility.json (each entry names its source file); the shipped file is compiled in as the default.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"

namespace ccredits {

struct CreditsPolicy {
  std::vector<std::string> unavailable_countries;  // ISO alpha-2
  std::string unavailable_source;
  std::map<std::string, Money> minimum_purchase;   // by currency; a currency without entry has no documented minimum
  std::string minimum_source;
  std::string auto_recharge_off_path;
  std::string auto_recharge_off_source;
  std::vector<std::string> notification_recipients;
  std::string notification_events;
  std::string no_warning_before_zero;
  std::string dial_out_pool_mail;
  std::string notification_source;

  bool credits_unavailable_in(const std::string& country) const;
  // The documented minimum in `currency`, or zero when none is documented.
  Money minimum_in(const std::string& currency) const;
};

CreditsPolicy load_credits_policy_json(std::string_view text, const std::string& file);
// The shipped rates/eligibility.json, embedded at build time.
const CreditsPolicy& default_credits_policy();

}  // namespace ccredits
