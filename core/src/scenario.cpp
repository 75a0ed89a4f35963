#include "ccredits/scenario.hpp"

#include "ccredits/error.hpp"
#include "ccredits/json_input.hpp"
#include "ccredits/text.hpp"

namespace ccredits {
namespace {

std::string country_value(const json& v, const std::string& path) {
  std::string c = to_upper_ascii(trim(text_value(v, path)));
  if (!is_country_code(c)) {
    throw InputError("unknown_country", "\"" + path + "\" must be a two-letter country code like US or FR, not \"" +
                                            text_value(v, path) + "\".");
  }
  return c;
}

UsageRow usage_from_json(const json& j, const std::string& path) {
  UsageRow row;
  row.path = path;
  const std::string kind = text_value(require_member(j, "kind", path), path + ".kind");
  if (kind == "user_out") row.kind = UsageKind::user_out;
  else if (kind == "conf_out") row.kind = UsageKind::conf_out;
  else if (kind == "toll_free_in") row.kind = UsageKind::toll_free_in;
  else if (kind == "toll_in") row.kind = UsageKind::toll_in;
  else {
    throw InputError("bad_value", "\"" + path + ".kind\" must be user_out, conf_out, toll_free_in or toll_in, not \"" +
                                      kind + "\".");
  }
  if (const json* v = find_member(j, "from", path)) row.from = country_value(*v, path + ".from");
  if (const json* v = find_member(j, "to", path)) row.to = country_value(*v, path + ".to");
  if (const json* v = find_member(j, "country", path)) row.country = country_value(*v, path + ".country");
  if (const json* v = find_member(j, "service", path)) row.service = text_value(*v, path + ".service");
  if (const json* v = find_member(j, "number_type", path)) {
    auto nt = number_type_from_text(text_value(*v, path + ".number_type"));
    if (!nt) throw InputError("bad_value", "\"" + path + ".number_type\" must be all, wireline, wireless or premium.");
    row.number_type = *nt;
  }
  row.minutes = minutes_value(require_member(j, "minutes", path), path + ".minutes");
  if (const json* v = find_member(j, "calls", path)) row.calls = count_value(*v, path + ".calls");
  return row;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& file) {
  const json doc = parse_json(text, file);
  try {
    Scenario s;
    if (const json* usage = find_member(doc, "usage", "")) {
      if (!usage->is_array()) throw InputError("bad_value", "\"usage\" should be a list.");
      for (std::size_t i = 0; i < usage->size(); ++i) {
        s.usage.push_back(usage_from_json((*usage)[i], "usage[" + std::to_string(i) + "]"));
      }
    }
    if (const json* b = find_member(doc, "billing", "")) s.billing = *b;
    if (const json* f = find_member(doc, "funding", "")) s.funding = *f;
    return s;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace ccredits
