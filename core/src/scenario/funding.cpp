#include "scenario/funding.hpp"

#include <string>

#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {

FundingRequest funding_from_json(const JsonValue& funding) {
  FundingRequest r;
  if (!funding.present() || funding.is_null()) return r;
  if (!funding.is_object()) {
    throw field_error("bad_value", "funding",
                      "The funding should be an object like {\"mode\": \"auto_recharge\", \"months\": 12}.");
  }
  if (const JsonValue v = find_member(funding, "mode", "funding"); v.present()) {
    const std::string mode = to_lower_ascii(trim(text_value(v, "funding.mode")));
    if (mode == "auto_recharge") r.mode = FundingMode::auto_recharge;
    else if (mode == "one_time") r.mode = FundingMode::one_time;
    else throw field_error("bad_value", "funding.mode", "The funding mode must be auto_recharge or one_time, not \"" + mode + "\".");
  }
  if (const JsonValue v = find_member(funding, "months", "funding"); v.present()) {
    const std::int64_t months = count_value(v, "funding.months");
    if (months < 1 || months > kFundingMaxMonths) {
      throw field_error("bad_value", "funding.months",
                        "The months of the funding must be from 1 to 12 (credits expire 12 months after purchase), not " +
                            std::to_string(months) + ".");
    }
    r.months = static_cast<int>(months);
  }
  if (const JsonValue v = find_member(funding, "daily_profile", "funding"); v.present()) {
    if (!v.is_array()) {
      throw field_error("bad_value", "funding.daily_profile", "The daily profile of the funding should be a list of daily amounts.");
    }
    if (v.size() > 400) throw field_error("bad_value", "funding.daily_profile", "The daily profile of the funding holds more than 400 days.");
    r.daily_profile.reserve(v.size());
    v.for_each_element([&](std::size_t i, const JsonValue& amount) {
      const std::string path = "funding.daily_profile[" + std::to_string(i) + "]";
      const Money day = money_value(amount, path);
      if (day.is_negative()) throw field_error("bad_value", path, field_words(path, true) + " cannot be negative.");
      r.daily_profile.push_back(day);
    });
  }
  if (const JsonValue v = find_member(funding, "seed", "funding"); v.present()) {
    r.seed = static_cast<std::uint64_t>(count_value(v, "funding.seed"));
  }
  return r;
}

}  // namespace ccredits
