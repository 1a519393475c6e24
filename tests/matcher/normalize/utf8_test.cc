// Invalid UTF-8 of every kind is an InvalidArgumentError that names the byte offset.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "matcher/normalize/normalize.h"
#include "matcher/normalize/utf8.h"

namespace paxscreen::normalize {
namespace {

struct BadCase {
  const char* what;
  std::string bytes;
  std::size_t offset;
  const char* kind;
};

TEST_CASE("invalid UTF-8: error names the offset and the kind", "[normalize][utf8]") {
  const BadCase cases[] = {
      {"stray continuation", std::string("AB\x80" "C"), 2, "continuation"},
      {"invalid lead FF", std::string("MUELLER\xFF"), 7, "lead byte"},
      {"overlong C0", std::string("\xC0\xAF"), 0, "overlong"},
      {"overlong 3-byte", std::string("X\xE0\x80\xAF"), 1, "overlong"},
      {"truncated at end", std::string("JOS\xC3"), 3, "truncated"},
      {"truncated in middle", std::string("A\xE2\x82Z"), 1, "truncated"},
      {"surrogate", std::string("AB\xED\xA0\x80"), 2, "surrogate"},
      {"above U+10FFFF", std::string("\xF4\x90\x80\x80"), 0, "above"},
      {"after valid multibyte", std::string("Müller\xFE"), 7, "lead byte"},
  };
  for (const BadCase& c : cases) {
    INFO(c.what);
    const absl::Status v = ValidateUtf8(c.bytes);
    REQUIRE(absl::IsInvalidArgument(v));
    const std::string msg(v.message());
    CHECK(msg.find("byte offset " + std::to_string(c.offset) + ":") != std::string::npos);
    CHECK(msg.find(c.kind) != std::string::npos);
    // Every public entry point reports it rather than crashing.
    auto n = NormalizeName(c.bytes);
    CHECK(absl::IsInvalidArgument(n.status()));
    CHECK(std::string(n.status().message()).find(std::to_string(c.offset)) != std::string::npos);
    CHECK(absl::IsInvalidArgument(TransliterateIcao(c.bytes).status()));
    CHECK(absl::IsInvalidArgument(FoldPlain(c.bytes).status()));
  }
}

TEST_CASE("invalid UTF-8 in a part names the field", "[normalize][utf8]") {
  auto n = NormalizeNameParts("SMITH", std::string("JO\xFFN"));
  REQUIRE(absl::IsInvalidArgument(n.status()));
  CHECK(std::string(n.status().message()).rfind("given_names: ", 0) == 0);
  auto s = NormalizeNameParts(std::string("\x80"), "JOHN");
  REQUIRE(absl::IsInvalidArgument(s.status()));
  CHECK(std::string(s.status().message()).rfind("surname: ", 0) == 0);
}

TEST_CASE("valid UTF-8 of every length passes", "[normalize][utf8]") {
  CHECK(ValidateUtf8("").ok());
  CHECK(ValidateUtf8("plain ascii").ok());
  CHECK(ValidateUtf8("é Ж ح 中 😀").ok());
  CHECK(ValidateUtf8(std::string("\xF4\x8F\xBF\xBF")).ok());  // U+10FFFF
  CHECK(ValidateUtf8(std::string("\xEF\xBF\xBD")).ok());      // U+FFFD
  CHECK(IsAscii("ABCDEFGHIJKLMNOP"));
  CHECK_FALSE(IsAscii("ABCDEFGHIJKLMNOé"));
  CHECK_FALSE(IsAscii("é"));
}

TEST_CASE("random bytes: ok or InvalidArgument, never a crash", "[normalize][utf8]") {
  std::mt19937 rng(20240601);
  // Mix of ASCII, valid multibyte fragments and raw high bytes.
  const std::string pieces[] = {"A", "<", "-", "'", ",", " ", "\xC3\xBC", "\xD0\x96", "\xD8\xAD",
                                "\xCC\x88", "\xE2\x80\x8F", "\xE6\xAF\x9B", "\xCE\x9F", "\xCE\xA5"};
  int ok = 0, bad = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) {
      if (rng() % 6 == 0) {
        s.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        s += pieces[rng() % std::size(pieces)];
      }
    }
    auto n = NormalizeName(s);
    if (n.ok()) {
      ++ok;
      for (const Token& t : n->tokens) {
        REQUIRE_FALSE(t.text.empty());
        for (char c : t.text) REQUIRE((c >= 'A' && c <= 'Z'));
      }
    } else {
      ++bad;
      REQUIRE(absl::IsInvalidArgument(n.status()));
      REQUIRE(ValidateUtf8(s).code() == absl::StatusCode::kInvalidArgument);
    }
  }
  CHECK(ok > 100);
  CHECK(bad > 100);
}

}  // namespace
}  // namespace paxscreen::normalize
