#pragma once
// The plan data of rates/plans.json (core/CONTRACT.md "Plans", core/DOMAIN.md §3, §4, §6, §8): included minutes per
// plan and country, domestic areas, Zone A, Pay-As-You-Go zones, conferencing pools, countries without credits, the
// minimum purchase and the settings where Microsoft's documents disagree. Data, not code: a change at Microsoft is an
// edit of plans.json.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"

namespace ccredits {

enum class Plan { domestic = 0, domestic_120, domestic_240, domestic_international, payg, none };
inline constexpr std::size_t kPlanCount = 6;
std::string_view plan_key(Plan p);                        // "domestic_international"
std::optional<Plan> plan_from_key(std::string_view key);

// The §8 conflicts: values a scenario may override, defaults from plans.json.
struct Settings {
  std::int64_t uk_domestic_minutes = 3000;
  bool spend_includes_connection_fee = true;
  std::int64_t billing_increment_seconds = 6;
  std::string dial_out_pool_basis = "assigned";  // "assigned" | "purchased"
  std::int64_t minimum_purchase = 50;            // whole units of the rate card's currency; 0: no minimum

  bool operator==(const Settings&) const = default;
};

struct SettingInfo {
  std::string name;
  std::string conflict;
  std::string source;
  std::vector<std::string> allowed;  // default first, as JSON text ("3000", "true", "\"assigned\"")

  bool operator==(const SettingInfo&) const = default;
};

struct CallingPlanInfo {
  std::string capability;  // Microsoft's licence capability code, e.g. MCOPSTN1
  bool pooled = false;
  std::int64_t default_minutes = 0;
  std::map<std::string, std::int64_t> minutes_by_country;
  std::set<std::string> countries_using_uk_setting;  // {"setting": "uk_domestic_minutes"} entries
  std::int64_t international_minutes = 0;            // Domestic+International: 600
  std::set<std::string> not_sold_in;
  std::string source;
};

struct PaygZone {
  std::string zone;
  std::vector<std::string> countries;
  std::set<std::string> not_sold_to_customers_in;  // customers billed here cannot buy this zone's plan (Mexico)
  std::string quote;                               // the page's words for that
  std::string source;
};

struct ConferencingPoolInfo {
  std::int64_t minutes_per_licence = 0;
  bool zone_a = false;                 // destinations: every Zone A country
  std::set<std::string> destinations;  // else these countries
  bool non_premium_only = false;
  std::string source;
};

struct Plans {
  std::string effective;
  std::string source;
  std::string file;
  std::array<CallingPlanInfo, kPlanCount> calling_plans;
  std::map<std::string, std::set<std::string>> domestic_areas;  // user's licence country -> domestic countries
  std::string domestic_areas_source;
  std::set<std::string> zone_a;
  std::string zone_a_source;
  std::vector<std::string> toll_free_prefixes;  // E.164 digits of toll-free numbers ("1800": +1 800 …)
  std::vector<PaygZone> payg_zones;
  ConferencingPoolInfo conf_standard;
  ConferencingPoolInfo conf_us_ca;
  std::set<std::string> no_credit_countries;
  std::map<std::string, std::string> no_credit_why;  // country -> what the page says about it
  std::string no_credit_source;
  // Microsoft's licence capability codes (the usage report's Capability column) that are Calling Plans, and the
  // codes that are other licences or markers, with what they are.
  std::map<std::string, Plan, std::less<>> capability_plans;
  std::map<std::string, std::string, std::less<>> capability_others;
  std::string capability_source;
  std::string minimum_purchase_quote;
  std::string minimum_purchase_source;
  Settings defaults;
  std::vector<SettingInfo> setting_info;
  // Every country code the plan data names, plus any added from a country list (rates/countries.json).
  std::set<std::string, std::less<>> known_countries;  // std::less<>: looked up by string_view, no copy

  const CallingPlanInfo& plan(Plan p) const { return calling_plans[static_cast<std::size_t>(p)]; }
  // Included outbound minutes per user per month of plan p for users licensed in country (core/DOMAIN.md §3).
  std::int64_t included_minutes(Plan p, std::string_view country, const Settings& settings) const;
  // Whether a call from a user licensed in `from` to `to` is domestic for the calling plan (core/DOMAIN.md §3).
  bool is_domestic(std::string_view from, std::string_view to) const;
  bool in_zone_a(std::string_view country) const { return zone_a.count(std::string(country)) > 0; }
  bool is_known_country(std::string_view country) const { return known_countries.find(country) != known_countries.end(); }
  const PaygZone* payg_zone_of(std::string_view country) const;
  const SettingInfo* setting(std::string_view name) const;
  // The plan a capability code stands for ("MCOPSTN1MX" -> domestic), case-insensitively; nullopt when the code is
  // not a Calling Plan's.
  std::optional<Plan> plan_of_capability(std::string_view code) const;
};

// Reads rates/plans.json ("ccredits.plans/1"). Errors name the file and the JSON path (or line/column).
Plans load_plans(std::string_view text, const std::string& file);

}  // namespace ccredits
