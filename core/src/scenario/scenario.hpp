#pragma once
// The scenario: what an admin tells the calculator (core/CONTRACT.md "Scenario").
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccredits/money.hpp"
#include "reference/plans.hpp"
#include "reference/rate_card.hpp"
#include "scenario/billing.hpp"
#include "scenario/funding.hpp"

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

struct License {
  std::string country;
  Plan plan = Plan::none;
  std::int64_t users = 0;
  std::string path;  // "licenses[0]"
};

// A conferencing licence count: a plain number, or {"assigned": N, "purchased": M} (core/DOMAIN.md §8 pool basis).
struct LicenceCount {
  std::int64_t assigned = 0;
  std::int64_t purchased = 0;
  std::int64_t for_basis(std::string_view basis) const { return basis == "purchased" ? purchased : assigned; }
};

struct Conferencing {
  LicenceCount standard;
  LicenceCount us_ca_dial_out;
  LicenceCount pay_per_minute;
};

// The §8 settings a scenario overrides; absent ones take plans.json's defaults.
struct SettingOverrides {
  std::optional<std::int64_t> uk_domestic_minutes;
  std::optional<bool> spend_includes_connection_fee;
  std::optional<std::int64_t> billing_increment_seconds;
  std::optional<std::string> dial_out_pool_basis;
  std::optional<std::int64_t> minimum_purchase;
  Settings applied_to(const Settings& defaults) const;
};

// An imported usage report the estimate starts from (CONTRACT.md "Scenario" `report`; rating/report_basis.hpp): its
// charges per month stand for the spend of the usage it covers, and only what is typed on top of the input as it was
// when the report was imported (`baseline`) is priced, first at the rates learned from the report's charged calls.
struct ReportBasis {
  std::string currency;
  std::vector<std::pair<std::string, Money>> charges;  // estimate use case -> charges per average month
  Money monthly_total;                                  // their sum
  std::string period;                                   // "2026-10-01 to 2026-10-28", for sentences
  // The report's trend: its spend forecast for each coming calendar month (the usage import's trend.forecast,
  // at most 12, the next month first), which the funding planner follows instead of a flat average month.
  std::vector<Money> forecast;
  std::optional<RateCard> rates;                        // learned from the report's charged calls
  bool has_baseline = false;
  std::vector<License> baseline_licenses;
  Conferencing baseline_conferencing;
  std::vector<UsageRow> baseline_usage;
};

// What the admin pays per licence per month, in the estimate's currency (the scenario's optional `licence_prices`):
// their own figures, so the what-if can compare licences plus credits. A plan or licence without a price is left out
// of that comparison, and the estimate says which.
struct LicencePrices {
  bool given = false;
  std::map<Plan, Money> calling_plans;
  std::map<std::string, Money, std::less<>> conferencing;  // "standard", "us_ca_dial_out", "pay_per_minute"
};

// The scenario's optional `what_if`: which users the comparison moves to another plan (rating/what_if.hpp).
struct PlanChangeRequest {
  Plan from = Plan::none;
  Plan to = Plan::none;
  std::string country;  // the licence country; empty: every country
};

struct WhatIfRequest {
  std::vector<PlanChangeRequest> plan_changes;
};

struct Scenario {
  std::vector<License> licenses;
  Conferencing conferencing;
  std::vector<UsageRow> usage;
  SettingOverrides settings;
  std::string currency;  // optional: empty means the loaded card's currency
  Billing billing;        // every answer unknown without a `billing` section
  FundingRequest funding;  // auto-recharge over 12 months without a `funding` section
  std::optional<WhatIfRequest> what_if;  // none: the default comparison (rating/what_if.hpp)
  LicencePrices licence_prices;
  std::shared_ptr<const ReportBasis> report;  // null without an imported report; shared by the what-if's copies
};

// The last scenario read, with its text: while a scenario is edited, a row whose text is the same as the row at its
// place last time is taken as read then (a row reads the same from the same text, path and plan data), and only the
// rows that changed are read again (EstimateSession; reading 200 rows was a quarter of a keystroke's estimate). When
// the text differs from the last only inside one usage row, which still reads as one JSON object, the rest of the
// document is the same and is not read at all: only that row is. `plans_version` names the plan data the rows were
// read against.
struct UsageRowCache {
  std::string text;                                    // the scenario text last read
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // each usage row's text in it: offset, length
  Scenario scenario;                                   // what it read as
  bool read = false;                                   // whether text and scenario hold a read
  const Plans* plans = nullptr;
  std::uint64_t plans_version = 0;
};

// Parses and checks the whole scenario, every member into its typed part: nothing is read again later. With plans,
// licence and usage-origin countries must be countries the plan data knows, and settings must be among plans.json's
// documented values. Errors carry the file and a JSON path; of several faults, the first in the order of
// core/CONTRACT.md "Errors" is reported.
// With a cache, what is unchanged since its last read is taken from it, and it holds this read once the whole text
// has been read (an error leaves it as it was).
Scenario parse_scenario(std::string_view text, const std::string& file, const Plans* plans = nullptr,
                        UsageRowCache* cache = nullptr, std::uint64_t plans_version = 0);
// The same with a cache, without a copy: the scenario the cache now holds.
const Scenario& read_scenario(std::string_view text, const std::string& file, const Plans* plans,
                              UsageRowCache& cache, std::uint64_t plans_version);

}  // namespace ccredits
