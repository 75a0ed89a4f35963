#include "ccredits/rate_workbook.hpp"

#include "ccredits/error.hpp"
#include "reference/rate_workbook.hpp"

namespace ccredits {

struct RateWorkbookReader::State {
  std::string file;
  std::uint64_t size = 0;
  ZipEnd end;
  std::unique_ptr<InflatedWorkbookParts> parts;

  InflatedWorkbookParts& inflated() const {
    if (!parts) throw InputError("bad_zip", "Cannot read the zip: its directory was not read first.", file);
    return *parts;
  }
};

RateWorkbookReader::RateWorkbookReader(std::string file, std::uint64_t size) : state_(std::make_unique<State>()) {
  state_->file = std::move(file);
  state_->size = size;
}

RateWorkbookReader::~RateWorkbookReader() = default;

void RateWorkbookReader::check_signature(std::string_view head) const {
  check_rate_workbook_signature(head, state_->file);
}

nlohmann::json RateWorkbookReader::end(std::string_view tail) {
  state_->end = find_zip_end(tail, state_->size, state_->file);
  return {{"directory_offset", state_->end.directory_offset}, {"directory_size", state_->end.directory_size}};
}

nlohmann::json RateWorkbookReader::directory(std::string_view bytes) {
  state_->parts = std::make_unique<InflatedWorkbookParts>(bytes, state_->end, state_->size, state_->file);
  nlohmann::json parts = nlohmann::json::array();
  for (const ZipEntry* e : state_->parts->wanted()) {
    parts.push_back({{"name", e->name}, {"method", e->method}, {"packed", e->packed}, {"unpacked", e->unpacked},
                     {"local_offset", e->local_offset}});
  }
  return {{"parts", parts}, {"local_header_size", kZipLocalHeaderSize}};
}

nlohmann::json RateWorkbookReader::data_offset(const std::string& name, std::string_view local_header) const {
  const ZipEntry* entry = state_->inflated().directory().find(name);
  if (!entry) throw InputError("bad_zip", "Cannot read the zip: it has no entry \"" + name + "\".", state_->file);
  return {{"start", state_->inflated().directory().data_offset(*entry, local_header)}};
}

void RateWorkbookReader::add_part(const std::string& name, std::string bytes) {
  state_->inflated().add(name, std::move(bytes));
}

std::string RateWorkbookReader::card_json(std::string_view columns) {
  const ColumnMapping mapping = ColumnMapping::from_json(columns);
  return rate_card_json_text(read_rate_workbook(state_->inflated(), state_->file, mapping.empty() ? nullptr : &mapping));
}

}  // namespace ccredits
