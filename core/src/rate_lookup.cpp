#include "ccredits/rate_lookup.hpp"

namespace ccredits {

RateIndex::RateIndex(const RateCard& card) : card_(&card) {}

const RateRow* RateIndex::by_number(Sheet sheet, std::string_view digits, std::string_view origin) const {
  while (!digits.empty() && (digits.back() == '*' || digits.back() == 'x' || digits.back() == 'X')) {
    digits.remove_suffix(1);
  }
  const RateRow* best = nullptr;
  std::size_t best_length = 0;
  bool best_specific = false;
  for (const RateRow& row : card_->rows(sheet)) {
    const bool specific = row.origin != "*";
    if (specific && row.origin != origin) continue;
    for (const std::string& prefix : row.prefixes) {
      if (prefix.size() > digits.size() || digits.compare(0, prefix.size(), prefix) != 0) continue;
      if (prefix.size() > best_length || (prefix.size() == best_length && specific && !best_specific)) {
        best = &row;
        best_length = prefix.size();
        best_specific = specific;
      }
    }
  }
  return best;
}

const RateRow* RateIndex::by_country(Sheet sheet, std::string_view country, NumberType type,
                                     std::string_view origin) const {
  const RateRow* candidates[4] = {};  // [specific exact, * exact, specific all, * all]
  for (const RateRow& row : card_->rows(sheet)) {
    if (row.country != country) continue;
    const bool specific = row.origin != "*";
    if (specific && row.origin != origin) continue;
    int slot;
    if (row.number_type == type) slot = specific ? 0 : 1;
    else if (row.number_type == NumberType::all) slot = specific ? 2 : 3;
    else continue;
    if (!candidates[slot]) candidates[slot] = &row;
  }
  for (const RateRow* c : candidates) {
    if (c) return c;
  }
  return nullptr;
}

std::int64_t billed_seconds(std::int64_t seconds, int increment_seconds) {
  if (seconds <= 0) return 0;
  const std::int64_t inc = increment_seconds > 0 ? increment_seconds : 1;
  return (seconds + inc - 1) / inc * inc;
}

CallPrice price_call(const RateRow& row, std::int64_t seconds, int increment_seconds) {
  CallPrice p;
  p.billed_seconds = billed_seconds(seconds, increment_seconds);
  p.usage = row.per_minute.for_seconds(p.billed_seconds);
  p.connection = seconds > 0 ? row.connection : Money();
  return p;
}

}  // namespace ccredits
