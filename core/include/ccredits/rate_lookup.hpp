#pragma once
// Finding the rate for a call: by dialled number (longest prefix) or by country and number type
// (CONTRACT.md "Rate card", DOMAIN.md §5).
#include <string_view>

#include "ccredits/rate_card.hpp"

namespace ccredits {

class RateIndex {
 public:
  explicit RateIndex(const RateCard& card);

  // Longest prefix of the E.164 digits (no '+'; a masked tail of '*' is ignored). A row whose origin is the
  // caller's country beats a '*' row of the same prefix length. nullptr when no prefix matches.
  const RateRow* by_number(Sheet sheet, std::string_view digits, std::string_view origin = "*") const;
  // The row for the country and number type, else the country's `all` row; origin-specific rows first.
  const RateRow* by_country(Sheet sheet, std::string_view country, NumberType type,
                            std::string_view origin = "*") const;

  const RateCard& card() const { return *card_; }

 private:
  const RateCard* card_;
};

// The billed seconds of a call: rounded up to the card's increment (6 s: DOMAIN.md §5). 0 s bills 0.
std::int64_t billed_seconds(std::int64_t seconds, int increment_seconds);

struct CallPrice {
  std::int64_t billed_seconds = 0;
  Money usage;       // per-minute rate x billed seconds
  Money connection;  // the row's per-call connection charge
  Money total() const { return usage + connection; }
};

// The one pricing rule for a single call, used by the simulator and by re-rating imported calls.
CallPrice price_call(const RateRow& row, std::int64_t seconds, int increment_seconds);

}  // namespace ccredits
