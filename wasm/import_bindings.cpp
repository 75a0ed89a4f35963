// Embind bindings only, of the module the import worker (web/import-worker.js) loads when an admin imports a usage
// report, so the importer never grows what a first visit downloads. It has its own calculator, for the rate card
// the import re-rates with (loadRates). Bytes cross without conversion: JS asks for room with buffer(n), copies its
// chunk there with HEAPU8.set, then calls feed(n). Every method returns JSON text; errors come back as
// {"error": ...}, never thrown.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "ccredits/calculator.hpp"
#include "ccredits/usage_import.hpp"
#include "ccredits/usage_zip.hpp"
#include "module_calculator.hpp"

namespace {

using ccredits::wasm::calculator;
using ccredits::wasm::load_rates;

class UsageImportBinding {
 public:
  UsageImportBinding()
      : importer_(calculator()) {}
  std::uintptr_t buffer(std::size_t size) {
    staging_.resize(size);
    return reinterpret_cast<std::uintptr_t>(staging_.data());
  }
  std::string feed(std::size_t size) {
    return ccredits::as_json_result([&] {
      importer_.feed(std::string_view(staging_.data(), std::min(size, staging_.size())));
      return ccredits::json{{"rows", importer_.rows()}};
    });
  }
  std::string next_file(const std::string& name) {
    return ccredits::as_json_result([&] {
      importer_.next_file(name);
      return ccredits::json::object();
    });
  }
  std::string finish() { return ccredits::as_json_result([&] { return importer_.finish_text(); }); }
  double rows() const { return static_cast<double>(importer_.rows()); }

 private:
  ccredits::UsageImporter importer_;
  std::string staging_;
};

// A report zip's directory read by the core (ccredits/usage_zip.hpp): which .csv entries the worker inflates, where
// their bytes start, and the most each may inflate to. Bytes cross as above, through buffer(n).
class UsageZipBinding {
 public:
  UsageZipBinding(const std::string& file, double size)
      : reader_(file, size > 0 ? static_cast<std::uint64_t>(size) : 0) {}
  std::uintptr_t buffer(std::size_t size) {
    staging_.resize(size);
    return reinterpret_cast<std::uintptr_t>(staging_.data());
  }
  std::string end(std::size_t n) { return ccredits::as_json_result([&] { return reader_.end(staged(n)); }); }
  std::string directory(std::size_t n) {
    return ccredits::as_json_result([&] { return reader_.directory(staged(n)); });
  }
  std::string data_offset(const std::string& name, std::size_t n) {
    return ccredits::as_json_result([&] { return reader_.data_offset(name, staged(n)); });
  }
  std::string too_large(const std::string& name) {
    return ccredits::as_json_result([&]() -> ccredits::json { reader_.too_large(name); });
  }

 private:
  std::string_view staged(std::size_t n) const { return std::string_view(staging_.data(), std::min(n, staging_.size())); }

  ccredits::UsageZipReader reader_;
  std::string staging_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ccredits_import) {
  emscripten::function("loadRates", &load_rates);

  emscripten::class_<UsageImportBinding>("UsageImporter")
      .constructor<>()
      .function("buffer", &UsageImportBinding::buffer)
      .function("feed", &UsageImportBinding::feed)
      .function("nextFile", &UsageImportBinding::next_file)
      .function("finish", &UsageImportBinding::finish)
      .function("rows", &UsageImportBinding::rows);

  emscripten::class_<UsageZipBinding>("UsageZipReader")
      .constructor<const std::string&, double>()
      .function("buffer", &UsageZipBinding::buffer)
      .function("end", &UsageZipBinding::end)
      .function("directory", &UsageZipBinding::directory)
      .function("dataOffset", &UsageZipBinding::data_offset)
      .function("tooLarge", &UsageZipBinding::too_large);
}
