#pragma once
// How the tenant buys its calling subscriptions (core/CONTRACT.md "Scenario" `billing`). Every answer may be
// "I don't know" (missing, null or "unknown"): that is kept as unknown, never replaced by a default.
#include <string>

#include "formats/json_view.hpp"

namespace ccredits {

enum class AccountType { unknown, mosa, mca, nce, ea };
enum class Channel { unknown, direct, csp, volume_licensing };

struct Billing {
  AccountType calling_account = AccountType::unknown;  // the Calling / Audio Conferencing subscriptions
  AccountType default_account = AccountType::unknown;  // the tenant's default billing account
  Channel channel = Channel::unknown;
  std::string organization_country;  // ISO alpha-2, empty = unknown
  std::string ea_billing_country;    // Enterprise Agreement billing address country, empty = unknown / none
  std::string tenant_country;        // country the tenant was created in, empty = unknown
};

// The scenario's `billing`; an absent or null value is no billing section (everything unknown). `path` names it in
// errors ("billing").
Billing billing_from_json(const JsonValue& billing, const std::string& path);

const char* account_type_key(AccountType a);
const char* channel_key(Channel c);
// MCA and NCE calling subscriptions are billed after use (core/DOMAIN.md §6).
inline bool billed_after_use(AccountType a) { return a == AccountType::mca || a == AccountType::nce; }

}  // namespace ccredits
