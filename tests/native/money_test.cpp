#include <catch2/catch.hpp>
#include <limits>

#include "ccredits/error.hpp"
#include "ccredits/money.hpp"
#include "numbers/text.hpp"

using ccredits::InputError;
using ccredits::Minutes;
using ccredits::Money;

TEST_CASE("Money parses decimal strings exactly", "[money]") {
  CHECK(Money::parse("0.0240").micros() == 24'000);
  CHECK(Money::parse("12").micros() == 12'000'000);
  CHECK(Money::parse("-3.5").micros() == -3'500'000);
  CHECK(Money::parse("+1.000001").micros() == 1'000'001);
  CHECK(Money::parse(".5").micros() == 500'000);
  CHECK(Money::parse("7.").micros() == 7'000'000);
  CHECK(Money::parse("  0.10 ").micros() == 100'000);
  CHECK(Money::parse("1.2500000000").micros() == 1'250'000);  // trailing zeros beyond 6 places are exact
  CHECK(Money::parse("0.1").micros() + Money::parse("0.2").micros() == Money::parse("0.3").micros());
}

TEST_CASE("Money rejects what is not a plain decimal", "[money]") {
  for (const char* bad : {"", "  ", "-", ".", "1e3", "1,5", "0x10", "abc", "1.2.3", "NaN", "Infinity", "1.0000001"}) {
    INFO(bad);
    CHECK_THROWS_AS(Money::parse(bad), InputError);
  }
  try {
    Money::parse("12,50", "per-minute rate");
    FAIL("accepted a comma");
  } catch (const InputError& e) {
    CHECK(e.code() == "bad_number");
    CHECK(std::string(e.what()).find("per-minute rate") != std::string::npos);
    CHECK(std::string(e.what()).find("','") != std::string::npos);
  }
}

TEST_CASE("Money prints with fixed and trimmed decimals", "[money]") {
  CHECK(Money::parse("0.024").to_exact_string() == "0.024");
  CHECK(Money::parse("12").to_exact_string() == "12");
  CHECK(Money::parse("-0.5").to_exact_string() == "-0.5");
  CHECK(Money::parse("0").to_string(2) == "0.00");
  CHECK(Money::parse("1234567.891").to_string(2) == "1234567.89");
  CHECK(Money::parse("0.000001").to_string(6) == "0.000001");
  CHECK(Money::parse("-0.000001").to_string(6) == "-0.000001");
}

TEST_CASE("Rounding to cents is half-up at every boundary", "[money][rounding]") {
  CHECK(Money::parse("0.004999").to_string(2) == "0.00");
  CHECK(Money::parse("0.005").to_string(2) == "0.01");
  CHECK(Money::parse("0.014999").to_string(2) == "0.01");
  CHECK(Money::parse("0.015").to_string(2) == "0.02");
  CHECK(Money::parse("2.675").to_string(2) == "2.68");  // a binary double would give 2.67
  CHECK(Money::parse("0.995").to_string(2) == "1.00");
  CHECK(Money::parse("9.999999").to_string(2) == "10.00");
  // negative amounts round away from zero, symmetric with positives
  CHECK(Money::parse("-0.005").to_string(2) == "-0.01");
  CHECK(Money::parse("-0.004999").to_string(2) == "0.00");
  CHECK(Money::parse("2.675").rounded(2) == Money::parse("2.68"));
  CHECK(Money::parse("2.5").to_string(0) == "3");
}

TEST_CASE("Pricing: a per-minute rate over billed seconds and minutes", "[money][pricing]") {
  const Money rate = Money::parse("0.0240");
  CHECK(rate.for_seconds(6) == Money::parse("0.0024"));
  CHECK(rate.for_seconds(60) == rate);
  CHECK(rate.for_seconds(0).is_zero());
  // sub-micro results round half-up to the millionth: 0.0133/min x 6 s = 0.00133; 0.000013/min x 6 s = 0.0000013
  CHECK(Money::parse("0.0133").for_seconds(6) == Money::parse("0.00133"));
  CHECK(Money::parse("0.000013").for_seconds(6).micros() == 1);
  CHECK(Money::parse("0.000015").for_seconds(6).micros() == 2);  // 1.5 micro -> 2
  CHECK(rate.for_minutes(Minutes::parse("1000")) == Money::parse("24"));
  CHECK(rate.for_minutes(Minutes::parse("0.5")) == Money::parse("0.012"));
  CHECK(rate.times(3) == Money::parse("0.072"));
  CHECK(rate.scaled(1, 3).micros() == 8000);
}

TEST_CASE("Money overflow is an error, never a wrap", "[money][overflow]") {
  const Money big = Money::from_micros(std::numeric_limits<std::int64_t>::max() - 5);
  CHECK_THROWS_AS(big + Money::from_micros(10), InputError);
  CHECK_THROWS_AS(Money::from_micros(std::numeric_limits<std::int64_t>::min() + 5) - Money::from_micros(10), InputError);
  CHECK_THROWS_AS(big.times(2), InputError);
  CHECK_THROWS_AS(Money::parse("9223372036854.775808"), InputError);
  CHECK(Money::parse("9223372036854.775807").micros() == std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(Money::parse(std::string(10000, '9')), InputError);
  try {
    (void)(big + big);
    FAIL("no overflow");
  } catch (const InputError& e) {
    CHECK(e.code() == "overflow");
  }
}

TEST_CASE("Minutes parse exactly and scale pro rata", "[minutes]") {
  CHECK(Minutes::parse("250000").micros() == 250'000'000'000);
  CHECK(Minutes::parse("12.5").to_string() == "12.5");
  CHECK(Minutes::from_seconds(6).to_string() == "0.1");
  CHECK(Minutes::from_seconds(7).to_string() == "0.116667");
  CHECK(Minutes::whole(300).scaled(1, 3).to_string() == "100");
  CHECK_THROWS_AS(Minutes::parse("ten"), InputError);
}

TEST_CASE("Minutes written as JSON floats round binary noise past 6 decimals half-up", "[minutes][rounding]") {
  using ccredits::ExtraDecimals;
  using ccredits::parse_fixed;
  CHECK(parse_fixed("73.46670399999999", "minutes", ExtraDecimals::round_half_up) == 73'466'704);
  CHECK(parse_fixed("0.0000005", "minutes", ExtraDecimals::round_half_up) == 1);
  CHECK(parse_fixed("0.0000004999", "minutes", ExtraDecimals::round_half_up) == 0);
  CHECK(parse_fixed("-0.0000005", "minutes", ExtraDecimals::round_half_up) == -1);
  CHECK_THROWS_AS(parse_fixed("73.46670399999999", "minutes"), InputError);  // strings and money stay strict
}

TEST_CASE("divide_round_half_up rounds half away from zero on both sides of 64 bits", "[money][rounding]") {
  using ccredits::divide_round_half_up;
  using ccredits::wide_int;
  // Hand-computed: 5/2 = 2.5 -> 3; 7/3 = 2.33 -> 2; 8/3 = 2.67 -> 3; -5/2 -> -3; 5/-2 -> -3; 4/8 = 0.5 -> 1.
  CHECK(divide_round_half_up(5, 2) == 3);
  CHECK(divide_round_half_up(7, 3) == 2);
  CHECK(divide_round_half_up(8, 3) == 3);
  CHECK(divide_round_half_up(-5, 2) == -3);
  CHECK(divide_round_half_up(5, -2) == -3);
  CHECK(divide_round_half_up(4, 8) == 1);
  CHECK(divide_round_half_up(3, 8) == 0);
  CHECK(divide_round_half_up(0, 7) == 0);
  // The largest 64-bit magnitude and denominator: (2^64 - 1) / (2^64 - 1) = 1; (2^64 - 1) / 2^63 = 1.99.. -> 2.
  const wide_int max64 = (wide_int(1) << 64) - 1;
  CHECK(divide_round_half_up(max64, max64) == 1);
  CHECK(divide_round_half_up(max64, wide_int(1) << 63) == 2);
  // Just above and just below half with the largest 64-bit denominator: 2^63 / (2^64 - 1) = 0.5000...03 -> 1,
  // (2^63 - 1) / (2^64 - 1) = 0.4999...97 -> 0.
  CHECK(divide_round_half_up(wide_int(1) << 63, max64) == 1);
  CHECK(divide_round_half_up((wide_int(1) << 63) - 1, max64) == 0);
  // Beyond 64 bits (the 128-bit path): (2^64 + 1) x 3 / 6 = 2^63 + 0.5 -> 2^63 + 1 does not fit an int64;
  // 2^64 x 5 / 16 = 5 x 2^60 exactly; (2^64 + 8) / 16 = 2^60 + 0.5 -> up; (2^64 + 7) / 16 = 2^60 + 0.4375 -> down.
  CHECK_THROWS_AS(divide_round_half_up((max64 + 2) * 3, 6), InputError);
  CHECK(divide_round_half_up((wide_int(1) << 64) * 5, 16) == std::int64_t(5) << 60);
  CHECK(divide_round_half_up((wide_int(1) << 64) + 8, 16) == (std::int64_t(1) << 60) + 1);
  CHECK(divide_round_half_up(-((wide_int(1) << 64) + 8), 16) == -((std::int64_t(1) << 60) + 1));
  CHECK(divide_round_half_up((wide_int(1) << 64) + 7, 16) == std::int64_t(1) << 60);
}

TEST_CASE("multiply_divide_round_half_up gives what the 128-bit route gives, in and beyond 64 bits", "[money][rounding]") {
  using ccredits::divide_round_half_up;
  using ccredits::multiply_divide_round_half_up;
  using ccredits::wide_int;
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // Hand-computed: 3 x 5 / 2 = 7.5 -> 8; -3 x 5 / 2 -> -8; 3 x -5 / 2 -> -8; 3 x 5 / -2 -> -8 (the 128-bit route);
  // 7 x 1 / 3 = 2.33 -> 2; the most negative int64 x 1 / 1 stays itself.
  CHECK(multiply_divide_round_half_up(3, 5, 2) == 8);
  CHECK(multiply_divide_round_half_up(-3, 5, 2) == -8);
  CHECK(multiply_divide_round_half_up(3, -5, 2) == -8);
  CHECK(multiply_divide_round_half_up(3, 5, -2) == -8);
  CHECK(multiply_divide_round_half_up(7, 1, 3) == 2);
  CHECK(multiply_divide_round_half_up(kMin, 1, 1) == kMin);
  CHECK_THROWS_AS(multiply_divide_round_half_up(kMin, -1, 1), InputError);
  CHECK_THROWS_AS(multiply_divide_round_half_up(1, 1, 0), InputError);
  // Products just inside and just beyond 64 bits, and a spread of ordinary ones, against the 128-bit division.
  const std::int64_t as[] = {0, 1, -1, 2, 999'999, 1'000'000, -1'234'567, 3'037'000'499, 3'037'000'500, kMax, kMin + 1,
                             kMax / 3, 4'611'686'018'427'387'904};
  const wide_int bs[] = {0, 1, -1, 3, 1'000'000, -999'999, 3'037'000'499, 3'037'000'500, kMax, wide_int(kMax) + 1,
                         wide_int(kMin) - 1, 60};
  const wide_int ds[] = {1, 2, 3, 7, 60, 1'000'000, kMax, wide_int(kMax) + 1, -3};
  int compared = 0;
  for (std::int64_t a : as) {
    for (wide_int b : bs) {
      for (wide_int d : ds) {
        std::int64_t wide_result = 0;
        bool wide_overflows = false;
        try {
          wide_result = divide_round_half_up(wide_int(a) * b, d);
        } catch (const InputError&) {
          wide_overflows = true;
        }
        if (wide_overflows) {
          CHECK_THROWS_AS(multiply_divide_round_half_up(a, b, d), InputError);
        } else {
          CHECK(multiply_divide_round_half_up(a, b, d) == wide_result);
        }
        ++compared;
      }
    }
  }
  CHECK(compared == 13 * 12 * 9);
}

TEST_CASE("numbers in sentences have their whole part's digits grouped by threes", "[money][text]") {
  CHECK(ccredits::grouped_digits("0") == "0");
  CHECK(ccredits::grouped_digits("999") == "999");
  CHECK(ccredits::grouped_digits("1000") == "1,000");
  CHECK(ccredits::grouped_digits("300000") == "300,000");
  CHECK(ccredits::grouped_digits("1234567.891") == "1,234,567.891");
  CHECK(ccredits::grouped_digits("-12345.60") == "-12,345.60");
  CHECK(ccredits::grouped_digits("+1000") == "+1,000");
  CHECK(ccredits::grouped_digits("-100") == "-100");
  // Anything but a plain decimal number is left as it is.
  CHECK(ccredits::grouped_digits("") == "");
  CHECK(ccredits::grouped_digits("-") == "-");
  CHECK(ccredits::grouped_digits("12a345") == "12a345");
  CHECK(ccredits::grouped_digits("1,000") == "1,000");
  // An amount in a sentence: to the cent, grouped.
  CHECK(ccredits::money_in_words(Money::parse("1234567.5")) == "1,234,567.50");
  CHECK(ccredits::money_in_words(Money::parse("-0.25")) == "-0.25");
}
