#pragma once
// The estimate document's JSON text (core/CONTRACT.md "Estimate"): the one writer of an estimate, used whole
// (estimate_text) or member by member and line by line (EstimateSession, which sends only what changed).
#include <array>
#include <string>
#include <string_view>

#include "advice/estimate_advice.hpp"
#include "formats/json_text.hpp"

namespace ccredits {

// The document's members in the order they are written (byte order of their keys, as nlohmann sorts them).
inline constexpr std::array<std::string_view, 16> kEstimateMembers = {
    "by_use_case", "currency", "eligibility", "licence_cost", "lines", "monthly_total", "monthly_total_exact", "needs_credits",
    "needs_credits_reasons", "pools", "rates", "recommendation", "report", "settings", "warnings", "what_if"};

// Whether the document of r has member `name` (every member but `report` and `licence_cost` is always there).
bool has_estimate_member(const EstimateWithAdvice& r, std::string_view name);
// Writes member `name` (one of kEstimateMembers, present in r's document) of r's document: its key, then its value.
void write_estimate_member(JsonText& out, const EstimateWithAdvice& r, std::string_view name);
// Writes one element of the "lines" array.
void write_estimate_line(JsonText& out, const EstimateLine& line);

// Whether member `name` of a's and b's documents is the same: compares the values the member is written from. May
// answer false for equal text (a use case absent in one and zero in the other), never true for different text.
bool same_estimate_member(const EstimateWithAdvice& a, const EstimateWithAdvice& b, std::string_view name);

// The whole document.
std::string estimate_text(const EstimateWithAdvice& r);

}  // namespace ccredits
