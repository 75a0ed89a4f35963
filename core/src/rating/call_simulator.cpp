#include "rating/call_simulator.hpp"

#include <algorithm>

#include "reference/countries.hpp"
#include "ccredits/error.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

bool has(const std::vector<std::string>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

// core/DOMAIN.md §3: calls to the user's own country are domestic, and the domestic areas of plans.json widen that
// (US/PR/CA).
bool is_domestic(const CallZones& zones, std::string_view from, std::string_view to) {
  if (from == to) return true;
  for (const auto& area : zones.domestic_areas) {
    if (has(area.users_in, from) && has(area.domestic, to)) return true;
  }
  return false;
}

}  // namespace

CallZones call_zones_from(const Plans& plans) {
  CallZones zones;
  zones.zone_a.assign(plans.zone_a.begin(), plans.zone_a.end());
  for (const auto& [licence_country, domestic] : plans.domestic_areas) {
    zones.domestic_areas.push_back({{licence_country}, {domestic.begin(), domestic.end()}});
  }
  zones.toll_free_prefixes = plans.toll_free_prefixes;
  return zones;
}

CallRequest parse_call_request(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    if (!doc.is_object()) throw InputError("bad_value", "The call should be an object {from, number, seconds, kind}.");
    CallRequest r;
    r.from = to_upper_ascii(trim(text_value(require_member(doc, "from", ""), "from")));
    if (!shipped_countries().find(r.from) || r.from.size() != 2) {
      throw InputError("bad_value", "\"from\" must be a two-letter country code, not \"" + r.from + "\".");
    }
    r.number = text_value(require_member(doc, "number", ""), "number");
    r.seconds = count_value(require_member(doc, "seconds", ""), "seconds");
    if (r.seconds > 7 * 24 * 3600) throw InputError("bad_value", "\"seconds\" is longer than a week.");
    if (const json* k = find_member(doc, "kind", "")) {
      const std::string kind = text_value(*k, "kind");
      if (kind == "user_out") r.kind = CallKind::user_out;
      else if (kind == "conf_out") r.kind = CallKind::conf_out;
      else throw InputError("bad_value", "\"kind\" must be user_out or conf_out, not \"" + kind + "\".");
    }
    return r;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

// The international access code a number was dialled with instead of "+" ("00" or "011"), or "".
std::string_view access_code(std::string_view typed, std::string_view digits) {
  if (typed.empty() || typed.front() == '+') return {};
  if (digits.substr(0, 3) == "011") return "011";
  if (digits.substr(0, 2) == "00") return "00";
  return {};
}

json simulate_call(const RateIndex& index, const CallRequest& request, const CallZones* zones) {
  std::string digits = e164_digits(request.number, "The number");
  const std::string access(access_code(trim(request.number), digits));
  if (!access.empty()) {
    digits.erase(0, access.size());
    if (digits.empty() || digits.front() == '*') {
      throw InputError("bad_number", "The number \"" + request.number + "\" has only the international access code " +
                                         access + " and no number after it.");
    }
  }
  std::string dialled;
  if (!access.empty()) {
    dialled = "Dialled with the international access code " + access + ": read as +" + digits + ". ";
  }
  std::string toll_free_prefix;
  if (zones) {
    for (const std::string& p : zones->toll_free_prefixes) {
      if (digits.compare(0, p.size(), p) == 0) toll_free_prefix = p;
    }
  }
  // user_out is priced on "Dial-out calls", meeting dial-out on "Dial-out Audio Rates" (core/DOMAIN.md §5).
  const Sheet sheet = request.kind == CallKind::conf_out ? Sheet::dial_out_audio : Sheet::dial_out_calls;
  const RateRow* row = index.by_number(sheet, digits, request.from);
  if (!row) {
    throw InputError("missing_rate", "No rate on the \"" + std::string(sheet_title(sheet)) + "\" sheet matches " +
                                         request.number + " (digits " + digits + ").");
  }
  const RateCard& card = index.card();
  const CallPrice price = price_call(*row, request.seconds, card.billing_increment_seconds);
  std::string matched;
  for (const std::string& p : row->prefixes) {
    if (p.size() > matched.size() && digits.compare(0, p.size(), p) == 0) matched = p;
  }

  std::string pool;
  std::string pool_reason;
  if (!zones) {
    pool = "not decided: plans not loaded";
    pool_reason = "Load rates/plans.json to know the Zone A list and domestic areas.";
  } else if (request.kind == CallKind::user_out) {
    // core/DOMAIN.md §3: domestic minutes come from the Calling Plan pool (international ones only on a
    // Domestic + International plan); Pay-As-You-Go and beyond-pool minutes are billed from credits.
    if (is_domestic(*zones, request.from, row->country)) {
      pool = "may draw from the calling-plan pool";
      pool_reason = "A call from " + request.from + " to " + row->country +
                    " is domestic: it uses the pooled plan minutes first (Pay-As-You-Go plans have none); beyond "
                    "the pool it is billed from credits (Calling Plans for Microsoft 365, "
                    "https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365).";
    } else {
      pool = "billed from credits";
      pool_reason = "A call from " + request.from + " to " + row->country +
                    " is international: billed from credits unless the user holds a Domestic + International plan "
                    "with international minutes left (Calling Plans for Microsoft 365, "
                    "https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365).";
    }
  } else {
    // core/DOMAIN.md §4: the dial-out pool covers non-premium numbers in Zone A countries, wherever the organizer is.
    if (has(zones->zone_a, row->country) && row->number_type != NumberType::premium) {
      pool = "Zone A conferencing pool";
      pool_reason = row->country + " is in Zone A: the minutes come from the tenant's dial-out pool (60 per "
                                   "standard licence) first, then from credits (Audio Conferencing Zone A countries "
                                   "and regions, https://learn.microsoft.com/en-us/microsoftteams/audio-conferencing-zones).";
    } else {
      pool = "billed from credits";
      pool_reason = row->number_type == NumberType::premium
                        ? "Premium numbers are outside the dial-out pool (Audio Conferencing subscription "
                          "\"Dial-Out\"/\"Call Me At\" minutes benefit, linked from "
                          "https://learn.microsoft.com/en-us/microsoftteams/audio-conferencing-zones)."
                        : row->country + " is not in Zone A: every minute is billed from credits "
                                         "(Audio Conferencing Zone A countries and regions, "
                    "https://learn.microsoft.com/en-us/microsoftteams/audio-conferencing-zones).";
    }
  }
  const Country* country = shipped_countries().find(row->country);
  const std::string cost = price.total().to_exact_string();
  const std::string explanation =
      "+" + digits + " matches prefix " + matched + " (" + row->destination + ", " +
      std::string(number_type_key(row->number_type)) + ") on the \"" + std::string(sheet_title(sheet)) +
      "\" sheet. " + std::to_string(request.seconds) + " s are billed as " + std::to_string(price.billed_seconds) +
      " s (" + std::to_string(card.billing_increment_seconds) + "-second increments) at " +
      row->per_minute.to_exact_string() + " " + card.currency + " per minute = " + price.usage.to_exact_string() +
      " " + card.currency +
      (price.connection.is_zero() ? ", with no connection charge"
                                  : " plus a connection charge of " + price.connection.to_exact_string() + " " +
                                        card.currency + " = " + cost + " " + card.currency) +
      (card.illustrative ? " (illustrative rates, not Microsoft's)." : ".") + " " + pool_reason;
  std::string toll_free_text;
  if (!toll_free_prefix.empty()) {
    // Said, not assumed: the caller of a toll-free number normally pays nothing, but Microsoft's rate workbook has
    // no rate saying calls to them are free, so the card's rate for the prefix stays the price shown.
    toll_free_text = " +" + digits + " is a toll-free number (+" + toll_free_prefix.substr(0, 1) + " " +
                     toll_free_prefix.substr(1) + "): its owner pays for the call and the caller normally pays "
                     "nothing, but Microsoft's rate sheets give no separate rate for calling one, so the price above "
                     "is the card's rate for its prefix, the most the call can cost.";
  }
  json result{{"number", request.number},
              {"digits", digits},
              {"kind", request.kind == CallKind::conf_out ? "conf_out" : "user_out"},
              {"sheet", std::string(sheet_key(sheet))},
              {"matched_prefix", matched},
              {"destination", row->destination},
              {"country", row->country},
              {"country_name", country ? country->name : row->country},
              {"number_type", std::string(number_type_key(row->number_type))},
              {"seconds", request.seconds},
              {"billed_seconds", price.billed_seconds},
              {"rate", row->per_minute.to_exact_string()},
              {"connection", price.connection.to_exact_string()},
              {"usage_cost", price.usage.to_exact_string()},
              {"cost", cost},
              {"cost_rounded", price.total().to_string(2)},
              {"currency", card.currency},
              {"illustrative", card.illustrative},
              {"pool", pool},
              {"explanation", dialled + explanation + toll_free_text}};
  if (!toll_free_prefix.empty()) result["toll_free"] = true;
  return result;
}

}  // namespace ccredits
