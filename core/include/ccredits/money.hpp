#pragma once
// Money: an exact amount in one currency, in millionths of the currency unit (fixed_point.hpp).
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccredits/fixed_point.hpp"

namespace ccredits {

class Minutes;

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_micros(std::int64_t micros) { return Money(micros); }
  // Decimal string only ("0.0240", "-12.5"). `what` names the field in the error message.
  static Money parse(std::string_view text, std::string_view what = "amount");

  constexpr std::int64_t micros() const { return micros_; }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }

  // Rounded once, half-up, to `decimals` (core/CONTRACT.md: shown amounts use 2).
  Money rounded(int decimals) const;
  std::string to_string(int decimals) const { return format_fixed(micros_, decimals); }
  std::string to_exact_string() const { return format_fixed_trimmed(micros_); }

  // this x numerator / denominator, rounded half-up to a millionth. The pricing primitive.
  Money scaled(wide_int numerator, wide_int denominator) const;
  // A per-minute rate applied to a number of minutes.
  Money for_minutes(const Minutes& minutes) const;
  // A per-minute rate applied to a number of seconds (already rounded up to the billing increment).
  Money for_seconds(std::int64_t seconds) const { return scaled(seconds, 60); }

  Money operator+(Money o) const { return Money(checked_add(micros_, o.micros_)); }
  Money operator-(Money o) const { return Money(checked_sub(micros_, o.micros_)); }
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  Money times(std::int64_t n) const { return scaled(n, 1); }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

// A quantity of minutes (pool sizes, usage, pro-rata overage), in millionths of a minute.
class Minutes {
 public:
  constexpr Minutes() = default;
  static constexpr Minutes from_micros(std::int64_t micros) { return Minutes(micros); }
  static constexpr Minutes whole(std::int64_t minutes) { return Minutes(minutes * kFixedScale); }
  static Minutes parse(std::string_view text, std::string_view what = "minutes");
  static Minutes from_seconds(std::int64_t seconds) { return Minutes(divide_round_half_up(wide_int(seconds) * kFixedScale, 60)); }

  constexpr std::int64_t micros() const { return micros_; }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }
  std::string to_string() const { return format_fixed_trimmed(micros_); }

  Minutes scaled(wide_int numerator, wide_int denominator) const;
  Minutes operator+(Minutes o) const { return Minutes(checked_add(micros_, o.micros_)); }
  Minutes operator-(Minutes o) const { return Minutes(checked_sub(micros_, o.micros_)); }
  Minutes& operator+=(Minutes o) { return *this = *this + o; }
  Minutes& operator-=(Minutes o) { return *this = *this - o; }
  constexpr auto operator<=>(const Minutes&) const = default;

 private:
  constexpr explicit Minutes(std::int64_t micros) : micros_(micros) {}
  std::int64_t micros_ = 0;
};

}  // namespace ccredits
