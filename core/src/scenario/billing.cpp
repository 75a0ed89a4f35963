#include "scenario/billing.hpp"

#include "ccredits/error.hpp"
#include "formats/json_view.hpp"
#include "numbers/text.hpp"

namespace ccredits {
namespace {

bool is_unknown_text(const std::string& t) {
  const std::string v = to_lower_ascii(trim(t));
  return v.empty() || v == "unknown";
}

AccountType account_value(const JsonValue& obj, const char* key, const std::string& path) {
  const JsonValue v = find_member(obj, key, path);
  if (!v.present()) return AccountType::unknown;
  const std::string where = path + "." + key;
  const std::string t = to_lower_ascii(trim(text_value(v, where)));
  if (is_unknown_text(t)) return AccountType::unknown;
  if (t == "mosa") return AccountType::mosa;
  if (t == "mca") return AccountType::mca;
  if (t == "nce") return AccountType::nce;
  if (t == "ea") return AccountType::ea;
  throw field_error("bad_value", where, field_words(where, true) + " must be mosa, mca, nce, ea or unknown, not \"" + t + "\".");
}

Channel channel_value(const JsonValue& obj, const std::string& path) {
  const JsonValue v = find_member(obj, "channel", path);
  if (!v.present()) return Channel::unknown;
  const std::string where = path + ".channel";
  const std::string t = to_lower_ascii(trim(text_value(v, where)));
  if (is_unknown_text(t)) return Channel::unknown;
  if (t == "direct") return Channel::direct;
  if (t == "csp") return Channel::csp;
  if (t == "volume_licensing") return Channel::volume_licensing;
  throw field_error("bad_value", where,
                    field_words(where, true) + " must be direct, csp, volume_licensing or unknown, not \"" + t + "\".");
}

std::string country_or_unknown(const JsonValue& obj, const char* key, const std::string& path) {
  const JsonValue v = find_member(obj, key, path);
  if (!v.present()) return {};
  const std::string where = path + "." + key;
  const std::string raw = text_value(v, where);
  if (is_unknown_text(raw)) return {};
  std::string c = to_upper_ascii(trim(raw));
  if (!is_country_code(c)) {
    throw field_error("unknown_country", where,
                      field_words(where, true) + " must be a two-letter country code like US or FR, or unknown, not \"" + raw + "\".");
  }
  return c;
}

}  // namespace

Billing billing_from_json(const JsonValue& billing, const std::string& path) {
  Billing b;
  if (!billing.present() || billing.is_null()) return b;
  if (!billing.is_object()) throw field_error("bad_value", path, field_words(path, true) + " should be an object.");
  b.calling_account = account_value(billing, "calling_account", path);
  b.default_account = account_value(billing, "default_account", path);
  b.channel = channel_value(billing, path);
  b.organization_country = country_or_unknown(billing, "organization_country", path);
  b.ea_billing_country = country_or_unknown(billing, "ea_billing_country", path);
  b.tenant_country = country_or_unknown(billing, "tenant_country", path);
  return b;
}

const char* account_type_key(AccountType a) {
  switch (a) {
    case AccountType::mosa: return "mosa";
    case AccountType::mca: return "mca";
    case AccountType::nce: return "nce";
    case AccountType::ea: return "ea";
    case AccountType::unknown: break;
  }
  return "unknown";
}

const char* channel_key(Channel c) {
  switch (c) {
    case Channel::direct: return "direct";
    case Channel::csp: return "csp";
    case Channel::volume_licensing: return "volume_licensing";
    case Channel::unknown: break;
  }
  return "unknown";
}

}  // namespace ccredits
