// Loader of rates/plans.json (core/CONTRACT.md "Plans"). The rules that use the data cite core/DOMAIN.md and
// Microsoft's files; this file only checks that the data is complete and well formed, and says where it is not.
#include "reference/plans.hpp"

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

constexpr std::array<std::string_view, kPlanCount> kPlanKeys = {
    "domestic", "domestic_120", "domestic_240", "domestic_international", "payg", "none"};

[[noreturn]] void bad(const std::string& path, const std::string& why) {
  throw InputError("bad_plans", "\"" + path + "\" " + why);
}

std::string country_at(const json& v, const std::string& path) {
  const std::string c = text_value(v, path);
  if (!is_country_code(c)) bad(path, "must be a two-letter upper-case country code, not \"" + c + "\".");
  return c;
}

std::vector<std::string> countries_at(const json& v, const std::string& path) {
  if (!v.is_array()) bad(path, "should be a list of country codes.");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) out.push_back(country_at(v[i], path + "[" + std::to_string(i) + "]"));
  return out;
}

std::string source_at(const json& obj, const std::string& path) {
  return text_value(require_member(obj, "source", path), path + ".source");
}

CallingPlanInfo calling_plan_at(const json& j, const std::string& path) {
  CallingPlanInfo p;
  if (const json* v = find_member(j, "capability", path)) p.capability = text_value(*v, path + ".capability");
  p.pooled = bool_value(require_member(j, "pooled", path), path + ".pooled");
  const std::string inc = path + ".included_minutes";
  const json& included = require_member(j, "included_minutes", path);
  p.default_minutes = count_value(require_member(included, "default", inc), inc + ".default");
  if (const json* by = find_member(included, "by_country", inc)) {
    const std::string by_path = inc + ".by_country";
    if (!by->is_object()) bad(by_path, "should be an object of country code -> minutes.");
    for (auto it = by->begin(); it != by->end(); ++it) {
      const std::string at = by_path + "." + it.key();
      if (!is_country_code(it.key())) bad(at, "is not a two-letter upper-case country code.");
      if (it->is_object()) {
        const std::string setting = text_value(require_member(*it, "setting", at), at + ".setting");
        if (setting != "uk_domestic_minutes") bad(at + ".setting", "names an unknown setting \"" + setting + "\".");
        p.countries_using_uk_setting.insert(it.key());
      } else {
        p.minutes_by_country[it.key()] = count_value(*it, at);
      }
    }
  }
  if (const json* v = find_member(j, "international_minutes", path)) {
    p.international_minutes = count_value(*v, path + ".international_minutes");
  }
  if (const json* v = find_member(j, "not_sold_in", path)) {
    for (const auto& c : countries_at(*v, path + ".not_sold_in")) p.not_sold_in.insert(c);
  }
  p.source = source_at(j, path);
  return p;
}

ConferencingPoolInfo conferencing_pool_at(const json& j, const std::string& path) {
  ConferencingPoolInfo c;
  c.minutes_per_licence = count_value(require_member(j, "minutes_per_licence", path), path + ".minutes_per_licence");
  if (const json* d = find_member(j, "destinations", path)) {
    if (d->is_string()) {
      if (d->get<std::string>() != "zone_a") bad(path + ".destinations", "must be \"zone_a\" or a list of countries.");
      c.zone_a = true;
    } else {
      for (const auto& x : countries_at(*d, path + ".destinations")) c.destinations.insert(x);
    }
  }
  if (const json* v = find_member(j, "non_premium_only", path)) c.non_premium_only = bool_value(*v, path + ".non_premium_only");
  c.source = source_at(j, path);
  return c;
}

std::string allowed_text(const json& v) { return v.dump(); }

void read_settings(const json& doc, Plans& plans) {
  const json& s = require_member(doc, "settings", "");
  auto info = [&](const char* name) -> const json& {
    const json& j = require_member(s, name, "settings");
    const std::string path = std::string("settings.") + name;
    SettingInfo si;
    si.name = name;
    if (const json* c = find_member(j, "conflict", path)) si.conflict = text_value(*c, path + ".conflict");
    si.source = source_at(j, path);
    const json& def = require_member(j, "default", path);
    si.allowed.push_back(allowed_text(def));
    if (const json* alts = find_member(j, "alternatives", path)) {
      if (!alts->is_array()) bad(path + ".alternatives", "should be a list.");
      for (const json& a : *alts) si.allowed.push_back(allowed_text(a));
    }
    plans.setting_info.push_back(std::move(si));
    return def;
  };
  plans.defaults.uk_domestic_minutes = count_value(info("uk_domestic_minutes"), "settings.uk_domestic_minutes.default");
  plans.defaults.spend_includes_connection_fee =
      bool_value(info("spend_includes_connection_fee"), "settings.spend_includes_connection_fee.default");
  plans.defaults.billing_increment_seconds =
      count_value(info("billing_increment_seconds"), "settings.billing_increment_seconds.default");
  if (plans.defaults.billing_increment_seconds <= 0) bad("settings.billing_increment_seconds.default", "must be positive.");
  plans.defaults.dial_out_pool_basis =
      text_value(info("dial_out_pool_basis"), "settings.dial_out_pool_basis.default");
  // core/DOMAIN.md §1: the minimum purchase rests on one old quote; a setting so that it shows, with its source.
  plans.defaults.minimum_purchase = count_value(info("minimum_purchase"), "settings.minimum_purchase.default");
  const json& minimum = require_member(s, "minimum_purchase", "settings");
  if (const json* q = find_member(minimum, "quote", "settings.minimum_purchase")) {
    plans.minimum_purchase_quote = text_value(*q, "settings.minimum_purchase.quote");
  }
  plans.minimum_purchase_source = source_at(minimum, "settings.minimum_purchase");
  if (plans.defaults.dial_out_pool_basis != "assigned" && plans.defaults.dial_out_pool_basis != "purchased") {
    bad("settings.dial_out_pool_basis.default", "must be \"assigned\" or \"purchased\".");
  }
}

Plans plans_from_json(const json& doc) {
  Plans plans;
  const std::string schema = text_value(require_member(doc, "schema", ""), "schema");
  if (schema != "ccredits.plans/1") bad("schema", "must be \"ccredits.plans/1\", not \"" + schema + "\".");
  plans.effective = text_value(require_member(doc, "effective", ""), "effective");
  plans.source = text_value(require_member(doc, "source", ""), "source");

  const json& cps = require_member(doc, "calling_plans", "");
  for (std::size_t i = 0; i < kPlanCount; ++i) {
    const std::string key(kPlanKeys[i]);
    plans.calling_plans[i] = calling_plan_at(require_member(cps, key.c_str(), "calling_plans"), "calling_plans." + key);
  }

  const json& areas = require_member(doc, "domestic_areas", "");
  if (!areas.is_array()) bad("domestic_areas", "should be a list.");
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const std::string path = "domestic_areas[" + std::to_string(i) + "]";
    const auto users_in = countries_at(require_member(areas[i], "users_in", path), path + ".users_in");
    const auto domestic = countries_at(require_member(areas[i], "domestic", path), path + ".domestic");
    for (const auto& u : users_in) {
      if (plans.domestic_areas.count(u)) bad(path + ".users_in", "repeats " + u + ", already in an earlier area.");
      plans.domestic_areas[u] = std::set<std::string>(domestic.begin(), domestic.end());
      plans.domestic_areas[u].insert(u);
    }
    plans.domestic_areas_source = source_at(areas[i], path);
  }

  const json& zone_a = require_member(doc, "zone_a", "");
  for (const auto& c : countries_at(require_member(zone_a, "countries", "zone_a"), "zone_a.countries")) plans.zone_a.insert(c);
  plans.zone_a_source = source_at(zone_a, "zone_a");
  if (const json* toll_free = find_member(doc, "toll_free_prefixes", "")) {
    const json& prefixes = require_member(*toll_free, "prefixes", "toll_free_prefixes");
    if (!prefixes.is_array()) bad("toll_free_prefixes.prefixes", "should be a list of dialling prefixes.");
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
      plans.toll_free_prefixes.push_back(text_value(prefixes[i], "toll_free_prefixes.prefixes[" + std::to_string(i) + "]"));
    }
  }

  const json& zones = require_member(doc, "payg_zones", "");
  if (!zones.is_array()) bad("payg_zones", "should be a list.");
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const std::string path = "payg_zones[" + std::to_string(i) + "]";
    PaygZone z;
    z.zone = text_value(require_member(zones[i], "zone", path), path + ".zone");
    z.countries = countries_at(require_member(zones[i], "countries", path), path + ".countries");
    if (const json* v = find_member(zones[i], "not_sold_to_customers_in", path)) {
      for (const auto& c : countries_at(*v, path + ".not_sold_to_customers_in")) z.not_sold_to_customers_in.insert(c);
      z.quote = text_value(require_member(zones[i], "quote", path), path + ".quote");
    }
    z.source = source_at(zones[i], path);
    plans.payg_zones.push_back(std::move(z));
  }

  const json& conf = require_member(doc, "conferencing", "");
  plans.conf_standard = conferencing_pool_at(require_member(conf, "standard", "conferencing"), "conferencing.standard");
  plans.conf_us_ca =
      conferencing_pool_at(require_member(conf, "us_ca_dial_out", "conferencing"), "conferencing.us_ca_dial_out");

  const json& no_credit = require_member(doc, "no_credit_countries", "");
  for (const auto& c : countries_at(require_member(no_credit, "countries", "no_credit_countries"),
                                    "no_credit_countries.countries")) {
    plans.no_credit_countries.insert(c);
  }
  if (const json* why = find_member(no_credit, "why", "no_credit_countries")) {
    if (!why->is_object()) bad("no_credit_countries.why", "should be an object of country code -> what the page says.");
    for (auto it = why->begin(); it != why->end(); ++it) {
      const std::string at = "no_credit_countries.why." + it.key();
      if (!plans.no_credit_countries.count(it.key())) bad(at, "names a country that is not in no_credit_countries.countries.");
      plans.no_credit_why[it.key()] = text_value(*it, at);
    }
  }
  plans.no_credit_source = source_at(no_credit, "no_credit_countries");

  const json& codes = require_member(doc, "capability_codes", "");
  const json& code_plans = require_member(codes, "plans", "capability_codes");
  if (!code_plans.is_object()) bad("capability_codes.plans", "should be an object of capability code -> plan key.");
  for (auto it = code_plans.begin(); it != code_plans.end(); ++it) {
    const std::string at = "capability_codes.plans." + it.key();
    const auto plan = plan_from_key(text_value(*it, at));
    if (!plan) bad(at, "must be a plan key of calling_plans.");
    plans.capability_plans[to_upper_ascii(it.key())] = *plan;
  }
  if (const json* others = find_member(codes, "not_calling_plans", "capability_codes")) {
    if (!others->is_object()) bad("capability_codes.not_calling_plans", "should be an object of capability code -> what it is.");
    for (auto it = others->begin(); it != others->end(); ++it) {
      plans.capability_others[to_upper_ascii(it.key())] = text_value(*it, "capability_codes.not_calling_plans." + it.key());
    }
  }
  plans.capability_source = source_at(codes, "capability_codes");

  read_settings(doc, plans);

  // Every code the data names is a country the calculator knows about.
  auto know = [&](const std::string& c) { plans.known_countries.insert(c); };
  for (const auto& p : plans.calling_plans) {
    for (const auto& [c, m] : p.minutes_by_country) know(c);
    for (const auto& c : p.countries_using_uk_setting) know(c);
    for (const auto& c : p.not_sold_in) know(c);
  }
  for (const auto& [u, area] : plans.domestic_areas) {
    know(u);
    for (const auto& c : area) know(c);
  }
  for (const auto& c : plans.zone_a) know(c);
  for (const auto& z : plans.payg_zones) {
    for (const auto& c : z.countries) know(c);
  }
  for (const auto& c : plans.conf_us_ca.destinations) know(c);
  for (const auto& c : plans.no_credit_countries) know(c);
  return plans;
}

}  // namespace

std::string_view plan_key(Plan p) { return kPlanKeys[static_cast<std::size_t>(p)]; }

std::optional<Plan> plan_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kPlanCount; ++i) {
    if (kPlanKeys[i] == key) return static_cast<Plan>(i);
  }
  return std::nullopt;
}

std::int64_t Plans::included_minutes(Plan p, std::string_view country, const Settings& settings) const {
  const CallingPlanInfo& info = plan(p);
  const std::string c(country);
  // core/DOMAIN.md §8: UK Domestic minutes are a setting (calling-plans-for-office-365.md vs the UK country page).
  if (info.countries_using_uk_setting.count(c)) return settings.uk_domestic_minutes;
  auto it = info.minutes_by_country.find(c);
  return it != info.minutes_by_country.end() ? it->second : info.default_minutes;
}

bool Plans::is_domestic(std::string_view from, std::string_view to) const {
  if (from == to) return true;
  auto it = domestic_areas.find(std::string(from));
  return it != domestic_areas.end() && it->second.count(std::string(to)) > 0;
}

const PaygZone* Plans::payg_zone_of(std::string_view country) const {
  for (const PaygZone& z : payg_zones) {
    for (const auto& c : z.countries) {
      if (c == country) return &z;
    }
  }
  return nullptr;
}

std::optional<Plan> Plans::plan_of_capability(std::string_view code) const {
  const auto it = capability_plans.find(to_upper_ascii(std::string(code)));
  if (it == capability_plans.end()) return std::nullopt;
  return it->second;
}

const SettingInfo* Plans::setting(std::string_view name) const {
  for (const SettingInfo& s : setting_info) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Plans load_plans(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    Plans plans = plans_from_json(doc);
    plans.file = file;
    return plans;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
