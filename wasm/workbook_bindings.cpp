// Embind bindings only, of a second module the page loads when an admin chooses Microsoft's rate workbook
// (.xlsx), so the zip, XML and workbook readers never grow what a first visit downloads (ccredits/rate_workbook.hpp;
// web/rate-workbook.js slices the file and inflates the parts). The card comes back as ccredits.rates/1 JSON text,
// which the main module loads with loadRates. Bytes cross as in bindings.cpp: JS asks for room with buffer(n),
// copies them there with HEAPU8.set, and passes n. Every method returns JSON text; errors come back as {"error": ...}.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "ccredits/calculator.hpp"
#include "ccredits/rate_workbook.hpp"

namespace {

using ccredits::json;

class RateWorkbookBinding {
 public:
  RateWorkbookBinding(const std::string& file, double size)
      : reader_(file, size > 0 ? static_cast<std::uint64_t>(size) : 0) {}

  std::uintptr_t buffer(std::size_t size) {
    staging_.resize(size);
    return reinterpret_cast<std::uintptr_t>(staging_.data());
  }
  std::string signature(std::size_t n) {
    return ccredits::as_json_result([&] {
      reader_.check_signature(staged(n));
      return json::object();
    });
  }
  std::string end(std::size_t n) { return ccredits::as_json_result([&] { return reader_.end(staged(n)); }); }
  std::string directory(std::size_t n) {
    return ccredits::as_json_result([&] { return reader_.directory(staged(n)); });
  }
  std::string data_offset(const std::string& name, std::size_t n) {
    return ccredits::as_json_result([&] { return reader_.data_offset(name, staged(n)); });
  }
  std::string add_part(const std::string& name, std::size_t n) {
    return ccredits::as_json_result([&] {
      reader_.add_part(name, std::string(staged(n)));
      return json::object();
    });
  }
  std::string card(const std::string& columns) { return ccredits::as_json_result([&] { return reader_.card_json(columns); }); }

 private:
  std::string_view staged(std::size_t n) const { return std::string_view(staging_.data(), std::min(n, staging_.size())); }

  ccredits::RateWorkbookReader reader_;
  std::string staging_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ccredits_workbook) {
  emscripten::class_<RateWorkbookBinding>("RateWorkbookReader")
      .constructor<const std::string&, double>()
      .function("buffer", &RateWorkbookBinding::buffer)
      .function("signature", &RateWorkbookBinding::signature)
      .function("end", &RateWorkbookBinding::end)
      .function("directory", &RateWorkbookBinding::directory)
      .function("dataOffset", &RateWorkbookBinding::data_offset)
      .function("addPart", &RateWorkbookBinding::add_part)
      .function("card", &RateWorkbookBinding::card);
}
