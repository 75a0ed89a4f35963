// Re-rating the report's calls and learning the rates they were charged (core/DOMAIN.md §5, §8).
#include "usage_report/call_rerating.hpp"

namespace ccredits {
namespace {

Sheet sheet_for(UseCase u) {
  switch (u) {
    case UseCase::conf_out: return Sheet::dial_out_audio;
    case UseCase::toll_free_in: return Sheet::toll_free_in;
    case UseCase::toll_in: return Sheet::toll_in;
    default: return Sheet::dial_out_calls;
  }
}

}  // namespace

CallRerater::CallRerater(const RateCard* rates, int default_increment_seconds, bool charge_includes_connection_fee)
    : rates_(rates),
      index_(rates ? std::make_unique<RateIndex>(*rates) : nullptr),
      increment_seconds_(rates ? rates->billing_increment_seconds : default_increment_seconds),
      charge_includes_connection_fee_(charge_includes_connection_fee) {}

CallDestination CallRerater::destination(const UsageCall& call) const {
  CallDestination d;
  std::array<char, 2> origin_buffer, place_buffer;
  const std::string_view origin = country_view(call.location, origin_buffer);
  d.sheet = sheet_for(call.use_case);
  std::array<char, 40> buffer;
  const std::string_view digits = number_digits(call.destination_number, buffer);
  if (index_ && !digits.empty()) d.rate = index_->by_number(d.sheet, digits, origin);
  d.outbound = call.use_case == UseCase::user_out || call.use_case == UseCase::conf_out;
  d.place = d.outbound ? country_index(call.external_country) : kUnknownCountry;
  if (d.place == kUnknownCountry && d.rate) d.place = country_index(d.rate->country);
  if (d.place == kUnknownCountry && !d.outbound) d.place = call.location;  // toll-free / toll number: the user's country
  if (index_ && !d.rate && d.place != kUnknownCountry) {
    d.rate = index_->by_country(d.sheet, country_view(d.place, place_buffer), NumberType::all, origin);
  }
  d.type = d.rate ? d.rate->number_type : NumberType::all;
  return d;
}

void CallRerater::add(const UsageCall& call, const CallDestination& d, bool learn) {
  if (learn && d.place != kUnknownCountry) {
    // What was really paid for this destination (learned_rates.hpp), billed in the card's increments.
    std::array<char, 2> place_buffer;
    const Money usage_charge = charge_includes_connection_fee_ ? call.charge - call.connection : call.charge;
    learned_.add(d.sheet, country_view(d.place, place_buffer), d.outbound ? d.type : NumberType::all, d.rate,
                 usage_charge, call.connection, billed_seconds(call.seconds, increment_seconds_));
  }
  if (!index_) return;
  const auto uc = static_cast<std::size_t>(call.use_case);
  if (!d.rate) {
    ++totals_.unpriced_calls[uc];
    return;
  }
  // The one pricing rule (rate_lookup.hpp): 6-second increments per call (core/DOMAIN.md §5 and §8) + connection.
  const CallPrice price = price_call(*d.rate, call.seconds, rates_->billing_increment_seconds);
  totals_.by_use_case[uc] += price.total();
  totals_.billed_seconds[uc] += price.billed_seconds;
  ++totals_.priced_calls[uc];
  if (call.charged) {
    totals_.charged_calls_rerated += price.total();
    ++totals_.charged_calls;
  }
}

}  // namespace ccredits
