#include "advice/credits_need.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

std::string use_case_title(const std::string& key) {
  if (key == "toll_free") return "Toll-free inbound";
  if (key == "conference_dial_out") return "Meeting dial-out";
  if (key == "calling_plan_overage") return "Calling Plan overage";
  if (key == "payg_outbound") return "Pay-As-You-Go outbound calls";
  if (key == "pay_per_minute_conferencing") return "Pay-per-minute Audio Conferencing";
  return key;
}

// Minutes in a sentence, in whole minutes: the pools are exact to the millionth of a minute, which people do not
// read. What remains is rounded down, so the sentence never promises a minute the pool does not have.
std::string whole_minutes_down(const Minutes& m) { return grouped_digits(std::to_string(m.micros() / 1000000)); }

std::string pools_remaining_text(const std::vector<PoolRemaining>& pools, const std::string& use_case) {
  std::string text;
  for (const PoolRemaining& p : pools) {
    if (p.use_case != use_case) continue;
    const Minutes left = p.used >= p.included ? Minutes{} : p.included - p.used;
    if (!text.empty()) text += "; ";
    text += p.label + ": " + whole_minutes_down(left) + " of " + whole_minutes_down(p.included) +
            " included minutes remain";
  }
  return text;
}

}  // namespace

CreditNeed assess_credit_need(const CreditNeedInput& in, const CreditsPolicy& policy) {
  CreditNeed need;
  bool billed = false;
  for (const UseCaseSpend& u : in.by_use_case) {
    const std::string title = use_case_title(u.use_case);
    const std::string pools = pools_remaining_text(in.pools, u.use_case);
    std::string reason;
    if (u.monthly.is_zero()) {
      reason = title + ": nothing billed";
    } else {
      billed = true;
      reason = title + ": " + money_in_words(u.monthly) + " " + in.currency + " a month billed per minute";
    }
    if (!pools.empty()) reason += " (" + pools + ")";
    need.reasons.push_back(reason + ".");
  }
  if (in.toll_free_in_use) {
    need.reasons.push_back("Toll-free numbers are in use: they need a positive credit balance and stop working at zero "
                           "(What are Communications Credits?, "
                           "https://learn.microsoft.com/en-us/microsoftteams/what-are-communications-credits).");
  }
  if (in.payg_in_use) {
    need.reasons.push_back("Pay-As-You-Go Calling Plan users: every outbound minute is paid from credits, so their "
                           "first call needs a positive balance (Calling Plans for Microsoft 365, "
                           "https://learn.microsoft.com/en-us/microsoftteams/calling-plans-for-office-365).");
  }
  // MCA / new-commerce calling subscriptions are billed after use (core/DOMAIN.md §6,
  // turn-off-communication-credits-auto-recharge-mca-customers.md).
  if (billed_after_use(in.billing.calling_account)) {
    need.billed_after_use = true;
    need.needs_credits = false;
    need.reasons.push_back(std::string("Your calling subscriptions are ") +
                           (in.billing.calling_account == AccountType::mca ? "MCA" : "new commerce (NCE)") +
                           ": what is billed above is invoiced after use, so you need no credits.");
    need.reasons.push_back("Turn auto-recharge off, or the credit balance keeps refilling itself: " +
                           policy.auto_recharge_off_path + ".");
    return need;
  }
  need.needs_credits = billed || in.toll_free_in_use || in.payg_in_use;
  if (!need.needs_credits) {
    need.reasons.push_back("The projected use fits your subscriptions: nothing is billed per minute, so you need no credits.");
  }
  return need;
}

}  // namespace ccredits
