#pragma once
// libFuzzer target: Microsoft's rate workbook (.xlsx) through the core's zip directory, XML and workbook readers
// (reference/rate_workbook.hpp), then a number priced against the card it gives. The first byte picks the mode:
//  even: the rest is the whole file (the zip); entries are handed over as stored, whatever their method, so the
//        XML readers see the bytes the fuzzer wrote.
//  odd:  the rest is the XML of one worksheet named "Dial-out calls" in an otherwise valid workbook, so the
//        mutations reach the XML and rate-row readers without having to keep a zip intact.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "../native/workbook_support.hpp"
#include "ccredits/calculator.hpp"
#include "fuzz_harness.hpp"

namespace ccredits::fuzz {

// MemoryParts, but any method: a deflated entry's packed bytes are handed over as they are.
class RawParts : public WorkbookParts {
 public:
  RawParts(std::string bytes, const std::string& file) : bytes_(std::move(bytes)) {
    const std::uint64_t size = bytes_.size();
    const std::size_t tail = static_cast<std::size_t>(std::min<std::uint64_t>(size, kZipTailSize));
    const ZipEnd end = find_zip_end(std::string_view(bytes_).substr(bytes_.size() - tail), size, file);
    directory_ = std::make_unique<ZipDirectory>(
        std::string_view(bytes_).substr(static_cast<std::size_t>(end.directory_offset),
                                        static_cast<std::size_t>(end.directory_size)),
        end, size, file, rate_workbook_zip_limits());
  }
  const ZipDirectory& directory() const override { return *directory_; }
  std::string read(const ZipEntry& entry) override {
    const std::string_view all(bytes_);
    const std::uint64_t start = directory_->data_offset(
        entry, all.substr(static_cast<std::size_t>(std::min<std::uint64_t>(entry.local_offset, all.size())),
                          kZipLocalHeaderSize));
    std::string data(all.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(entry.packed)));
    ZipUnpackBudget budget(entry, directory_->file());
    budget.add(data.size());
    return data;
  }

 private:
  std::string bytes_;
  std::unique_ptr<ZipDirectory> directory_;
};

inline int one_rate_workbook(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  if (data[0] % 2 == 0) {
    bytes = std::string(rest);
  } else {
    bytes = ccredits::test::stored_zip(ccredits::test::workbook_parts({{"Dial-out calls", std::string(rest)}}));
  }
  expect_clean([&] {
    check_rate_workbook_signature(std::string_view(bytes).substr(0, 8), "fuzz.xlsx");
    RawParts parts(bytes, "fuzz.xlsx");
    const RateCard card = read_rate_workbook(parts, "fuzz.xlsx");
    if (card.currency.size() != 3) finding("a workbook card without a currency: \"" + card.currency + "\"");
    Calculator calc;
    calc.load_rate_card(card, "fuzz.xlsx");
    const std::string out = as_json_result([&] {
      return calc.simulate(R"({"from": "US", "number": "+33612345678", "seconds": 61})");
    });
    if (!json::accept(out)) finding("simulate gave invalid JSON: " + out);
    const auto doc = json::parse(out);
    if (doc.contains("error") && doc["error"]["code"] == "internal") finding(out);
  });
  return 0;
}

}  // namespace ccredits::fuzz
