// The estimate as JSON text (core/CONTRACT.md "Estimate"). Written member by member with JsonText instead of building a
// nlohmann document and dumping it: this runs on every keystroke of the page, and for a 200-row scenario the
// document of the lines alone cost more than the whole rating (tests/bench/estimate_bench.cpp).
#include <algorithm>
#include <array>

#include "output/estimate_text.hpp"

namespace ccredits {
namespace {

void write_pool(JsonText& out, const PoolReport& p);

}  // namespace

// Keys in nlohmann's (byte) order; optional members only when set, as core/CONTRACT.md describes them.
void write_estimate_line(JsonText& out, const EstimateLine& l) {
  const bool has_calls = !l.calls.is_zero();
  out.begin_object();
  out.key("amount").fixed(l.amount.micros(), 2);
  out.key("amount_exact").exact(l.amount.micros());
  if (has_calls) out.key("calls").minutes(l.calls);
  if (has_calls) out.key("connection").exact(l.connection.micros());
  out.key("country").string(l.country);
  out.key("destination").string(l.destination);
  if (!l.from.empty()) out.key("from").string(l.from);
  out.key("minutes").minutes(l.minutes);
  if (!l.note.empty()) out.key("note").string(l.note);
  out.key("number_type").string(number_type_key(l.number_type));
  if (!l.plan.empty()) out.key("plan").string(l.plan);
  if (!l.pool.empty()) out.key("pool").string(l.pool);
  out.key("rate").exact(l.rate.micros());
  if (!l.rate_source.empty()) out.key("rate_source").string(l.rate_source);
  if (!l.service.empty()) out.key("service").string(l.service);
  out.key("sheet").string(sheet_key(l.sheet));
  out.key("usage").string(l.usage);
  out.key("usage_minutes").minutes(l.usage_minutes);
  out.key("use_case").string(l.use_case);
  out.end_object();
}

namespace {

void write_pool(JsonText& out, const PoolReport& p) {
  const bool calling_plan = p.kind == "calling_plan";
  out.begin_object();
  if (!p.country.empty()) out.key("country").string(p.country);
  out.key("id").string(p.id);
  out.key("included_minutes").minutes(p.included);
  if (!p.international_weight.is_zero()) out.key("international_weight").minutes(p.international_weight);
  out.key("kind").string(p.kind);
  if (!calling_plan) out.key("licences").integer(p.licences);
  out.key("overage_minutes").minutes(p.overage);
  if (!p.plan.empty()) out.key("plan").string(p.plan);
  out.key("pooled").boolean(p.pooled);
  out.key("source").string(p.source);
  out.key("used_minutes").minutes(p.used);
  if (calling_plan) out.key("users").integer(p.licences);
  if (!p.zone.empty()) out.key("zone").string(p.zone);
  out.end_object();
}

}  // namespace

void write_estimate_member(JsonText& out, const Estimate& e, std::string_view name) {
  out.key(name);
  if (name == "by_use_case") {
    std::array<std::string_view, std::size(kUseCases)> keys;
    std::copy(std::begin(kUseCases), std::end(kUseCases), keys.begin());
    std::sort(keys.begin(), keys.end());
    out.begin_object();
    for (std::string_view u : keys) {
      auto it = e.by_use_case.find(std::string(u));
      out.key(u).fixed((it == e.by_use_case.end() ? Money() : it->second).micros(), 2);
    }
    out.end_object();
  } else if (name == "currency") {
    out.string(e.currency);
  } else if (name == "lines") {
    out.begin_array();
    for (const EstimateLine& l : e.lines) write_estimate_line(out, l);
    out.end_array();
  } else if (name == "monthly_total") {
    out.fixed(e.monthly_total.micros(), 2);
  } else if (name == "monthly_total_exact") {
    out.exact(e.monthly_total.micros());
  } else if (name == "pools") {
    out.begin_array();
    for (const PoolReport& p : e.pools) write_pool(out, p);
    out.end_array();
  } else if (name == "rates") {
    out.begin_object().key("effective").string(e.effective).key("illustrative").boolean(e.illustrative).end_object();
  } else if (name == "settings") {
    out.value(e.settings);
  } else {
    out.begin_array();
    for (const std::string& w : e.warnings) out.string(w);
    out.end_array();
  }
}

bool same_estimate_member(const Estimate& a, const Estimate& b, std::string_view name) {
  if (name == "by_use_case") return a.by_use_case == b.by_use_case;
  if (name == "currency") return a.currency == b.currency;
  if (name == "lines") return a.lines == b.lines;
  if (name == "monthly_total" || name == "monthly_total_exact") return a.monthly_total == b.monthly_total;
  if (name == "pools") return a.pools == b.pools;
  if (name == "rates") return a.effective == b.effective && a.illustrative == b.illustrative;
  if (name == "settings") return same_json(a.settings, b.settings);
  return a.warnings == b.warnings;
}

bool same_json(const json& a, const json& b) {
  // nlohmann's == calls 1 and 1.0 equal, but dumps them differently.
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto x = a.cbegin(), y = b.cbegin(); x != a.cend(); ++x, ++y) {
      if (x.key() != y.key() || !same_json(x.value(), y.value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_json(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

std::string estimate_text(const Estimate& e, const json& more) {
  JsonText out(1024 + 384 * e.lines.size());
  out.begin_object();
  for_each_member_in_order(
      more, [&](std::string_view name) { write_estimate_member(out, e, name); },
      [&](const std::string& key, const json& value) { out.key(key).value(value); });
  out.end_object();
  return out.take();
}

json estimate_to_json(const Estimate& e) { return json::parse(estimate_text(e)); }

}  // namespace ccredits
