// UsageRowCache: while a scenario is edited, rows whose text did not change are taken from the last read; the
// result is the same as reading the whole text, and plan data loaded since invalidates the rows.
#include <catch2/catch.hpp>

#include "ccredits/error.hpp"
#include "scenario/scenario.hpp"
#include "estimate_support.hpp"

using namespace ccredits;

namespace {

const Plans& plans() { return estimate_test::fixture().plans; }

std::string scenario(const std::string& second_minutes, const std::string& extra_row = "") {
  return R"({"licenses":[{"country":"US","plan":"payg","users":5}],"usage":[)"
         R"({"kind":"user_out","from":"US","to":"FR","number_type":"wireless","minutes":100,"calls":4},)"
         R"({"kind":"user_out","from":"US","to":"GB","minutes":)" + second_minutes + "}," + extra_row +
         R"({"kind":"toll_free_in","country":"US","service":"call_queue","minutes":"30.5"}]})";
}

void check_same_rows(const Scenario& a, const Scenario& b) {
  REQUIRE(a.usage.size() == b.usage.size());
  for (std::size_t i = 0; i < a.usage.size(); ++i) {
    INFO("row " << i);
    CHECK(a.usage[i].kind == b.usage[i].kind);
    CHECK(a.usage[i].from == b.usage[i].from);
    CHECK(a.usage[i].to == b.usage[i].to);
    CHECK(a.usage[i].country == b.usage[i].country);
    CHECK(a.usage[i].service == b.usage[i].service);
    CHECK(a.usage[i].number_type == b.usage[i].number_type);
    CHECK(a.usage[i].minutes == b.usage[i].minutes);
    CHECK(a.usage[i].calls == b.usage[i].calls);
    CHECK(a.usage[i].path == b.usage[i].path);
  }
}

}  // namespace

TEST_CASE("usage row cache: edits read with the cache give the rows of a whole read", "[scenario][cache]") {
  UsageRowCache cache;
  for (const std::string& text : {scenario("7"), scenario("8"), scenario("8"),
                                  scenario("8", R"({"kind":"conf_out","to":"JP","minutes":9},)"), scenario("9"),
                                  std::string(R"({"usage":[]})"), scenario("10")}) {
    INFO(text);
    const Scenario cached = parse_scenario(text, "s.json", &plans(), &cache, 1);
    check_same_rows(cached, parse_scenario(text, "s.json", &plans()));
    CHECK(cache.scenario.usage.size() == cached.usage.size());
    CHECK(cache.spans.size() == cached.usage.size());
    CHECK(cache.text == text);
  }
}

TEST_CASE("usage row cache: a row is taken from the cache only for the same text, place and plan data", "[scenario][cache]") {
  UsageRowCache cache;
  const std::string text = scenario("7");
  parse_scenario(text, "s.json", &plans(), &cache, 1);
  REQUIRE(cache.scenario.usage.size() == 3);
  // Mark the cached rows: a read that takes them shows the mark, one that reads the text again does not.
  for (UsageRow& row : cache.scenario.usage) row.calls = 999;
  const UsageRowCache marked = cache;

  CHECK(parse_scenario(text, "s.json", &plans(), &cache, 1).usage[2].calls == 999);  // same text: taken
  cache = marked;
  const Scenario edited = parse_scenario(scenario("70"), "s.json", &plans(), &cache, 1);
  CHECK(edited.usage[0].calls == 999);  // unchanged row: taken
  CHECK(edited.usage[1].calls == 0);    // the edited row: read again
  CHECK(edited.usage[1].minutes == Minutes::parse("70"));
  CHECK(edited.usage[2].calls == 999);
  cache = marked;
  CHECK(parse_scenario(text, "s.json", &plans(), &cache, 2).usage[0].calls == 4);  // plan data loaded since
  cache = marked;
  const Scenario moved = parse_scenario(scenario("7", R"({"kind":"conf_out","to":"JP","minutes":9},)"), "s.json",
                                        &plans(), &cache, 1);
  CHECK(moved.usage[2].kind == UsageKind::conf_out);    // a row inserted: the rows after it are read again
  CHECK(moved.usage[3].path == "usage[3]");
  CHECK(moved.usage[3].calls == 0);
}

TEST_CASE("usage row cache: an error is the error of a whole read, and leaves the cache as it was", "[scenario][cache]") {
  UsageRowCache cache;
  parse_scenario(scenario("7"), "s.json", &plans(), &cache, 1);
  const std::string before = cache.text;
  try {
    parse_scenario(scenario("-7"), "s.json", &plans(), &cache, 1);
    FAIL("negative minutes were accepted");
  } catch (const InputError& e) {
    CHECK(e.path() == "usage[1].minutes");
    CHECK(std::string(e.what()).find("row 2 of the usage") != std::string::npos);
  }
  CHECK(cache.text == before);
}
