#pragma once
// Where the unquoted fields of a CSV row end, found for 64 bytes at once: bit i of the result is set when byte i
// is the separator, CR or LF. The reader then finds each field's end with a shift and a count of trailing zeros
// instead of looking at its bytes one by one (formats/csv_reader.cpp). SSE2 compares 16 bytes at a time natively,
// and so does wasm SIMD where a module is built with it (-msimd128, the usage importer's); elsewhere 64-bit integers
// compare 8 at a time.
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace ccredits::csv_stops {

// 8 bytes at a time in 64-bit integers, exact for every byte (no borrow between bytes).
inline std::uint64_t stop_bits_portable(const char* p, char separator) {
  if constexpr (std::endian::native != std::endian::little) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 64; ++i) {
      if (p[i] == separator || p[i] == '\n' || p[i] == '\r') bits |= std::uint64_t{1} << i;
    }
    return bits;
  } else {
    constexpr std::uint64_t kOnes = 0x0101010101010101u, kLow7 = 0x7F7F7F7F7F7F7F7Fu, kHigh = 0x8080808080808080u;
    // The high bit of each byte of x that is not zero.
    const auto nonzero = [](std::uint64_t x) { return ((x & kLow7) + kLow7) | x; };
    const std::uint64_t sep = kOnes * static_cast<unsigned char>(separator), lf = kOnes * '\n', cr = kOnes * '\r';
    std::uint64_t bits = 0;
    for (int k = 0; k < 8; ++k) {
      std::uint64_t word;
      std::memcpy(&word, p + 8 * k, 8);
      const std::uint64_t hits = ~(nonzero(word ^ sep) & nonzero(word ^ lf) & nonzero(word ^ cr)) & kHigh;
      // Each byte's high bit gathered into the top byte, byte i to bit 56 + i (the partial products never meet).
      bits |= (((hits >> 7) * 0x0102040810204080u) >> 56) << (8 * k);
    }
    return bits;
  }
}

#if defined(__SSE2__)
inline std::uint64_t stop_bits_sse2(const char* p, char separator) {
  const __m128i sep = _mm_set1_epi8(separator), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  std::uint64_t bits = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, sep), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    bits |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hit))) << (16 * k);
  }
  return bits;
}
#endif

#if defined(__wasm_simd128__)
inline std::uint64_t stop_bits_simd128(const char* p, char separator) {
  const v128_t sep = wasm_i8x16_splat(separator), lf = wasm_i8x16_splat('\n'), cr = wasm_i8x16_splat('\r');
  std::uint64_t bits = 0;
  for (int k = 0; k < 4; ++k) {
    const v128_t v = wasm_v128_load(p + 16 * k);
    const v128_t hit = wasm_v128_or(wasm_i8x16_eq(v, sep), wasm_v128_or(wasm_i8x16_eq(v, lf), wasm_i8x16_eq(v, cr)));
    bits |= static_cast<std::uint64_t>(wasm_i8x16_bitmask(hit)) << (16 * k);
  }
  return bits;
}
#endif

// The 64 bytes at p must be readable.
inline std::uint64_t stop_bits(const char* p, char separator) {
#if defined(__SSE2__)
  return stop_bits_sse2(p, separator);
#elif defined(__wasm_simd128__)
  return stop_bits_simd128(p, separator);
#else
  return stop_bits_portable(p, separator);
#endif
}

// The same for the `size` (< 64) bytes at p: the bits past them are zero.
inline std::uint64_t stop_bits_tail(const char* p, std::size_t size, char separator) {
  char padded[64] = {};
  std::memcpy(padded, p, size);
  return stop_bits(padded, separator) & ((std::uint64_t{1} << size) - 1);
}

}  // namespace ccredits::csv_stops
