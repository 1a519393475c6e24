#include "matcher/index/document_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace paxscreen::index {
namespace {

using Hits = std::vector<DocumentIndex::Hit>;

Hits Find(const DocumentIndex& idx, std::string_view number, bool substitution = true) {
  Hits hits;
  idx.Lookup(number, substitution, &hits);
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return std::tie(a.payload, a.substituted_at) < std::tie(b.payload, b.substituted_at);
  });
  return hits;
}

TEST_CASE("document numbers are normalized to upper-case alphanumerics") {
  REQUIRE(NormalizeDocumentNumber(" ab-12 3<<") == "AB123");
  REQUIRE(NormalizeDocumentNumber("--") == "");
}

TEST_CASE("issuing states pack into 15 bits and back") {
  REQUIRE(UnpackIssuingState(PackIssuingState("GBR")) == "GBR");
  REQUIRE(UnpackIssuingState(PackIssuingState("zzz")) == "ZZZ");
  REQUIRE(PackIssuingState("GB") == 0);
  REQUIRE(PackIssuingState("G1R") == 0);
  REQUIRE(UnpackIssuingState(0).empty());
}

TEST_CASE("exact and one-substitution lookups on a small index") {
  DocumentIndex::Builder b;
  REQUIRE(b.Add("X1234567", "GBR", 1));
  REQUIRE(b.Add("x123-4567", "FRA", 2));  // same normalized number, other state
  REQUIRE(b.Add("Y7654321", "DEU", 3));
  REQUIRE(b.Add("A0", "USA", 4));
  REQUIRE(b.Add("LONGNUMBER1234567890", "ITA", 5));
  REQUIRE_FALSE(b.Add("<<<", "ITA", 6));
  DocumentIndex idx = std::move(b).Build();
  REQUIRE(idx.size() == 4);

  auto exact = Find(idx, "X1234567", false);
  REQUIRE(exact.size() == 2);
  REQUIRE(exact[0].payload == 1);
  REQUIRE(UnpackIssuingState(exact[0].issuing_state) == "GBR");
  REQUIRE(exact[1].payload == 2);
  REQUIRE(exact[0].substituted_at == -1);

  auto ocr = Find(idx, "XI234567");  // OCR: 1 read as I
  REQUIRE(ocr.size() == 2);
  REQUIRE(ocr[0].substituted_at == 1);

  auto last = Find(idx, "Y7654329");
  REQUIRE(last.size() == 1);
  REQUIRE(last[0].payload == 3);
  REQUIRE(last[0].substituted_at == 7);

  REQUIRE(Find(idx, "Y7654329", false).empty());
  REQUIRE(Find(idx, "Y76543").empty());       // other length
  REQUIRE(Find(idx, "Y7654312").empty());     // two substitutions (a transposition)
  REQUIRE(Find(idx, "B0").size() == 1);       // two-character numbers still work
  REQUIRE(Find(idx, "LONGNUMBER1234567890", false).size() == 1);
  auto long_sub = Find(idx, "LONGNUMBER1234567899");
  REQUIRE(long_sub.size() == 1);
  REQUIRE(long_sub[0].substituted_at == 19);
  REQUIRE(Find(idx, "LONGNUMBER12345678").empty());
  REQUIRE(Find(idx, "").empty());
}

// Brute force over the same rows, for the property test.
Hits BruteForce(const std::vector<std::string>& rows, const std::string& q) {
  Hits out;
  for (uint32_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != q.size()) continue;
    int diffs = 0, pos = -1;
    for (size_t k = 0; k < q.size(); ++k) {
      if (rows[i][k] != q[k]) {
        ++diffs;
        pos = static_cast<int>(k);
      }
    }
    if (diffs <= 1) out.push_back({i, 0, diffs == 0 ? -1 : pos});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.payload, a.substituted_at) < std::tie(b.payload, b.substituted_at);
  });
  return out;
}

TEST_CASE("lookups agree with brute force on random numbers and near misses") {
  std::mt19937_64 rng(20261123);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  // A small alphabet for some rows makes neighbours and collisions common.
  auto random_number = [&](int len, int alpha) {
    std::string s;
    for (int i = 0; i < len; ++i) s.push_back(alphabet[rng() % alpha]);
    return s;
  };
  std::vector<std::string> rows;
  DocumentIndex::Builder b;
  for (uint32_t i = 0; i < 20000; ++i) {
    int len = 1 + static_cast<int>(rng() % 16);
    rows.push_back(random_number(len, i % 3 == 0 ? 3 : 36));
    b.Add(rows.back(), "", i);
  }
  DocumentIndex idx = std::move(b).Build(2);
  for (int t = 0; t < 3000; ++t) {
    std::string q = rows[rng() % rows.size()];
    if (t % 2 == 0) q[rng() % q.size()] = alphabet[rng() % 36];
    auto got = Find(idx, q);
    auto want = BruteForce(rows, q);
    REQUIRE(got.size() == want.size());
    for (size_t k = 0; k < got.size(); ++k) {
      REQUIRE(got[k].payload == want[k].payload);
      REQUIRE(got[k].substituted_at == want[k].substituted_at);
    }
  }
}

}  // namespace
}  // namespace paxscreen::index
