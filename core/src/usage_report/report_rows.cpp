// The usage report's CSV and Graph JSON front ends (core/DOMAIN.md §7).
#include "usage_report/report_rows.hpp"

#include "ccredits/error.hpp"
#include "formats/json_input.hpp"

namespace ccredits {

ReportRowReader::ReportRowReader(ReportRowSink& sink, std::size_t max_json_bytes)
    : sink_(sink), max_json_bytes_(max_json_bytes) {
  column_of_.fill(-1);
}

ReportRowReader::~ReportRowReader() = default;

void ReportRowReader::end_file() {
  if (csv_) csv_->finish();
}

void ReportRowReader::start_file(const std::string& name) {
  csv_.reset();
  if (mode_ == Mode::csv) mode_ = Mode::unknown;
  have_header_ = false;
  file_ = name;
}

void ReportRowReader::finish() {
  if (mode_ == Mode::unknown && !json_text_.empty()) {
    // Only white space was seen: treat as an empty CSV.
    json_text_.clear();
  }
  if (mode_ == Mode::json) {
    finish_json();
  } else if (csv_) {
    csv_->finish();
  }
}

void ReportRowReader::feed(std::string_view chunk) {
  if (mode_ == Mode::unknown) {
    // The first byte that is not a BOM or white space tells CSV from JSON; until then, hold the bytes.
    json_text_.append(chunk);
    std::size_t i = json_text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < json_text_.size() && (json_text_[i] == ' ' || json_text_[i] == '\n' || json_text_[i] == '\r' ||
                                     json_text_[i] == '\t')) {
      ++i;
    }
    // Excel's "Unicode text" and some editors write UTF-16; read as bytes it would only say "no Call Type column".
    if (json_text_.compare(0, 2, "\xFF\xFE") == 0 || json_text_.compare(0, 2, "\xFE\xFF") == 0) {
      throw InputError("usage_encoding",
                       "This report is UTF-16 text; ccredits reads the export as Teams writes it, UTF-8 CSV. In Excel, "
                       "save it as \"CSV UTF-8 (comma delimited)\" and import that file.",
                       file_, 1, 1);
    }
    const bool maybe_bom = (json_text_[0] == '\xEF' && json_text_.size() < 3) ||
                           ((json_text_[0] == '\xFF' || json_text_[0] == '\xFE') && json_text_.size() < 2);
    if (i == json_text_.size() || maybe_bom) return;
    if (json_text_[i] == '{' || json_text_[i] == '[') {
      mode_ = Mode::json;
      format_ = "graph-json";
      // The limit holds however the input is cut: the held bytes may already be the whole file.
      check_json_size(json_text_.size());
      return;
    }
    mode_ = Mode::csv;
    csv_ = std::make_unique<CsvReader>([this](const CsvRow& row) { on_csv_row(row); });
    std::string held;
    held.swap(json_text_);
    chunk = held;
    csv_->feed(chunk);
    return;
  }
  if (mode_ == Mode::json) {
    check_json_size(json_text_.size() + chunk.size());
    json_text_.append(chunk);
    return;
  }
  csv_->feed(chunk);
}

void ReportRowReader::check_json_size(std::size_t size) const {
  if (size <= max_json_bytes_) return;
  const std::size_t limit = max_json_bytes_;
  const std::string amount = limit >= (1u << 20) ? std::to_string(limit >> 20) + " MB" : std::to_string(limit) + " bytes";
  throw InputError("usage_json_too_large",
                   "Graph getPstnCalls JSON over " + amount +
                       ": export the report as CSV instead, or import the pages one by one.",
                   file_);
}

void ReportRowReader::read_header(const CsvRow& row) {
  column_of_.fill(-1);
  const std::size_t header_fields = row.fields.size();
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    // UTF-16 without its byte-order mark: every other byte of the header's names is NUL.
    if (row.fields[i].find('\0') != std::string_view::npos) {
      throw InputError("usage_encoding",
                       "This report's header holds NUL bytes: it is probably UTF-16 text. ccredits reads the export "
                       "as Teams writes it, UTF-8 CSV; in Excel, save it as \"CSV UTF-8 (comma delimited)\".",
                       file_, row.line, 1);
    }
    if (auto c = usage_column_from_header(row.fields[i])) {
      int& slot = column_of_[static_cast<std::size_t>(*c)];
      if (slot < 0) slot = static_cast<int>(i);
    }
  }
  for (UsageColumn required : {UsageColumn::call_type, UsageColumn::start_time, UsageColumn::duration}) {
    if (column_of_[static_cast<std::size_t>(required)] < 0) {
      throw InputError("usage_missing_column",
                       "This is not a Teams PSTN usage report: its header has no \"" +
                           std::string(usage_column_name(required)) +
                           "\" column (Teams admin center > Analytics & reports > PSTN and SMS usage > Export).",
                       file_, row.line, 1);
    }
  }
  // The columns this file has, with their fields; the others stay empty in values_.
  columns_.header_fields = header_fields;
  columns_.present.clear();
  values_ = {};
  for (std::size_t c = 0; c < kUsageColumnCount; ++c) {
    if (column_of_[c] >= 0) columns_.present.emplace_back(c, static_cast<std::size_t>(column_of_[c]));
  }
  const bool has_external = column_of_[static_cast<std::size_t>(UsageColumn::external_country)] >= 0;
  std::string format = "csv";
  if (header_fields == 25 && has_external) format = "csv-25";
  else if (header_fields == 20 && !has_external) format = "csv-20";
  if (format_.empty()) format_ = format;
  else if (format_ != format) format_ = "csv-mixed";
  have_header_ = true;
}

void ReportRowReader::on_csv_row(const CsvRow& row) {
  if (!have_header_) {
    read_header(row);
    return;
  }
  if (!columns_.values_of(row, values_, reason_)) {
    sink_.bad_row(row.line, std::move(reason_));
    return;
  }
  sink_.add_row(values_, row.line);
}

void ReportRowReader::finish_json() {
  const json doc = parse_json(json_text_, file_.empty() ? "report" : file_);
  std::string().swap(json_text_);
  const json* rows = &doc;
  if (doc.is_object()) {
    rows = find_member(doc, "value", "");
    if (!rows) throw InputError("usage_not_report", "This JSON has no \"value\" list of getPstnCalls rows.", file_);
  }
  if (!rows->is_array()) throw InputError("usage_not_report", "\"value\" should be a list of getPstnCalls rows.", file_);
  // The Audio Conferencing dial-out summary (Graph getPstnOnlineMeetingDialoutReport) has totals per organizer, not
  // calls: said what it is instead of reading its rows as calls without a type.
  for (const json& row : *rows) {
    // Its rows carry totals and no call type; getPstnCalls rows also have a destinationContext (null), so that
    // name alone does not tell them apart.
    if (row.is_object() && !row.contains("callType") &&
        (row.contains("totalCallCharge") || row.contains("totalCallSeconds") || row.contains("totalCalls"))) {
      throw InputError("usage_dialout_summary",
                       "This is the Audio Conferencing dial-out summary (Microsoft Graph "
                       "getPstnOnlineMeetingDialoutReport): it gives each organizer's total dial-out calls, seconds "
                       "and charge, not one row per call, so it cannot be read as a usage report. For the calls, "
                       "export the PSTN usage report (Teams admin center > Analytics & reports > PSTN and SMS usage > "
                       "Export) or use Graph getPstnCalls.",
                       file_);
    }
  }
  std::array<std::string, kUsageColumnCount> text;
  UsageValues values;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const json& row = (*rows)[i];
    for (auto& t : text) t.clear();
    if (row.is_object()) {
      for (auto it = row.begin(); it != row.end(); ++it) {
        const auto column = usage_column_from_header(it.key());
        if (!column || it->is_null()) continue;
        text[static_cast<std::size_t>(*column)] = it->is_string() ? it->get<std::string>() : it->dump();
      }
    }
    for (std::size_t c = 0; c < kUsageColumnCount; ++c) values[c] = text[c];
    sink_.add_row(values, static_cast<long>(i + 1));
  }
  have_header_ = true;
}


}  // namespace ccredits
