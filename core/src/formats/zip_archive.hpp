#pragma once
// The zip container, read without inflating: the end record, the central directory, entry names and sizes, and
// the rules that keep a hostile zip from costing more than its size (core/DOMAIN.md §7 usage exports, §5 rate
// workbooks). The core runs in wasm too, so it never inflates: the caller reads the packed bytes of the entries
// the core names and inflates them (zlib in the CLI, DecompressionStream in the page's worker), counting the
// bytes with ZipUnpackBudget so an entry stops at the size its directory declares.
// Not supported, with a sentence each: zip64, encrypted entries, compression other than stored and deflate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ccredits {

// The end-of-central-directory record is within the last kZipTailSize bytes of a zip.
inline constexpr std::size_t kZipTailSize = 22 + 65535;
inline constexpr std::size_t kZipLocalHeaderSize = 30;

// "PK\3\4": a zip (an .xlsx is one).
bool starts_like_zip(std::string_view head);
// D0 CF 11 E0 A1 B1 1A E1: an OLE compound file, which is what Excel writes for a password-protected workbook
// (and for an old .xls).
bool starts_like_ole(std::string_view head);

struct ZipLimits {
  // A Teams export packs about 5 to 1 and a rate workbook's XML about 10 to 1; deflate can pack 1000 to 1. An
  // entry declaring more than max_pack_ratio to 1 (beyond ratio_slack) is refused, so the work stays bounded by
  // that multiple of the file's size whatever the zip claims.
  std::uint64_t max_pack_ratio = 100;
  std::uint64_t ratio_slack = 1 << 20;  // tiny entries (a header and a few rows) pack better
  std::uint64_t max_entry_unpacked = UINT64_MAX;  // per selected entry, as declared
  std::uint64_t max_total_unpacked = UINT64_MAX;  // all selected entries together, as declared
  std::size_t max_entries = 10000;                // in the directory
};

struct ZipEnd {
  std::uint64_t directory_offset = 0;
  std::uint64_t directory_size = 0;
  std::uint32_t entry_count = 0;
};

struct ZipEntry {
  std::string name;
  std::uint32_t method = 0;  // 0 stored, 8 deflate
  std::uint32_t flags = 0;
  std::uint64_t packed = 0;
  std::uint64_t unpacked = 0;  // as the central directory declares it
  std::uint64_t local_offset = 0;
  bool deflated() const { return method == 8; }
};

// The end record, from the last min(file_size, kZipTailSize) bytes of the file. Throws InputError "bad_zip".
ZipEnd find_zip_end(std::string_view tail, std::uint64_t file_size, const std::string& file);

class ZipDirectory {
 public:
  // The central directory's bytes (ZipEnd's directory_offset/size of the file). Every entry's name is checked:
  // a name leading outside the archive ("../", "/", "C:", "\") is refused, as is a directory of more than
  // limits.max_entries entries or entries sharing their packed bytes (the overlapping-file zip bomb).
  ZipDirectory(std::string_view directory, const ZipEnd& end, std::uint64_t file_size, std::string file,
               ZipLimits limits = {});

  const std::vector<ZipEntry>& entries() const { return entries_; }
  // The entry of that exact name (zip names use '/'), or nullptr.
  const ZipEntry* find(std::string_view name) const;
  // Checks that the caller may inflate these entries: not encrypted, stored or deflate, within the pack ratio,
  // the per-entry and total sizes. Throws InputError "bad_zip" naming the entry.
  void check_readable(const std::vector<const ZipEntry*>& selected) const;
  // Where an entry's packed bytes start, from its 30-byte local header.
  std::uint64_t data_offset(const ZipEntry& entry, std::string_view local_header) const;

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::uint64_t file_size_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
};

// Counts an entry's unpacked bytes as the caller inflates them: more than the declared size is a zip bomb.
class ZipUnpackBudget {
 public:
  ZipUnpackBudget(const ZipEntry& entry, std::string file) : entry_(entry), file_(std::move(file)) {}
  void add(std::size_t bytes);  // throws InputError "bad_zip"
  std::uint64_t unpacked() const { return unpacked_; }

 private:
  const ZipEntry& entry_;
  std::string file_;
  std::uint64_t unpacked_ = 0;
};

// The error every zip problem gives: "Cannot read the zip: <why>."
[[noreturn]] void throw_bad_zip(const std::string& why, const std::string& file);

}  // namespace ccredits
