// The `usage` document (core/CONTRACT.md) written from the totals and the re-rating of a usage report.
#include "usage_report/usage_result.hpp"

#include <algorithm>

#include "formats/json_text.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

// The page that documents Charge and Connection Fee as separate columns (core/DOMAIN.md §8), for the spend setting.
constexpr const char* kSpendSettingSource =
    "Microsoft Teams PSTN usage report "
    "(https://learn.microsoft.com/en-us/microsoftteams/teams-analytics-and-reports/pstn-usage-report)";

json minutes_of(std::int64_t seconds) { return minutes_json(Minutes::from_seconds(seconds)); }

// The period the report's calls cover: the document's `period`, and the report basis's.
json period_json(const UsageTotals& agg, int days) {
  return {{"from", iso_date(agg.first_day)}, {"to", iso_date(agg.last_day)}, {"days", days}};
}

// Each member (or group of members) of the document has its own function, kept out of line ([[gnu::noinline]]):
// inlined into one, the document's code was a single 50 KB wasm function, which the browser's optimizing compiler,
// woken by its loops, spent 190 to 270 ms of a core on just as the page drew the imported report, for a function run
// once an import (tests/bench/README.md, the page). Apart, each loop is a small function of its own.

// Direct Routing calls are billed by the customer's own carrier (core/DOMAIN.md §2.7): said, so that a Direct Routing
// export is not read as a report of calls credits pay for.
[[gnu::noinline]] json notices_json(const UsageTotals& agg) {
  json notices = json::array();
  const std::int64_t direct_routing_calls =
      agg.by_use_case[static_cast<std::size_t>(UseCase::direct_routing)].calls + agg.failed_direct_routing_calls;
  // "1 call is", "69,899 calls are": the number, its digits grouped as the page writes counts, and the words that
  // agree with it.
  const auto said = [](std::int64_t n, const char* one, const char* many) {
    return grouped_digits(std::to_string(n)) + (n == 1 ? one : many);
  };
  if (direct_routing_calls > 0 && direct_routing_calls == agg.rows_used + agg.failed_calls) {
    notices.push_back("This is a Direct Routing report: its " +
                      said(direct_routing_calls, " call is billed by your carrier, not from Communication Credits, so "
                                                 "it is not priced here.",
                           " calls are billed by your carrier, not from Communication Credits, so none of them is "
                           "priced here.") +
                      " Export the PSTN usage report of your Calling Plans (Teams admin center > Analytics & reports > "
                      "PSTN and SMS usage > Export) to see what credits pay for.");
  } else if (direct_routing_calls > 0) {
    notices.push_back(said(direct_routing_calls, " Direct Routing call is billed", " Direct Routing calls are billed") +
                      " by your carrier, not from Communication Credits: counted but not priced.");
  }
  if (agg.failed_calls > 0) {
    notices.push_back(said(agg.failed_calls, " call did not connect (Success: No): it is counted as a failed call and costs nothing.",
                           " calls did not connect (Success: No): they are counted as failed calls and cost nothing."));
  }
  return notices;
}

[[gnu::noinline]] json actual_json(const UsageTotals& agg, int days) {
  json actual = json::object();
  for (const UsageTotals::CurrencyTotals& c : agg.currencies) {
    const Money total = agg.settings.charge_includes_connection_fee ? c.charge : c.charge + c.connection;
    // Per average month (30.4375 days), the same basis as scenario_usage, so it compares with the projection.
    const Money per_month = days > 0 ? total.scaled(304375, wide_int(10000) * days) : Money();
    actual[c.currency] = {{"charge", c.charge.to_string(2)},
                          {"connection", c.connection.to_string(2)},
                          {"total", total.to_string(2)},
                          {"per_month", per_month.to_string(2)},
                          {"calls", c.calls}};
  }
  return actual;
}

// Minutes and calls per use case.
[[gnu::noinline]] void use_cases_json(const UsageTotals& agg, json& out) {
  json minutes = json::object(), calls = json::object();
  for (int u = 0; u < kUseCaseCount; ++u) {
    const std::string key(use_case_key(static_cast<UseCase>(u)));
    minutes[key] = minutes_of(agg.by_use_case[static_cast<std::size_t>(u)].seconds);
    calls[key] = agg.by_use_case[static_cast<std::size_t>(u)].calls;
  }
  out["minutes"] = std::move(minutes);
  out["calls"] = std::move(calls);
}

// Distinct users per User Location (of the users tracked: users_cap), so the page can offer a licence group.
[[gnu::noinline]] json locations_json(const UsageTotals& agg) {
  std::vector<std::int64_t> users_at(kCountryCount + 1, 0);
  for (const auto& [key, u] : agg.users) ++users_at[static_cast<std::size_t>(u.location)];
  json locations = json::array();
  for (int i = 0; i <= kCountryCount; ++i) {
    const auto& per = agg.by_location[static_cast<std::size_t>(i)];
    std::int64_t s = 0, n = 0;
    json by_uc = json::object();
    for (int u = 0; u < kUseCaseCount; ++u) {
      const UsageTotals::Totals& t = per[static_cast<std::size_t>(u)];
      if (t.calls == 0) continue;
      s += t.seconds;
      n += t.calls;
      by_uc[std::string(use_case_key(static_cast<UseCase>(u)))] = minutes_of(t.seconds);
    }
    if (n == 0) continue;
    locations.push_back({{"country", i == kUnknownCountry ? json(nullptr) : json(country_code(i))},
                         {"minutes", minutes_of(s)}, {"calls", n}, {"minutes_by_use_case", by_uc},
                         {"users", users_at[static_cast<std::size_t>(i)]}});
  }
  return locations;
}

// Every destination and number type called, most minutes first.
[[gnu::noinline]] json destinations_json(const UsageTotals& agg) {
  struct Dest {
    int country;
    int type;
    UsageTotals::Totals t;
  };
  std::vector<Dest> dests;
  for (int i = 0; i < kCountryCount; ++i) {
    for (int k = 0; k < 4; ++k) {
      const UsageTotals::Totals& t = agg.by_destination[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
      if (t.calls > 0) dests.push_back({i, k, t});
    }
  }
  std::stable_sort(dests.begin(), dests.end(), [](const Dest& a, const Dest& b) { return a.t.seconds > b.t.seconds; });
  json destinations = json::array();
  for (const Dest& d : dests) {
    destinations.push_back({{"country", country_code(d.country)},
                            {"number_type", number_type_key(static_cast<NumberType>(d.type))},
                            {"minutes", minutes_of(d.t.seconds)}, {"calls", d.t.calls}});
  }
  return destinations;
}

[[gnu::noinline]] void per_day_json(const UsageTotals& agg, int days, json& out) {
  json per_day = json::array();
  if (days > kMaxPerDayDays) {
    out["per_day_note"] = "The report's calls span " + std::to_string(days) + " days (" + iso_date(agg.first_day) +
                          " to " + iso_date(agg.last_day) + "); the day-by-day series is given for at most " +
                          std::to_string(kMaxPerDayDays) + " days. Check the Start Time of the outlying calls.";
  } else if (agg.rows_used > 0) {
    for (int day = agg.first_day; day <= agg.last_day; ++day) {
      auto it = agg.by_day.find(day);
      const UsageTotals::DayTotals none;
      const UsageTotals::DayTotals& t = it == agg.by_day.end() ? none : it->second;
      per_day.push_back({{"date", iso_date(day)}, {"calls", t.calls}, {"minutes", minutes_of(t.seconds)},
                         {"spend", t.spend.to_string(2)}});
    }
  }
  out["per_day"] = std::move(per_day);
  out["per_day_currency"] = agg.currencies.empty() ? json(nullptr) : json(agg.currencies.front().currency);
}

// The users with the most minutes, and how many users there are.
[[gnu::noinline]] void users_json(const UsageTotals& agg, json& out) {
  std::vector<const std::pair<const std::string, UsageTotals::UserTotals>*> users;
  users.reserve(agg.users.size());
  for (const auto& u : agg.users) users.push_back(&u);
  const std::size_t top = std::min(agg.settings.top_count, users.size());
  std::partial_sort(users.begin(), users.begin() + static_cast<std::ptrdiff_t>(top), users.end(),
                    [](const auto* a, const auto* b) {
                      if (a->second.seconds != b->second.seconds) return a->second.seconds > b->second.seconds;
                      return a->first < b->first;
                    });
  json top_users = json::array();
  for (std::size_t i = 0; i < top; ++i) {
    top_users.push_back({{"user", users[i]->first}, {"name", users[i]->second.name},
                         {"minutes", minutes_of(users[i]->second.seconds)}, {"calls", users[i]->second.calls},
                         {"spend", users[i]->second.spend.to_string(2)}});
  }
  out["top_users"] = std::move(top_users);
  out["users_tracked"] = agg.users.size();
  out["users_cap"] = agg.settings.max_tracked_users;
  out["other_users"] = {{"minutes", minutes_of(agg.other_users.seconds)}, {"calls", agg.other_users.calls}};
}

// Scenario rows per average month (30.4375 days = 365.25 / 12) of the period covered.
[[gnu::noinline]] json scenario_usage_json(const UsageTotals& agg, int days) {
  std::vector<std::pair<std::uint64_t, UsageTotals::Totals>> rows(agg.scenario.begin(), agg.scenario.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json scenario = json::array();
  for (const auto& [key, t] : rows) {
    if (days == 0) break;
    const auto [use_case, from, place, type, service] = ScenarioKey::unpack(key);
    json r = {{"kind", use_case_key(use_case)}};
    if (use_case == UseCase::user_out) r["from"] = country_code(from);
    if (use_case == UseCase::user_out || use_case == UseCase::conf_out) {
      r["to"] = country_code(place);
      r["number_type"] = number_type_key(type);
    } else {
      r["country"] = country_code(place);
    }
    if (service != Service::none) r["service"] = service == Service::conferencing ? "conferencing" : "auto_attendant";
    r["minutes"] = minutes_json(Minutes::from_seconds(t.seconds).scaled(304375, wide_int(10000) * days));
    r["calls"] = static_cast<std::int64_t>(divide_round_half_up(wide_int(t.calls) * 304375, wide_int(10000) * days));
    scenario.push_back(std::move(r));
  }
  return scenario;
}

// The charges per average month (30.4375 days), the scenario's `report.charges` (rating/report_basis.hpp). The
// month's total is divided once, as actual.per_month is; the use cases share it exactly (the last takes the
// remainder), so they add up to that total to the millionth. `agg` has a currency and days > 0.
[[gnu::noinline]] json report_basis_json(const UsageTotals& agg, int days, const std::string& file) {
  Money total;
  for (const Money& m : agg.charges_by_use_case) total += m;
  const Money per_month = total.scaled(304375, wide_int(10000) * days);
  json charges = json::object();
  Money given;
  int last = -1;
  for (int u = 0; u < kChargeUseCaseCount; ++u) {
    if (!agg.charges_by_use_case[static_cast<std::size_t>(u)].is_zero()) last = u;
  }
  for (int u = 0; u <= last; ++u) {
    const Money m = agg.charges_by_use_case[static_cast<std::size_t>(u)];
    if (m.is_zero()) continue;
    const Money part = u == last ? per_month - given : m.scaled(304375, wide_int(10000) * days);
    given += part;
    charges[kChargeUseCases[u]] = part.to_exact_string();
  }
  return {{"currency", agg.currencies.front().currency},
          {"charges", std::move(charges)},
          {"monthly_total", per_month.to_exact_string()},
          {"period", period_json(agg, days)},
          {"file", file}};
}

// Every call of a billable use case re-rated with the card (the re-rater has one).
[[gnu::noinline]] json rerated_json(const CallRerater& rerater) {
  const RateCard& rates = *rerater.rates();
  const ReratedTotals& rerated = rerater.totals();
  json by_uc = json::object();
  Money total;
  std::int64_t priced = 0, unpriced = 0;
  for (int u = 0; u <= static_cast<int>(UseCase::toll_in); ++u) {
    const auto k = static_cast<std::size_t>(u);
    total += rerated.by_use_case[k];
    priced += rerated.priced_calls[k];
    unpriced += rerated.unpriced_calls[k];
    by_uc[std::string(use_case_key(static_cast<UseCase>(u)))] = {
        {"amount", rerated.by_use_case[k].to_string(2)}, {"calls", rerated.priced_calls[k]},
        {"unpriced_calls", rerated.unpriced_calls[k]}, {"billed_minutes", minutes_of(rerated.billed_seconds[k])}};
  }
  return {{"currency", rates.currency},
          {"effective", rates.effective},
          {"illustrative", rates.illustrative},
          {"increment_seconds", rates.billing_increment_seconds},
          {"basis", "every call of a billable use case at the card's rate, before included minutes"},
          {"total", total.to_string(2)},
          {"by_use_case", by_uc},
          {"priced_calls", priced},
          {"unpriced_calls", unpriced},
          {"charged_calls", {{"calls", rerated.charged_calls}, {"rerated", rerated.charged_calls_rerated.to_string(2)}}}};
}

}  // namespace

json usage_result(const UsageTotals& agg, const CallRerater& rerater, const std::string& format,
                  const std::string& file_) {
  const UsageImportSettings& settings_ = agg.settings;
  const RateCard* rates_ = rerater.rates();
  json out;
  out["format"] = format;
  out["rows"] = agg.rows;
  out["rows_used"] = agg.rows_used;
  out["skipped"] = agg.skipped;
  out["skipped_count"] = agg.skipped_count;
  out["failed_calls"] = agg.failed_calls;
  out["notices"] = notices_json(agg);
  const int days = agg.days();
  out["period"] = agg.rows_used > 0 ? period_json(agg, days) : json(nullptr);
  out["settings"] = {{"spend", settings_.charge_includes_connection_fee ? "charge" : "charge + connection fee"},
                     {"source", kSpendSettingSource}};
  out["actual"] = actual_json(agg, days);
  use_cases_json(agg, out);
  out["by_location"] = locations_json(agg);
  json destinations = destinations_json(agg);
  out["top_destinations"] = json::array();
  for (std::size_t i = 0; i < destinations.size() && i < settings_.top_count; ++i) {
    out["top_destinations"].push_back(destinations[i]);
  }
  out["by_destination"] = std::move(destinations);
  per_day_json(agg, days, out);
  users_json(agg, out);
  out["scenario_usage"] = scenario_usage_json(agg, days);
  out["scenario_usage_basis"] = "minutes and calls per average month of 30.4375 days over the period covered";
  out["unknown_destination_calls"] = agg.unknown_destination_calls;

  out["learned_rates"] = nullptr;
  out["report_basis"] = nullptr;
  if (!agg.currencies.empty() && days > 0) {
    const std::string& currency = agg.currencies.front().currency;
    if (!rerater.learned().empty()) {
      const std::string period = iso_date(agg.first_day) + " to " + iso_date(agg.last_day);
      out["learned_rates"] = rerater.learned().to_rate_card(
          currency, iso_date(agg.last_day),
          "Learned from the charged calls of your usage report" + (file_.empty() ? std::string() : " " + file_) +
              " (" + period + "): per destination and number type, the charges divided by the billed minutes, "
              "and the connection fees divided by the calls.",
          rates_ ? rates_->billing_increment_seconds : settings_.billing_increment_seconds);
    }
    out["report_basis"] = report_basis_json(agg, days, file_);
  }
  out["rerated"] = rerater.rerates() ? rerated_json(rerater) : json(nullptr);
  return out;
}

std::string usage_text(const json& members, const Chargeback* chargeback, const UsageTotals& totals) {
  static constexpr std::string_view kChargebackKey = "chargeback";
  JsonText out(std::size_t{64} << 10);
  out.begin_object();
  bool chargeback_due = chargeback != nullptr;
  for (auto it = members.cbegin(); it != members.cend(); ++it) {
    if (chargeback_due && std::string_view(it.key()) > kChargebackKey) {
      out.key(kChargebackKey);
      chargeback->write(out, totals);
      chargeback_due = false;
    }
    out.key(it.key()).value(it.value());
  }
  if (chargeback_due) {
    out.key(kChargebackKey);
    chargeback->write(out, totals);
  }
  out.end_object();
  return out.take();
}

}  // namespace ccredits
