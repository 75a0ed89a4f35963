#pragma once
// Rates learned from a usage report's charged calls (CONTRACT.md "Usage report import", `learned_rates`): per rate
// sheet, destination country and number type, the effective per-minute rate = the calls' charges ÷ their billed
// minutes, and the connection fee = the calls' connection fees ÷ their number. Written as a rate card (the format of
// rates/*.json) so the estimate can price changes typed on top of an imported report with what the tenant really
// paid (rating/report_basis.hpp), before falling back to a loaded card.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "formats/json_input.hpp"
#include "ccredits/money.hpp"
#include "reference/rate_card.hpp"

namespace ccredits {

class LearnedRates {
 public:
  // One charged call. `matched` is the card's row for its number (nullptr without a card): its destination name
  // and prefixes are kept so the learned row can be found by number as well as by country.
  // `usage_charge` is the per-minute part of the charge (the Charge column, less the connection fee when the
  // charge already holds it: DOMAIN.md §8).
  void add(Sheet sheet, std::string_view country, NumberType type, const RateRow* matched, Money usage_charge,
           Money connection, std::int64_t billed_seconds);

  bool empty() const { return totals_.empty(); }
  // The rate card: {"schema": "ccredits.rates/1", "currency", "effective", "source", "illustrative": false,
  // "learned_from_report": true, "billing_increment_seconds", "sheets": {...}}; each row also says the calls and
  // billed minutes it was learned from. Amounts are exact: each quotient rounded once, half up, to a millionth.
  json to_rate_card(const std::string& currency, const std::string& effective, const std::string& source,
                    int increment_seconds) const;

 private:
  struct Totals {
    Money usage_charge;
    Money connection;
    std::int64_t billed_seconds = 0;
    std::int64_t calls = 0;
    std::string destination;
    std::vector<const RateRow*> matched;  // distinct card rows seen (few per key)
  };
  // Key: sheet, country (two letters), number type, in that order: the card's rows come out sorted.
  std::map<std::tuple<int, std::string, int>, Totals> totals_;
};

}  // namespace ccredits
