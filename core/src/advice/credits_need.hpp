#pragma once
// Does this tenant need Communication Credits at all? (core/DOMAIN.md §1, §2, §6; core/CONTRACT.md `needs_credits`.)
// Credits are needed when anything is billed per minute, or when toll-free numbers or Pay-As-You-Go plans are in
// use (both stop at a zero balance) — unless the calling subscriptions are billed after use (MCA/NCE).
#include <string>
#include <vector>

#include "scenario/billing.hpp"
#include "reference/credits_policy.hpp"
#include "ccredits/money.hpp"

namespace ccredits {

struct UseCaseSpend {
  std::string use_case;  // core/CONTRACT.md by_use_case key: toll_free, conference_dial_out, calling_plan_overage, ...
  Money monthly;         // billed from credits per month (exact)
};

struct PoolRemaining {
  std::string use_case;  // the use case whose minutes this pool includes (calling_plan_overage, conference_dial_out)
  std::string label;     // "US domestic calling plan pool", "Audio Conferencing dial-out pool (Zone A)"
  Minutes included;
  Minutes used;
};

struct CreditNeedInput {
  std::string currency;
  std::vector<UseCaseSpend> by_use_case;
  std::vector<PoolRemaining> pools;
  bool toll_free_in_use = false;  // any toll-free minutes in the scenario
  bool payg_in_use = false;       // any user on a Pay-As-You-Go Calling Plan
  Billing billing;
};

struct CreditNeed {
  bool needs_credits = false;
  bool billed_after_use = false;     // MCA/NCE calling subscriptions
  std::vector<std::string> reasons;  // one per use case, then the pools' remaining minutes, then the MCA notes

  bool operator==(const CreditNeed&) const = default;
};

CreditNeed assess_credit_need(const CreditNeedInput& in, const CreditsPolicy& policy);

}  // namespace ccredits
