#pragma once
// Successive estimates of a scenario being edited: what the page asks for on every keystroke. Each update runs the
// whole estimate (Calculator::estimate_result, the code path of every estimate; only the usage rows whose text
// changed are read again, see UsageRowCache, and a line whose charge is the same as one of the last estimate's at the
// same card is that line, not priced again, see rating/estimate.hpp PricedLines) and returns only what differs from
// the result the caller already holds.
// For a 200-row scenario the whole document is 124 KB, and writing it, copying it out of wasm and parsing it in JS
// takes longer than the estimate itself (tests/bench/README.md).
//
// The changes, as JSON text:
//   {"after": A, "line_count": N, "lines": [[i, line], ...], "removed": [member, ...], "serial": S,
//    "set": {member: value, ...}}
// Applied to the result numbered A (A = 0: an empty document), they give the result numbered S, which is the
// document Calculator::estimate_text returns for the same scenario: each member in "set" replaces the one held,
// each member in "removed" goes, the "lines" array is cut or grown to N elements and lines[i] replaced for each
// [i, line]. Members are in key order in both documents.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ccredits/calculator.hpp"

namespace ccredits {

class EstimateSession {
 public:
  EstimateSession();
  ~EstimateSession();
  EstimateSession(const EstimateSession&) = delete;
  EstimateSession& operator=(const EstimateSession&) = delete;

  // known: the serial of the result the caller holds, 0 for none. Unless it is this session's last serial, the
  // changes are against nothing (A = 0) and hold the whole result. Throws InputError as Calculator::estimate_text
  // does, and then leaves the session as it was: the caller still holds the last good result.
  std::string update(const Calculator& calc, std::string_view scenario_text, std::uint64_t known,
                     const std::string& file = "scenario");

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ccredits
