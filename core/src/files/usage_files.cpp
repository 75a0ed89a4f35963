// A usage report from disk into the importer (ccredits/files.hpp): the file mapped and read in pieces of 1 MiB on
// every core (files/parallel_usage_import.hpp), or, when it cannot be mapped (a pipe), in 1 MiB chunks as it comes;
// each .csv file of a zip (the Teams export, core/DOMAIN.md §7) inflated chunk by chunk. The importer's own memory
// never holds the whole report: a mapped file's pages are the kernel's, kept or dropped as it needs.
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "ccredits/error.hpp"
#include "ccredits/files.hpp"
#include "files/mapped_file.hpp"
#include "files/parallel_usage_import.hpp"
#include "files/zip_file.hpp"
#include "formats/zip_archive.hpp"

namespace ccredits {

void import_usage_file(UsageImporter& importer, const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw InputError("cannot_read", "\"" + path + "\" is a folder, not a report file.", path);
  }
  const auto mapped = MappedFile::open(path);
  if (mapped && starts_like_zip(mapped->text())) {
    const int files = read_zip_entries(
        path, ".csv", [&](const std::string& name) { importer.next_file(name); },
        [&](std::string_view chunk) { importer.feed(chunk); });
    if (files == 0) throw InputError("usage_not_report", "The zip holds no .csv file.", path);
    return;
  }
  if (mapped) {
    importer.next_file(path);
    import_usage_text(*importer.reader_, mapped->text());
    return;
  }
  // A pipe (or an empty file): read once, as it comes. Its first bytes are looked at as they are fed, not read ahead
  // and lost.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot_read", "Cannot open \"" + path + "\".", path);
  importer.next_file(path);
  std::vector<char> buffer(1 << 20);
  bool first = true;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::string_view chunk(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (first && starts_like_zip(chunk)) {
      throw InputError("usage_zip_not_file",
                       "This zip comes through a pipe, and a zip can only be read from a file (its list of files is "
                       "at its end): save it as a file and import that, or pipe the CSV inside it (unzip -p).",
                       path);
    }
    first = false;
    if (!chunk.empty()) importer.feed(chunk);
  }
}

}  // namespace ccredits
