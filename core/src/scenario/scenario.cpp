#include "scenario/scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "formats/json_view.hpp"
#include "numbers/text.hpp"
#include "reference/countries.hpp"

namespace ccredits {
namespace {

std::string country_value(const JsonValue& v, const ValuePath& path) {
  if (v.is_string() && v.plain() && is_country_code(v.raw())) return std::string(v.raw());  // "US": as it is
  std::string c = to_upper_ascii(trim(text_value(v, path)));
  if (!is_country_code(c)) {
    throw field_error("unknown_country", path.text(), field_words(path.text(), true) +
                                                          " must be a two-letter country code like US or FR, not \"" +
                                                          text_value(v, path) + "\".");
  }
  return c;
}

// A country where users hold licences or place calls from must be one the plan data knows (every country it names
// has Calling Plans). A real country it does not name (rates/countries.json) is one where Calling Plans are not sold,
// and is refused with that sentence, not as an unknown code. Destinations are checked by their rate instead.
std::string known_country_value(const JsonValue& v, const ValuePath& path, const Plans* plans) {
  std::string c = country_value(v, path);
  if (plans && !plans->is_known_country(c)) {
    if (const Country* country = shipped_countries().find(c)) {
      throw field_error("calling_plans_not_sold", path.text(),
                        "Calling Plans are not sold in " + country->name + " (" + c + "), so users licensed there " +
                            "cannot call through Microsoft Calling Plans or pay for calls from credits (" +
                            field_words(path.text()) + "). Country and region availability: "
                           "https://learn.microsoft.com/en-us/microsoftteams/country-and-region-availability-for-audio-conferencing-and-calling-plans/country-and-region-availability-for-audio-conferencing-and-calling-plans");
    }
    throw field_error("unknown_country", path.text(), field_words(path.text(), true) + " (\"" + c +
                                                          "\") is not a country code; use an ISO 3166 alpha-2 code "
                                                          "such as US, GB or DE.");
  }
  return c;
}

UsageRow usage_from_json(const JsonValue& j, const std::string& path, const Plans* plans) {
  // All members in one pass (a scenario has hundreds of rows), then checked in a fixed order.
  enum Field { kind_field, from_field, to_field, country_field, service_field, number_type_field, minutes_field,
               calls_field, field_count };
  static constexpr std::string_view kFields[field_count] = {"kind",    "from",        "to",      "country",
                                                            "service", "number_type", "minutes", "calls"};
  if (!j.is_object()) find_member(j, "kind", path);  // throws: not an object
  JsonValue field[field_count];
  j.members(kFields, field_count, field);
  const auto required = [&](Field f) { return field[f].present() ? field[f] : require_member(j, kFields[f].data(), path); };

  UsageRow row;
  row.path = path;
  const auto at = [&](const char* field) { return ValuePath(path, field); };
  const std::string kind = text_value(required(kind_field), at("kind"));
  if (kind == "user_out") row.kind = UsageKind::user_out;
  else if (kind == "conf_out") row.kind = UsageKind::conf_out;
  else if (kind == "toll_free_in") row.kind = UsageKind::toll_free_in;
  else if (kind == "toll_in") row.kind = UsageKind::toll_in;
  else {
    throw field_error("bad_value", path + ".kind", field_words(path + ".kind", true) +
                                       " must be user_out, conf_out, toll_free_in or toll_in, not \"" +
                                      kind + "\".");
  }
  if (field[from_field].present()) row.from = known_country_value(field[from_field], at("from"), plans);
  if (field[to_field].present()) row.to = country_value(field[to_field], at("to"));
  if (field[country_field].present()) row.country = country_value(field[country_field], at("country"));
  if (field[service_field].present()) {
    row.service = text_value(field[service_field], at("service"));
    if (row.service != "conferencing" && row.service != "auto_attendant" && row.service != "call_queue") {
      throw field_error("bad_value", path + ".service", field_words(path + ".service", true) +
                                         " must be conferencing, auto_attendant or call_queue, not \"" +
                                        row.service + "\".");
    }
  }
  if (field[number_type_field].present()) {
    auto nt = number_type_from_text(text_value(field[number_type_field], at("number_type")));
    if (!nt) {
      throw field_error("bad_value", path + ".number_type",
                        field_words(path + ".number_type", true) + " must be all, wireline, wireless or premium.");
    }
    row.number_type = *nt;
  }
  row.minutes = minutes_value(required(minutes_field), at("minutes"));
  if (field[calls_field].present()) row.calls = count_value(field[calls_field], at("calls"));

  // The country each kind needs.
  const bool needs_from_to = row.kind == UsageKind::user_out;
  const bool needs_to = row.kind == UsageKind::conf_out;
  if (needs_from_to && row.from.empty()) required(from_field);
  if ((needs_from_to || needs_to) && row.to.empty()) required(to_field);
  if (!needs_from_to && !needs_to && row.country.empty()) required(country_field);
  return row;
}

License license_from_json(const JsonValue& j, const std::string& path, const Plans* plans) {
  License l;
  l.path = path;
  l.country = known_country_value(require_member(j, "country", path), path + ".country", plans);
  const std::string plan = text_value(require_member(j, "plan", path), path + ".plan");
  // A plan key, or Microsoft's licence capability code as the usage report shows it (core/DOMAIN.md §7).
  auto p = plan_from_key(plan);
  if (!p && plans) p = plans->plan_of_capability(trim(plan));
  if (!p) {
    std::string why;
    if (plans) {
      const auto other = plans->capability_others.find(to_upper_ascii(trim(plan)));
      if (other != plans->capability_others.end()) {
        why = " \"" + plan + "\" is Microsoft's capability code for " + other->second + ", not a Calling Plan.";
      }
    }
    throw field_error("unknown_plan", path + ".plan", field_words(path + ".plan", true) +
                                          " must be domestic, domestic_120, domestic_240, "
                                     "domestic_international, payg or none (or a Calling Plan's capability code such "
                                     "as MCOPSTN1), not \"" + plan + "\"." + why);
  }
  l.plan = *p;
  l.users = count_value(require_member(j, "users", path), path + ".users");
  return l;
}

LicenceCount licence_count(const JsonValue& v, const std::string& path) {
  LicenceCount c;
  if (v.is_object()) {
    const JsonValue assigned = find_member(v, "assigned", path);
    if (assigned.present()) c.assigned = count_value(assigned, path + ".assigned");
    if (const JsonValue p = find_member(v, "purchased", path); p.present()) c.purchased = count_value(p, path + ".purchased");
    else c.purchased = c.assigned;
    if (!assigned.present()) c.assigned = c.purchased;
  } else {
    c.assigned = c.purchased = count_value(v, path);
  }
  return c;
}

// A setting's value must be one plans.json documents (its default or an alternative), which lists them as JSON
// text: `text` is the value read, written the same way.
void check_allowed(const std::string& text, const std::string& name, const std::string& path, const Plans* plans) {
  if (!plans) return;
  const SettingInfo* info = plans->setting(name);
  if (!info) return;
  for (const auto& a : info->allowed) {
    if (a == text) return;
  }
  std::string list;
  for (const auto& a : info->allowed) list += (list.empty() ? "" : " or ") + a;
  throw field_error("bad_value", path, field_words(path, true) + " must be " + list + ", not " + text + ".");
}

SettingOverrides settings_from_json(const JsonValue& j, const Plans* plans) {
  SettingOverrides s;
  if (!j.is_object()) throw field_error("bad_value", "settings", "The settings should be an object.");
  for (const auto& [key, value] : members_in_key_order(j)) {
    const std::string path = "settings." + key;
    if (value.is_null()) continue;
    std::string text;  // the value as JSON text, for check_allowed
    if (key == "uk_domestic_minutes") {
      s.uk_domestic_minutes = count_value(value, path);
      text = std::to_string(*s.uk_domestic_minutes);
    } else if (key == "spend_includes_connection_fee") {
      s.spend_includes_connection_fee = bool_value(value, path);
      text = *s.spend_includes_connection_fee ? "true" : "false";
    } else if (key == "billing_increment_seconds") {
      s.billing_increment_seconds = count_value(value, path);
      text = std::to_string(*s.billing_increment_seconds);
    } else if (key == "dial_out_pool_basis") {
      s.dial_out_pool_basis = text_value(value, path);
      text = json(*s.dial_out_pool_basis).dump();
    } else if (key == "minimum_purchase") {
      s.minimum_purchase = count_value(value, path);
      text = std::to_string(*s.minimum_purchase);
    } else {
      throw field_error("bad_value", path, "\"" + key + "\" is not a setting; the settings are uk_domestic_minutes, "
                                    "spend_includes_connection_fee, billing_increment_seconds, dial_out_pool_basis, "
                                    "minimum_purchase.");
    }
    check_allowed(text, key, path, plans);
  }
  if (s.dial_out_pool_basis && *s.dial_out_pool_basis != "assigned" && *s.dial_out_pool_basis != "purchased") {
    throw field_error("bad_value", "settings.dial_out_pool_basis",
                      "The dial-out pool basis setting must be \"assigned\" or \"purchased\".");
  }
  if (s.billing_increment_seconds && *s.billing_increment_seconds <= 0) {
    throw field_error("bad_value", "settings.billing_increment_seconds", "The billing increment setting must be positive.");
  }
  return s;
}

// `prefix` is the path of the object holding the list ("report.baseline."), for messages.
template <typename Fn>
void for_each_in_list(const JsonValue& doc, const char* key, Fn fn, std::string_view prefix = "") {
  if (const JsonValue list = find_member(doc, key, ""); list.present()) {
    if (!list.is_array()) {
      throw field_error("bad_value", std::string(prefix) + key, field_words(std::string(prefix) + key, true) + " should be a list.");
    }
    const std::string name = std::string(prefix) + key;
    list.for_each_element([&](std::size_t i, const JsonValue& item) {
      // "usage[12]", written in one buffer (a few string concatenations per row add up in wasm)
      char path[96];
      char* end = std::copy(name.begin(), name.end(), path);
      *end++ = '[';
      end = std::to_chars(end, path + sizeof path - 1, i).ptr;
      *end++ = ']';
      fn(item, std::string(path, end));
    });
  }
}

Conferencing conferencing_from_json(const JsonValue& conf, const std::string& at) {
  Conferencing c;
  if (const JsonValue v = find_member(conf, "standard", at); v.present()) c.standard = licence_count(v, at + ".standard");
  if (const JsonValue v = find_member(conf, "us_ca_dial_out", at); v.present()) {
    c.us_ca_dial_out = licence_count(v, at + ".us_ca_dial_out");
  }
  if (const JsonValue v = find_member(conf, "pay_per_minute", at); v.present()) {
    c.pay_per_minute = licence_count(v, at + ".pay_per_minute");
  }
  return c;
}

// The estimate's use cases a report's charges may be counted under (rating/estimate.hpp kUseCases).
constexpr std::string_view kChargeKeys[] = {"toll_free", "conference_dial_out", "calling_plan_overage", "payg_outbound",
                                            "pay_per_minute_conferencing"};

std::shared_ptr<const ReportBasis> report_from_json(const JsonValue& r, const Plans* plans) {
  auto basis = std::make_shared<ReportBasis>();
  if (!r.is_object()) find_member(r, "charges", "report");  // throws: not an object
  basis->currency = to_upper_ascii(trim(text_value(require_member(r, "currency", "report"), "report.currency")));
  if (basis->currency.size() != 3) {
    throw InputError("bad_value", "\"report.currency\" must be a three-letter ISO 4217 code such as USD.");
  }
  const JsonValue charges = require_member(r, "charges", "report");
  if (!charges.is_object()) throw InputError("bad_value", "\"report.charges\" should be an object of amounts per use case.");
  for (const auto& [key, amount] : members_in_key_order(charges)) {
    const std::string path = "report.charges." + key;
    if (std::find(std::begin(kChargeKeys), std::end(kChargeKeys), key) == std::end(kChargeKeys)) {
      throw InputError("bad_value", "\"" + path + "\" is not a use case; the use cases are toll_free, "
                                    "conference_dial_out, calling_plan_overage, payg_outbound and "
                                    "pay_per_minute_conferencing.");
    }
    const Money m = money_value(amount, path);
    if (m.is_negative()) throw InputError("bad_value", "\"" + path + "\" must not be negative.");
    basis->charges.emplace_back(key, m);
    basis->monthly_total += m;
  }
  if (const JsonValue p = find_member(r, "period", "report"); p.present() && p.is_object()) {
    const JsonValue from = find_member(p, "from", "report.period"), to = find_member(p, "to", "report.period");
    if (from.present() && to.present()) {
      basis->period = text_value(from, "report.period.from") + " to " + text_value(to, "report.period.to");
    }
  }
  if (const JsonValue f = find_member(r, "forecast", "report"); f.present() && !f.is_null()) {
    if (!f.is_array() || f.size() > 12) {
      throw InputError("bad_value", "\"report.forecast\" should be a list of at most 12 monthly amounts, the next month first.");
    }
    f.for_each_element([&](std::size_t i, const JsonValue& amount) {
      const std::string path = "report.forecast[" + std::to_string(i) + "]";
      const Money m = money_value(amount, path);
      if (m.is_negative()) throw InputError("bad_value", "\"" + path + "\" must not be negative.");
      basis->forecast.push_back(m);
    });
  }
  if (const JsonValue rates = find_member(r, "rates", "report"); rates.present() && !rates.is_null()) {
    try {
      basis->rates = rate_card_from_json(rates, "");
    } catch (const InputError& e) {
      throw InputError(e.code(), std::string("\"report.rates\": ") + e.what());
    }
    if (basis->rates->currency != basis->currency) {
      throw InputError("currency_mismatch", "\"report.rates\" are in " + basis->rates->currency +
                                                " but the report's charges are in " + basis->currency + ".");
    }
  }
  if (const JsonValue b = find_member(r, "baseline", "report"); b.present()) {
    if (!b.is_object()) throw InputError("bad_value", "\"report.baseline\" should be an object.");
    basis->has_baseline = true;
    for_each_in_list(b, "licenses", [&](const JsonValue& j, const std::string& path) {
      basis->baseline_licenses.push_back(license_from_json(j, path, plans));
    }, "report.baseline.");
    if (const JsonValue conf = find_member(b, "conferencing", "report.baseline"); conf.present()) {
      basis->baseline_conferencing = conferencing_from_json(conf, "report.baseline.conferencing");
    }
    for_each_in_list(b, "usage", [&](const JsonValue& j, const std::string& path) {
      basis->baseline_usage.push_back(usage_from_json(j, path, plans));
    }, "report.baseline.");
  }
  return basis;
}

// `licence_prices`: {"calling_plans": {PLAN: "8.00", ...}, "conferencing": {"standard": "4.00", ...}}, per licence per
// month. Each price is an amount that is not negative; unknown plans and licence kinds are errors, never ignored.
LicencePrices licence_prices_from_json(const JsonValue& v) {
  LicencePrices prices;
  prices.given = true;
  if (!v.is_object()) throw field_error("bad_value", "licence_prices", "The licence prices should be an object.");
  const auto price = [](const JsonValue& amount, const std::string& path, const std::string& key) {
    const Money m = money_value(amount, path);
    if (m.is_negative()) throw field_error("bad_value", path, "The licence price for " + key + " cannot be negative.");
    return m;
  };
  for (const auto& [group, list] : members_in_key_order(v)) {
    const std::string path = "licence_prices." + group;
    if (group != "calling_plans" && group != "conferencing") {
      throw field_error("bad_value", path, "The licence prices have calling_plans and conferencing, not \"" + group + "\".");
    }
    if (!list.is_object()) throw field_error("bad_value", path, field_words(path, true) + " should be an object.");
    for (const auto& [key, amount] : members_in_key_order(list)) {
      const std::string at = path + "." + key;
      if (group == "calling_plans") {
        const std::optional<Plan> plan = plan_from_key(key);
        if (!plan || *plan == Plan::none) {
          throw field_error("unknown_plan", at, "A licence price is for domestic, domestic_120, domestic_240, "
                                                "domestic_international or payg, not \"" + key + "\".");
        }
        prices.calling_plans[*plan] = price(amount, at, key);
      } else {
        if (key != "standard" && key != "us_ca_dial_out" && key != "pay_per_minute") {
          throw field_error("bad_value", at, "A conferencing licence price is for standard, us_ca_dial_out or "
                                             "pay_per_minute, not \"" + key + "\".");
        }
        prices.conferencing[key] = price(amount, at, key);
      }
    }
  }
  return prices;
}

Plan plan_change_plan(const JsonValue& v, const std::string& path) {
  const auto p = plan_from_key(text_value(v, path));
  if (!p) {
    throw field_error("unknown_plan", path, field_words(path, true) + " must be domestic, domestic_120, domestic_240, "
                                         "domestic_international, payg or none.");
  }
  return *p;
}

// `what_if`: {"plan_changes": [{"from": PLAN, "to": PLAN, "country": CC?}]}.
WhatIfRequest what_if_from_json(const JsonValue& w) {
  WhatIfRequest request;
  const JsonValue changes = require_member(w, "plan_changes", "what_if");
  if (!changes.is_array()) throw field_error("bad_value", "what_if.plan_changes", "The plan changes of the what-if should be a list.");
  changes.for_each_element([&](std::size_t i, const JsonValue& change) {
    const std::string path = "what_if.plan_changes[" + std::to_string(i) + "]";
    PlanChangeRequest c;
    c.from = plan_change_plan(require_member(change, "from", path), path + ".from");
    c.to = plan_change_plan(require_member(change, "to", path), path + ".to");
    if (const JsonValue country = find_member(change, "country", path); country.present()) {
      c.country = text_value(country, path + ".country");
    }
    request.plan_changes.push_back(std::move(c));
  });
  return request;
}

}  // namespace

Settings SettingOverrides::applied_to(const Settings& defaults) const {
  Settings s = defaults;
  if (uk_domestic_minutes) s.uk_domestic_minutes = *uk_domestic_minutes;
  if (spend_includes_connection_fee) s.spend_includes_connection_fee = *spend_includes_connection_fee;
  if (billing_increment_seconds) s.billing_increment_seconds = *billing_increment_seconds;
  if (dial_out_pool_basis) s.dial_out_pool_basis = *dial_out_pool_basis;
  if (minimum_purchase) s.minimum_purchase = *minimum_purchase;
  return s;
}

namespace {

// The whole text read; with a cache, its rows whose text is unchanged are taken from it, and `spans` gets each
// usage row's place in `text`.
Scenario read_whole(std::string_view text, const std::string& file, const Plans* plans, const UsageRowCache* cache,
                    std::uint64_t plans_version, std::vector<std::pair<std::size_t, std::size_t>>* spans) {
  JsonView view;
  read_json(view, text, file);
  const JsonValue doc = view.root();
  try {
    Scenario s;
    if (const JsonValue schema = find_member(doc, "schema", ""); schema.present()) {
      const std::string v = text_value(schema, "schema");
      if (v != "ccredits.scenario/1") {
        throw InputError("bad_value", "\"schema\" must be \"ccredits.scenario/1\", not \"" + v + "\".");
      }
    }
    for_each_in_list(doc, "licenses", [&](const JsonValue& j, const std::string& path) {
      s.licenses.push_back(license_from_json(j, path, plans));
    });
    if (const JsonValue conf = find_member(doc, "conferencing", ""); conf.present()) {
      s.conferencing = conferencing_from_json(conf, "conferencing");
    }
    const bool cache_valid = cache && cache->read && cache->plans == plans && cache->plans_version == plans_version;
    const std::vector<UsageRow>* cached_rows = cache_valid ? &cache->scenario.usage : nullptr;
    for_each_in_list(doc, "usage", [&](const JsonValue& j, const std::string& path) {
      const std::size_t i = s.usage.size();
      const std::string_view row_text = j.raw();
      if (spans) spans->emplace_back(static_cast<std::size_t>(row_text.data() - text.data()), row_text.size());
      if (cached_rows && i < cached_rows->size() &&
          std::string_view(cache->text).substr(cache->spans[i].first, cache->spans[i].second) == row_text) {
        s.usage.push_back((*cached_rows)[i]);
      } else {
        s.usage.push_back(usage_from_json(j, path, plans));
      }
    });
    if (const JsonValue settings = find_member(doc, "settings", ""); settings.present()) {
      s.settings = settings_from_json(settings, plans);
    }
    if (const JsonValue currency = find_member(doc, "currency", ""); currency.present()) {
      s.currency = to_upper_ascii(trim(text_value(currency, "currency")));
      if (s.currency.size() != 3) {
        throw field_error("bad_value", "currency", "The currency must be a three-letter ISO 4217 code such as USD.");
      }
    }
    if (const JsonValue p = find_member(doc, "licence_prices", ""); p.present() && !p.is_null()) {
      s.licence_prices = licence_prices_from_json(p);
    }
    if (const JsonValue r = find_member(doc, "report", ""); r.present() && !r.is_null()) {
      s.report = report_from_json(r, plans);
    }
    // Last, in this order: the answers only the advice and the what-if use (core/CONTRACT.md "Errors").
    s.billing = billing_from_json(find_member(doc, "billing", ""), "billing");
    s.funding = funding_from_json(find_member(doc, "funding", ""));
    if (const JsonValue w = find_member(doc, "what_if", ""); w.present()) s.what_if = what_if_from_json(w);
    return s;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

// How many bytes a and b share at their start (8 at a time: this runs over the whole text on every keystroke).
std::size_t common_prefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// ... and at their end, leaving out the first `skip` bytes of each.
std::size_t common_suffix(std::string_view a, std::string_view b, std::size_t skip) {
  const std::size_t n = std::min(a.size(), b.size()) - skip;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + a.size() - i - 8, 8);
    std::memcpy(&y, b.data() + b.size() - i - 8, 8);
    if (x != y) break;
  }
  while (i < n && a[a.size() - 1 - i] == b[b.size() - 1 - i]) ++i;
  return i;
}

// Where the new text differs from the cache's only inside one usage row's text, and that text still reads as one
// JSON object, the document is the last one with that row replaced: the text before and after it is the same, and
// a value between them parses the same whatever it holds. Only the row is read (an error in it is the error a whole
// read reports first, every other part having read without one last time), and the cache is updated. False when
// the edit is not of that kind (or the text is the same): the caller reads the whole text.
bool read_row_edit(std::string_view text, const std::string& file, const Plans* plans, UsageRowCache& cache) {
  const std::string_view old = cache.text;
  const std::size_t prefix = common_prefix(old, text);
  if (prefix == old.size() && prefix == text.size()) return true;  // the same text
  const std::size_t suffix = common_suffix(old, text, prefix);
  // The row whose text holds every changed byte (spans are in order and apart).
  const auto after = std::upper_bound(cache.spans.begin(), cache.spans.end(), prefix,
                                      [](std::size_t at, const auto& span) { return at < span.first; });
  if (after == cache.spans.begin()) return false;
  const std::size_t i = static_cast<std::size_t>(after - cache.spans.begin()) - 1;
  const auto [begin, length] = cache.spans[i];
  if (old.size() - suffix > begin + length) return false;
  const std::size_t new_length = length + text.size() - old.size();
  if (text.size() < old.size() && old.size() - text.size() > length) return false;
  const std::string_view row_text = text.substr(begin, new_length);
  if (row_text.size() < 2 || row_text.front() != '{' || row_text.back() != '}') return false;
  JsonView view;
  // A usage row sits three levels deep (the document, its usage list, the row): the nesting limit counts from the
  // document's root as in a whole read.
  if (!view.read(row_text, 2) || view.needs_full_check()) return false;
  const JsonValue row = view.root();
  if (!row.is_object()) return false;
  UsageRow read_row;
  try {
    read_row = usage_from_json(row, cache.scenario.usage[i].path, plans);
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
  cache.scenario.usage[i] = std::move(read_row);
  cache.text.assign(text);
  cache.spans[i].second = new_length;
  for (std::size_t k = i + 1; k < cache.spans.size(); ++k) cache.spans[k].first = cache.spans[k].first + text.size() - old.size();
  return true;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& file, const Plans* plans, UsageRowCache* cache,
                        std::uint64_t plans_version) {
  if (cache) return read_scenario(text, file, plans, *cache, plans_version);
  return read_whole(text, file, plans, nullptr, plans_version, nullptr);
}

const Scenario& read_scenario(std::string_view text, const std::string& file, const Plans* plans,
                              UsageRowCache& cache, std::uint64_t plans_version) {
  const bool valid = cache.read && cache.plans == plans && cache.plans_version == plans_version;
  if (valid && read_row_edit(text, file, plans, cache)) return cache.scenario;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  Scenario s = read_whole(text, file, plans, &cache, plans_version, &spans);
  cache.text.assign(text);
  cache.spans = std::move(spans);
  cache.scenario = std::move(s);
  cache.read = true;
  cache.plans = plans;
  cache.plans_version = plans_version;
  return cache.scenario;
}

}  // namespace ccredits
