#pragma once
// Re-rating the report's calls (core/DOMAIN.md §5, §8): each call's destination and rate row found on the rate card
// (the number's longest prefix, else its country), then priced by price_call, the one pricing rule the simulator
// uses for a single call (reference/rate_lookup.hpp); and the rates learned from what the report's charged calls
// really cost (learned_rates.hpp).
#include <array>
#include <cstdint>
#include <memory>

#include "ccredits/money.hpp"
#include "reference/rate_lookup.hpp"
#include "usage_report/learned_rates.hpp"
#include "usage_report/usage_call.hpp"

namespace ccredits {

// Where a call of a scenario use case went, and the card's row for it.
struct CallDestination {
  Sheet sheet = Sheet::dial_out_calls;
  bool outbound = false;
  int place = kUnknownCountry;  // destination country (outbound) or the number's country (inbound)
  NumberType type = NumberType::all;
  const RateRow* rate = nullptr;  // null without a card or when nothing matches
};

struct ReratedTotals {
  std::array<Money, kUseCaseCount> by_use_case{};
  std::array<std::int64_t, kUseCaseCount> priced_calls{};
  std::array<std::int64_t, kUseCaseCount> unpriced_calls{};
  std::array<std::int64_t, kUseCaseCount> billed_seconds{};
  Money charged_calls_rerated;  // re-rated price of the calls the report shows a charge for
  std::int64_t charged_calls = 0;
};

class CallRerater {
 public:
  // `rates` may be null (no re-rating; rates are still learned, in `default_increment_seconds` increments).
  CallRerater(const RateCard* rates, int default_increment_seconds, bool charge_includes_connection_fee);

  bool rerates() const { return index_ != nullptr; }
  const RateCard* rates() const { return rates_; }
  // The destination of a call of a scenario use case (is_scenario_kind): the number's longest prefix on the use
  // case's sheet (masked tail ignored), else the country and `all` type; the origin is the user's location (a row
  // for that origin beats '*'). Inbound calls without a country are placed in the user's country.
  CallDestination destination(const UsageCall& call) const;
  // Prices the call at the card's rate and, for a charged call in the report's first currency, learns its rate.
  void add(const UsageCall& call, const CallDestination& destination, bool learn);

  const ReratedTotals& totals() const { return totals_; }
  const LearnedRates& learned() const { return learned_; }

 private:
  const RateCard* rates_;
  std::unique_ptr<RateIndex> index_;
  int increment_seconds_;
  bool charge_includes_connection_fee_;
  ReratedTotals totals_;
  LearnedRates learned_;
};

}  // namespace ccredits
