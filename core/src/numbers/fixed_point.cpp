#include "ccredits/fixed_point.hpp"

#include <cstring>
#include <limits>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

constexpr wide_int kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr wide_int kInt64Min = std::numeric_limits<std::int64_t>::min();

std::int64_t narrow_or_throw(wide_int v) {
  if (v > kInt64Max || v < kInt64Min) throw_amount_overflow();
  return static_cast<std::int64_t>(v);
}

// m / d rounded half up, for magnitudes: the single place where ccredits rounds (r >= d - r is r * 2 >= d without
// overflowing).
std::uint64_t quotient_half_up(std::uint64_t m, std::uint64_t d) {
  std::uint64_t q = m / d;
  const std::uint64_t r = m % d;
  if (r >= d - r) ++q;
  return q;
}

// The signed result of quotient_half_up: the sign applied after rounding the magnitudes, so halves round away
// from zero on both sides.
std::int64_t signed_quotient_half_up(bool negative, std::uint64_t magnitude, std::uint64_t denominator) {
  const std::uint64_t q = quotient_half_up(magnitude, denominator);
  return narrow_or_throw(negative ? -wide_int(q) : wide_int(q));
}

wide_int pow10(int n) {
  wide_int r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

}  // namespace

std::int64_t divide_round_half_up(wide_int numerator, wide_int denominator) {
  if (denominator == 0) throw InputError("internal", "division by zero in an amount computation");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const bool negative = numerator < 0;
  const wide_int magnitude = negative ? -numerator : numerator;
  constexpr wide_int kUint64Max = std::numeric_limits<std::uint64_t>::max();
  if (magnitude <= kUint64Max && denominator <= kUint64Max) {
    // The same division in 64 bits: 128-bit division is a slow library call (natively and in wasm), and almost
    // every amount of an estimate fits here.
    return signed_quotient_half_up(negative, static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(denominator));
  }
  wide_int q = magnitude / denominator;
  const wide_int r = magnitude % denominator;
  if (r * 2 >= denominator) ++q;  // (the same rule for products beyond 64 bits)
  return narrow_or_throw(negative ? -q : q);
}

std::int64_t multiply_divide_round_half_up(std::int64_t a, wide_int b, wide_int denominator) {
  std::int64_t product = 0;
  const bool small = b >= kInt64Min && b <= kInt64Max && denominator > 0 && denominator <= kInt64Max &&
                     !__builtin_mul_overflow(a, static_cast<std::int64_t>(b), &product);
  if (!small) {
    wide_int wide_product = 0;
    if (__builtin_mul_overflow(wide_int(a), b, &wide_product)) narrow_or_throw(kInt64Max + 1);  // throws overflow
    return divide_round_half_up(wide_product, denominator);
  }
  // The magnitude as unsigned: the most negative int64 included.
  const bool negative = product < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(product) : static_cast<std::uint64_t>(product);
  return signed_quotient_half_up(negative, magnitude, static_cast<std::uint64_t>(denominator));
}

namespace {

// The usual amount, "0.283200" or "12": at most 12 whole digits and 6 decimals, no sign, space or anything else;
// it fits in 64 bits, so no 128-bit arithmetic and no overflow checks. False for anything else, which the full
// reader below then reads (or rejects with its message): each Charge cell of a usage report comes here.
bool parse_plain_fixed(std::string_view text, std::int64_t& value) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const auto is_digit = [](char c) { return static_cast<unsigned char>(c - '0') < 10; };
  std::int64_t whole = 0;
  const char* const whole_start = p;
  while (p < end && is_digit(*p)) {
    if (p - whole_start == 12) return false;
    whole = whole * 10 + (*p++ - '0');
  }
  const auto whole_digits = p - whole_start;
  std::int64_t frac = 0;
  long frac_digits = 0;
  if (p < end && *p == '.') {
    const char* const frac_start = ++p;
    while (p < end && is_digit(*p)) {
      if (p - frac_start == kFixedDigits) return false;
      frac = frac * 10 + (*p++ - '0');
    }
    frac_digits = p - frac_start;
  }
  if (p != end || whole_digits + frac_digits == 0) return false;
  static constexpr std::int64_t kScale[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
  value = whole * kFixedScale + frac * kScale[frac_digits];
  return true;
}

}  // namespace

std::int64_t parse_fixed(std::string_view text, std::string_view what, ExtraDecimals extra) {
  if (std::int64_t value; parse_plain_fixed(text, value)) return value;
  // Built only on error: this runs once per Charge cell of a million-row usage report.
  auto shown = [&] { return "\"" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "…" : "") + "\""; };
  auto bad = [&](const std::string& why) {
    return InputError("bad_number", std::string(what) + " " + shown() + " is not a decimal number: " + why + ".");
  };
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::size_t end = text.size();
  while (end > i && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (i == end) throw bad("it is empty");
  bool negative = false;
  if (text[i] == '-' || text[i] == '+') {
    negative = text[i] == '-';
    ++i;
  }
  wide_int whole = 0;
  int whole_digits = 0;
  int frac_digits = 0;
  wide_int frac = 0;
  bool seen_point = false;
  int seventh_decimal = -1;  // only read in ExtraDecimals::round_half_up mode; it alone decides half-up
  for (; i < end; ++i) {
    const char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') throw bad(std::string("unexpected character '") + c + "'");
    const int d = c - '0';
    if (!seen_point) {
      whole = whole * 10 + d;
      if (++whole_digits > 0 && whole > kInt64Max / kFixedScale + 1) {
        throw InputError("overflow", std::string(what) + " " + shown() + " is too large.");
      }
    } else if (frac_digits < kFixedDigits) {
      frac = frac * 10 + d;
      ++frac_digits;
    } else if (extra == ExtraDecimals::round_half_up) {
      if (seventh_decimal < 0) seventh_decimal = d;
    } else if (d != 0) {
      throw bad("more than 6 decimals");
    }
  }
  if (whole_digits == 0 && frac_digits == 0) throw bad("it has no digits");
  wide_int value = whole * kFixedScale + frac * pow10(kFixedDigits - frac_digits);
  if (seventh_decimal >= 0) value = divide_round_half_up(value * 10 + seventh_decimal, 10);
  try {
    return narrow_or_throw(negative ? -value : value);
  } catch (const InputError&) {
    throw InputError("overflow", std::string(what) + " " + shown() + " is too large.");
  }
}

std::size_t write_fixed(char* out, std::int64_t millionths, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > kFixedDigits) decimals = kFixedDigits;
  const wide_int unit = pow10(kFixedDigits - decimals);
  const std::int64_t rounded = divide_round_half_up(millionths, unit);  // in units of 10^-decimals
  const bool negative = rounded < 0;
  // The digits in 64-bit arithmetic (128-bit division per digit is slow, and printing runs per estimate line).
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(rounded) : static_cast<std::uint64_t>(rounded);
  char buffer[kFixedTextSize];
  char* end = buffer + sizeof buffer;
  char* p = end;
  for (int k = 0; k < decimals; ++k) {
    *--p = char('0' + magnitude % 10);
    magnitude /= 10;
  }
  if (decimals > 0) *--p = '.';
  do {
    *--p = char('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (negative) *--p = '-';
  const auto size = static_cast<std::size_t>(end - p);
  std::memcpy(out, p, size);
  return size;
}

std::size_t write_fixed_trimmed(char* out, std::int64_t millionths) {
  std::size_t size = write_fixed(out, millionths, kFixedDigits);
  while (size > 0 && out[size - 1] == '0') --size;
  if (size > 0 && out[size - 1] == '.') --size;
  return size;
}

std::string format_fixed(std::int64_t millionths, int decimals) {
  char text[kFixedTextSize];
  return std::string(text, write_fixed(text, millionths, decimals));
}

std::string format_fixed_trimmed(std::int64_t millionths) {
  char text[kFixedTextSize];
  return std::string(text, write_fixed_trimmed(text, millionths));
}

void throw_amount_overflow() {
  throw InputError("overflow", "An amount is too large to compute exactly (more than 9,223,372 billion).");
}

}  // namespace ccredits
