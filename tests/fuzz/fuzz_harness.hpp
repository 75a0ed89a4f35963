#pragma once
// Shared by the libFuzzer targets: an input may be rejected with InputError (that is the contract); anything
// else escaping the core (std::exception from a library, a crash, a sanitizer report) is a finding.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>

#include "ccredits/error.hpp"

namespace ccredits::fuzz {

// A bug found by a target. Under libFuzzer it aborts (libFuzzer saves the input); when the Catch2 suite replays
// the corpus and the regressions (tests/native/fuzz_replay_test.cpp) it throws, and the test case fails.
struct Finding {
  std::string what;
};

[[noreturn]] inline void finding(const std::string& what) {
#ifdef CCREDITS_FUZZ_REPLAY
  throw Finding{what};
#else
  std::fprintf(stderr, "finding: %s\n", what.c_str());
  std::abort();
#endif
}

template <typename Body>
void expect_clean(Body&& body) {
  try {
    body();
  } catch (const InputError&) {
    // A clear, located error: the expected answer to a bad file.
  } catch (const std::bad_alloc&) {
    // libFuzzer's -rss_limit_mb / -malloc_limit_mb report real memory blow-ups themselves.
  } catch (const std::exception& e) {
    finding(std::string("non-InputError exception escaped: ") + e.what());
  }
}

}  // namespace ccredits::fuzz
