#pragma once
// A file's bytes mapped into memory, read only: a large usage report is read where the kernel keeps it, with no copy,
// and its pages stay the kernel's to drop. Pipes and other files that cannot be mapped are read as a stream instead.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ccredits {

class MappedFile {
 public:
  // The file mapped, or nothing when it cannot be (a pipe, a platform without mmap, an empty file).
  static std::optional<MappedFile> open(const std::string& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile& operator=(MappedFile&&) = delete;

  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_;
  std::size_t size_;
};

}  // namespace ccredits
