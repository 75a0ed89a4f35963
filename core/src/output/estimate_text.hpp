#pragma once
// The estimate's JSON text (core/CONTRACT.md "Estimate"), written with JsonText: whole (estimate_text, estimate.hpp) or
// member by member and line by line (EstimateSession, which sends only what changed).
#include <array>
#include <string_view>

#include "rating/estimate.hpp"
#include "formats/json_text.hpp"

namespace ccredits {

// The members the estimate itself writes, in key order (the credits advice adds its own).
inline constexpr std::array<std::string_view, 9> kEstimateMembers = {
    "by_use_case", "currency", "lines", "monthly_total", "monthly_total_exact", "pools", "rates", "settings",
    "warnings"};

// Visits the members of one estimate document in the order they are written (byte order of their keys): each of
// kEstimateMembers as estimate_member(name), each member of `advice` (an object, sorted as every nlohmann object is)
// as advice_member(key, value).
template <typename EstimateMember, typename AdviceMember>
void for_each_member_in_order(const json& advice, EstimateMember&& estimate_member, AdviceMember&& advice_member) {
  auto extra = advice.cbegin();
  for (std::string_view name : kEstimateMembers) {
    for (; extra != advice.cend() && std::string_view(extra.key()) < name; ++extra) advice_member(extra.key(), extra.value());
    estimate_member(name);
  }
  for (; extra != advice.cend(); ++extra) advice_member(extra.key(), extra.value());
}

// Writes member `name` (one of kEstimateMembers) of e's document: its key, then its value.
void write_estimate_member(JsonText& out, const Estimate& e, std::string_view name);
// Writes one element of the "lines" array.
void write_estimate_line(JsonText& out, const EstimateLine& line);

// Whether member `name` of a and b is written as the same text. Compares values without writing them; may answer
// false for equal text (a use case absent in one and zero in the other), never true for different text.
bool same_estimate_member(const Estimate& a, const Estimate& b, std::string_view name);
// Whether a and b dump to the same text: equal values of the same types (nlohmann's == calls 1 and 1.0 equal).
bool same_json(const json& a, const json& b);

}  // namespace ccredits
