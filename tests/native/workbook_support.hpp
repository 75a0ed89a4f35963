#pragma once
// Small .xlsx workbooks written byte by byte for the core's tests: a zip of stored entries (the core reads the
// directory; MemoryParts hands it the stored bytes, as the CLI and the page hand it inflated ones) and the XML
// parts of a workbook. Deflated workbooks go through the CLI (tests/node/rate-workbook.test.mjs).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "formats/zip_archive.hpp"
#include "reference/rate_workbook.hpp"

namespace ccredits::test {

using ZipParts = std::vector<std::pair<std::string, std::string>>;  // name, bytes

inline void put16(std::string& s, std::uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// Stored entries; declared_unpacked overrides what the directory says of an entry's size (for zip bombs).
inline std::string stored_zip(const ZipParts& entries, std::int64_t declared_unpacked = -1) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto declared = declared_unpacked >= 0 ? static_cast<std::uint32_t>(declared_unpacked) : size;
    put32(out, 0x04034b50);
    put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0);
    put32(out, 0); put32(out, size); put32(out, declared);
    put16(out, static_cast<std::uint32_t>(name.size())); put16(out, 0);
    out += name;
    out += data;
    put32(dir, 0x02014b50);
    put16(dir, 20); put16(dir, 20); put16(dir, 0); put16(dir, 0); put16(dir, 0); put16(dir, 0);
    put32(dir, 0); put32(dir, size); put32(dir, declared);
    put16(dir, static_cast<std::uint32_t>(name.size())); put16(dir, 0); put16(dir, 0); put16(dir, 0); put16(dir, 0);
    put32(dir, 0); put32(dir, offset);
    dir += name;
  }
  const auto dir_offset = static_cast<std::uint32_t>(out.size());
  out += dir;
  put32(out, 0x06054b50);
  put16(out, 0); put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size())); put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(dir.size())); put32(out, dir_offset);
  put16(out, 0);
  return out;
}

// The workbook's parts from the bytes of a zip of stored entries, through the core's zip reader.
class MemoryParts : public WorkbookParts {
 public:
  MemoryParts(std::string bytes, const std::string& file) : bytes_(std::move(bytes)) {
    const std::uint64_t size = bytes_.size();
    const std::size_t tail = static_cast<std::size_t>(std::min<std::uint64_t>(size, kZipTailSize));
    const ZipEnd end = find_zip_end(std::string_view(bytes_).substr(bytes_.size() - tail), size, file);
    directory_ = std::make_unique<ZipDirectory>(
        std::string_view(bytes_).substr(end.directory_offset, end.directory_size), end, size, file,
        rate_workbook_zip_limits());
  }
  const ZipDirectory& directory() const override { return *directory_; }
  std::string read(const ZipEntry& entry) override {
    const std::uint64_t start =
        directory_->data_offset(entry, std::string_view(bytes_).substr(entry.local_offset, kZipLocalHeaderSize));
    ZipUnpackBudget budget(entry, directory_->file());
    budget.add(entry.packed);
    return bytes_.substr(start, entry.packed);
  }

 private:
  std::string bytes_;
  std::unique_ptr<ZipDirectory> directory_;
};

constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook of these sheets ({name, worksheet XML}) and shared strings (none when empty).
inline ZipParts workbook_parts(const std::vector<std::pair<std::string, std::string>>& sheets,
                               const std::vector<std::string>& shared = {},
                               const std::string& workbook_type =
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") {
  std::string types = R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType=")" + workbook_type + R"("/>)";
  std::string book = std::string(R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")") + kRelNs + R"("><sheets>)";
  std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  ZipParts parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    types += R"(<Override PartName="/xl/worksheets/sheet)" + n +
             R"(.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)";
    book += R"(<sheet name=")" + sheets[i].first + R"(" sheetId=")" + n + R"(" r:id="rId)" + n + R"("/>)";
    rels += R"(<Relationship Id="rId)" + n + R"(" Type=")" + kRelNs + R"(/worksheet" Target="worksheets/sheet)" + n + R"(.xml"/>)";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].second);
  }
  if (!shared.empty()) {
    rels += R"(<Relationship Id="rIdS" Type=")" + std::string(kRelNs) + R"(/sharedStrings" Target="sharedStrings.xml"/>)";
    std::string sst = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    for (const std::string& s : shared) sst += "<si><t>" + s + "</t></si>";
    parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  }
  parts.emplace_back("[Content_Types].xml", types + "</Types>");
  parts.emplace_back("_rels/.rels", R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")" + std::string(kRelNs) + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  parts.emplace_back("xl/workbook.xml", book + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return parts;
}

// A worksheet from rows of inline-string cells; a cell starting with '#' is a number cell (the rest is its value).
inline std::string worksheet(const std::vector<std::vector<std::string>>& rows, long first_row = 1) {
  std::string xml = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  long r = first_row;
  for (const auto& row : rows) {
    if (!row.empty()) {
      xml += "<row r=\"" + std::to_string(r) + "\">";
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (row[c].empty()) continue;
        const std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(r);
        if (row[c][0] == '#') xml += "<c r=\"" + ref + "\"><v>" + row[c].substr(1) + "</v></c>";
        else xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + row[c] + "</t></is></c>";
      }
      xml += "</row>";
    }
    ++r;
  }
  return xml + "</sheetData></worksheet>";
}

inline RateCard read_workbook_bytes(const std::string& bytes, const std::string& file = "rates.xlsx") {
  check_rate_workbook_signature(bytes.substr(0, 8), file);
  MemoryParts parts(bytes, file);
  return read_rate_workbook(parts, file);
}

}  // namespace ccredits::test
