// Rate lookup (core/CONTRACT.md "Rate card"; core/DOMAIN.md §5: rates are per destination prefix and number type, as in
// Microsoft's rate workbook sheets). The index is a digit trie per sheet, built once per card.
#include "reference/rate_lookup.hpp"

#include <algorithm>
#include <functional>
#include <limits>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

// '*' (any origin) packs to 0; an ISO alpha-2 code to its two bytes. Anything else cannot match a row.
constexpr std::uint16_t kAnyOrigin = 0;
constexpr std::uint16_t kNoCountry = 0xFFFF;

std::uint16_t pack_code(std::string_view code) {
  if (code == "*") return kAnyOrigin;
  if (code.size() != 2) return kNoCountry;
  return static_cast<std::uint16_t>((static_cast<unsigned char>(code[0]) << 8) | static_cast<unsigned char>(code[1]));
}

}  // namespace

RateIndex::RateIndex(const RateCard& card, const RateIndex* below) : card_(&card), below_(below) {
  for (std::size_t s = 0; s < kSheetCount; ++s) {
    const std::vector<RateRow>& rows = card.sheets[s];
    if (rows.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
      throw InputError("too_large", "A rate sheet has too many rows.");
    }
    SheetIndex& index = sheets_[s];
    index.nodes.assign(1, Node{});
    // First pass: the trie and, per node, the rows ending there (in file order).
    std::vector<std::vector<Entry>> at_node(1);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const Entry entry{pack_code(rows[r].origin), static_cast<std::int32_t>(r)};
      for (const std::string& prefix : rows[r].prefixes) {
        std::int32_t node = 0;
        for (char c : prefix) {
          if (c < '0' || c > '9') break;  // the loaders only accept digits; stay safe anyway
          const int d = c - '0';
          if (index.nodes[node].child[d] == 0) {
            index.nodes[node].child[d] = static_cast<std::int32_t>(index.nodes.size());
            index.nodes.emplace_back();
            at_node.emplace_back();
          }
          node = index.nodes[node].child[d];
        }
        if (node != 0) at_node[node].push_back(entry);
      }
      index.countries.push_back({pack_code(rows[r].country), static_cast<std::int32_t>(r)});
    }
    for (std::size_t n = 0; n < at_node.size(); ++n) {
      index.nodes[n].first_entry = static_cast<std::int32_t>(index.entries.size());
      index.nodes[n].entries = static_cast<std::int32_t>(at_node[n].size());
      index.entries.insert(index.entries.end(), at_node[n].begin(), at_node[n].end());
    }
    std::stable_sort(index.countries.begin(), index.countries.end(),
                     [](const CountryRow& a, const CountryRow& b) { return a.country < b.country; });
  }
}

const RateRow* RateIndex::by_number(Sheet sheet, std::string_view digits, std::string_view origin) const {
  const RateRow* own = own_by_number(sheet, digits, origin);
  return own || !below_ ? own : below_->by_number(sheet, digits, origin);
}

const RateRow* RateIndex::by_country(Sheet sheet, std::string_view country, NumberType type,
                                     std::string_view origin) const {
  const RateRow* own = own_by_country(sheet, country, type, origin);
  return own || !below_ ? own : below_->by_country(sheet, country, type, origin);
}

bool RateIndex::from_top(const RateRow* row) const {
  for (const std::vector<RateRow>& rows : card_->sheets) {
    const std::less<const RateRow*> before;  // a total order over pointers into different arrays
    if (!rows.empty() && !before(row, rows.data()) && before(row, rows.data() + rows.size())) return true;
  }
  return false;
}

const RateRow* RateIndex::own_by_number(Sheet sheet, std::string_view digits, std::string_view origin) const {
  // Masked numbers (core/DOMAIN.md §7, PSTN usage report): the last digits may be '*'; match the visible prefix.
  while (!digits.empty() && (digits.back() == '*' || digits.back() == 'x' || digits.back() == 'X')) {
    digits.remove_suffix(1);
  }
  const SheetIndex& index = sheets_[static_cast<std::size_t>(sheet)];
  const std::vector<RateRow>& rows = card_->rows(sheet);
  const std::uint16_t caller = pack_code(origin);
  const RateRow* best = nullptr;
  std::int32_t node = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') break;
    node = index.nodes[node].child[c - '0'];
    if (node == 0) break;
    const Node& n = index.nodes[node];
    // The deepest node with a usable row wins; at one node a row for the caller's origin beats a '*' row.
    const RateRow* any = nullptr;
    const RateRow* specific = nullptr;
    for (std::int32_t e = n.first_entry; e < n.first_entry + n.entries; ++e) {
      const Entry& entry = index.entries[e];
      if (entry.origin == kAnyOrigin) {
        if (!any) any = &rows[entry.row];
      } else if (entry.origin == caller && caller != kAnyOrigin) {
        specific = &rows[entry.row];
        break;
      }
    }
    if (specific) best = specific;
    else if (any) best = any;
  }
  return best;
}

const RateRow* RateIndex::own_by_country(Sheet sheet, std::string_view country, NumberType type,
                                         std::string_view origin) const {
  const SheetIndex& index = sheets_[static_cast<std::size_t>(sheet)];
  const std::vector<RateRow>& rows = card_->rows(sheet);
  const std::uint16_t key = pack_code(country);
  const std::uint16_t caller = pack_code(origin);
  auto it = std::lower_bound(index.countries.begin(), index.countries.end(), key,
                             [](const CountryRow& a, std::uint16_t k) { return a.country < k; });
  const RateRow* candidates[4] = {};  // [specific exact, * exact, specific all, * all]
  for (; it != index.countries.end() && it->country == key; ++it) {
    const RateRow& row = rows[it->row];
    const std::uint16_t row_origin = pack_code(row.origin);
    const bool specific = row_origin != kAnyOrigin;
    if (specific && (row_origin != caller || caller == kAnyOrigin)) continue;
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
