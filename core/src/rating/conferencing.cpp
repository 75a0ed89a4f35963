// Audio Conferencing (core/DOMAIN.md §2.2, §2.5, §4; audio-conferencing-subscription-dial-out.md,
// audio-conferencing-zones.md): meeting dial-out against the tenant's pools at "Dial-out Audio Rates", and
// everything billed for pay-per-minute licences.
#include "ccredits/error.hpp"
#include "formats/json_input.hpp"
#include "rating/estimate_builder.hpp"

namespace ccredits::detail {
namespace {

bool pool_covers(const ConferencingPoolInfo& info, const Plans& plans, const UsageRow& row) {
  if (info.non_premium_only && row.number_type == NumberType::premium) return false;
  return info.zone_a ? plans.in_zone_a(row.to) : info.destinations.count(row.to) > 0;
}

// What a pool leaves of a dial-out draw, billed at the destination's dial_out_audio rate.
void bill_draw(const PoolDraw& d, const PoolOutcome& outcome, const RateIndex& rates, Estimate& out,
               PricedLines* priced) {
  bill(pool_overage(d, outcome, "conference_dial_out", Sheet::dial_out_audio), rates, out, priced);
}

PoolReport conference_pool(const std::string& zone, std::int64_t licences, Minutes included,
                           const PoolOutcome& outcome, const std::string& source) {
  PoolReport p;
  p.id = "conference_dial_out " + zone;
  p.kind = "conference_dial_out";
  p.zone = zone;
  p.licences = licences;
  p.included = included;
  p.used = outcome.used;
  p.overage = outcome.overage;
  p.source = source;
  return p;
}

}  // namespace

void rate_conferencing(const Scenario& s, const Plans& plans, const Settings& settings, const RateIndex& rates,
                       Estimate& out, PricedLines* priced) {
  // core/DOMAIN.md §8: whether pools count licences assigned (docs, default) or purchased (blogs).
  const std::string& basis = settings.dial_out_pool_basis;
  const std::int64_t standard = s.conferencing.standard.for_basis(basis);
  const std::int64_t us_ca = s.conferencing.us_ca_dial_out.for_basis(basis);
  const std::int64_t per_minute = s.conferencing.pay_per_minute.for_basis(basis);
  const std::int64_t pooled_licences = standard + us_ca;
  const Minutes standard_pool = Minutes::whole(standard).scaled(plans.conf_standard.minutes_per_licence, 1);
  const Minutes us_ca_pool = Minutes::whole(us_ca).scaled(plans.conf_us_ca.minutes_per_licence, 1);

  // Choice: with both pay-per-minute and pooled licences, a row is shared between them in proportion to licences
  // (the scenario does not say which organizers place which calls). The exact shares are the same for every row.
  const std::int64_t all_licences = pooled_licences + per_minute;
  RowFraction pooled_part;  // the exact shares of a row, for its calls
  RowFraction per_minute_part = pooled_part.times(0, 1);
  if (per_minute > 0) {
    pooled_part = RowFraction{}.times(pooled_licences, all_licences);
    per_minute_part = RowFraction{}.times(per_minute, all_licences);
  }

  const std::vector<std::int64_t> licence_weights = {pooled_licences, per_minute};
  std::vector<Minutes> shares;
  std::vector<PoolDraw> us_ca_draws;
  std::vector<PoolDraw> zone_a_draws;
  bool any_conf_out = false;
  bool warned_no_licences = false;
  for (std::size_t i = 0; i < s.usage.size(); ++i) {
    const UsageRow& row = s.usage[i];
    if (row.kind != UsageKind::conf_out && row.kind != UsageKind::toll_in) continue;
    // A row of calls without minutes still pays its connection charges.
    if (row.minutes.is_zero() && row.calls == 0) continue;
    Charge c;
    c.row = &row;
    c.usage_index = i;
    // The row's minutes for the pooled and the pay-per-minute licences.
    Minutes pooled = row.minutes;
    Minutes per_minute_minutes;
    if (per_minute > 0) {
      split_by_weights(row.minutes, licence_weights, shares);
      pooled = shares[0];
      per_minute_minutes = shares[1];
    }
    if (row.kind == UsageKind::toll_in) {
      // core/DOMAIN.md §2.5: dial-in to toll numbers is billed only for pay-per-minute licences.
      c.use_case = "pay_per_minute_conferencing";
      c.sheet = Sheet::toll_in;
      c.country = row.country;
      c.usage_minutes = c.billed = per_minute_minutes;
      c.part = per_minute_part;
      bill(c, rates, out, priced);
      continue;
    }
    any_conf_out = true;
    c.sheet = Sheet::dial_out_audio;
    c.country = row.to;
    if (!per_minute_part.is_zero()) {
      // core/DOMAIN.md §2.5: pay-per-minute licences have no pool; every dial-out minute is billed.
      Charge ppm = c;
      ppm.use_case = "pay_per_minute_conferencing";
      ppm.usage_minutes = ppm.billed = per_minute_minutes;
      ppm.part = per_minute_part;
      bill(ppm, rates, out, priced);
    }
    if (pooled_part.is_zero()) continue;
    if (pooled_licences == 0 && per_minute == 0 && !warned_no_licences) {
      warned_no_licences = true;
      out.warnings.push_back(field_words(row.path, true) + ": meeting dial-out without Audio Conferencing licences in the scenario: "
                             "there is no dial-out pool, every dial-out minute is billed.");
    }
    // core/DOMAIN.md §4: US/CA minutes use the "dial-out to USA/CAN" pool first, Zone A minutes the standard pool
    // (60 per licence), non-Zone-A (and premium) minutes are always billed (§2.2a).
    if (us_ca > 0 && pool_covers(plans.conf_us_ca, plans, row)) {
      us_ca_draws.push_back({&row, i, pooled, pooled, pooled, pooled_part, "conference_dial_out US+CA"});
    } else if (pool_covers(plans.conf_standard, plans, row)) {
      zone_a_draws.push_back({&row, i, pooled, pooled, pooled, pooled_part, "conference_dial_out A"});
    } else {
      c.use_case = "conference_dial_out";
      c.usage_minutes = c.billed = pooled;
      c.part = pooled_part;
      bill(c, rates, out, priced);
    }
  }

  if (us_ca > 0) {
    std::vector<Minutes> used;
    for (const PoolDraw& d : us_ca_draws) used.push_back(d.weight);
    const PoolOutcome outcome = settle_pool(us_ca_pool, used);
    out.pools.push_back(conference_pool("US+CA", us_ca, us_ca_pool, outcome, plans.conf_us_ca.source));
    for (const PoolDraw& d : us_ca_draws) {
      const RowFraction left_part = outcome.billed_fraction(d.part);
      if (left_part.is_zero()) continue;
      // What the US/CA pool does not cover goes on to the Zone A pool when the destination is in Zone A.
      if (pool_covers(plans.conf_standard, plans, *d.row)) {
        const Minutes left = outcome.billed_part(d.minutes);
        zone_a_draws.push_back({d.row, d.usage_index, d.share, left, left, left_part, "conference_dial_out US+CA, A"});
      } else {
        bill_draw(d, outcome, rates, out, priced);
      }
    }
  }

  if (standard > 0 || !zone_a_draws.empty() || (any_conf_out && pooled_licences > 0)) {
    std::vector<Minutes> used;
    for (const PoolDraw& d : zone_a_draws) used.push_back(d.weight);
    const PoolOutcome outcome = settle_pool(standard_pool, used);
    out.pools.push_back(conference_pool("A", standard, standard_pool, outcome, plans.conf_standard.source));
    for (const PoolDraw& d : zone_a_draws) bill_draw(d, outcome, rates, out, priced);
  }
}

}  // namespace ccredits::detail
