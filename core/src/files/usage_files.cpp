// A usage report from disk into the importer (ccredits/files.hpp): the file mapped and read in pieces of 1 MiB on
// every core (files/parallel_usage_import.hpp), or, when it cannot be mapped (a pipe), in 1 MiB chunks as it comes;
// each .csv file of a zip (the Teams export, core/DOMAIN.md §7) inflated chunk by chunk. The importer's own memory
// never holds the whole report: a mapped file's pages are the kernel's, kept or dropped as it needs.
#include <fstream>
#include <vector>

#include "ccredits/error.hpp"
#include "ccredits/files.hpp"
#include "files/mapped_file.hpp"
#include "files/parallel_usage_import.hpp"
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
  if (const auto mapped = MappedFile::open(path)) {
    importer.next_file(path);
    import_usage_text(*importer.reader_, mapped->text());
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
