#pragma once
// A small rate card with every sheet, made for hand-computed expectations, and the shipped plans.json.
#include <string>

#include "advice/estimate_advice.hpp"
#include "output/estimate_text.hpp"
#include "rating/estimate.hpp"
#include "reference/plans.hpp"
#include "reference/rate_lookup.hpp"
#include "scenario/scenario.hpp"
#include "source_files.hpp"

namespace estimate_test {

using ::read_source_file;

inline const char* const kTestCard = R"({
  "schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-11-01", "source": "test", "illustrative": true,
  "sheets": {
    "dial_out_calls": [
      {"destination": "United States", "country": "US", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0190", "connection": "0"},
      {"destination": "Canada", "country": "CA", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0200", "connection": "0"},
      {"destination": "Puerto Rico", "country": "PR", "prefixes": ["1787"], "number_type": "all", "per_minute": "0.0210", "connection": "0"},
      {"destination": "France", "country": "FR", "prefixes": ["33"], "number_type": "wireline", "per_minute": "0.0240", "connection": "0"},
      {"destination": "France-Mobile", "country": "FR", "prefixes": ["336"], "number_type": "wireless", "per_minute": "0.0890", "connection": "0"},
      {"destination": "United Kingdom", "country": "GB", "prefixes": ["44"], "number_type": "all", "per_minute": "0.0220", "connection": "0"},
      {"destination": "Germany", "country": "DE", "prefixes": ["49"], "number_type": "all", "per_minute": "0.0260", "connection": "0.0500"},
      {"destination": "Japan", "country": "JP", "prefixes": ["81"], "number_type": "all", "per_minute": "0.0700", "connection": "0"},
      {"destination": "Mexico", "country": "MX", "prefixes": ["52"], "number_type": "all", "per_minute": "0.0049", "connection": "0"}
    ],
    "dial_out_audio": [
      {"destination": "United States", "country": "US", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0300", "connection": "0"},
      {"destination": "Canada", "country": "CA", "prefixes": ["1"], "number_type": "all", "per_minute": "0.0320", "connection": "0"},
      {"destination": "France", "country": "FR", "prefixes": ["33"], "number_type": "all", "per_minute": "0.0500", "connection": "0"},
      {"destination": "France-Premium", "country": "FR", "prefixes": ["338"], "number_type": "premium", "per_minute": "1.0000", "connection": "0"},
      {"destination": "United Kingdom", "country": "GB", "prefixes": ["44"], "number_type": "all", "per_minute": "0.0400", "connection": "0"},
      {"destination": "Zimbabwe", "country": "ZW", "prefixes": ["263"], "number_type": "all", "per_minute": "0.3500", "connection": "0.1000"}
    ],
    "toll_free_in": [
      {"destination": "United States", "country": "US", "number_type": "all", "per_minute": "0.0250", "connection": "0"},
      {"destination": "United Kingdom", "country": "GB", "number_type": "all", "per_minute": "0.0600", "connection": "0"}
    ],
    "toll_in": [
      {"destination": "United States", "country": "US", "number_type": "all", "per_minute": "0.0100", "connection": "0"},
      {"destination": "France", "country": "FR", "number_type": "all", "per_minute": "0.0025", "connection": "0"}
    ]
  }
})";

struct Fixture {
  ccredits::RateCard card = ccredits::load_rate_card_json(kTestCard, "test-card.json");
  ccredits::RateIndex index{card};
  ccredits::Plans plans = ccredits::load_plans(read_source_file("rates/plans.json"), "plans.json");

  ccredits::Estimate run(const std::string& scenario) const {
    return ccredits::compute_estimate(ccredits::parse_scenario(scenario, "scenario.json", &plans), index, plans);
  }
};

// The estimate document as the core writes it (output/estimate_text.hpp), read back as any client reads it.
inline ccredits::json document_of(const ccredits::EstimateWithAdvice& r) {
  return ccredits::json::parse(ccredits::estimate_text(r));
}
inline ccredits::json document_of(const ccredits::Estimate& e) { return document_of(ccredits::EstimateWithAdvice{e, {}, {}, {}, {}}); }

inline const Fixture& fixture() {
  static const Fixture f;
  return f;
}

inline ccredits::Estimate run(const std::string& scenario) { return fixture().run(scenario); }

inline std::string total(const ccredits::Estimate& e) { return e.monthly_total.to_string(2); }
inline std::string use_case(const ccredits::Estimate& e, const char* u) { return e.by_use_case.at(u).to_string(2); }

inline const ccredits::PoolReport& pool(const ccredits::Estimate& e, const std::string& id) {
  for (const auto& p : e.pools) {
    if (p.id == id) return p;
  }
  throw std::runtime_error("no pool " + id);
}

inline bool has_warning(const ccredits::Estimate& e, const std::string& part) {
  for (const auto& w : e.warnings) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace estimate_test
