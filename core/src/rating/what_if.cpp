#include "rating/what_if.hpp"

#include <algorithm>

#include "ccredits/error.hpp"
#include "rating/licence_cost.hpp"
#include "numbers/text.hpp"
#include "scenario/billing.hpp"

namespace ccredits {
namespace {

bool domestic_family(Plan p) {
  return p == Plan::domestic || p == Plan::domestic_120 || p == Plan::domestic_240 || p == Plan::domestic_international;
}

// Whether users licensed in `country` can hold plan `p` when the customer is in `customer` (core/DOMAIN.md §3: PAYG
// zones, the Mexico plan not sold to US and PR customers; plans not sold in some countries).
bool sold_in(const Plans& plans, Plan p, const std::string& country, const std::string& customer) {
  if (p == Plan::payg) {
    const PaygZone* zone = plans.payg_zone_of(country);
    return zone && zone->not_sold_to_customers_in.count(customer) == 0;
  }
  return plans.plan(p).not_sold_in.count(country) == 0;
}

// The customer's country: the organization's, or the tenant's when that is not given (empty when neither is).
std::string customer_country(const Billing& b) {
  return b.organization_country.empty() ? b.tenant_country : b.organization_country;
}

void move_users(WhatIfScenario& w, const Plans& plans, const std::string& customer,
                const std::function<bool(const License&)>& moves, Plan to) {
  for (License& l : w.scenario.licenses) {
    if (l.users == 0 || l.plan == to || !moves(l) || !sold_in(plans, to, l.country, customer)) continue;
    w.changes.push_back({l.country, l.plan, to, l.users,
                         std::to_string(l.users) + " users in " + l.country + ": " + plan_title(l.plan) + " -> " +
                             plan_title(to)});
    l.plan = to;
  }
}

}  // namespace

std::string plan_title(Plan p) {
  switch (p) {
    case Plan::domestic: return "Domestic";
    case Plan::domestic_120: return "Domestic 120";
    case Plan::domestic_240: return "Domestic 240";
    case Plan::domestic_international: return "Domestic and International";
    case Plan::payg: return "Pay-As-You-Go";
    case Plan::none: break;
  }
  return "no Calling Plan";
}

namespace {

std::string signed_amount(const Money& m) { return (m.is_negative() ? "" : "+") + money_in_words(m); }

// Licences plus credits, when the admin gave licence prices for every plan in use before and after the change.
void compare_licences(const Scenario& now, const Scenario& changed, const Money& credits_now, const Money& credits_after,
                      const std::string& currency, WhatIfReport& out) {
  const std::optional<LicenceCost> before = licence_cost(now);
  if (!before) return;
  const LicenceCost after = *licence_cost(changed);
  out.unpriced_licences = before->unpriced;
  for (const std::string& key : after.unpriced) {
    if (std::find(out.unpriced_licences.begin(), out.unpriced_licences.end(), key) == out.unpriced_licences.end()) {
      out.unpriced_licences.push_back(key);
    }
  }
  if (!out.unpriced_licences.empty()) {
    // In words for the note (the keys stay in unpriced_licences for programs): the plan's title, or the
    // conferencing licence as the page names it.
    std::string list;
    for (const std::string& key : out.unpriced_licences) {
      const std::optional<Plan> plan = plan_from_key(key);
      const std::string words = plan ? plan_title(*plan)
                                : key == "conferencing.standard"       ? "Audio Conferencing"
                                : key == "conferencing.us_ca_dial_out" ? "Dial-out to USA/CAN"
                                                                       : "Pay-per-minute conferencing";
      list += (list.empty() ? "" : ", ") + words;
    }
    out.note = "Only the per-minute spend from credits is compared: enter your licence price for " + list +
               " to compare licences plus credits.";
    return;
  }
  out.licences = WhatIfReport::Comparison{before->monthly, after.monthly, after.monthly - before->monthly};
  const Money total_now = credits_now + before->monthly;
  const Money total_after = credits_after + after.monthly;
  out.total = WhatIfReport::Comparison{total_now, total_after, total_after - total_now};
  out.note = "Licences at the prices you entered, plus the monthly credit spend, are compared.";
  out.summary += " Licences plus credits " + money_in_words(total_now) + " -> " + money_in_words(total_after) + " " + currency +
                 " (" + signed_amount(total_after - total_now) + " a month).";
}

}  // namespace

WhatIfScenario what_if_scenario(const Scenario& scenario, const Plans& plans) {
  const std::string customer = customer_country(scenario.billing);
  WhatIfScenario w{scenario, {}, {}};
  if (scenario.what_if) {
    for (const PlanChangeRequest& change : scenario.what_if->plan_changes) {
      move_users(w, plans, customer, [&](const License& l) {
        return l.plan == change.from && (change.country.empty() || l.country == change.country);
      }, change.to);
    }
    w.description = "The same calls with the plan changes you asked for";
    return w;
  }
  move_users(w, plans, customer, [](const License& l) { return domestic_family(l.plan); }, Plan::payg);
  if (!w.changes.empty()) {
    w.description = "The same calls with every Domestic-family Calling Plan user on Pay-As-You-Go";
    return w;
  }
  move_users(w, plans, customer, [](const License& l) { return l.plan == Plan::payg; }, Plan::domestic);
  if (!w.changes.empty()) w.description = "The same calls with every Pay-As-You-Go user on the Domestic Calling Plan";
  return w;
}

std::optional<WhatIfReport> what_if_report(const Scenario& scenario, const Estimate& current, const Plans& plans,
                                           const std::function<Estimate(const Scenario&)>& estimate_of) {
  WhatIfScenario w = what_if_scenario(scenario, plans);
  if (w.changes.empty()) return std::nullopt;
  WhatIfReport out;
  out.description = std::move(w.description);
  out.changes = std::move(w.changes);
  out.current_monthly_total = current.monthly_total;
  out.note = "Only the per-minute spend from credits is compared; the plans' licence prices are not included.";
  Estimate alt;
  try {
    alt = estimate_of(w.scenario);
  } catch (const InputError& e) {
    if (e.code() == "internal") throw;  // a bug in ccredits is never turned into a note
    // The changed plans can bill minutes the estimate itself never prices (a pool covered them): a rate missing for
    // those makes only this comparison impossible, and it says so here instead of failing the whole estimate.
    out.error = WhatIfReport::Error{e.code(), e.what()};
    out.summary = "The change cannot be priced: " + std::string(e.what());
    return out;
  }
  const Money difference = alt.monthly_total - current.monthly_total;
  const std::string sign = difference.is_negative() ? "" : "+";
  out.monthly_total = alt.monthly_total;
  out.difference = difference;
  out.summary = "Monthly credit spend " + money_in_words(current.monthly_total) + " -> " + money_in_words(alt.monthly_total) +
                " " + current.currency + " (" + sign + money_in_words(difference) + " a month).";
  out.by_use_case = std::move(alt.by_use_case);
  out.warnings = std::move(alt.warnings);
  compare_licences(scenario, w.scenario, current.monthly_total, alt.monthly_total, current.currency, out);
  return out;
}

}  // namespace ccredits
