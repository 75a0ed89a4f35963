// The estimate as JSON text (core/CONTRACT.md "Estimate"), from the typed result. Written member by member with
// JsonText instead of building a nlohmann document and dumping it: this runs on every keystroke of the page, and for
// a 200-row scenario the document of the lines alone cost more than the whole rating (tests/bench/README.md).
// Keys are written in nlohmann's (byte) order; optional members only when set, as core/CONTRACT.md describes them.
#include <algorithm>
#include <array>

#include "output/estimate_text.hpp"

namespace ccredits {
namespace {

void write_pool(JsonText& out, const PoolReport& p);

}  // namespace

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

void write_settings(JsonText& out, const AppliedSettings& s) {
  const auto one = [&](std::string_view name, const std::optional<SettingInfo>& info, auto write_value) {
    out.key(name).begin_object();
    if (info) {
      out.key("conflict").string(info->conflict);
      out.key("default").json_value_text(info->allowed.front());
      out.key("source").string(info->source);
    }
    write_value(out.key("value"));
    out.end_object();
  };
  out.begin_object();
  one("billing_increment_seconds", s.billing_increment_seconds,
      [&](JsonText& o) { o.integer(s.values.billing_increment_seconds); });
  one("dial_out_pool_basis", s.dial_out_pool_basis, [&](JsonText& o) { o.string(s.values.dial_out_pool_basis); });
  one("minimum_purchase", s.minimum_purchase, [&](JsonText& o) { o.integer(s.values.minimum_purchase); });
  one("spend_includes_connection_fee", s.spend_includes_connection_fee,
      [&](JsonText& o) { o.boolean(s.values.spend_includes_connection_fee); });
  one("uk_domestic_minutes", s.uk_domestic_minutes, [&](JsonText& o) { o.integer(s.values.uk_domestic_minutes); });
  out.end_object();
}

void write_strings(JsonText& out, const std::vector<std::string>& list) {
  out.begin_array();
  for (const std::string& s : list) out.string(s);
  out.end_array();
}

void write_amounts(JsonText& out, const std::map<std::string, Money>& amounts) {
  out.begin_object();
  for (const auto& [key, amount] : amounts) out.key(key).fixed(amount.micros(), 2);
  out.end_object();
}

void write_eligibility_reasons(JsonText& out, const std::vector<EligibilityReason>& reasons) {
  out.begin_array();
  for (const EligibilityReason& r : reasons) {
    out.begin_object();
    out.key("answer").string(answer_key(r.answer));
    out.key("code").string(r.code);
    out.key("message").string(r.message);
    out.key("next_step").string(r.next_step);
    out.key("source").string(r.source);
    out.end_object();
  }
  out.end_array();
}

void write_eligibility(JsonText& out, const Eligibility& e) {
  out.begin_object();
  out.key("actions");
  write_strings(out, e.actions);
  out.key("can_purchase").string(answer_key(e.can_purchase));
  out.key("plan_availability");
  write_eligibility_reasons(out, e.plan_availability);
  out.key("reasons");
  write_eligibility_reasons(out, e.reasons);
  out.end_object();
}

void write_recommendation(JsonText& out, const FundingPlan& p, const std::vector<std::string>& notifications) {
  out.begin_object();
  out.key("auto_recharge").begin_object();
  out.key("amount").fixed(p.recharge_amount.micros(), 2);
  out.key("threshold").fixed(p.threshold.micros(), 2);
  out.end_object();
  out.key("balance_series").begin_array();
  for (const Money& m : p.balance_series) out.fixed(m.micros(), 2);
  out.end_array();
  out.key("expiring_unused").fixed(p.expiring_unused.micros(), 2);
  out.key("explanation");
  write_strings(out, p.explanation);
  out.key("horizon_months").integer(p.horizon_months);
  out.key("horizon_spend").fixed(p.horizon_spend.micros(), 2);
  out.key("lowest_balance").fixed(p.lowest_balance.micros(), 2);
  out.key("lowest_balance_day").integer(p.lowest_balance_day);
  out.key("mode").string(funding_mode_key(p.mode));
  out.key("notifications");
  write_strings(out, notifications);
  out.key("one_time").fixed(p.one_time.micros(), 2);
  out.key("profile").string(p.imported_profile ? "imported" : "weekday_weekend");
  out.key("purchase_needed").boolean(p.purchase_needed);
  out.key("recharges_by_month").begin_array();
  for (int n : p.recharges_by_month) out.integer(n);
  out.end_array();
  out.key("recharges_per_month").integer(p.recharges_per_month);
  out.end_object();
}

void write_report(JsonText& out, const ReportSummary& r) {
  out.begin_object();
  out.key("basis").string(r.basis);
  out.key("changes").fixed(r.changes.micros(), 2);
  out.key("charges");
  write_amounts(out, r.charges);
  out.key("charges_monthly_total").fixed(r.charges_monthly_total.micros(), 2);
  out.key("currency").string(r.currency);
  out.key("explanation").string(r.explanation);
  out.key("learned_rates").integer(static_cast<std::int64_t>(r.learned_rates));
  out.key("period").string(r.period);
  out.end_object();
}

void write_what_if(JsonText& out, const std::optional<WhatIfReport>& w) {
  if (!w) {
    out.null();
    return;
  }
  const bool priced = !w->error;
  out.begin_object();
  if (priced) {
    out.key("by_use_case");
    write_amounts(out, w->by_use_case);
  }
  out.key("changes").begin_array();
  for (const PlanChange& c : w->changes) {
    out.begin_object();
    out.key("country").string(c.country);
    out.key("from").string(plan_key(c.from));
    out.key("text").string(c.text);
    out.key("to").string(plan_key(c.to));
    out.key("users").integer(c.users);
    out.end_object();
  }
  out.end_array();
  out.key("current_monthly_total").fixed(w->current_monthly_total.micros(), 2);
  out.key("description").string(w->description);
  if (priced) out.key("difference").fixed(w->difference.micros(), 2);
  if (w->error) {
    out.key("error").begin_object();
    out.key("code").string(w->error->code);
    out.key("message").string(w->error->message);
    out.end_object();
  }
  const auto comparison = [&](const char* key, const std::optional<WhatIfReport::Comparison>& c) {
    if (!c) return;
    out.key(key).begin_object();
    out.key("after").fixed(c->after.micros(), 2);
    out.key("current").fixed(c->current.micros(), 2);
    out.key("difference").fixed(c->difference.micros(), 2);
    out.end_object();
  };
  comparison("licences", w->licences);
  if (priced) out.key("monthly_total").fixed(w->monthly_total.micros(), 2);
  out.key("note").string(w->note);
  out.key("summary").string(w->summary);
  comparison("total", w->total);
  if (!w->unpriced_licences.empty()) {
    out.key("unpriced_licences");
    write_strings(out, w->unpriced_licences);
  }
  out.key("warnings");
  write_strings(out, w->warnings);
  out.end_object();
}

}  // namespace

bool has_estimate_member(const EstimateWithAdvice& r, std::string_view name) {
  if (name == "report") return r.report.has_value();
  if (name == "licence_cost") return r.licence_cost.has_value();
  return true;
}

void write_estimate_member(JsonText& out, const EstimateWithAdvice& r, std::string_view name) {
  const Estimate& e = r.estimate;
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
  } else if (name == "eligibility") {
    write_eligibility(out, r.advice.eligibility);
  } else if (name == "licence_cost") {
    out.begin_object();
    out.key("monthly").fixed(r.licence_cost->monthly.micros(), 2);
    out.key("total_with_credits").fixed((r.licence_cost->monthly + e.monthly_total).micros(), 2);
    out.key("unpriced");
    write_strings(out, r.licence_cost->unpriced);
    out.end_object();
  } else if (name == "lines") {
    out.begin_array();
    for (const EstimateLine& l : e.lines) write_estimate_line(out, l);
    out.end_array();
  } else if (name == "monthly_total") {
    out.fixed(e.monthly_total.micros(), 2);
  } else if (name == "monthly_total_exact") {
    out.exact(e.monthly_total.micros());
  } else if (name == "needs_credits") {
    out.boolean(r.advice.need.needs_credits);
  } else if (name == "needs_credits_reasons") {
    write_strings(out, r.advice.need.reasons);
  } else if (name == "pools") {
    out.begin_array();
    for (const PoolReport& p : e.pools) write_pool(out, p);
    out.end_array();
  } else if (name == "rates") {
    out.begin_object().key("effective").string(e.effective).key("illustrative").boolean(e.illustrative).end_object();
  } else if (name == "recommendation") {
    write_recommendation(out, r.advice.recommendation, r.advice.notifications);
  } else if (name == "report") {
    write_report(out, *r.report);
  } else if (name == "settings") {
    write_settings(out, e.settings);
  } else if (name == "warnings") {
    write_strings(out, e.warnings);
  } else {
    write_what_if(out, r.what_if);
  }
}

bool same_estimate_member(const EstimateWithAdvice& a, const EstimateWithAdvice& b, std::string_view name) {
  const Estimate& x = a.estimate;
  const Estimate& y = b.estimate;
  if (name == "by_use_case") return x.by_use_case == y.by_use_case;
  if (name == "currency") return x.currency == y.currency;
  if (name == "eligibility") return a.advice.eligibility == b.advice.eligibility;
  if (name == "licence_cost") return a.licence_cost == b.licence_cost && x.monthly_total == y.monthly_total;
  if (name == "lines") return x.lines == y.lines;
  if (name == "monthly_total" || name == "monthly_total_exact") return x.monthly_total == y.monthly_total;
  if (name == "needs_credits") return a.advice.need.needs_credits == b.advice.need.needs_credits;
  if (name == "needs_credits_reasons") return a.advice.need.reasons == b.advice.need.reasons;
  if (name == "pools") return x.pools == y.pools;
  if (name == "rates") return x.effective == y.effective && x.illustrative == y.illustrative;
  if (name == "recommendation") {
    return a.advice.recommendation == b.advice.recommendation && a.advice.notifications == b.advice.notifications;
  }
  if (name == "report") return a.report == b.report;
  if (name == "settings") return x.settings == y.settings;
  if (name == "warnings") return x.warnings == y.warnings;
  return a.what_if == b.what_if;
}

std::string estimate_text(const EstimateWithAdvice& r) {
  JsonText out(4096 + 384 * r.estimate.lines.size());
  out.begin_object();
  for (std::string_view name : kEstimateMembers) {
    if (has_estimate_member(r, name)) write_estimate_member(out, r, name);
  }
  out.end_object();
  return out.take();
}

}  // namespace ccredits
