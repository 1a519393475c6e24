#include "matcher/compare/pairs_csv.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace paxscreen::compare {
namespace {

TEST_CASE("CSV records with quotes, commas and newlines", "[csv]") {
  std::istringstream in(
      "name1,name2,note\r\n"
      "\"SMITH, JOHN\",JOHN SMITH,\"said \"\"hi\"\"\"\n"
      "A,B,\"two\nlines\"\n"
      "\n"
      "last,row,\n");
  CsvReader r(in);
  std::vector<std::string> row;
  REQUIRE(r.Next(&row));
  CHECK(row == std::vector<std::string>{"name1", "name2", "note"});
  REQUIRE(r.Next(&row));
  CHECK(r.record_status().ok());
  CHECK(r.record_line() == 2);
  CHECK(row == std::vector<std::string>{"SMITH, JOHN", "JOHN SMITH", "said \"hi\""});
  REQUIRE(r.Next(&row));
  CHECK(row == std::vector<std::string>{"A", "B", "two\nlines"});
  CHECK(r.record_line() == 3);
  REQUIRE(r.Next(&row));
  CHECK(row == std::vector<std::string>{""});
  REQUIRE(r.Next(&row));
  CHECK(r.record_line() == 6);
  CHECK(row == std::vector<std::string>{"last", "row", ""});
  CHECK_FALSE(r.Next(&row));
}

TEST_CASE("malformed CSV records name their line", "[csv]") {
  std::istringstream in("a,\"b\"x,c\nok,row\n\"never closed,\n");
  CsvReader r(in);
  std::vector<std::string> row;
  REQUIRE(r.Next(&row));
  CHECK_FALSE(r.record_status().ok());
  CHECK(std::string(r.record_status().message()).find("line 1") != std::string::npos);
  REQUIRE(r.Next(&row));
  CHECK(r.record_status().ok());
  CHECK(row == std::vector<std::string>{"ok", "row"});
  REQUIRE(r.Next(&row));
  CHECK_FALSE(r.record_status().ok());
  CHECK(std::string(r.record_status().message()).find("line 3") != std::string::npos);
}

TEST_CASE("CsvLine quotes only when needed and round-trips", "[csv]") {
  const std::vector<std::string> fields = {"plain", "a,b", "q\"q", "nl\nx", ""};
  const std::string line = CsvLine(fields);
  CHECK(line == "plain,\"a,b\",\"q\"\"q\",\"nl\nx\",");
  std::istringstream in(line + "\n");
  CsvReader r(in);
  std::vector<std::string> row;
  REQUIRE(r.Next(&row));
  CHECK(row == fields);
}

}  // namespace
}  // namespace paxscreen::compare
