#pragma once
// Applies the changes an EstimateSession returns to the result the caller holds, as
// core/include/ccredits/estimate_session.hpp documents them (and web/ccredits-client.js does for the page).
// For the tests that check the changes against the whole estimate (Catch2, fuzz_scenario).
#include <cstddef>
#include <string>

#include "formats/json_input.hpp"

namespace ccredits::test {

inline json apply_estimate_changes(const json& held, const json& changes) {
  json next = changes.at("after") == 0 ? json::object() : held;
  for (const auto& name : changes.at("removed")) next.erase(name.get<std::string>());
  for (const auto& [name, value] : changes.at("set").items()) next[name] = value;
  json lines = next.contains("lines") ? next["lines"] : json::array();
  const std::size_t count = changes.at("line_count");
  while (lines.size() > count) lines.erase(lines.size() - 1);
  while (lines.size() < count) lines.push_back(nullptr);
  for (const auto& change : changes.at("lines")) lines[change.at(0).get<std::size_t>()] = change.at(1);
  next["lines"] = std::move(lines);
  return next;
}

}  // namespace ccredits::test
