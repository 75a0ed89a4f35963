#pragma once
// A file of this repository (rates/, tests/data/) as text, for the tests; a file that cannot be opened fails the test.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(CCREDITS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
