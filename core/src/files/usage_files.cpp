// A usage report from disk into the importer (ccredits/files.hpp): the file in 1 MiB chunks, or each .csv file of
// a zip (the Teams export, core/DOMAIN.md §7) inflated chunk by chunk, so that a report of any size is never held
// whole in memory.
#include <fstream>
#include <vector>

#include "ccredits/error.hpp"
#include "ccredits/files.hpp"
#include "files/zip_file.hpp"

namespace ccredits {

void import_usage_file(UsageImporter& importer, const std::string& path) {
  if (looks_like_zip(path)) {
    const int files = read_zip_entries(
        path, ".csv", [&](const std::string& name) { importer.next_file(name); },
        [&](std::string_view chunk) { importer.feed(chunk); });
    if (files == 0) throw InputError("usage_not_report", "The zip holds no .csv file.", path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  importer.next_file(path);
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) importer.feed(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
}

}  // namespace ccredits
