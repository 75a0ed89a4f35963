#include "formats/zip_archive.hpp"

#include <algorithm>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

std::uint32_t u16(const unsigned char* p) { return static_cast<std::uint32_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// A name that would land outside the folder it is unpacked into: absolute, a drive, or a ".." step.
bool leaves_archive(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '/' || name.front() == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;
  if (name.find('\0') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t stop = name.find_first_of("/\\", start);
    if (stop == std::string_view::npos) stop = name.size();
    if (name.substr(start, stop - start) == "..") return true;
    start = stop + 1;
  }
  return false;
}

}  // namespace

void throw_bad_zip(const std::string& why, const std::string& file) {
  throw InputError("bad_zip", "Cannot read the zip: " + why + ".", file);
}

bool starts_like_zip(std::string_view head) { return head.size() >= 4 && head.substr(0, 4) == "PK\x03\x04"; }

bool starts_like_ole(std::string_view head) {
  return head.size() >= 8 && head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

ZipEnd find_zip_end(std::string_view tail, std::uint64_t file_size, const std::string& file) {
  if (tail.size() >= 22) {
    for (std::size_t i = tail.size() - 22 + 1; i-- > 0;) {
      const unsigned char* e = bytes(tail) + i;
      if (u32(e) != 0x06054b50) continue;
      ZipEnd end;
      end.entry_count = u16(e + 10);
      end.directory_size = u32(e + 12);
      end.directory_offset = u32(e + 16);
      if (end.directory_offset == 0xFFFFFFFF || end.directory_offset + end.directory_size > file_size) {
        throw_bad_zip("zip64 or a damaged directory", file);
      }
      return end;
    }
  }
  throw_bad_zip("no central directory (is the download complete?)", file);
}

ZipDirectory::ZipDirectory(std::string_view directory, const ZipEnd& end, std::uint64_t file_size, std::string file,
                           ZipLimits limits)
    : file_(std::move(file)), file_size_(file_size), limits_(limits) {
  if (end.entry_count > limits_.max_entries) {
    throw_bad_zip("it lists " + std::to_string(end.entry_count) + " entries, more than the " +
                      std::to_string(limits_.max_entries) + " this file type ever has",
                  file_);
  }
  const unsigned char* dir = bytes(directory);
  std::size_t p = 0;
  entries_.reserve(end.entry_count);
  for (std::uint32_t k = 0; k < end.entry_count; ++k) {
    if (p + 46 > directory.size() || u32(dir + p) != 0x02014b50) throw_bad_zip("a damaged directory entry", file_);
    ZipEntry entry;
    entry.flags = u16(dir + p + 8);
    entry.method = u16(dir + p + 10);
    entry.packed = u32(dir + p + 20);
    entry.unpacked = u32(dir + p + 24);
    entry.local_offset = u32(dir + p + 42);
    const std::size_t n = u16(dir + p + 28), x = u16(dir + p + 30), c = u16(dir + p + 32);
    if (p + 46 + n > directory.size()) throw_bad_zip("a damaged directory entry", file_);
    entry.name.assign(directory.substr(p + 46, n));
    p += 46 + n + x + c;
    if (leaves_archive(entry.name)) {
      throw_bad_zip("the entry \"" + entry.name + "\" points outside the archive", file_);
    }
    entries_.push_back(std::move(entry));
  }
  // Entries sharing their packed bytes (the overlapping-file zip bomb) never occur in a real zip.
  std::vector<const ZipEntry*> by_offset;
  by_offset.reserve(entries_.size());
  for (const ZipEntry& entry : entries_) by_offset.push_back(&entry);
  // Stable: entries sharing an offset stay in directory order, so the entry the error names is the same in every
  // standard library (the CLI's and the page's module named different ones with std::sort).
  std::stable_sort(by_offset.begin(), by_offset.end(),
                   [](const ZipEntry* a, const ZipEntry* b) { return a->local_offset < b->local_offset; });
  for (std::size_t k = 0; k < by_offset.size(); ++k) {
    const std::uint64_t stop = by_offset[k]->local_offset + kZipLocalHeaderSize + by_offset[k]->packed;
    const std::uint64_t next = k + 1 < by_offset.size() ? by_offset[k + 1]->local_offset : file_size_;
    if (stop > next) {
      throw_bad_zip("\"" + by_offset[k]->name + "\" overlaps another entry or the end of the file (a zip bomb?)",
                    file_);
    }
  }
}

const ZipEntry* ZipDirectory::find(std::string_view name) const {
  for (const ZipEntry& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

void ZipDirectory::check_readable(const std::vector<const ZipEntry*>& selected) const {
  std::uint64_t total = 0;
  for (const ZipEntry* entry : selected) {
    if (entry->flags & 1) throw_bad_zip("\"" + entry->name + "\" is encrypted", file_);
    if (entry->method != 0 && entry->method != 8) {
      throw_bad_zip("\"" + entry->name + "\" uses an unsupported compression", file_);
    }
    if (entry->unpacked > limits_.max_pack_ratio * entry->packed + limits_.ratio_slack) {
      throw_bad_zip("\"" + entry->name + "\" would unpack to " + std::to_string(entry->unpacked / (entry->packed + 1)) +
                        " times its packed size, which no real file does (a zip bomb?)",
                    file_);
    }
    if (entry->unpacked > limits_.max_entry_unpacked) {
      throw_bad_zip("\"" + entry->name + "\" would unpack to " + std::to_string(entry->unpacked) +
                        " bytes, more than the " + std::to_string(limits_.max_entry_unpacked) + " this file type needs",
                    file_);
    }
    total += entry->unpacked;
    if (total > limits_.max_total_unpacked) {
      throw_bad_zip("its entries would unpack to more than " + std::to_string(limits_.max_total_unpacked) +
                        " bytes together, more than this file type needs",
                    file_);
    }
  }
}

std::uint64_t ZipDirectory::data_offset(const ZipEntry& entry, std::string_view local_header) const {
  if (local_header.size() < kZipLocalHeaderSize || u32(bytes(local_header)) != 0x04034b50) {
    throw_bad_zip("a damaged entry \"" + entry.name + "\"", file_);
  }
  const std::uint64_t start =
      entry.local_offset + kZipLocalHeaderSize + u16(bytes(local_header) + 26) + u16(bytes(local_header) + 28);
  if (start + entry.packed > file_size_) throw_bad_zip("\"" + entry.name + "\" is cut short", file_);
  return start;
}

void ZipUnpackBudget::add(std::size_t n) {
  unpacked_ += n;
  if (unpacked_ > entry_.unpacked) {
    throw_bad_zip("\"" + entry_.name + "\" unpacks to more than the " + std::to_string(entry_.unpacked) +
                      " bytes its directory declares (a zip bomb?)",
                  file_);
  }
}

}  // namespace ccredits
