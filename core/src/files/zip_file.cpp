#include "files/zip_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <vector>

#include "ccredits/error.hpp"

namespace ccredits {
namespace {

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

std::string read_at(std::ifstream& in, std::uint64_t offset, std::uint64_t size) {
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

}  // namespace

ZipFile::ZipFile(const std::string& path, ZipLimits limits) : path_(path), in_(path, std::ios::binary) {
  if (!in_) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  in_.seekg(0, std::ios::end);
  size_ = static_cast<std::uint64_t>(in_.tellg());
  const std::uint64_t tail_size = std::min<std::uint64_t>(size_, kZipTailSize);
  const ZipEnd end = find_zip_end(read_at(in_, size_ - tail_size, tail_size), size_, path);
  directory_ = std::make_unique<ZipDirectory>(read_at(in_, end.directory_offset, end.directory_size), end, size_,
                                              path, limits);
}

void ZipFile::stream(const ZipEntry& entry, const std::function<void(std::string_view)>& on_data) {
  const std::uint64_t start = directory_->data_offset(entry, read_at(in_, entry.local_offset, kZipLocalHeaderSize));
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(start));
  ZipUnpackBudget budget(entry, path_);
  auto deliver = [&](const char* data, std::size_t n) {
    budget.add(n);
    on_data(std::string_view(data, n));
  };
  std::vector<char> input(1 << 16), output(1 << 18);
  z_stream z{};
  if (entry.deflated() && inflateInit2(&z, -MAX_WBITS) != Z_OK) throw_bad_zip("zlib failed to start", path_);
  // zlib's state is released however the entry ends (a bad byte, a budget overrun, the caller's own error).
  struct End {
    z_stream* z;
    bool on;
    ~End() {
      if (on) inflateEnd(z);
    }
  } end{&z, entry.deflated()};
  std::uint64_t left = entry.packed;
  int status = Z_OK;
  while (left > 0 && status != Z_STREAM_END) {
    const auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(left, input.size()));
    in_.read(input.data(), want);
    if (in_.gcount() != want) throw_bad_zip("\"" + entry.name + "\" is cut short", path_);
    left -= static_cast<std::uint64_t>(want);
    if (!entry.deflated()) {
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
        throw_bad_zip("\"" + entry.name + "\" is damaged (deflate)", path_);
      }
      const std::size_t produced = output.size() - z.avail_out;
      if (produced > 0) deliver(output.data(), produced);
    } while (z.avail_out == 0 && status != Z_STREAM_END);
  }
  if (entry.deflated() && status != Z_STREAM_END) throw_bad_zip("\"" + entry.name + "\" ends too early", path_);
}

std::string ZipFile::read(const ZipEntry& entry) {
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(entry.unpacked, 1 << 26)));
  stream(entry, [&](std::string_view chunk) { text.append(chunk); });
  return text;
}

int read_zip_entries(const std::string& path, std::string_view suffix,
                     const std::function<void(const std::string&)>& on_entry,
                     const std::function<void(std::string_view)>& on_data) {
  ZipFile zip(path);
  std::vector<const ZipEntry*> selected;
  for (const ZipEntry& entry : zip.directory().entries()) {
    if (ends_with_ci(entry.name, suffix)) selected.push_back(&entry);
  }
  zip.directory().check_readable(selected);
  for (const ZipEntry* entry : selected) {
    on_entry(entry->name);
    zip.stream(*entry, on_data);
  }
  return static_cast<int>(selected.size());
}

}  // namespace ccredits
