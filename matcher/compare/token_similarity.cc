// Similarity of two prepared units (tokens or joined spans); see compare.h, step 2.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "matcher/compare/compare.h"
#include "matcher/compare/small_distance.h"

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

// The first phonetic key the two units share, or nullptr.
const char* PhoneticAgreement(const PreparedUnit& a, const PreparedUnit& b) {
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

// Population count without the POPCNT instruction (baseline x86-64 lacks it, and the compiler's
// fallback is a library call).
int PopCount(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  return static_cast<int>((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

}  // namespace

uint32_t LetterMask(std::string_view text) {
  uint32_t mask = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') mask |= uint32_t{1} << (c - 'A');
  }
  return mask;
}

// An upper bound of TokenSimilarity from lengths and letter sets alone. Every letter that
// occurs in one string and not in the other costs at least one edit (a substitution or an
// insertion/deletion; a transposition moves letters but adds none), so OSA(a, b) >=
// max(|L(a) \ L(b)|, |L(b) \ L(a)|) on the letter sets L — the set form of the bag distance
// (Bartolini, Ciaccia and Patella 2002), a lower bound of Levenshtein and OSA alike. It bounds the
// OSA similarity, hence the edit score (Jaro-Winkler <= 1), hence both the spelling and the
// phonetic path; the length difference bounds OSA too, and the phonetic path is open only when
// a key agrees (checked exactly: integer comparisons). Where TokenSimilarity reads more than the
// plain texts (initials, stems, folded forms, units without a letter set) the bound is 1.
double SimilarityUpperBound(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                            bool b_initial, const CompareOptions& options) {
  return SummaryUpperBound(SummarizeUnit(a, a_initial), a, SummarizeUnit(b, b_initial), b,
                           options);
}

double SummaryUpperBound(const UnitSummary& sa, const PreparedUnit& a, const UnitSummary& sb,
                         const PreparedUnit& b, const CompareOptions& options) {
  constexpr uint8_t kUnbounded = UnitSummary::kInitial | UnitSummary::kFolded;
  if (sa.letters == 0 || sb.letters == 0 || ((sa.flags | sb.flags) & kUnbounded) != 0) return 1.0;
  if ((sa.flags & sb.flags & UnitSummary::kStem) != 0) return 1.0;
  if (sa.length == 255 || sb.length == 255) return 1.0;  // longer than a summary tells
  const size_t la = sa.length;
  const size_t lb = sb.length;
  if (2 * std::min(la, lb) < std::max(la, lb)) return 0.0;  // TokenSimilarity's length rule
  const int only_a = PopCount(sa.letters & ~sb.letters);
  const int only_b = PopCount(sb.letters & ~sa.letters);
  const int missing = std::max({only_a, only_b, static_cast<int>(la > lb ? la - lb : lb - la)});
  const double osa_upper = 1.0 - missing / static_cast<double>(std::max(la, lb));
  // Jaro-Winkler: a letter absent from the other string matches nothing, so at most
  // m = min(|a| - only_a, |b| - only_b) characters match; Jaro <= (m/|a| + m/|b| + 1) / 3 and the
  // Winkler prefix bonus adds at most 4 * 0.1 of what Jaro leaves.
  const double m = static_cast<double>(std::min(la - only_a, lb - only_b));
  const double jaro_upper = (m / la + m / lb + 1.0) / 3.0;
  const double jw_upper = std::min(1.0, jaro_upper + 0.4 * (1.0 - jaro_upper));
  const double edit_upper = options.osa_share * osa_upper + (1.0 - options.osa_share) * jw_upper;
  double upper = edit_upper - options.spelling_only_discount;
  // The phonetic path needs an agreeing key, which costs a few integer comparisons to check.
  if (options.use_phonetic && edit_upper >= options.phonetic_min_edit &&
      (sa.phonetic & sb.phonetic) != 0 && PhoneticAgreement(a, b) != nullptr) {
    upper = std::max(edit_upper,
                     options.phonetic_floor + (1.0 - options.phonetic_floor) * edit_upper);
  }
  return std::min(1.0, upper + 1e-9);  // rounding must never rule out a pair
}

UnitSimilarity TokenSimilarity(const PreparedUnit& a, bool a_initial, const PreparedUnit& b,
                               bool b_initial, const CompareOptions& options) {
  const bool joined = a.count > 1 || b.count > 1;
  if (a.text == b.text) return {1.0, joined ? "joined" : "exact"};
  if (a.folded == b.folded || a.folded == b.text || a.text == b.folded) {
    return {options.folded_similarity, joined ? "joined" : "folded"};
  }
  if (a_initial || b_initial) {
    if (a_initial && b_initial) return {};
    const PreparedUnit& full = a_initial ? b : a;
    const PreparedUnit& init = a_initial ? a : b;
    if (full.count == 1 && !full.text.empty() && full.text[0] == init.text[0]) {
      return {options.initial_similarity, "initial"};
    }
    return {};
  }
  // Very different lengths cannot be the same token spelt differently.
  const size_t la = a.text.size();
  const size_t lb = b.text.size();
  if (2 * std::min(la, lb) < std::max(la, lb)) return {};

  // Below this edit score neither the spelling path nor the phonetic path can pair the units.
  const double spelling_floor = options.min_token_similarity + options.spelling_only_discount;
  const double floor = options.use_phonetic
                           ? std::min(spelling_floor, options.phonetic_min_edit)
                           : spelling_floor;
  // ABDULLAH vs ABDULRAHMAN: compare what follows the shared prefix.
  EditScore edit;
  if (!a.stem.empty() && !b.stem.empty()) {
    edit = Edit(a.stem, b.stem, options.osa_share, floor);
    // One typing error across the prefix boundary (ABDUOLAYE / ABDOULAYE, ABDULLA / ABDULLAH)
    // strips different prefixes; the whole tokens show it is one edit.
    if (std::min(la, lb) >= 6 && SmallOsa(a.text, b.text) <= 1) {
      EditScore whole = Edit(a.text, b.text, options.osa_share, floor);
      if (whole.score > edit.score) edit = whole;
    }
  } else {
    edit = Edit(a.text, b.text, options.osa_share, floor);
    if (a.folded != a.text || b.folded != b.text) {
      EditScore f = Edit(a.folded, b.folded, options.osa_share, floor);
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
  if (FeminineForm(a.text, b.text) && out.score > options.feminine_cap) {
    out = {options.feminine_cap, "feminine_form"};
  }
  // A derived family name is capped like a feminine form (the same cap: below pairing).
  if (NisbaForm(a.text, b.text) && out.score > options.feminine_cap) {
    out = {options.feminine_cap, "nisba_form"};
  }
  return out;
}

}  // namespace paxscreen::compare
