#pragma once
// What a PSTN usage report row is, for credits: the use case of core/DOMAIN.md §2 its Call Type and Number Type map to.
// Call Type values from core/DOMAIN.md §7 / `pstn-usage-report.md`.
#include <optional>
#include <string_view>

namespace ccredits {

// The report's Call Type, grouped.
enum class CallCategory {
  user_out,        // user_out, user_out_conf, user_out_transfer, user_out_forwarding, fmc_out
  ucap_out,        // ucap_out, ucap_out_conf: auto attendant / call queue outbound (resource account)
  conf_out,        // conf_out: meeting dial-out
  conf_in,         // conf_in: dial-in to the Audio Conferencing bridge
  ucap_in,         // ucap_in: inbound to an auto attendant / call queue
  inbound,         // user_in, unassigned_in, fmc_in: inbound to ordinary numbers, never billed
  emergency,       // emergency_in, emergency_out: never billed
  direct_routing,  // dr_*, *byot*: Direct Routing / Operator Connect, billed by the customer's carrier
};
std::optional<CallCategory> call_category_from_text(std::string_view call_type);

// The use cases the importer reports minutes for; the first four are core/CONTRACT.md scenario `kind`s.
enum class UseCase { user_out = 0, conf_out, toll_free_in, toll_in, inbound, emergency, direct_routing };
inline constexpr int kUseCaseCount = 7;
std::string_view use_case_key(UseCase u);
inline bool is_scenario_kind(UseCase u) { return static_cast<int>(u) <= static_cast<int>(UseCase::toll_in); }

// Toll-free vs toll comes from the Number Type column ("service_toll_free", "TollFree", "toll free" ...).
bool is_toll_free_number_type(std::string_view number_type);

// The mapping (core/DOMAIN.md §2 use cases):
//   user_out*, fmc_out, ucap_out*  -> user_out  (a user's or resource account's outbound call, dial_out_calls rates)
//   conf_out                       -> conf_out  (meeting dial-out, dial_out_audio rates)
//   conf_in on a toll-free number  -> toll_free_in, service conferencing
//   conf_in on a toll number       -> toll_in (billed only with pay-per-minute conferencing)
//   ucap_in on a toll-free number  -> toll_free_in, service auto_attendant (the report does not tell an auto
//                                     attendant from a call queue; both bill at the same toll-free rate)
//   ucap_in on a toll number, user_in, unassigned_in, fmc_in -> inbound (unlimited, never billed)
//   emergency_*                    -> emergency; dr_* / Byot -> direct_routing (counted, never priced)
UseCase use_case_of(CallCategory category, bool toll_free);

}  // namespace ccredits
