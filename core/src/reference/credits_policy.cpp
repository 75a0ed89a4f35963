#include "reference/credits_policy.hpp"

#include <algorithm>
#include <utility>

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "reference/plans.hpp"
#include "numbers/text.hpp"

namespace ccredits {

extern const char* const kShippedEligibilityJson;  // generated from rates/eligibility.json (core/CMakeLists.txt)

bool CreditsPolicy::credits_unavailable_in(const std::string& country) const {
  return std::find(unavailable_countries.begin(), unavailable_countries.end(), country) != unavailable_countries.end();
}

CreditsPolicy with_plan_data(CreditsPolicy base, const Plans& plans, const Settings& applied) {
  base.unavailable_countries.assign(plans.no_credit_countries.begin(), plans.no_credit_countries.end());
  base.unavailable_why = plans.no_credit_why;
  base.unavailable_source = plans.no_credit_source;
  base.payg_restrictions.clear();
  for (const PaygZone& z : plans.payg_zones) {
    if (z.not_sold_to_customers_in.empty()) continue;
    base.payg_restrictions.push_back({z.zone, z.countries,
                                      {z.not_sold_to_customers_in.begin(), z.not_sold_to_customers_in.end()}, z.quote,
                                      z.source});
  }
  base.minimum_purchase = Money::parse(std::to_string(applied.minimum_purchase));
  base.minimum_source = plans.minimum_purchase_source +
                        (plans.minimum_purchase_quote.empty() ? "" : " (\"" + plans.minimum_purchase_quote + "\")");
  return base;
}

CreditsPolicy with_plan_data(CreditsPolicy base, const Plans& plans) {
  return with_plan_data(std::move(base), plans, plans.defaults);
}

CreditsPolicy load_credits_policy_json(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    CreditsPolicy p;
    const json& off = require_member(doc, "auto_recharge_off_path", "");
    p.auto_recharge_off_path = text_value(require_member(off, "text", "auto_recharge_off_path"), "auto_recharge_off_path.text");
    p.auto_recharge_off_source = text_value(require_member(off, "source", "auto_recharge_off_path"), "auto_recharge_off_path.source");

    const json& n = require_member(doc, "notifications", "");
    const json& recipients = require_member(n, "recipients", "notifications");
    if (!recipients.is_array()) throw InputError("bad_value", "\"notifications.recipients\" should be a list.");
    for (std::size_t i = 0; i < recipients.size(); ++i) {
      p.notification_recipients.push_back(text_value(recipients[i], "notifications.recipients[" + std::to_string(i) + "]"));
    }
    p.notification_events = text_value(require_member(n, "events", "notifications"), "notifications.events");
    p.no_warning_before_zero = text_value(require_member(n, "no_warning_before_zero", "notifications"),
                                          "notifications.no_warning_before_zero");
    p.dial_out_pool_mail = text_value(require_member(n, "dial_out_pool", "notifications"), "notifications.dial_out_pool");
    p.notification_source = text_value(require_member(n, "source", "notifications"), "notifications.source");
    return p;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

const CreditsPolicy& default_credits_policy() {
  static const CreditsPolicy policy = load_credits_policy_json(kShippedEligibilityJson, "rates/eligibility.json");
  return policy;
}

}  // namespace ccredits
