#pragma once
// A zip on disk (formats/zip_archive.hpp reads the directory and sets the rules): the file's bytes read at the
// offsets the directory gives, and zlib to inflate the entries. Used for the Teams usage export
// (`Export.callingplans.<id>.zip`, core/DOMAIN.md §7) and Microsoft's rate workbook (.xlsx, core/DOMAIN.md §5).
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "formats/zip_archive.hpp"

namespace ccredits {

class ZipFile {
 public:
  ZipFile(const std::string& path, ZipLimits limits = {});
  const ZipDirectory& directory() const { return *directory_; }
  // The entry's unpacked bytes, chunk by chunk, stopped at its declared size. Call check_readable first.
  void stream(const ZipEntry& entry, const std::function<void(std::string_view)>& on_data);
  std::string read(const ZipEntry& entry);

 private:
  std::string path_;
  std::ifstream in_;
  std::uint64_t size_ = 0;
  std::unique_ptr<ZipDirectory> directory_;
};

// For every entry whose name ends in `suffix` (case-insensitive), in directory order: on_entry(name), then
// on_data(chunk) for its uncompressed bytes. Returns the number of entries read. Throws InputError.
int read_zip_entries(const std::string& path, std::string_view suffix,
                     const std::function<void(const std::string&)>& on_entry,
                     const std::function<void(std::string_view)>& on_data);

}  // namespace ccredits
