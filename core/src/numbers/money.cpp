#include "ccredits/money.hpp"

namespace ccredits {

Money Money::parse(std::string_view text, std::string_view what) { return Money(parse_fixed(text, what)); }

Money Money::rounded(int decimals) const {
  const wide_int unit = [&] {
    wide_int u = 1;
    for (int i = decimals; i < kFixedDigits; ++i) u *= 10;
    return u;
  }();
  return Money(static_cast<std::int64_t>(divide_round_half_up(micros_, unit) * unit));
}

Money Money::scaled(wide_int numerator, wide_int denominator) const {
  return Money(multiply_divide_round_half_up(micros_, numerator, denominator));
}

Money Money::for_minutes(const Minutes& minutes) const { return scaled(minutes.micros(), kFixedScale); }

Minutes Minutes::parse(std::string_view text, std::string_view what) { return Minutes(parse_fixed(text, what)); }

Minutes Minutes::scaled(wide_int numerator, wide_int denominator) const {
  return Minutes(multiply_divide_round_half_up(micros_, numerator, denominator));
}

}  // namespace ccredits
