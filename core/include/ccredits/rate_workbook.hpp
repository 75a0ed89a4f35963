#pragma once
// Microsoft's rate workbook (.xlsx) for a caller that reads the file's bytes and inflates its parts itself, such
// as the page's workbook module (the browser's DecompressionStream is asynchronous, so the core cannot call back
// for a part). The core reads the zip directory, applies the zip-bomb rules, names the parts, and reads the XML.
// Every method throws InputError on a bad file (core/CONTRACT.md "Rate card").
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ccredits {

class RateWorkbookReader {
 public:
  RateWorkbookReader(std::string file, std::uint64_t size);
  ~RateWorkbookReader();
  RateWorkbookReader(const RateWorkbookReader&) = delete;
  RateWorkbookReader& operator=(const RateWorkbookReader&) = delete;

  // The file's first 8 bytes: a password-protected workbook (or an old .xls) is refused here.
  void check_signature(std::string_view head) const;
  // The file's last min(size, 22 + 65535) bytes -> {"directory_offset", "directory_size"}.
  nlohmann::json end(std::string_view tail);
  // The directory's bytes -> {"parts": [{"name", "method", "packed", "unpacked", "local_offset"}],
  // "local_header_size"}: the parts to inflate.
  nlohmann::json directory(std::string_view bytes);
  // A part's local header -> {"start"}: where its packed bytes begin.
  nlohmann::json data_offset(const std::string& name, std::string_view local_header) const;
  // A part, inflated; more bytes than the directory declares is a zip bomb.
  void add_part(const std::string& name, std::string bytes);
  // The card the parts hold, as ccredits.rates/1 JSON text. columns: which header is which column, as JSON
  // (Calculator::load_rate_sheet_with_columns), for sheets whose headers are not recognised; may be called again
  // with another mapping.
  std::string card_json(std::string_view columns = {});

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ccredits
