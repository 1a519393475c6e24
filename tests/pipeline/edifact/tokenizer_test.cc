#include "pipeline/edifact/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace paxscreen::edifact {
namespace {

std::vector<Segment> All(std::string_view text, absl::Status* status = nullptr) {
  Tokenizer t(text);
  std::vector<Segment> out;
  for (Segment s; t.Next(&s);) out.push_back(s);
  if (status != nullptr) *status = t.status();
  return out;
}

TEST_CASE("default separators without UNA") {
  auto segs = All("UNB+UNOA:4+X'NAD+FL+++SMITH:JOHN:PAT'");
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].tag() == "NAD");
  CHECK(segs[1].number() == 2);
  CHECK(segs[1].Text(0) == "FL");
  CHECK(segs[1].Text(3, 0) == "SMITH");
  CHECK(segs[1].Text(3, 2) == "PAT");
  CHECK(segs[1].Text(3, 3).empty());
  CHECK(segs[1].Empty(1));
  CHECK(segs[1].ElementCount() == 4);
  CHECK(segs[1].ComponentCount(3) == 3);
}

TEST_CASE("custom UNA separators and release character") {
  // component '!', element '|', decimal ',', release '#', terminator '~'
  auto segs = All("UNA!|,# ~UNB|X~FTX|A#|B#~C!D#!E~");
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].tag() == "FTX");
  CHECK(segs[1].Text(0, 0) == "A|B~C");
  CHECK(segs[1].Text(0, 1) == "D!E");
  CHECK(segs[1].RawComponent(0, 0) == "A#|B#~C");  // raw view keeps the escapes
}

TEST_CASE("released release character and dangling release at the end of an element") {
  auto segs = All("UNA:+.? 'IFT+4:28+MOLLY??X?+Y'");
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].Text(1) == "MOLLY?X+Y");
}

TEST_CASE("one-line and multi-line forms give the same segments") {
  std::string one = "UNA:+.? 'UNB+A'UNH+1+PAXLST'BGM+745'UNT+3+1'UNZ+1+A'";
  std::string multi = "UNA:+.? '\r\nUNB+A'\r\n  UNH+1+PAXLST' \nBGM+745'\nUNT+3+1'\nUNZ+1+A'\n";
  auto a = All(one);
  auto b = All(multi);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].tag() == b[i].tag());
    CHECK(a[i].Text(0) == b[i].Text(0));
  }
}

TEST_CASE("line breaks inside a segment are line wrapping, not data") {
  auto segs = All("SSR+DOCS:HK::DL:::::/P/GBR/1234/GBR/12JUL64/M/23AUG19/SMITHJ\r\nR/JOHN'");
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].TextFrom(0, 8) == "/P/GBR/1234/GBR/12JUL64/M/23AUG19/SMITHJR/JOHN");
}

TEST_CASE("space between tag and separator, leading spaces, newline terminators") {
  auto segs = All(" UNA:*.? $\r\nUNB*UNOA:4*X$\r\nUNG *PAXLST*AA$\r\n");
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].tag() == "UNG");
  CHECK(segs[1].Text(0) == "PAXLST");
}

TEST_CASE("segment terminator may be a newline") {
  auto segs = All("UNA:+.? \nUNB+X\nNAD+FL+++A:B\n");
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].Text(3, 1) == "B");
}

TEST_CASE("truncated input is an error naming the segment number and tag") {
  absl::Status status;
  auto segs = All("UNB+X'UNH+1+PAXLST'NAD+FL+++SMI", &status);
  CHECK(segs.size() == 2);
  REQUIRE_FALSE(status.ok());
  CHECK(std::string(status.message()).find("segment 3 'NAD'") != std::string::npos);
  CHECK(std::string(status.message()).find("truncated") != std::string::npos);
}

TEST_CASE("an unterminated UNZ followed by a line break ends the input cleanly") {
  // Found by pnrgov_fuzz on 2026-12-03: the line break after the bare tag used to end the body
  // before the tag's scan did, and reading the elements threw std::out_of_range.
  for (const std::string end : {"UNZ\r\n", "UNZ\n", "UNZ \r\n", "UNZ\n+1+X"}) {
    absl::Status status;
    const std::string text = "UNB+X'UNH+1+PNRGOV'UNT+2+1'" + end;
    const auto segs = All(text, &status);
    INFO(end);
    REQUIRE(segs.size() == 4);
    CHECK(segs[3].tag() == "UNZ");
    CHECK(segs[3].ElementCount() == 0);
    CHECK(status.ok());
  }
}

TEST_CASE("a bad tag is an error; stray text after UNZ is only a warning") {
  absl::Status status;
  All("UNB+X'nad+FL'", &status);
  CHECK_FALSE(status.ok());
  CHECK(std::string(status.message()).find("segment 2") != std::string::npos);

  Tokenizer t("UNB+X'UNZ+1+X'\n13Nov09");
  int n = 0;
  for (Segment s; t.Next(&s);) ++n;
  CHECK(n == 2);
  CHECK(t.status().ok());
  CHECK(t.warnings().size() == 1);
}

TEST_CASE("a truncated UNA is an error") {
  absl::Status status;
  All("UNA:+", &status);
  CHECK_FALSE(status.ok());
}

TEST_CASE("UNA with five service characters (decimal mark missing)") {
  auto segs = All("UNA:+\\*'\nUNB+X'FTX+A\\+B'");
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].Text(0) == "A+B");
}

TEST_CASE("segments are views into the input, not copies") {
  std::string text = "UNB+X'NAD+FL+++SMITH'";
  auto segs = All(text);
  REQUIRE(segs.size() == 2);
  CHECK(segs[1].tag().data() == text.data() + 6);
  CHECK(segs[1].offset() == 6);
}

TEST_CASE("SafeTag prints control bytes escaped") {
  CHECK(SafeTag("AB\x01") == "AB\\x01");
  CHECK(SafeTag("ABCDEFGHIJ") == "ABCDEFGH...");
}

}  // namespace
}  // namespace paxscreen::edifact
