#include "zip_entries.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <vector>

#include "ccredits/error.hpp"

namespace ccredits::cli {
namespace {

std::uint32_t u16(const unsigned char* p) { return p[0] | (p[1] << 8); }
std::uint32_t u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

struct Entry {
  std::string name;
  std::uint32_t method;
  std::uint64_t compressed;
  std::uint64_t local_offset;
  std::uint64_t uncompressed;  // as the central directory declares it
};

// A Teams export is CSV text with a random GUID per row: deflate packs it about 5 to 1. A zip bomb packs 1000
// to 1 (deflate's limit): refusing entries that declare more than 100 to 1, and stopping an entry at its
// declared size, bounds the work to 100 times the file's size whatever the zip claims (web/import-worker.js
// applies the same rule).
constexpr std::uint64_t kMaxPackRatio = 100;
constexpr std::uint64_t kRatioSlack = 1 << 20;  // tiny entries (a header and a few rows) pack better

bool ends_with_ci(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace

bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char sig[4] = {};
  in.read(sig, 4);
  return in.gcount() == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
}

int read_zip_entries(const std::string& path, std::string_view suffix,
                     const std::function<void(const std::string&)>& on_entry,
                     const std::function<void(std::string_view)>& on_data) {
  auto bad = [&](const std::string& why) { return InputError("bad_zip", "Cannot read the zip: " + why + ".", path); };
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  const std::uint64_t tail_size = std::min<std::uint64_t>(size, 22 + 65535);
  std::vector<unsigned char> tail(tail_size);
  in.seekg(static_cast<std::streamoff>(size - tail_size));
  in.read(reinterpret_cast<char*>(tail.data()), static_cast<std::streamsize>(tail_size));
  std::int64_t eocd = -1;
  for (std::int64_t i = static_cast<std::int64_t>(tail_size) - 22; i >= 0; --i) {
    if (u32(&tail[static_cast<std::size_t>(i)]) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad("no central directory (is the download complete?)");
  const unsigned char* e = &tail[static_cast<std::size_t>(eocd)];
  const std::uint32_t count = u16(e + 10);
  const std::uint32_t dir_size = u32(e + 12);
  const std::uint32_t dir_offset = u32(e + 16);
  if (dir_offset == 0xFFFFFFFF || static_cast<std::uint64_t>(dir_offset) + dir_size > size) {
    throw bad("zip64 or a damaged directory");
  }
  std::vector<unsigned char> dir(dir_size);
  in.seekg(dir_offset);
  in.read(reinterpret_cast<char*>(dir.data()), dir_size);
  std::vector<Entry> entries;
  std::size_t p = 0;
  for (std::uint32_t k = 0; k < count; ++k) {
    if (p + 46 > dir.size() || u32(&dir[p]) != 0x02014b50) throw bad("a damaged directory entry");
    const std::uint32_t flags = u16(&dir[p + 8]);
    Entry entry{{}, u16(&dir[p + 10]), u32(&dir[p + 20]), u32(&dir[p + 42]), u32(&dir[p + 24])};
    const std::size_t n = u16(&dir[p + 28]), x = u16(&dir[p + 30]), c = u16(&dir[p + 32]);
    if (p + 46 + n > dir.size()) throw bad("a damaged directory entry");
    entry.name.assign(reinterpret_cast<const char*>(&dir[p + 46]), n);
    p += 46 + n + x + c;
    if (!ends_with_ci(entry.name, suffix)) continue;
    if (flags & 1) throw bad("\"" + entry.name + "\" is encrypted");
    if (entry.method != 0 && entry.method != 8) throw bad("\"" + entry.name + "\" uses an unsupported compression");
    if (entry.uncompressed > kMaxPackRatio * entry.compressed + kRatioSlack) {
      throw bad("\"" + entry.name + "\" would unpack to " + std::to_string(entry.uncompressed / (entry.compressed + 1)) +
                " times its packed size, which no Teams export does (a zip bomb?)");
    }
    entries.push_back(std::move(entry));
  }
  // Entries sharing their packed bytes (the overlapping-file zip bomb) never occur in a real zip.
  std::vector<const Entry*> by_offset;
  for (const Entry& entry : entries) by_offset.push_back(&entry);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const Entry* a, const Entry* b) { return a->local_offset < b->local_offset; });
  for (std::size_t k = 0; k < by_offset.size(); ++k) {
    const std::uint64_t end = by_offset[k]->local_offset + 30 + by_offset[k]->compressed;
    const std::uint64_t next = k + 1 < by_offset.size() ? by_offset[k + 1]->local_offset : size;
    if (end > next) throw bad("\"" + by_offset[k]->name + "\" overlaps another entry or the end of the file (a zip bomb?)");
  }

  std::vector<char> input(1 << 16), output(1 << 18);
  for (const Entry& entry : entries) {
    unsigned char local[30];
    in.seekg(static_cast<std::streamoff>(entry.local_offset));
    in.read(reinterpret_cast<char*>(local), 30);
    if (in.gcount() != 30 || u32(local) != 0x04034b50) throw bad("a damaged entry \"" + entry.name + "\"");
    in.seekg(static_cast<std::streamoff>(entry.local_offset + 30 + u16(local + 26) + u16(local + 28)));
    on_entry(entry.name);
    std::uint64_t left = entry.compressed;
    std::uint64_t unpacked = 0;
    auto deliver = [&](const char* data, std::size_t n) {
      unpacked += n;
      if (unpacked > entry.uncompressed) {
        throw bad("\"" + entry.name + "\" unpacks to more than the " + std::to_string(entry.uncompressed) +
                  " bytes its directory declares (a zip bomb?)");
      }
      on_data(std::string_view(data, n));
    };
    z_stream z{};
    if (entry.method == 8 && inflateInit2(&z, -MAX_WBITS) != Z_OK) throw bad("zlib failed to start");
    int status = Z_OK;
    while (left > 0 && status != Z_STREAM_END) {
      const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(left, input.size()));
      in.read(input.data(), want);
      if (in.gcount() != want) {
        if (entry.method == 8) inflateEnd(&z);
        throw bad("\"" + entry.name + "\" is cut short");
      }
      left -= static_cast<std::uint64_t>(want);
      if (entry.method == 0) {
        deliver(input.data(), static_cast<std::size_t>(want));
        continue;
      }
      z.next_in = reinterpret_cast<Bytef*>(input.data());
      z.avail_in = static_cast<uInt>(want);
      do {
        z.next_out = reinterpret_cast<Bytef*>(output.data());
        z.avail_out = static_cast<uInt>(output.size());
        status = inflate(&z, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
          inflateEnd(&z);
          throw bad("\"" + entry.name + "\" is damaged (deflate)");
        }
        const std::size_t produced = output.size() - z.avail_out;
        if (produced > 0) {
          try {
            deliver(output.data(), produced);
          } catch (...) {
            inflateEnd(&z);
            throw;
          }
        }
      } while (z.avail_out == 0 && status != Z_STREAM_END);
    }
    if (entry.method == 8) {
      inflateEnd(&z);
      if (status != Z_STREAM_END) throw bad("\"" + entry.name + "\" ends too early");
    }
  }
  return static_cast<int>(entries.size());
}

}  // namespace ccredits::cli
