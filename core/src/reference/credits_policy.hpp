#pragma once
// Microsoft's rules about buying Communication Credits that are data, not code. The countries where credits
// cannot be bought and the minimum purchase come from rates/plans.json (with_plan_data); who is notified and the
// auto-recharge switch path from rates/eligibility.json, compiled in as the default. Each entry names its source.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"

namespace ccredits {

// A Pay-As-You-Go plan that customers billed in some countries cannot buy (the Mexico plan: not for US and PR
// customers, core/DOMAIN.md §3).
struct PaygCustomerRestriction {
  std::string zone;                      // "Mexico"
  std::vector<std::string> countries;    // the users' licence countries the plan is for
  std::vector<std::string> customers_in; // customers billed here cannot buy it
  std::string quote;
  std::string source;
};

struct CreditsPolicy {
  std::vector<std::string> unavailable_countries;  // ISO alpha-2
  std::map<std::string, std::string> unavailable_why;  // country -> what Microsoft's page says about it
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
  std::vector<PaygCustomerRestriction> payg_restrictions;

  bool credits_unavailable_in(const std::string& country) const;
};

struct Plans;
struct Settings;

CreditsPolicy load_credits_policy_json(std::string_view text, const std::string& file);
// The shipped rates/eligibility.json, embedded at build time (no country list, no minimum: see with_plan_data).
const CreditsPolicy& default_credits_policy();
// `base` completed with plans.json's no-credit countries and the minimum purchase of the applied settings (a scenario
// may override plans.json's default, core/DOMAIN.md §8).
CreditsPolicy with_plan_data(CreditsPolicy base, const Plans& plans, const Settings& applied);
CreditsPolicy with_plan_data(CreditsPolicy base, const Plans& plans);  // plans.json's default settings

}  // namespace ccredits
