// A file mapped into memory (mapped_file.hpp): POSIX mmap where there is one.
#include "files/mapped_file.hpp"

#if __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define CCREDITS_HAS_MMAP 1
#endif

namespace ccredits {

#ifdef CCREDITS_HAS_MMAP

std::optional<MappedFile> MappedFile::open(const std::string& path) {
  // Only a regular file is opened here: opening a pipe and closing it again would take its first bytes, or end the
  // writer's output with SIGPIPE.
  struct stat named {};
  if (::stat(path.c_str(), &named) != 0 || !S_ISREG(named.st_mode)) return std::nullopt;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  void* data = MAP_FAILED;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);  // the mapping keeps the file
  if (data == MAP_FAILED) return std::nullopt;
  // Read front to back, by several threads a piece each: read ahead generously.
  ::madvise(data, static_cast<std::size_t>(info.st_size), MADV_SEQUENTIAL);
  return MappedFile(data, static_cast<std::size_t>(info.st_size));
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

#else

std::optional<MappedFile> MappedFile::open(const std::string&) { return std::nullopt; }
MappedFile::~MappedFile() = default;

#endif

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

}  // namespace ccredits
