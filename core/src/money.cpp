#include "ccredits/money.hpp"

#include <limits>

namespace ccredits {
namespace {

// micros x numerator / denominator, rounded half up once (divide_round_half_up). The product is formed in 64 bits
// when it fits: a 128-bit multiplication is a library call in wasm, and the rating makes one per line and the
// funding planner one per simulated day. Either way the result is the same exact integer.
std::int64_t scale_micros(std::int64_t micros, wide_int numerator, wide_int denominator) {
  std::int64_t product = 0;
  if (numerator >= std::numeric_limits<std::int64_t>::min() && numerator <= std::numeric_limits<std::int64_t>::max() &&
      !__builtin_mul_overflow(micros, static_cast<std::int64_t>(numerator), &product)) {
    return divide_round_half_up(product, denominator);
  }
  return divide_round_half_up(wide_int(micros) * numerator, denominator);
}

}  // namespace

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
  return Money(scale_micros(micros_, numerator, denominator));
}

Money Money::for_minutes(const Minutes& minutes) const { return scaled(minutes.micros(), kFixedScale); }

Minutes Minutes::parse(std::string_view text, std::string_view what) { return Minutes(parse_fixed(text, what)); }

Minutes Minutes::scaled(wide_int numerator, wide_int denominator) const {
  return Minutes(scale_micros(micros_, numerator, denominator));
}

}  // namespace ccredits
