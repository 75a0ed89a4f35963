#include "ccredits/usage_import.hpp"

#include "ccredits/calculator.hpp"
#include "usage_report/usage_report_reader.hpp"

namespace ccredits {

UsageImporter::UsageImporter(const Calculator& calc, UsageImportSettings settings)
    : UsageImporter(calc.has_rates() ? &calc.rates() : nullptr, settings) {}

UsageImporter::UsageImporter(const RateCard* rates, UsageImportSettings settings)
    : reader_(std::make_unique<UsageReportReader>(rates, settings)) {}

UsageImporter::~UsageImporter() = default;

void UsageImporter::next_file(const std::string& name) { reader_->next_file(name); }
void UsageImporter::feed(std::string_view chunk) { reader_->feed(chunk); }
std::string UsageImporter::finish_text() { return reader_->finish(); }
json UsageImporter::finish() { return json::parse(finish_text()); }
std::int64_t UsageImporter::rows() const { return reader_->rows(); }
std::uint64_t UsageImporter::bytes() const { return reader_->bytes(); }

}  // namespace ccredits
