#pragma once
// A minimal zip reader for the Teams usage export (`Export.callingplans.<id>.zip`, DOMAIN.md §7): the central
// directory, then each entry's data streamed through zlib (deflate) or as is (stored). No zip64, no encryption:
// a Teams export needs neither. Native CLI only (the page unzips with the browser's DecompressionStream).
#include <functional>
#include <string>
#include <string_view>

namespace ccredits::cli {

bool looks_like_zip(const std::string& path);

// For every entry whose name ends in `suffix` (case-insensitive), in directory order: on_entry(name), then
// on_data(chunk) for its uncompressed bytes. Returns the number of entries read. Throws InputError.
int read_zip_entries(const std::string& path, std::string_view suffix,
                     const std::function<void(const std::string&)>& on_entry,
                     const std::function<void(std::string_view)>& on_data);

}  // namespace ccredits::cli
