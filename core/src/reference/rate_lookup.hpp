#pragma once
// Finding the rate for a call: by dialled number (longest prefix) or by country and number type
// (core/CONTRACT.md "Rate card", core/DOMAIN.md §5).
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "reference/rate_card.hpp"

namespace ccredits {

// Built once per card (the Calculator keeps one next to its card); probes allocate nothing. The card must
// outlive the index and must not change while the index is in use.
//
// Layered: an index built over another (`below`) answers from its own card first and asks the one below only when
// its card has no row for the call (CONTRACT.md "Scenario" `report.rates`: the rates learned from a usage report
// over the loaded card). Which layer a row came from is told by from_top().
class RateIndex {
 public:
  explicit RateIndex(const RateCard& card, const RateIndex* below = nullptr);

  // Longest prefix of the E.164 digits (no '+'; a masked tail of '*' is ignored). A row whose origin is the
  // caller's country beats a '*' row of the same prefix length. nullptr when no prefix matches.
  const RateRow* by_number(Sheet sheet, std::string_view digits, std::string_view origin = "*") const;
  // The row for the country and number type, else the country's `all` row; origin-specific rows first.
  const RateRow* by_country(Sheet sheet, std::string_view country, NumberType type,
                            std::string_view origin = "*") const;

  // The card of this layer; base() is the card at the bottom (the loaded rate card), which the estimate names.
  const RateCard& card() const { return *card_; }
  const RateCard& base() const { return below_ ? below_->base() : *card_; }
  bool layered() const { return below_ != nullptr; }
  // Whether `row` is one of this layer's own rows (not one found below).
  bool from_top(const RateRow* row) const;

 private:
  // A digit trie in flat arrays: node 0 is the root; child[d] == 0 means "no child" (the root is never a child).
  struct Node {
    std::array<std::int32_t, 10> child{};
    std::int32_t first_entry = 0;  // entries of rows whose prefix ends here: [first_entry, first_entry + entries)
    std::int32_t entries = 0;
  };
  struct Entry {
    std::uint16_t origin;  // packed ISO alpha-2, or 0 for '*'
    std::int32_t row;      // index in the sheet's rows
  };
  struct CountryRow {
    std::uint16_t country;
    std::int32_t row;
  };
  struct SheetIndex {
    std::vector<Node> nodes;
    std::vector<Entry> entries;       // grouped by node, each group in file order
    std::vector<CountryRow> countries;  // sorted by country, then file order
  };
  const RateRow* own_by_number(Sheet sheet, std::string_view digits, std::string_view origin) const;
  const RateRow* own_by_country(Sheet sheet, std::string_view country, NumberType type, std::string_view origin) const;

  const RateCard* card_;
  const RateIndex* below_;
  std::array<SheetIndex, kSheetCount> sheets_;
};

// The billed seconds of a call: rounded up to the card's increment (6 s: core/DOMAIN.md §5). 0 s bills 0.
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
