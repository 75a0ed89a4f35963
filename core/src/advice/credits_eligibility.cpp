#include "advice/credits_eligibility.hpp"

#include <algorithm>

namespace ccredits {
namespace {

// The Microsoft pages each rule rests on (core/DOMAIN.md §6), by title and link: the page shows them to people.
constexpr const char* kSetUpDoc =
    "Set up Communication Credits for your organization "
    "(https://learn.microsoft.com/en-us/microsoftteams/set-up-communications-credits-for-your-organization)";
constexpr const char* kWhatAreDoc =
    "What are Communications Credits? (https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits)";
// New-commerce customers: the MCA page itself comes with the auto-recharge path from rates/eligibility.json.
constexpr const char* kNceDoc =
    "What are Communications Credits? (https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits), "
    "for new-commerce customers";

constexpr const char* kFindAccounts =
    "Check it in the Microsoft 365 admin center > Billing > Billing accounts (the account type is shown as "
    "Microsoft Online Subscription Agreement, Microsoft Customer Agreement or Enterprise Agreement), and under "
    "Billing > Your products which account each Calling / Audio Conferencing subscription is billed to.";

// Rule: the Calling and Audio Conferencing subscriptions are billed to a MOSA account (EA is accepted: the docs
// describe EA customers buying, subject to the billing-address rule below).
EligibilityReason calling_account_rule(const Billing& b) {
  EligibilityReason r{"mosa_calling_account", Answer::yes, "", "", kSetUpDoc};
  switch (b.calling_account) {
    case AccountType::mosa:
    case AccountType::ea:
      r.message = std::string("Your Calling and Audio Conferencing subscriptions are billed to an ") +
                  (b.calling_account == AccountType::mosa ? "MOSA" : "Enterprise Agreement") +
                  " account, which can buy Communication Credits.";
      break;
    case AccountType::mca:
    case AccountType::nce:
      r.answer = Answer::no;
      r.message = std::string("Your Calling and Audio Conferencing subscriptions are billed under ") +
                  (b.calling_account == AccountType::mca ? "a Microsoft Customer Agreement (MCA)" : "the new commerce experience (NCE)") +
                  ": credits cannot be bought, because calls beyond your plans are billed after use.";
      r.next_step = "Nothing to buy; make sure auto-recharge is off (see the billed-after-use rule).";
      break;
    case AccountType::unknown:
      r.answer = Answer::unclear;
      r.message = "It is not known which billing account type your Calling and Audio Conferencing subscriptions use; "
                  "credits can be bought only when it is a MOSA (Microsoft Online Subscription Agreement) account.";
      r.next_step = kFindAccounts;
      break;
  }
  return r;
}

EligibilityReason default_account_rule(const Billing& b) {
  EligibilityReason r{"mosa_default_account", Answer::yes, "", "", kSetUpDoc};
  switch (b.default_account) {
    case AccountType::mosa:
    case AccountType::ea:
      r.message = "Your default billing account is a " +
                  std::string(b.default_account == AccountType::mosa ? "MOSA" : "Enterprise Agreement") +
                  " account, as required to buy credits.";
      break;
    case AccountType::mca:
    case AccountType::nce:
      r.answer = Answer::no;
      r.message = "Your default billing account is a " +
                  std::string(b.default_account == AccountType::mca ? "Microsoft Customer Agreement (MCA)" : "new commerce (NCE)") +
                  " account; credits can be bought only when the default billing account is the MOSA account.";
      r.next_step = "If you also have a MOSA account, ask Microsoft support (Microsoft 365 admin center > Support) "
                    "to make it the default billing account; a tenant can have both.";
      break;
    case AccountType::unknown:
      r.answer = Answer::unclear;
      r.message = "It is not known which billing account is your default; it must be the MOSA account.";
      r.next_step = kFindAccounts;
      break;
  }
  return r;
}

EligibilityReason billed_after_use_rule(const Billing& b, const CreditsPolicy& p) {
  EligibilityReason r{"mca_nce_billed_after_use", Answer::yes, "", "",
                      p.auto_recharge_off_source.empty() ? std::string(kNceDoc)
                                                         : p.auto_recharge_off_source + "; " + kNceDoc};
  // What is billed after use is the calling subscriptions' usage (core/DOMAIN.md §6), so only their account decides;
  // an MCA default billing account with MOSA subscriptions still needs credits, and the default-account rule says
  // that it must become the MOSA account before they can be bought (as credits_need.cpp decides the need).
  if (billed_after_use(b.calling_account)) {
    r.answer = Answer::no;
    r.message = "MCA and new-commerce (NCE) calling subscriptions are billed after use (telco pay-as-you-go): they "
                "cannot buy credits, need none, and must turn auto-recharge off or the balance keeps refilling itself.";
    r.next_step = p.auto_recharge_off_path + ".";
  } else if (b.calling_account == AccountType::unknown) {
    r.answer = Answer::unclear;
    r.message = "If your calling subscriptions are MCA or new commerce (NCE), they are billed after use and cannot buy "
                "credits; their account type is not known.";
    r.next_step = kFindAccounts;
  } else {
    r.message = "Your calling subscriptions are not MCA or new commerce, so calls beyond your plans are paid from "
                "prepaid credits.";
  }
  return r;
}

EligibilityReason csp_rule(const Billing& b) {
  EligibilityReason r{"csp_channel", Answer::yes, "", "", kWhatAreDoc};
  switch (b.channel) {
    case Channel::direct:
    case Channel::volume_licensing:
      r.message = std::string("Your plans are bought ") +
                  (b.channel == Channel::direct ? "directly (Web Direct)" : "through Volume Licensing") +
                  ", a channel that can fund credits in the admin center.";
      break;
    case Channel::csp:
      r.answer = Answer::no;
      r.message = "Your Calling or Audio Conferencing plan was bought through a Cloud Solution Provider (CSP): "
                  "you cannot buy credits in the Microsoft 365 admin center.";
      r.next_step = "Ask your CSP partner to fund Communication Credits, or buy the Calling and Audio Conferencing "
                    "plans directly (Web Direct) or through Volume Licensing.";
      break;
    case Channel::unknown:
      r.answer = Answer::unclear;
      r.message = "It is not known whether your plans were bought through a CSP partner; then only the partner can fund credits.";
      r.next_step = "Check Microsoft 365 admin center > Settings > Partner relationships (a CSP partner listed there) "
                    "and Billing > Your products (who the subscriptions were bought from).";
      break;
  }
  return r;
}

EligibilityReason ea_country_rule(const Billing& b) {
  EligibilityReason r{"ea_billing_country", Answer::yes, "", "", kWhatAreDoc};
  const bool maybe_ea = b.calling_account == AccountType::unknown || b.default_account == AccountType::unknown;
  // An Enterprise Agreement billing country counts only when an account may be the agreement: with both accounts
  // known and neither an EA (a country left from an earlier answer, or an EA for other products), it does not matter.
  const bool ea_named = b.calling_account == AccountType::ea || b.default_account == AccountType::ea ||
                        (!b.ea_billing_country.empty() && maybe_ea);
  constexpr const char* kTicket =
      "If the purchase fails, open a support ticket in the Microsoft 365 admin center (Support > New service request); "
      "Microsoft works around the mismatch until a permanent fix is in place.";
  if (!ea_named) {
    if (maybe_ea) {
      r.answer = Answer::unclear;
      r.message = "If you buy through an Enterprise Agreement whose billing address is in another country than your "
                  "organization, you may be unable to buy credits; it is not known whether you have one.";
      r.next_step = "Compare the Enterprise Agreement billing address (Billing > Billing accounts) with the organization "
                    "address (Settings > Org settings > Organization profile).";
    } else if (!b.ea_billing_country.empty()) {
      r.message = "Neither billing account is an Enterprise Agreement, so the Enterprise Agreement billing country you "
                  "entered does not matter.";
    } else {
      r.message = "No Enterprise Agreement is involved, so its billing address does not matter.";
    }
    return r;
  }
  if (b.ea_billing_country.empty() || b.organization_country.empty()) {
    r.answer = Answer::unclear;
    r.message = std::string("With an Enterprise Agreement, credits may not be purchasable when its billing address is in "
                            "another country than the organization; the ") +
                (b.ea_billing_country.empty() ? "Enterprise Agreement billing country" : "organization country") +
                " is not known.";
    r.next_step = "Compare the Enterprise Agreement billing address (Billing > Billing accounts) with the organization "
                  "address (Settings > Org settings > Organization profile).";
  } else if (b.ea_billing_country != b.organization_country) {
    r.answer = Answer::unclear;
    r.message = "Your Enterprise Agreement is billed in " + b.ea_billing_country + " but the organization is in " +
                b.organization_country + ": Microsoft says you might not be able to buy credits.";
    r.next_step = kTicket;
  } else {
    r.message = "Your Enterprise Agreement billing address and your organization are both in " + b.organization_country + ".";
  }
  return r;
}

EligibilityReason country_rule(const Billing& b, const CreditsPolicy& p) {
  EligibilityReason r{"country_available", Answer::yes, "", "", p.unavailable_source};
  if (b.tenant_country.empty()) {
    r.answer = Answer::unclear;
    r.message = "The tenant's country is not known; credits are not sold to tenants in some countries.";
    r.next_step = "Check Microsoft 365 admin center > Settings > Org settings > Organization profile (the country or "
                  "region chosen when the tenant was created).";
  } else if (p.credits_unavailable_in(b.tenant_country)) {
    r.answer = Answer::no;
    r.message = "Communication Credits are not available to tenants in " + b.tenant_country + ".";
    const auto why = p.unavailable_why.find(b.tenant_country);
    if (why != p.unavailable_why.end()) r.message += " " + why->second;
    r.next_step = "Use Direct Routing or Operator Connect through a local carrier for calls that plans do not include.";
  } else {
    r.message = "Communication Credits are available to tenants in " + b.tenant_country + ".";
  }
  return r;
}

std::string joined(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  }
  return out;
}

// core/DOMAIN.md §3: a Pay-As-You-Go plan some customers cannot buy (the Mexico plan "can't be purchased by US or PR
// customers"). The customer is where the organization is; the tenant's country stands in when that is not given.
std::vector<EligibilityReason> plan_availability_rules(const Billing& b, const CreditsPolicy& p,
                                                       const std::set<std::string>& payg_countries) {
  std::vector<EligibilityReason> out;
  const std::string& customer = b.organization_country.empty() ? b.tenant_country : b.organization_country;
  for (const PaygCustomerRestriction& z : p.payg_restrictions) {
    std::vector<std::string> used;
    for (const std::string& c : z.countries) {
      if (payg_countries.count(c)) used.push_back(c);
    }
    if (used.empty()) continue;
    const std::string plan = "the Pay-As-You-Go Calling Plan for " + z.zone;
    const std::string rule = "Microsoft says " + plan + " \"" + z.quote + "\"";
    EligibilityReason r{"payg_not_sold_to_customer", Answer::yes, "", "", z.source};
    const bool barred = std::find(z.customers_in.begin(), z.customers_in.end(), customer) != z.customers_in.end();
    if (customer.empty()) {
      r.answer = Answer::unclear;
      r.message = rule + ", and your organization's country is not known: check that you can buy it for your users in " +
                  joined(used, " and ") + ".";
      r.next_step = "Enter the organization's country (Microsoft 365 admin center > Settings > Org settings > "
                    "Organization profile).";
    } else if (barred) {
      r.answer = Answer::no;
      r.message = rule + ": your organization is in " + customer + ", so the users entered on Pay-As-You-Go in " +
                  joined(used, " and ") + " cannot have it, and their minutes are priced on a plan you cannot buy.";
      r.next_step = "Enter those users on a plan you can buy for them (a Domestic or Domestic and International "
                    "Calling Plan), or leave their calls to Direct Routing or Operator Connect.";
    } else {
      r.message = rule + "; your organization is in " + customer + ", so it can buy it for your users in " +
                  joined(used, " and ") + ".";
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

const char* answer_key(Answer a) {
  switch (a) {
    case Answer::yes: return "yes";
    case Answer::no: return "no";
    case Answer::unclear: break;
  }
  return "unclear";
}

Eligibility assess_eligibility(const Billing& billing, const CreditsPolicy& policy,
                               const std::set<std::string>& payg_countries) {
  Eligibility e;
  e.reasons = {calling_account_rule(billing), default_account_rule(billing), billed_after_use_rule(billing, policy),
               csp_rule(billing), ea_country_rule(billing), country_rule(billing, policy)};
  const auto any = [&](Answer a) {
    return std::any_of(e.reasons.begin(), e.reasons.end(), [&](const EligibilityReason& r) { return r.answer == a; });
  };
  e.can_purchase = any(Answer::no) ? Answer::no : any(Answer::unclear) ? Answer::unclear : Answer::yes;
  for (const EligibilityReason& r : e.reasons) {
    if (r.answer == Answer::yes || r.next_step.empty()) continue;
    if (std::find(e.actions.begin(), e.actions.end(), r.next_step) == e.actions.end()) e.actions.push_back(r.next_step);
  }
  e.plan_availability = plan_availability_rules(billing, policy, payg_countries);
  return e;
}

}  // namespace ccredits
