#pragma once
// Shared by the libFuzzer targets: an input may be rejected with InputError (that is the contract); anything
// else escaping the core (std::exception from a library, a crash, a sanitizer report) is a finding.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "ccredits/error.hpp"

namespace ccredits::fuzz {

template <typename Body>
void expect_clean(Body&& body) {
  try {
    body();
  } catch (const InputError&) {
    // A clear, located error: the expected answer to a bad file.
  } catch (const std::bad_alloc&) {
    // libFuzzer's -rss_limit_mb / -malloc_limit_mb report real memory blow-ups themselves.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "non-InputError exception escaped: %s\n", e.what());
    std::abort();
  }
}

}  // namespace ccredits::fuzz
