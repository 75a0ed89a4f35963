// Embind bindings only, of a second module the page loads when an admin chooses Microsoft's rate workbook
// (.xlsx), so the zip, XML and workbook readers never grow what a first visit downloads. The page slices the
// file and inflates the parts this module names (DecompressionStream); the module reads the zip directory and the
// XML, and gives the card as ccredits.rates/1 JSON text, which the main module loads with loadRates.
// Bytes cross as in bindings.cpp: JS asks for room with buffer(n), copies them there with HEAPU8.set, and passes n.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "ccredits/calculator.hpp"
#include "reference/rate_workbook.hpp"

namespace {

using ccredits::json;

class RateWorkbookBinding {
 public:
  RateWorkbookBinding(const std::string& file, double size)
      : file_(file), size_(size > 0 ? static_cast<std::uint64_t>(size) : 0) {}

  std::uintptr_t buffer(std::size_t size) {
    staging_.resize(size);
    return reinterpret_cast<std::uintptr_t>(staging_.data());
  }
  // The file's first bytes: a password-protected workbook is refused here.
  std::string signature(std::size_t n) {
    return ccredits::as_json_result([&] {
      ccredits::check_rate_workbook_signature(staged(n), file_);
      return json::object();
    });
  }
  // The file's last min(size, 22 + 65535) bytes -> where its directory is.
  std::string end(std::size_t n) {
    return ccredits::as_json_result([&] {
      end_ = ccredits::find_zip_end(staged(n), size_, file_);
      return json{{"directory_offset", end_.directory_offset}, {"directory_size", end_.directory_size}};
    });
  }
  // The directory's bytes -> the parts to inflate, each with where its local header is.
  std::string directory(std::size_t n) {
    return ccredits::as_json_result([&] {
      parts_ = std::make_unique<ccredits::InflatedWorkbookParts>(staged(n), end_, size_, file_);
      json parts = json::array();
      for (const ccredits::ZipEntry* e : parts_->wanted()) {
        parts.push_back({{"name", e->name}, {"method", e->method}, {"packed", e->packed},
                         {"unpacked", e->unpacked}, {"local_offset", e->local_offset}});
      }
      return json{{"parts", parts}, {"local_header_size", ccredits::kZipLocalHeaderSize}};
    });
  }
  // A part's local header -> where its packed bytes start.
  std::string data_offset(const std::string& name, std::size_t n) {
    return ccredits::as_json_result([&] { return json{{"start", parts().directory().data_offset(entry(name), staged(n))}}; });
  }
  // A part's inflated bytes.
  std::string add_part(const std::string& name, std::size_t n) {
    return ccredits::as_json_result([&] {
      parts().add(name, std::string(staged(n)));
      return json::object();
    });
  }
  // The card, as ccredits.rates/1 JSON text (or the error document).
  std::string card() {
    return ccredits::as_json_result([&] {
      return ccredits::rate_card_json_text(ccredits::read_rate_workbook(parts(), file_));
    });
  }

 private:
  std::string_view staged(std::size_t n) const { return std::string_view(staging_.data(), std::min(n, staging_.size())); }
  ccredits::InflatedWorkbookParts& parts() {
    if (!parts_) throw ccredits::InputError("bad_zip", "Cannot read the zip: its directory was not read first.", file_);
    return *parts_;
  }
  const ccredits::ZipEntry& entry(const std::string& name) {
    const ccredits::ZipEntry* e = parts().directory().find(name);
    if (!e) throw ccredits::InputError("bad_zip", "Cannot read the zip: it has no entry \"" + name + "\".", file_);
    return *e;
  }

  std::string file_;
  std::uint64_t size_;
  std::string staging_;
  ccredits::ZipEnd end_;
  std::unique_ptr<ccredits::InflatedWorkbookParts> parts_;
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
