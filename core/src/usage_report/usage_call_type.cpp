#include "usage_report/usage_call_type.hpp"

#include <string>
#include <utility>

namespace ccredits {
namespace {

std::string lower_letters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

// The names Teams writes, compared by length first: most rows are told apart by one comparison.
constexpr std::pair<std::string_view, CallCategory> kNames[] = {
    {"user_out", CallCategory::user_out},            {"user_in", CallCategory::inbound},
    {"conf_in", CallCategory::conf_in},              {"ucap_in", CallCategory::ucap_in},
    {"conf_out", CallCategory::conf_out},            {"user_out_transfer", CallCategory::user_out},
    {"user_out_forwarding", CallCategory::user_out}, {"user_out_conf", CallCategory::user_out},
    {"fmc_out", CallCategory::user_out},             {"fmc_in", CallCategory::inbound},
    {"ucap_out", CallCategory::ucap_out},            {"ucap_out_conf", CallCategory::ucap_out},
    {"unassigned_in", CallCategory::inbound},        {"emergency_in", CallCategory::emergency},
    {"emergency_out", CallCategory::emergency},
};

std::optional<CallCategory> named_category(std::string_view t) {
  for (const auto& [name, category] : kNames) {
    if (name.size() == t.size() && name == t) return category;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CallCategory> call_category_from_text(std::string_view call_type) {
  // Runs once per report row. Teams writes the names as they are: tried first, before any copy.
  if (auto category = named_category(call_type)) return category;
  // Lower-case into a stack buffer when it fits (no allocation, no per-char push).
  char buffer[48];
  std::string long_text;
  std::string_view t;
  if (call_type.size() <= sizeof buffer) {
    std::size_t n = 0;
    for (char c : call_type) {
      if (c >= 'A' && c <= 'Z') buffer[n++] = static_cast<char>(c - 'A' + 'a');
      else if (c != ' ' && c != '\t') buffer[n++] = c;
    }
    t = std::string_view(buffer, n);
  } else {
    long_text = lower_letters(call_type);
    t = long_text;
  }
  if (auto category = named_category(t)) return category;
  if (t.rfind("dr_", 0) == 0 || t.find("byot") != std::string_view::npos) return CallCategory::direct_routing;
  return std::nullopt;
}

std::string_view use_case_key(UseCase u) {
  static constexpr std::string_view kKeys[kUseCaseCount] = {
      "user_out", "conf_out", "toll_free_in", "toll_in", "inbound", "emergency", "direct_routing"};
  return kKeys[static_cast<int>(u)];
}

bool is_toll_free_number_type(std::string_view number_type) {
  // "tollfree" among the letters, ignoring case and separators; no allocation (runs once per report row).
  static constexpr std::string_view kWord = "tollfree";
  std::size_t matched = 0;
  for (char c : number_type) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') continue;
    if (c == kWord[matched]) {
      if (++matched == kWord.size()) return true;
    } else {
      matched = c == kWord[0] ? 1 : 0;
    }
  }
  return false;
}

UseCase use_case_of(CallCategory category, bool toll_free) {
  switch (category) {
    case CallCategory::user_out:
    case CallCategory::ucap_out: return UseCase::user_out;
    case CallCategory::conf_out: return UseCase::conf_out;
    case CallCategory::conf_in: return toll_free ? UseCase::toll_free_in : UseCase::toll_in;
    case CallCategory::ucap_in: return toll_free ? UseCase::toll_free_in : UseCase::inbound;
    case CallCategory::inbound: return UseCase::inbound;
    case CallCategory::emergency: return UseCase::emergency;
    case CallCategory::direct_routing: return UseCase::direct_routing;
  }
  return UseCase::inbound;
}

}  // namespace ccredits
