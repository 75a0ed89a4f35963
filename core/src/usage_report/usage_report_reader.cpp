// The PSTN usage report importer (core/DOMAIN.md §7; output: core/CONTRACT.md `usage`).
#include "usage_report/usage_report_reader.hpp"

#include "usage_report/text_hash.hpp"
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

void read_row(const UsageValues& values, ReadRow& row) {
  row.outcome = read_usage_call(values, row.call, row.reason);
  if (row.outcome == RowOutcome::call) row.user_hash = text_hash(row.call.user);
}

void find_destination(const CallRerater& rerater, ReadRow& row) {
  if (row.outcome == RowOutcome::call && is_scenario_kind(row.call.use_case)) {
    row.destination = rerater.destination(row.call);
  }
}

void UsageReportReader::add_call(const UsageValues& values, long line) {
  read_row(values, row_);
  // The user's entry starts loading now: finding the destination (it reads only the call and the card) hides the
  // user table's cache misses.
  if (row_.outcome == RowOutcome::call) totals_.prefetch_user_entry(row_.user_hash);
  find_destination(rerater_, row_);
  add_read_row(row_, line);
}

void UsageReportReader::add_read_rows(std::span<const ReadRow> rows, long first_line, long lines,
                                      std::uint64_t bytes) {
  bytes_ += bytes;
  // The rows were read on another core, whose cache holds their text: the text summing reads (the user, currency,
  // capability, numbers...) and the user's slot are fetched some rows ahead, the user's entry a few rows ahead.
  constexpr std::size_t kTextAhead = 8, kEntryAhead = 4;
  const auto prefetch = [&](std::size_t i, bool entry) {
    if (i >= rows.size() || rows[i].outcome != RowOutcome::call) return;
    const ReadRow& row = rows[i];
    if (entry) {
      totals_.prefetch_user_entry(row.user_hash);
      return;
    }
    totals_.prefetch_user_slot(row.user_hash);
#if defined(__GNUC__) || defined(__clang__)
    const UsageCall& c = row.call;
    for (const std::string_view text : {c.currency, c.user, c.display_name, c.capability, c.destination_number,
                                        c.external_country, c.administrative_units}) {
      if (!text.empty()) __builtin_prefetch(text.data());
    }
#endif
  };
  try {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      prefetch(i + kTextAhead, false);
      prefetch(i + kEntryAhead, true);
      add_read_row(rows[i], first_line - 1 + rows[i].line);
    }
  } catch (const InputError& e) {
    throw located(e);
  }
  report_rows_.resume_csv_at_line(first_line + lines);
}

void UsageReportReader::add_read_row(const ReadRow& row, long line) {
  totals_.count_row();
  call_line_ = line;
  const UsageCall& call = row.call;
  switch (row.outcome) {
    case RowOutcome::skipped: totals_.skip(line, row.reason, report_rows_.file()); return;
    case RowOutcome::failed_call: totals_.add_failed(call); return;
    case RowOutcome::call: break;
  }
  totals_.expect_user(call, row.user_hash);
  const bool scenario_kind = is_scenario_kind(call.use_case);
  const CallDestination& destination = row.destination;
  const bool learn = totals_.add(call);
  const Money spend = learn ? totals_.spend_of(call) : Money();
  const bool insights = totals_.settings.insights;
  const std::uint32_t user_index = totals_.last_user ? totals_.last_user->index : Chargeback::kNoUser;
  if (!scenario_kind) {
    if (insights) chargeback_.add(call, spend, nullptr, user_index);
    return;
  }
  const int off_hours_day =
      insights && totals_.last_user ? flags_.prepare(call, user_index) : UsageFlags::kNotOffHours;
  totals_.add_destination(call, destination);
  rerater_.add(call, destination, learn);
  if (!insights) return;
  chargeback_.add(call, spend, &destination, user_index);
  flags_.add(call, spend, &destination, totals_.last_user_key, totals_.last_user ? totals_.last_user->index : 0,
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
