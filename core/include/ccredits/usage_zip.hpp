#pragma once
// A usage report zip (a Teams export) for a caller that reads the file's bytes and inflates the entries itself,
// such as the page's import worker (the browser's DecompressionStream is asynchronous, so the core cannot call back
// for the bytes). The core reads the end record and the central directory, names the .csv entries to inflate and
// checks them with the zip-bomb rules, the same as `ccredits usage REPORT.zip` does; the caller inflates each
// entry, stops at the size the core gives, and feeds the bytes to UsageImporter. Every method throws InputError on
// a bad zip (core/CONTRACT.md "Usage report").
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ccredits {

class UsageZipReader {
 public:
  UsageZipReader(std::string file, std::uint64_t size);
  ~UsageZipReader();
  UsageZipReader(const UsageZipReader&) = delete;
  UsageZipReader& operator=(const UsageZipReader&) = delete;

  // The file's last min(size, 22 + 65535) bytes -> {"directory_offset", "directory_size"}.
  nlohmann::json end(std::string_view tail);
  // The directory's bytes -> {"entries": [{"name", "method", "packed", "unpacked", "local_offset"}],
  // "local_header_size"}: the .csv entries, in directory order, to inflate and import; "unpacked" is the most
  // bytes an entry may inflate to. A zip without a .csv entry is refused ("usage_not_report").
  nlohmann::json directory(std::string_view bytes);
  // An entry's local header -> {"start"}: where its packed bytes begin.
  nlohmann::json data_offset(const std::string& name, std::string_view local_header) const;
  // An entry that inflated to more than "unpacked": always throws the zip bomb's "bad_zip" error.
  [[noreturn]] void too_large(const std::string& name) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ccredits
