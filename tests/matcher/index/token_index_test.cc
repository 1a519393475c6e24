#include "matcher/index/token_index.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/distance/reference.h"
#include "matcher/phonetic/arabic_skeleton.h"
#include "matcher/phonetic/double_metaphone.h"
#include "xxhash.h"

namespace paxscreen::index {
namespace {

std::vector<QueryToken> Tokens(std::vector<std::string> words) {
  std::vector<QueryToken> out;
  for (size_t i = 0; i < words.size(); ++i) out.push_back({words[i], static_cast<int>(i)});
  return out;
}

// A word of min_length to min_length + spread - 1 letters drawn from `alphabet`.
std::string RandomWord(std::mt19937_64& rng, int min_length, int spread,
                       std::string_view alphabet) {
  std::string w;
  const int len = min_length + static_cast<int>(rng() % spread);
  for (int i = 0; i < len; ++i) w.push_back(alphabet[rng() % alphabet.size()]);
  return w;
}

std::vector<uint32_t> Find(const TokenIndex& idx, const std::vector<std::string>& query) {
  std::vector<uint32_t> out;
  idx.Candidates(Tokens(query), static_cast<int>(query.size()), &out);
  return out;
}

TEST_CASE("exact, edit-distance and phonetic token matches make candidates") {
  std::vector<std::vector<QueryToken>> names = {
      Tokens({"MUHAMMAD", "QAHTANI"}), Tokens({"JOHN", "SMITH"}), Tokens({"ALI"}),
      Tokens({"ABDULRAHMAN", "HASSAN"})};
  TokenIndex idx = TokenIndex::Build(names, {2, 2, 1, 2}, {});
  REQUIRE(idx.name_count() == 4);
  REQUIRE(Find(idx, {"MUHAMMAD", "QAHTANI"}) == std::vector<uint32_t>{0});
  REQUIRE(Find(idx, {"MOHAMMED", "QAHTANY"}) == std::vector<uint32_t>{0});  // phonetic + edit
  REQUIRE(Find(idx, {"JOHN", "SMYTH"}) == std::vector<uint32_t>{1});
  REQUIRE(Find(idx, {"JANE", "SMALL"}).empty());  // one position is not enough for two-token names
  REQUIRE(Find(idx, {"ALI", "KHAN"}) == std::vector<uint32_t>{2});  // a one-token name needs one
  REQUIRE(Find(idx, {"HASSAN", "ABDULRAHMAN"}) == std::vector<uint32_t>{3});  // order-free
}

TEST_CASE("joined spans on the list side are exact-only unless joined_distance allows more") {
  // List name 0: AL PEDCAIV, one name position, with its joined span ALPEDCAIV (not fuzzy).
  std::vector<std::vector<QueryToken>> names = {
      {{"PEDCAIV", 0}, {"ALPEDCAIV", 0, /*fuzzy=*/false}}};
  // The passenger wrote it joined and transliterated: two edits from the span (C -> T, S
  // inserted) and four from the token.
  std::vector<QueryToken> query = {{"ALPEDTSAIV", 0}};
  auto find = [&](int joined_distance) {
    TokenIndexOptions options;
    options.phonetic = false;
    options.joined_distance = joined_distance;
    TokenIndex idx = TokenIndex::Build(names, {1}, options);
    std::vector<uint32_t> out;
    idx.Candidates(query, 1, &out);
    return out;
  };
  CHECK(find(0).empty());
  CHECK(find(1) == std::vector<uint32_t>{0});
}

// The names with at least min(2, name positions, query positions) query tokens within the
// index's allowed distance of one of their tokens, by comparing every pair (the rule
// TokenIndex::Candidates documents), ascending.
std::vector<uint32_t> BruteForce(const TokenIndex& idx,
                                 const std::vector<std::vector<std::string>>& words,
                                 const std::vector<uint8_t>& positions,
                                 const std::vector<std::string>& query) {
  std::vector<uint32_t> want;
  for (uint32_t n = 0; n < words.size(); ++n) {
    int matched = 0;
    for (const std::string& qt : query) {
      for (const std::string& nt : words[n]) {
        if (distance::OsaReference(qt, nt) <= idx.AllowedDistance(qt.size(), nt.size())) {
          ++matched;
          break;
        }
      }
    }
    int need = std::min({2, static_cast<int>(positions[n]), static_cast<int>(query.size())});
    if (matched >= need) want.push_back(n);
  }
  return want;
}

// Property: a query's deletion keys are the hashes of every string within the allowed number
// of deletions, whatever runs of repeated letters the string has.
TEST_CASE("PrepareQuery's deletion keys equal a brute-force neighbourhood") {
  std::mt19937_64 rng(11);
  for (int short_length : {0, 2}) {
    TokenIndexOptions options;
    options.short_length = short_length;
    options.medium_length = short_length == 0 ? 0 : 7;  // 0: distance 2 from one letter on
    for (int i = 0; i < 3000; ++i) {
      std::string text(rng() % 15, ' ');
      for (char& c : text) c = "AAB"[rng() % 3];
      const int d = TokenIndex::AllowedDistance(options, text.size(), text.size());
      std::set<std::string> variants = {text};
      for (int step = 0; step < d; ++step) {
        for (const std::string& v : std::set<std::string>(variants)) {
          for (size_t at = 0; at < v.size(); ++at) {
            variants.insert(v.substr(0, at) + v.substr(at + 1));
          }
        }
      }
      std::vector<uint64_t> want;
      for (const std::string& v : variants) want.push_back(XXH3_64bits(v.data(), v.size()));
      std::sort(want.begin(), want.end());
      INFO(text << " distance " << d);
      std::vector<uint64_t> got = TokenIndex::PrepareQuery({{text, 0}}, options)[0].deletions;
      // Repeats are allowed (the index merges what they reach), but few.
      REQUIRE(got.size() <= 2 * want.size());
      std::sort(got.begin(), got.end());
      got.erase(std::unique(got.begin(), got.end()), got.end());
      REQUIRE(got == want);
    }
  }
}

TEST_CASE("allowed distance grows with token length") {
  TokenIndex idx = TokenIndex::Build({}, {}, {});
  REQUIRE(idx.AllowedDistance(2, 9) == 0);
  REQUIRE(idx.AllowedDistance(3, 9) == 1);
  REQUIRE(idx.AllowedDistance(5, 5) == 1);
  REQUIRE(idx.AllowedDistance(8, 9) == 2);
}

// `count` names of 1 to `max_tokens` tokens drawn by `draw`: their index tokens, their position
// counts (distinct tokens) and their distinct tokens, for the brute-force scans.
struct RandomList {
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<QueryToken>> names;
  std::vector<uint8_t> positions;
};
template <typename Draw>
RandomList MakeRandomList(int count, int max_tokens, std::mt19937_64& rng, Draw& draw) {
  RandomList list;
  for (int n = 0; n < count; ++n) {
    std::vector<std::string> w;
    const int k = 1 + static_cast<int>(rng() % max_tokens);
    for (int i = 0; i < k; ++i) w.push_back(draw());
    std::vector<std::string> distinct = w;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    list.names.push_back(Tokens(w));
    list.positions.push_back(static_cast<uint8_t>(distinct.size()));
    list.words.push_back(std::move(distinct));
  }
  return list;
}

// Property: with phonetic keys off, the candidates are exactly the names with at least
// min(2, positions) query positions matched within the allowed edit distance (brute force).
TEST_CASE("candidates equal a brute-force scan on random names") {
  std::mt19937_64 rng(99);
  auto word = [&] { return RandomWord(rng, 2, 9, "AEIKLMNORST"); };
  auto [words, names, positions] = MakeRandomList(1500, 3, rng, word);
  TokenIndexOptions options;
  options.phonetic = false;
  TokenIndex idx = TokenIndex::Build(names, positions, options);
  for (int q = 0; q < 300; ++q) {
    std::vector<std::string> query;
    if (q % 2 == 0) {
      query = words[rng() % words.size()];
      std::string& t = query[rng() % query.size()];
      if (t.size() > 3) t[rng() % t.size()] = 'X';
    } else {
      query = {word(), word()};
    }
    REQUIRE(Find(idx, query) == BruteForce(idx, words, positions, query));
  }
}

// Property: as above, with names drawn from a small skewed vocabulary, so that postings lists
// range from one name to most of the list and queries of up to five positions take every way
// of confirming a second hit (merge, or binary search in either direction).
TEST_CASE("candidates equal a brute-force scan with common tokens") {
  std::mt19937_64 rng(5);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 300; ++i) vocabulary.push_back(RandomWord(rng, 3, 8, "ABDEHILMNORSU"));
  auto pick = [&] {  // index i with probability ~ 1 / (i + 1)
    const double u = std::uniform_real_distribution<double>(0, std::log(301.0))(rng);
    return vocabulary[std::min<size_t>(299, static_cast<size_t>(std::exp(u)) - 1)];
  };
  auto [words, names, positions] = MakeRandomList(3000, 4, rng, pick);
  TokenIndexOptions options;
  options.phonetic = false;
  TokenIndex idx = TokenIndex::Build(names, positions, options);
  for (int q = 0; q < 400; ++q) {
    std::vector<std::string> query;
    const int k = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < k; ++i) query.push_back(pick());
    if (rng() % 2 == 0) query[rng() % query.size()][0] = 'X';
    REQUIRE(Find(idx, query) == BruteForce(idx, words, positions, query));
  }
}

// The phonetic keys TokenIndex documents: Double Metaphone primary and alternate of up to
// options.phonetic_code_length letters, and the Arabic skeleton of 2+ letters, for tokens of
// options.phonetic_min_length letters or more; encoders are kept apart.
std::set<std::string> SoundKeys(const std::string& token, const TokenIndexOptions& options) {
  std::set<std::string> keys;
  if (static_cast<int>(token.size()) < options.phonetic_min_length) return keys;
  const phonetic::MetaphoneKeys dm = phonetic::DoubleMetaphone(token, options.phonetic_code_length);
  if (!dm.primary.empty()) keys.insert("m:" + dm.primary);
  if (!dm.alternate.empty()) keys.insert("m:" + dm.alternate);
  const std::string skeleton = phonetic::ArabicSkeleton(token);
  if (skeleton.size() >= 2) keys.insert("a:" + skeleton);
  return keys;
}

// Property: with phonetic keys on, a query token matches a list token within the allowed edit
// distance or when a phonetic key agrees; the candidates are the names with at least
// min(2, positions) positions matched so (brute force). Letters chosen so that Metaphone codes
// collide often (vowels dropped, C/K/G and S/Z alike), codes of 4 and 6 letters.
TEST_CASE("candidates with phonetic keys equal a brute-force scan") {
  for (int code_length : {4, 6}) {
    std::mt19937_64 rng(17 + code_length);
    auto word = [&] { return RandomWord(rng, 3, 8, "AEIOUKCGSZTDMN"); };
    auto [words, names, positions] = MakeRandomList(1500, 3, rng, word);
    TokenIndexOptions options;
    options.phonetic_code_length = code_length;
    TokenIndex idx = TokenIndex::Build(names, positions, options);
    for (int q = 0; q < 300; ++q) {
      std::vector<std::string> query;
      if (q % 2 == 0) {
        query = words[rng() % words.size()];
        for (std::string& t : query) {
          if (rng() % 2 == 0) t[rng() % t.size()] = "AEIOUKCGSZTDMN"[rng() % 14];
        }
      } else {
        query = {word(), word()};
      }
      std::vector<uint32_t> want;
      for (uint32_t n = 0; n < words.size(); ++n) {
        int matched = 0;
        for (const std::string& qt : query) {
          const std::set<std::string> qkeys = SoundKeys(qt, options);
          for (const std::string& nt : words[n]) {
            bool sound = false;
            for (const std::string& k : SoundKeys(nt, options)) sound |= qkeys.contains(k);
            const int allowed = idx.AllowedDistance(qt.size(), nt.size());
            if (sound || distance::OsaReference(qt, nt) <= allowed) {
              ++matched;
              break;
            }
          }
        }
        const int need =
            std::min({2, static_cast<int>(positions[n]), static_cast<int>(query.size())});
        if (matched >= need) want.push_back(n);
      }
      INFO("code length " << code_length << ", query " << query[0]);
      REQUIRE(Find(idx, query) == want);
    }
  }
}

// The match cache keeps what a string matched per thread, across indexes: a string seen again
// must get what a lookup without the cache gets, in the same index and never another's, also
// when the cache's slots are overwritten (more distinct strings than slots) and when the
// deletion keys were deferred to the lookup.
TEST_CASE("the match cache answers as a lookup without it, per index") {
  std::mt19937_64 rng(41);
  auto word = [&] { return RandomWord(rng, 3, 7, "AEIOUKSTMNLRH"); };
  auto [words_a, names_a, positions_a] = MakeRandomList(1200, 3, rng, word);
  auto [words_b, names_b, positions_b] = MakeRandomList(1200, 3, rng, word);
  TokenIndexOptions cached;
  TokenIndexOptions uncached;
  uncached.match_cache = false;
  const TokenIndex a = TokenIndex::Build(names_a, positions_a, cached);
  const TokenIndex b = TokenIndex::Build(names_b, positions_b, cached);
  const TokenIndex a_plain = TokenIndex::Build(names_a, positions_a, uncached);
  const TokenIndex b_plain = TokenIndex::Build(names_b, positions_b, uncached);
  auto lookup = [](const TokenIndex& idx, const std::vector<QueryToken>& q, bool defer,
                   CandidateStats* stats) {
    std::vector<QueryKeys> keys = TokenIndex::PrepareQuery(q, {}, defer);
    std::vector<uint32_t> out;
    idx.Candidates(&keys, static_cast<int>(q.size()), &out, stats);
    return out;
  };
  // A few hundred queries, asked of both indexes three times over, interleaved.
  std::vector<std::vector<QueryToken>> queries;
  for (int q = 0; q < 300; ++q) {
    const auto& from = q % 2 == 0 ? words_a : words_b;
    std::vector<std::string> w = from[rng() % from.size()];
    if (rng() % 3 == 0) w.push_back(word());
    queries.push_back(Tokens(w));
  }
  uint32_t first_cached = 0;
  uint32_t later_cached = 0;
  for (int round = 0; round < 3; ++round) {
    for (size_t q = 0; q < queries.size(); ++q) {
      CandidateStats sa;
      CandidateStats sb;
      const bool defer = (q + round) % 2 == 0;
      INFO("round " << round << ", query " << queries[q][0].text);
      REQUIRE(lookup(a, queries[q], defer, &sa) == lookup(a_plain, queries[q], false, nullptr));
      REQUIRE(lookup(b, queries[q], defer, &sb) == lookup(b_plain, queries[q], false, nullptr));
      (round == 0 ? first_cached : later_cached) += sa.cached + sb.cached;
    }
  }
  CHECK(later_cached > 2 * first_cached);  // the later rounds were answered from the cache
  // More distinct strings than the cache has slots: slots are overwritten, answers stay right.
  int checked = 0;
  for (size_t n = 0; n < 3 * kMatchCacheSlots / 2; ++n) {
    const std::vector<QueryToken> q = {{word(), 0}};
    const bool check = n % 97 == 0;
    const auto got = lookup(a, q, true, nullptr);
    if (check) {
      REQUIRE(got == lookup(a_plain, q, false, nullptr));
      ++checked;
    }
  }
  for (const auto& q : queries) {
    REQUIRE(lookup(a, q, true, nullptr) == lookup(a_plain, q, false, nullptr));
  }
  CHECK(checked > 200);
}

}  // namespace
}  // namespace paxscreen::index
