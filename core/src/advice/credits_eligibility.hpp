#pragma once
// May this tenant buy Communication Credits in the Microsoft 365 admin center? (core/DOMAIN.md §6,
// core/CONTRACT.md "Estimate" `eligibility`.) Every rule answers yes / no / unclear; an unknown input gives
// `unclear` with the question to check and where to look it up, never a guess.
#include <set>
#include <string>
#include <vector>

#include "scenario/billing.hpp"
#include "reference/credits_policy.hpp"

namespace ccredits {

enum class Answer { yes, no, unclear };
const char* answer_key(Answer a);

struct EligibilityReason {
  std::string code;       // the rule: mosa_calling_account, mosa_default_account, mca_nce_billed_after_use,
                          // csp_channel, ea_billing_country, country_available
  Answer answer = Answer::unclear;
  std::string message;    // what this means for the tenant, in plain words
  std::string next_step;  // what to do or check next (empty when nothing is needed)
  std::string source;     // the Microsoft page the rule comes from, by title and link

  bool operator==(const EligibilityReason&) const = default;
};

struct Eligibility {
  Answer can_purchase = Answer::unclear;  // no if any rule says no, else unclear if any is unclear, else yes
  std::vector<EligibilityReason> reasons;  // one per rule, in the order above
  std::vector<std::string> actions;        // the next steps of every rule that is not `yes`, without repeats
  // Whether the customer can buy the Calling Plans entered, apart from credits (code payg_not_sold_to_customer:
  // the Mexico Pay-As-You-Go plan and US / PR customers). Only for plans in use; never part of can_purchase.
  std::vector<EligibilityReason> plan_availability;

  bool operator==(const Eligibility&) const = default;
};

// `payg_countries`: the licence countries of the scenario's Pay-As-You-Go users.
Eligibility assess_eligibility(const Billing& billing, const CreditsPolicy& policy,
                               const std::set<std::string>& payg_countries = {});

}  // namespace ccredits
