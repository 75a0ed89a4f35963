#include "ccredits/credits_policy.hpp"

#include <algorithm>

#include "ccredits/error.hpp"
#include "ccredits/json_input.hpp"
#include "ccredits/text.hpp"

namespace ccredits {

extern const char* const kShippedEligibilityJson;  // generated from rates/eligibility.json (core/CMakeLists.txt)

bool CreditsPolicy::credits_unavailable_in(const std::string& country) const {
  return std::find(unavailable_countries.begin(), unavailable_countries.end(), country) != unavailable_countries.end();
}

Money CreditsPolicy::minimum_in(const std::string& currency) const {
  const auto it = minimum_purchase.find(currency);
  return it == minimum_purchase.end() ? Money{} : it->second;
}

CreditsPolicy load_credits_policy_json(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    CreditsPolicy p;
    const json& unavailable = require_member(doc, "unavailable_countries", "");
    const json& countries = require_member(unavailable, "countries", "unavailable_countries");
    if (!countries.is_array()) throw InputError("bad_value", "\"unavailable_countries.countries\" should be a list.");
    for (std::size_t i = 0; i < countries.size(); ++i) {
      const std::string path = "unavailable_countries.countries[" + std::to_string(i) + "]";
      const std::string c = to_upper_ascii(trim(text_value(countries[i], path)));
      if (!is_country_code(c)) throw InputError("unknown_country", "\"" + path + "\" must be a two-letter country code.");
      p.unavailable_countries.push_back(c);
    }
    p.unavailable_source = text_value(require_member(unavailable, "source", "unavailable_countries"),
                                      "unavailable_countries.source");

    const json& minimum = require_member(doc, "minimum_purchase", "");
    const json& amounts = require_member(minimum, "amounts", "minimum_purchase");
    if (!amounts.is_object()) throw InputError("bad_value", "\"minimum_purchase.amounts\" should be an object.");
    for (const auto& [currency, amount] : amounts.items()) {
      p.minimum_purchase[currency] = money_value(amount, "minimum_purchase.amounts." + currency);
    }
    p.minimum_source = text_value(require_member(minimum, "source", "minimum_purchase"), "minimum_purchase.source");

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
