#pragma once
// The call simulator: what one call to one number costs, and which pool it may draw from
// (core/DOMAIN.md §3 Calling Plan pools, §4 Audio Conferencing pools and Zone A, §5 rates).
#include <optional>
#include <string>
#include <vector>

#include "formats/json_input.hpp"
#include "reference/plans.hpp"
#include "reference/rate_lookup.hpp"

namespace ccredits {

// The lists the simulator needs from the plan data: Zone A, the domestic areas and the toll-free prefixes.
struct CallZones {
  struct DomesticArea {
    std::vector<std::string> users_in;  // licence countries the area applies to
    std::vector<std::string> domestic;  // destinations that are domestic for them
  };
  std::vector<std::string> zone_a;
  std::vector<DomesticArea> domestic_areas;
  std::vector<std::string> toll_free_prefixes;  // E.164 digits of toll-free numbers ("1800": +1 800 …)
};
CallZones call_zones_from(const Plans& plans);

enum class CallKind { user_out, conf_out };

struct CallRequest {
  std::string from;    // ISO alpha-2: the caller's licence country (user_out) or the organizer's (conf_out)
  std::string number;  // as typed: "+33 6 12 34 56 78"
  std::int64_t seconds = 0;
  CallKind kind = CallKind::user_out;
};
// {"from", "number", "seconds", "kind"?}; errors name the field.
CallRequest parse_call_request(std::string_view text, const std::string& file);

// Numbers are read in E.164 form, or as dialled with an international access code: 00 (most countries) or 011 (the
// North American Numbering Plan) in place of the "+".
// Prices the call with price_call (6-second increments, connection per call) and says where it is billed.
// zones == nullptr: the pool is not decided (plans not loaded) and the answer says so.
json simulate_call(const RateIndex& index, const CallRequest& request, const CallZones* zones);

}  // namespace ccredits
