// The PSTN usage report importer (core/DOMAIN.md §7; output: core/CONTRACT.md `usage`).
#include "usage_report/usage_report_reader.hpp"

#include "usage_report/usage_trend.hpp"

namespace ccredits {

UsageReportReader::UsageReportReader(const RateCard* rates, UsageImportSettings settings)
    : report_rows_(*this, settings.max_json_bytes),
      totals_(settings),
      rerater_(rates, settings.billing_increment_seconds, settings.charge_includes_connection_fee),
      chargeback_(settings.max_tracked_users),
      flags_(settings.flags) {}

UsageReportReader::~UsageReportReader() = default;

void UsageReportReader::next_file(const std::string& name) {
  try {
    report_rows_.end_file();
  } catch (const InputError& e) {
    throw located(e);
  }
  call_line_ = 0;
  report_rows_.start_file(name);
}

void UsageReportReader::feed(std::string_view chunk) {
  bytes_ += chunk.size();
  try {
    report_rows_.feed(chunk);
  } catch (const InputError& e) {
    throw located(e);
  }
}

InputError UsageReportReader::located(const InputError& e) const {
  // A sum passing the largest exact amount (Money, fixed_point.hpp) is thrown without a place: it is the call
  // being added.
  const InputError in_file = e.in_file(report_rows_.file());
  return in_file.line() == 0 && call_line_ > 0 ? in_file.at(call_line_, 0) : in_file;
}

void UsageReportReader::bad_row(long line, std::string reason) {
  totals_.count_row();
  totals_.skip(line, std::move(reason), report_rows_.file());
}

void UsageReportReader::add_call(const UsageValues& values, long line) {
  totals_.count_row();
  call_line_ = line;
  switch (read_usage_call(values, call_, reason_)) {
    case RowOutcome::skipped: totals_.skip(line, reason_, report_rows_.file()); return;
    case RowOutcome::failed_call: totals_.add_failed(call_); return;
    case RowOutcome::call: break;
  }
  // The destination first (it reads only the call and the card): its work hides the user table's cache misses.
  totals_.expect_user(call_);
  const bool scenario_kind = is_scenario_kind(call_.use_case);
  const CallDestination destination = scenario_kind ? rerater_.destination(call_) : CallDestination{};
  const bool learn = totals_.add(call_);
  const Money spend = learn ? totals_.spend_of(call_) : Money();
  const bool insights = totals_.settings.insights;
  const std::uint32_t user_index = totals_.last_user ? totals_.last_user->index : Chargeback::kNoUser;
  if (!scenario_kind) {
    if (insights) chargeback_.add(call_, spend, nullptr, user_index);
    return;
  }
  const int off_hours_day =
      insights && totals_.last_user ? flags_.prepare(call_, user_index) : UsageFlags::kNotOffHours;
  totals_.add_destination(call_, destination);
  rerater_.add(call_, destination, learn);
  if (!insights) return;
  chargeback_.add(call_, spend, &destination, user_index);
  flags_.add(call_, spend, &destination, totals_.last_user_key, totals_.last_user ? totals_.last_user->index : 0,
             off_hours_day);
}

std::string UsageReportReader::finish() {
  try {
    report_rows_.finish();
  } catch (const InputError& e) {
    throw located(e);
  }
  if (!report_rows_.has_header()) {
    throw InputError("usage_empty", "The report is empty: no header row was found.", report_rows_.file());
  }
  try {
    json members = usage_result(totals_, rerater_, report_rows_.format(), report_rows_.file());
    const bool insights = totals_.settings.insights;
    if (insights) {
      flags_.finish();
      members["flags"] = flags_.to_json(totals_);
      members["flag_settings"] = flags_.settings_json();
      members["trend"] = usage_trend(totals_);
    }
    return usage_text(members, insights ? &chargeback_ : nullptr, totals_);
  } catch (const InputError& e) {
    throw e.in_file(report_rows_.file());  // a total or a per-month figure past the largest exact amount
  }
}

}  // namespace ccredits
