#pragma once
// Exact decimal fixed-point arithmetic shared by Money and Minutes.
//
// Every value is an int64 count of millionths (10^-6). Parsing and printing go through decimal strings only;
// nothing passes through a binary float. ALL rounding in ccredits happens in divide_round_half_up() below:
// pricing (rate x time), pro-rata pool splits and the final rounding of shown amounts to 2 decimals.
#include <cstdint>
#include <string>
#include <string_view>

namespace ccredits {

inline constexpr int kFixedDigits = 6;
inline constexpr std::int64_t kFixedScale = 1'000'000;

__extension__ typedef __int128 wide_int;  // intermediate products only; never stored

// numerator / denominator rounded half away from zero ("half-up" on magnitudes, as accountants round).
// Throws InputError{"overflow"} if the result does not fit an int64. denominator must be non-zero.
std::int64_t divide_round_half_up(wide_int numerator, wide_int denominator);
// a x b / denominator, rounded the same way: the product is formed in 64 bits when it fits (a 128-bit multiplication
// and division are library calls in wasm, and an estimate makes thousands of these), else in 128.
std::int64_t multiply_divide_round_half_up(std::int64_t a, wide_int b, wide_int denominator);

// Parses "12", "-0.0240", "1e3" is NOT accepted (decimal notation only), up to 6 decimals exact;
// more decimals are accepted only if they are zeros. Throws InputError{"bad_number"} with a message
// naming `what` (e.g. "per-minute rate").
// ExtraDecimals::round_half_up instead rounds a 7th+ decimal half-up (through divide_round_half_up): used for
// quantities of minutes written as JSON numbers, whose shortest float text can carry binary noise
// (73.46670399999999). Money never uses it.
enum class ExtraDecimals { reject, round_half_up };
std::int64_t parse_fixed(std::string_view text, std::string_view what, ExtraDecimals extra = ExtraDecimals::reject);

// The same texts written into a buffer of at least kFixedTextSize chars, returning their length (for JsonText, which
// writes thousands per estimate without a std::string each).
inline constexpr std::size_t kFixedTextSize = 48;
std::size_t write_fixed(char* out, std::int64_t millionths, int decimals);
std::size_t write_fixed_trimmed(char* out, std::int64_t millionths);

// Prints with exactly `decimals` digits after the point (0..6), rounding through divide_round_half_up.
std::string format_fixed(std::int64_t millionths, int decimals);
// Prints with as many decimals as needed (no trailing zeros, at least none): "0.024", "12", "-3.5".
std::string format_fixed_trimmed(std::int64_t millionths);

// Throws the error of an amount past int64 (InputError "overflow"), whatever the operation.
[[noreturn]] void throw_amount_overflow();
// Inline because every summed amount of a usage import goes through them, several per row: a call each costs more
// than the addition.
inline std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw_amount_overflow();
  return r;
}
inline std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) throw_amount_overflow();
  return r;
}

}  // namespace ccredits
