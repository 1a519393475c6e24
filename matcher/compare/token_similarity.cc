// Similarity of two prepared units (tokens or joined spans); see compare.h, step 2.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "matcher/compare/compare.h"
#include "matcher/compare/small_distance.h"
#include "matcher/compare/unit_bound.h"
// XXH3 inlined: this file hashes many short strings, where the call into libxxhash costs as
// much as the hash (same function, same values).
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace paxscreen::compare {
namespace {

bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

// Normalized optimal-string-alignment similarity: 1 - d / max(|a|, |b|).
double OsaSimilarity(std::string_view a, std::string_view b) {
  const size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(SmallOsa(a, b)) / static_cast<double>(longest);
}

struct EditScore {
  double score = 0;
  bool osa_won = true;
};

// `floor`: the edit score below which the pair cannot be paired by any path. When OSA alone
// shows the mix stays below it (Jaro-Winkler is at most 1), Jaro-Winkler is skipped and that
// upper bound returned: most unit pairs of two names are unrelated, and this halves their cost.
EditScore Edit(std::string_view a, std::string_view b, double osa_share, double floor) {
  const double osa = OsaSimilarity(a, b);
  const double upper = osa_share * osa + (1.0 - osa_share);
  if (upper < floor) return {upper, true};
  const double jw = SmallJaroWinkler(a, b);
  return {osa_share * osa + (1.0 - osa_share) * jw, osa >= jw};
}

// IVAN / IVANA, SAMIR / SAMIRA, ORLOV / ORLOVA, ALEXANDER / ALEXANDRA, CHRISTIAN / CHRISTINA:
// one ends in a consonant, the other in A, and without that A they are at most one edit apart.
// In most naming cultures on the lists the A ending marks a different (female) person.
bool FeminineForm(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a.back() == 'A') std::swap(a, b);
  if (a.size() < 3 || b.size() < 4 || IsVowel(a.back()) || b.back() != 'A') return false;
  if (b.size() != a.size() + 1 && b.size() != a.size()) return false;
  const std::string_view stem = b.substr(0, b.size() - 1);
  if (a.size() == b.size()) {
    // A typo at the end, not a feminine form: the last letter replaced (MBARUSHIMANH /
    // MBARUSHIMANA) or the last two swapped (MWISAS / MWISSA).
    if (a.substr(0, a.size() - 1) == stem) return false;
    const size_t n = a.size();
    if (a.substr(0, n - 2) == b.substr(0, n - 2) && a[n - 2] == b[n - 1] && a[n - 1] == b[n - 2]) {
      return false;
    }
  }
  return stem == a || (stem.size() >= 5 && SmallOsa(stem, a) <= 1);
}

// AHMAD / AHMADI, NOOR / NOORI, SULTAN / SULTANI, MOHAMMED / MOHAMMADI: one ends in a consonant,
// the other is it (or one edit from it, for stems of 5+ letters) plus a final I or Y. In Arabic,
// Persian and Urdu names that suffix (the nisba, "of / from") makes a different name: a family
// name derived from a given name (Ahmadi is not Ahmad). Transliteration changes a final I to Y
// or EE; it does not add or drop it (the nisba adjective: W. Wright, "A Grammar of the Arabic
// Language", 3rd ed., 1896, vol. I).
bool NisbaForm(std::string_view a, std::string_view b) {
  auto suffixed = [](char c) { return c == 'I' || c == 'Y'; };
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() < 3 || b.size() != a.size() + 1 || IsVowel(a.back()) || !suffixed(b.back())) {
    return false;
  }
  const std::string_view stem = b.substr(0, a.size());
  return stem == a || (stem.size() >= 5 && stem.back() == a.back() && SmallOsa(stem, a) <= 1);
}

bool SharesCode(const absl::InlinedVector<uint32_t, 4>& a,
                const absl::InlinedVector<uint32_t, 4>& b) {
  // Both sorted: linear merge.
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

// S and Z opening two names: every encoder here files them together (Metaphone writes Z as S,
// Daitch-Mokotoff codes both 4, the Arabic skeleton joins the sibilants), which is right inside
// a word, where spellings trade them (SOUZA / SOUSA, VAZQUEZ / VASQUEZ, GONZALEZ / GONSALEZ),
// but at the start they are different names: ZAYED / SAYED, ZAID / SAID, ZAKI / SAKI, ZAHIR /
// SAHIR (Arabic zay and sin, never written for each other). On the harness those pairs were a
// quarter of the false alarms left at 0.87 (MOHAMMED ZAYED against Mohammad Sayed, 0.93).
bool InitialSibilantsDiffer(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a[0] == b[0]) return false;
  return (a[0] == 'S' && b[0] == 'Z') || (a[0] == 'Z' && b[0] == 'S');
}

}  // namespace

namespace internal {

// The first phonetic key the two units share, or nullptr.
const char* PhoneticAgreement(const PreparedUnit& a, const PreparedUnit& b) {
  if (InitialSibilantsDiffer(a.text(), b.text())) return nullptr;
  if (a.arabic != 0 && a.arabic == b.arabic) return "phonetic:arabic";
  if (a.dm_primary != 0 &&
      (a.dm_primary == b.dm_primary || a.dm_primary == b.dm_alternate ||
       (a.dm_alternate != 0 &&
        (a.dm_alternate == b.dm_primary || a.dm_alternate == b.dm_alternate)))) {
    return "phonetic:dmetaphone";
  }
  if (SharesCode(a.dmsoundex, b.dmsoundex)) return "phonetic:dmsoundex";
  return nullptr;
}

UnitSimilarity ParticlePair(const UnitSummary& sa, const PreparedUnit& a, const UnitSummary& sb,
                            const PreparedUnit& b, const CompareOptions& options) {
  const bool folded = ((sa.flags | sb.flags) & UnitSummary::kFolded) != 0;
  const bool capped = sa.length == 255 || sb.length == 255;
  if (((sa.length == sb.length || capped) && a.text() == b.text()) ||
      (folded && a.folded() == b.folded())) {
    return {1.0, "particle"};
  }
  const bool a_particle = sa.flags & UnitSummary::kParticle;
  const bool b_particle = sb.flags & UnitSummary::kParticle;
  const auto [only_a, only_b] = LettersOnly(sa.letters, sb.letters);
  const int length_gap = std::abs(int{sa.length} - int{sb.length});
  if (a_particle != b_particle && std::min(sa.length, sb.length) >= 4 && sa.count == 1 &&
      sb.count == 1 && (capped || (length_gap <= 1 && only_a <= 1 && only_b <= 1)) &&
      SmallOsa(a.text(), b.text()) <= 1) {
    return {options.particle_typo_similarity, "particle"};
  }
  return {};
}

}  // namespace internal

using internal::PhoneticAgreement;

uint32_t LetterMask(std::string_view text) {
  uint32_t mask = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') mask |= uint32_t{1} << (c - 'A');
  }
  return mask;
}

// See unit_bound.h.
double SimilarityUpperBound(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                            bool b_initial, const CompareOptions& options) {
  return internal::SummaryBound(SummarizeUnit(a, a_initial), a, SummarizeUnit(b, b_initial), b,
                                options, internal::MissingLimits::For(options));
}

UnitSimilarity TokenSimilarity(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                               bool b_initial, const CompareOptions& options) {
  const bool joined = a.count > 1 || b.count > 1;
  if (a.text() == b.text()) return {1.0, joined ? "joined" : "exact"};
  if (a.folded() == b.folded() || a.folded() == b.text() || a.text() == b.folded()) {
    return {options.folded_similarity, joined ? "joined" : "folded"};
  }
  // A token cut at the end of a full MRZ field stands for any token it begins (two letters at
  // least: a single letter is an initial).
  if ((a.cut || b.cut) && a.count == 1 && b.count == 1 && !a_initial && !b_initial) {
    const PreparedUnit& cut = a.cut ? a : b;
    const PreparedUnit& whole = a.cut ? b : a;
    if (whole.text().size() > cut.text().size() && whole.text().starts_with(cut.text())) {
      return {options.cut_similarity, "mrz_cut"};
    }
  }
  if (a_initial || b_initial) {
    if (a_initial && b_initial) return {};
    const PreparedUnit& full = a_initial ? b : a;
    const PreparedUnit& init = a_initial ? a : b;
    if (full.count == 1 && !full.text().empty() && full.text()[0] == init.text()[0]) {
      return {options.initial_similarity, "initial"};
    }
    return {};
  }
  // Very different lengths cannot be the same token spelt differently.
  const size_t la = a.text().size();
  const size_t lb = b.text().size();
  if (2 * std::min(la, lb) < std::max(la, lb)) return {};

  // Below this edit score neither the spelling path nor the phonetic path can pair the units.
  const double spelling_floor = options.min_token_similarity + options.spelling_only_discount;
  const double floor = options.use_phonetic
                           ? std::min(spelling_floor, options.phonetic_min_edit)
                           : spelling_floor;
  // ABDULLAH vs ABDULRAHMAN: compare what follows the shared prefix.
  EditScore edit;
  if (!a.stem().empty() && !b.stem().empty()) {
    edit = Edit(a.stem(), b.stem(), options.osa_share, floor);
    // One typing error across the prefix boundary (ABDUOLAYE / ABDOULAYE, ABDULLA / ABDULLAH)
    // strips different prefixes; the whole tokens show it is one edit.
    if (std::min(la, lb) >= 6 && SmallOsa(a.text(), b.text()) <= 1) {
      EditScore whole = Edit(a.text(), b.text(), options.osa_share, floor);
      if (whole.score > edit.score) edit = whole;
    }
  } else {
    edit = Edit(a.text(), b.text(), options.osa_share, floor);
    if (a.folded_differs() || b.folded_differs()) {
      EditScore f = Edit(a.folded(), b.folded(), options.osa_share, floor);
      if (f.score > edit.score) edit = f;
    }
  }
  // Spelling alone (no phonetic key agrees) is discounted: one changed consonant makes a
  // different name (KHALIL / KHALID, AMIR / AMIN) more often than a typo does.
  UnitSimilarity out{edit.score - options.spelling_only_discount,
                     edit.osa_won ? "osa" : "jaro_winkler"};
  if (options.use_phonetic && edit.score >= options.phonetic_min_edit) {
    if (const char* key = PhoneticAgreement(a, b)) {
      const double boosted = options.phonetic_floor + (1.0 - options.phonetic_floor) * edit.score;
      out = {std::max(boosted, edit.score), key};
    }
  }
  if (FeminineForm(a.text(), b.text()) && out.score > options.feminine_cap) {
    out = {options.feminine_cap, "feminine_form"};
  }
  // A derived family name is capped like a feminine form (the same cap: below pairing).
  if (NisbaForm(a.text(), b.text()) && out.score > options.feminine_cap) {
    out = {options.feminine_cap, "nisba_form"};
  }
  return out;
}

UnitSimilarity SimilarityMemo::Get(size_t a_index, const PreparedUnit& a, bool a_initial,
                                   const PreparedUnit& b, bool b_initial,
                                   const CompareOptions& options) {
  // What TokenSimilarity reads of `b`: its strings (the phonetic keys and letters follow from
  // the text and the initial flag), whether it is a span, a cut MRZ token, an initial.
  const uint64_t flags = (b.count > 1 ? 1 : 0) | (b.cut ? 2 : 0) | (b_initial ? 4 : 0);
  const std::string_view text = b.text();
  uint64_t key = XXH3_64bits_withSeed(text.data(), text.size(), (a_index << 3) | flags);
  if (b.folded_differs()) key ^= XXH3_64bits(b.folded().data(), b.folded().size()) * 3;
  if (!b.stem().empty()) key ^= XXH3_64bits(b.stem().data(), b.stem().size()) * 5;
  auto [it, inserted] = entries_.try_emplace(key);
  if (inserted) {
    it->second = {&b, b_initial, TokenSimilarity(a, a_initial, b, b_initial, options)};
    return it->second.similarity;
  }
  const Entry& e = it->second;
  const PreparedUnit& seen = *e.unit;
  if (seen.text() == text && seen.folded() == b.folded() && seen.stem() == b.stem() &&
      (seen.count > 1) == (b.count > 1) && seen.cut == b.cut && e.initial == b_initial) {
    return e.similarity;
  }
  return TokenSimilarity(a, a_initial, b, b_initial, options);  // a 64-bit collision
}

}  // namespace paxscreen::compare
