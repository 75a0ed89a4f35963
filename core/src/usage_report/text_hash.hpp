#pragma once
// A 64-bit hash of a short text, 8 bytes at a time: the per-row tables of a usage import (users, short-call numbers)
// hash a view into the row without building a std::string for std::hash.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ccredits {

inline std::uint64_t text_hash(std::string_view text) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
  std::uint64_t h = text.size() * kMultiplier;
  const auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    mix(word);
  }
  if (i < text.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, text.size() - i);
    mix(word);
  }
  h ^= h >> 32;
  return h * kMultiplier;
}

}  // namespace ccredits
