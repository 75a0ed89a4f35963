// A usage report zip read for a caller that inflates (ccredits/usage_zip.hpp): the .csv entries named and checked
// with the rules of formats/zip_archive.hpp, as the CLI's `ccredits usage REPORT.zip` selects them.
#include "ccredits/usage_zip.hpp"

#include <vector>

#include "ccredits/error.hpp"
#include "formats/zip_archive.hpp"

namespace ccredits {
namespace {

bool is_csv_name(const std::string& name) {
  constexpr std::string_view suffix = ".csv";
  if (name.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = name[name.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

struct UsageZipReader::State {
  std::string file;
  std::uint64_t size = 0;
  ZipEnd end;
  std::unique_ptr<ZipDirectory> directory;

  const ZipEntry& entry(const std::string& name) const {
    const ZipEntry* e = directory ? directory->find(name) : nullptr;
    if (!e) throw InputError("bad_zip", "Cannot read the zip: it has no entry \"" + name + "\".", file);
    return *e;
  }
};

UsageZipReader::UsageZipReader(std::string file, std::uint64_t size)
    : state_(std::make_unique<State>()) {
  state_->file = std::move(file);
  state_->size = size;
}

UsageZipReader::~UsageZipReader() = default;

nlohmann::json UsageZipReader::end(std::string_view tail) {
  state_->end = find_zip_end(tail, state_->size, state_->file);
  return {{"directory_offset", state_->end.directory_offset}, {"directory_size", state_->end.directory_size}};
}

nlohmann::json UsageZipReader::directory(std::string_view bytes) {
  state_->directory = std::make_unique<ZipDirectory>(bytes, state_->end, state_->size, state_->file);
  std::vector<const ZipEntry*> selected;
  for (const ZipEntry& entry : state_->directory->entries()) {
    if (is_csv_name(entry.name)) selected.push_back(&entry);
  }
  state_->directory->check_readable(selected);
  if (selected.empty()) throw InputError("usage_not_report", "The zip holds no .csv file.", state_->file);
  nlohmann::json entries = nlohmann::json::array();
  for (const ZipEntry* e : selected) {
    entries.push_back({{"name", e->name}, {"method", e->method}, {"packed", e->packed}, {"unpacked", e->unpacked},
                       {"local_offset", e->local_offset}});
  }
  return {{"entries", entries}, {"local_header_size", kZipLocalHeaderSize}};
}

nlohmann::json UsageZipReader::data_offset(const std::string& name, std::string_view local_header) const {
  return {{"start", state_->directory->data_offset(state_->entry(name), local_header)}};
}

void UsageZipReader::too_large(const std::string& name) const {
  const ZipEntry& entry = state_->entry(name);
  ZipUnpackBudget budget(entry, state_->file);
  budget.add(static_cast<std::size_t>(entry.unpacked) + 1);
  throw_bad_zip("\"" + name + "\" unpacks to more than its directory declares", state_->file);
}

}  // namespace ccredits
