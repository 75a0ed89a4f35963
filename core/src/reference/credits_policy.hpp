#pragma once
// Microsoft's rules about buying Communication Credits that are data, not code. The countries where credits
// cannot be bought and the minimum purchase come from rates/plans.json (with_plan_data); who is notified and the
// auto-recharge switch path from rates/eligibility.json, compiled in as the default. Each entry names its source.
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"

namespace ccredits {

struct CreditsPolicy {
  std::vector<std::string> unavailable_countries;  // ISO alpha-2
  std::string unavailable_source;
  Money minimum_purchase;                          // in the rate card's currency (plans.json says so)
  std::string minimum_source;
  std::string auto_recharge_off_path;
  std::string auto_recharge_off_source;
  std::vector<std::string> notification_recipients;
  std::string notification_events;
  std::string no_warning_before_zero;
  std::string dial_out_pool_mail;
  std::string notification_source;

  bool credits_unavailable_in(const std::string& country) const;
};

struct Plans;

CreditsPolicy load_credits_policy_json(std::string_view text, const std::string& file);
// The shipped rates/eligibility.json, embedded at build time (no country list, no minimum: see with_plan_data).
const CreditsPolicy& default_credits_policy();
// `base` completed with plans.json's no-credit countries and minimum purchase.
CreditsPolicy with_plan_data(CreditsPolicy base, const Plans& plans);

}  // namespace ccredits
