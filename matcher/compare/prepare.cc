// PrepareName: tokens, joined spans and their phonetic keys, computed once per name.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/compare/compare.h"
#include "matcher/compare/small_distance.h"
#include "matcher/phonetic/arabic_skeleton.h"
#include "matcher/phonetic/daitch_mokotoff.h"
#include "matcher/phonetic/double_metaphone.h"
// XXH3 inlined: this file hashes many short strings, where the call into libxxhash costs as
// much as the hash (same function, same values).
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace paxscreen::compare {
namespace {

using normalize::TokenKind;
using normalize::TokenRole;

// Longest first. Remainders shorter than 3 letters are not stripped (ABDU, ALI).
constexpr std::array<std::string_view, 9> kAbdPrefixes = {
    "ABDOUL", "ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDUR", "ABDUS", "ABDU", "ABD"};

// Spellings of honorifics that normalize's title list does not hold (it keeps the common ones);
// they weigh nothing here, like the titles, whoever wrote them. Sorted.
constexpr std::array<std::string_view, 19> kTitleVariants = {
    "ALHADJ",  "ALHADJI", "HADJ",    "HADZHI", "HAJY",   "KHADZHI", "MAULAWI",
    "MAWLANA", "MOLAVI",  "MOLLAH",  "MOLVI",  "MOULANA", "MOULVI", "MOWLANA",
    "QAARI",   "QARY",    "SHAYK",   "SHEKH",  "SHEYKH"};
static_assert(std::is_sorted(kTitleVariants.begin(), kTitleVariants.end()));

// Long titles that a typing or transliteration slip (MEULANA, SHAJKH, MULALH) leaves
// recognizable: one edit, same first letter, 6+ letters. Shorter ones (HAJI, QARI) are one edit
// from too many names (HANI, QADI) to be guessed.
constexpr std::array<std::string_view, 12> kLongTitles = {
    "ALHAJJ", "ALHAJI",  "AYATOLLAH", "MAULANA", "MAULAVI", "MAWLAVI",
    "MAWLAWI", "MOULAVI", "MULLAH",   "SHAIKH",  "SHAYKH",  "SHEIKH"};

// Particles that normalize does not list (Turkish and West African spellings of ABU).
constexpr std::array<std::string_view, 2> kParticleVariants = {"EBOU", "EBU"};

bool IsTitleVariant(std::string_view t) {
  if (std::binary_search(kTitleVariants.begin(), kTitleVariants.end(), t)) return true;
  if (t.size() < 6) return false;
  for (std::string_view title : kLongTitles) {
    if (title[0] == t[0] && title.size() + 1 >= t.size() && t.size() + 1 >= title.size() &&
        SmallOsa(title, t) <= 1) {
      return true;
    }
  }
  return false;
}

// One spelling for each family of particles, so that ABU / ABOU / EBU, ABDUL / ABDOUL / ABDEL,
// AL / EL / UL and BIN / BEN / IBN pair as particles (the pairing compares `folded`).
std::string_view CanonicalParticle(std::string_view t) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kFamilies = {{
      {"ABD", "ABD"},   {"ABDAL", "ABD"}, {"ABDEL", "ABD"}, {"ABDOL", "ABD"}, {"ABDOU", "ABD"},
      {"ABDOUL", "ABD"}, {"ABDUL", "ABD"}, {"ABOU", "ABU"},  {"ABU", "ABU"},   {"BEN", "BIN"},
      {"BIN", "BIN"},   {"EBOU", "ABU"},  {"EBU", "ABU"},   {"EL", "AL"},     {"IBN", "BIN"},
      {"UL", "AL"},     {"AL", "AL"}}};
  for (const auto& [spelling, canonical] : kFamilies) {
    if (spelling == t) return canonical;
  }
  return {};
}

bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

// The part of a token after a leading ABD-class or AL/EL prefix, or empty when there is none.
// ABD prefixes match longest first: ABDULLAH -> LAH, ABDULRAHMAN -> RAHMAN, ABDELKARIM -> KARIM.
// AL-/EL- are stripped only before a consonant (ALQAHTANI -> QAHTANI) so that ALEKSANDR and ELENA
// keep their form. `particle_len` > 0: a span starting with a particle token of that length.
// ABD + ALLAH written as one word (ABDULLAH, ABDALLAH, ABDELLAH, ABDOLLAH, ABDULLA): ABD, any
// vowels, L or LL, any vowels, an optional final H. Where the ABD- prefix ends in these is a
// matter of spelling, so they share the stem ALLAH.
bool IsAbdAllah(std::string_view t) {
  if (t.size() < 6 || t.substr(0, 3) != "ABD") return false;
  size_t i = 3;
  while (i < t.size() && IsVowel(t[i])) ++i;
  const size_t l = i;
  while (i < t.size() && t[i] == 'L') ++i;
  if (i == l || i - l > 2) return false;
  while (i < t.size() && IsVowel(t[i]) && t[i] != 'Y') ++i;
  if (i < t.size() && t[i] == 'H') ++i;
  return i == t.size() && (t.back() == 'H' || t.back() == 'A');
}

std::string Stem(std::string_view text, size_t particle_len) {
  if (particle_len > 0 && text.size() >= particle_len + 3) {
    return std::string(text.substr(particle_len));
  }
  if (IsAbdAllah(text)) return "ALLAH";
  for (std::string_view p : kAbdPrefixes) {
    if (text.size() >= p.size() + 3 && text.substr(0, p.size()) == p) {
      return std::string(text.substr(p.size()));
    }
  }
  if (text.size() >= 6 && (text.substr(0, 2) == "AL" || text.substr(0, 2) == "EL") &&
      !IsVowel(text[2])) {
    return std::string(text.substr(2));
  }
  return {};
}

// The phonetic codes of a unit's text; they depend on the text alone.
struct Codes {
  uint64_t dm_primary = 0;
  uint64_t dm_alternate = 0;
  uint64_t arabic = 0;
  uint8_t arabic_letters = 0;
  absl::InlinedVector<uint32_t, 4> dmsoundex;
};

void Encode(std::string_view text, Codes* out) {
  phonetic::MetaphoneKeys dm = phonetic::DoubleMetaphone(text, phonetic::kScreeningCodeLength);
  out->dm_primary = PhoneticKey(dm.primary);
  out->dm_alternate = dm.alternate != dm.primary ? PhoneticKey(dm.alternate) : 0;
  const std::string skeleton = phonetic::ArabicSkeleton(text);
  out->arabic = PhoneticKey(skeleton);
  out->arabic_letters = static_cast<uint8_t>(std::min<size_t>(skeleton.size(), 255));
  thread_local std::vector<uint32_t> codes;  // sorted and unique
  phonetic::DaitchMokotoffNumbers(text, &codes);
  out->dmsoundex.assign(codes.begin(), codes.end());
}

void SetCodes(const Codes& c, PreparedUnit* u) {
  u->dm_primary = c.dm_primary;
  u->dm_alternate = c.dm_alternate;
  u->arabic = c.arabic;
  u->arabic_letters = c.arabic_letters;
  u->dmsoundex = c.dmsoundex;
}

// Encoding a unit costs thousands of instructions (Daitch-Mokotoff most), and travellers' tokens
// repeat (MOHAMMED, ALI): each thread keeps the codes of the last texts it encoded, in a
// direct-mapped table of kCodeSlots texts picked by their hash (~100 bytes a slot). A slot holds
// its text, so a collision is a miss, never wrong codes. Joined spans repeat less but are half
// the units: caching them too saved twice as much on the UN+OFAC harness (README.md).
constexpr size_t kCodeSlots = size_t{1} << 16;

void EncodeKeys(PreparedUnit& u, bool initial, CodeReuse reuse) {
  u.letters = LetterMask(u.text());
  if (initial) return;
  if (reuse == CodeReuse::kNone) {
    Codes c;
    Encode(u.text(), &c);
    SetCodes(c, &u);
    return;
  }
  struct Slot {
    std::string text;
    bool used = false;
    Codes codes;
  };
  thread_local std::vector<Slot> cache(kCodeSlots);
  const std::string_view text = u.text();
  Slot& slot = cache[XXH3_64bits(text.data(), text.size()) & (kCodeSlots - 1)];
  if (!slot.used || slot.text != text) {
    slot.text.assign(text);
    slot.used = true;
    Encode(text, &slot.codes);
  }
  SetCodes(slot.codes, &u);
}

// The Bloom bit of a phonetic key: the top 6 bits of a multiplicative hash (the keys are XXH3
// values or Daitch-Mokotoff numbers; the multiplication spreads the latter).
uint64_t KeyBit(uint64_t key) { return uint64_t{1} << ((key * 0x9E3779B97F4A7C15ull) >> 58); }

// The summary of unit `u` of name `n`, whose tokens are prepared.
UnitSummary Summarize(const PreparedName& n, const PreparedUnit& u) {
  // The alignment pairs at most 64 tokens, and a title (weight 0) only alone.
  const bool lone = u.count == 1 && u.first < n.tokens.size();
  const bool title = lone && n.tokens[u.first].kind == TokenKind::kTitle;
  bool pairable = u.first + u.count <= 64;
  for (int k = u.first; k < u.first + u.count && pairable && !title; ++k) {
    pairable = n.tokens[k].weight != 0;
  }
  UnitSummary s = SummarizeUnit(u, lone && n.tokens[u.first].initial);
  if (pairable) s.flags |= UnitSummary::kPairable;
  if (lone && n.tokens[u.first].kind == TokenKind::kParticle) s.flags |= UnitSummary::kParticle;
  if (title) s.flags |= UnitSummary::kTitle;
  return s;
}

// Which tokens are edges, and the name's size (compare.cc reads both on every comparison).
// Roles unknown: the first and last name tokens are edges. Roles known: the surname and the
// given names each carry one edge, spread over their name tokens.
void SetEdges(PreparedName& n) {
  int first = -1;
  int last = -1;
  int surnames = 0;
  int givens = 0;
  bool roles = false;
  n.size = 0;
  for (size_t k = 0; k < n.tokens.size(); ++k) {
    roles |= (n.tokens[k].role != TokenRole::kUnknown);
    if (n.tokens[k].kind != TokenKind::kName) continue;
    ++n.size;
    if (first < 0) first = static_cast<int>(k);
    last = static_cast<int>(k);
    surnames += n.tokens[k].role == TokenRole::kSurname ? 1 : 0;
    givens += n.tokens[k].role == TokenRole::kGiven ? 1 : 0;
  }
  for (PreparedToken& t : n.tokens) t.edge_parts = 0;
  if (roles) {
    for (PreparedToken& t : n.tokens) {
      if (t.kind != TokenKind::kName) continue;
      if (t.role == TokenRole::kSurname) t.edge_parts = static_cast<uint8_t>(surnames);
      if (t.role == TokenRole::kGiven) t.edge_parts = static_cast<uint8_t>(givens);
    }
  } else {
    if (first >= 0) n.tokens[first].edge_parts = 1;
    if (last >= 0) n.tokens[last].edge_parts = 1;
  }
}

}  // namespace

void PreparedUnit::SetStrings(std::string_view text, std::string_view folded,
                              std::string_view stem) {
  constexpr size_t kMax = 0xffff;  // a normalized name has at most kMaxTokens short tokens
  text = text.substr(0, kMax);
  folded = folded == text ? std::string_view() : folded.substr(0, kMax);
  stem = stem.substr(0, kMax);
  chars_.clear();
  chars_.reserve(text.size() + folded.size() + stem.size());
  chars_.append(text).append(folded).append(stem);
  text_size_ = static_cast<uint16_t>(text.size());
  folded_size_ = static_cast<uint16_t>(folded.size());
  stem_size_ = static_cast<uint16_t>(stem.size());
}

UnitSummary SummarizeUnit(const PreparedUnit& u, bool initial) {
  UnitSummary s;
  for (uint64_t key : {u.dm_primary, u.dm_alternate, u.arabic}) {
    if (key != 0) s.phonetic |= KeyBit(key);
  }
  for (uint32_t code : u.dmsoundex) s.phonetic |= KeyBit(code);
  s.letters = u.letters;
  s.length = static_cast<uint8_t>(std::min<size_t>(u.text().size(), 255));
  s.first = u.first;
  s.count = u.count;
  s.flags = (initial ? UnitSummary::kInitial : 0) |
            (u.folded_differs() ? UnitSummary::kFolded : 0) |
            (u.stem().empty() ? 0 : UnitSummary::kStem) | (u.cut ? UnitSummary::kCut : 0);
  if (initial || u.folded_differs() || u.cut || s.letters == 0 || s.length == 255) {
    s.flags |= UnitSummary::kLoose;
  }
  return s;
}

uint64_t PhoneticKey(std::string_view key) {
  if (key.empty()) return 0;
  const uint64_t h = XXH3_64bits(key.data(), key.size());
  return h == 0 ? 1 : h;
}

PreparedName PrepareName(const normalize::NormalizedName& name, const CompareOptions& options,
                         CodeReuse reuse) {
  PreparedName out;
  const size_t n = std::min<size_t>(name.tokens.size(), 255);
  out.tokens.reserve(n);
  out.units.reserve(3 * n);
  for (size_t i = 0; i < n; ++i) {
    const normalize::Token& t = name.tokens[i];
    PreparedToken pt;
    pt.kind = t.kind;
    if (pt.kind == TokenKind::kName && t.text.size() > 1 && IsTitleVariant(t.text)) {
      pt.kind = TokenKind::kTitle;
    }
    // EBU / EBOU before a name of the same part, as normalize does for the particles it lists.
    if (pt.kind == TokenKind::kName &&
        std::find(kParticleVariants.begin(), kParticleVariants.end(), t.text) !=
            kParticleVariants.end()) {
      for (size_t j = i + 1; j < n && name.tokens[j].role == t.role; ++j) {
        if (name.tokens[j].kind == TokenKind::kName) {
          pt.kind = TokenKind::kParticle;
          break;
        }
      }
    }
    // A title right after a particle is part of a family name (EL-HAJJ, AL SHEIKH, AL-MULLA);
    // normalize made that particle a name because no name followed it, so undo that too.
    if (pt.kind == TokenKind::kTitle && i > 0 &&
        normalize::ClassifyToken(name.tokens[i - 1].text) == TokenKind::kParticle) {
      pt.kind = TokenKind::kName;
      PreparedToken& prev = out.tokens[i - 1];
      if (prev.kind == TokenKind::kName && !prev.initial) {
        prev.kind = TokenKind::kParticle;
        prev.weight = options.particle_weight;
        --out.name_token_count;
      }
    }
    pt.role = t.role;
    pt.initial = t.initial || t.text.size() == 1;
    if (pt.kind == TokenKind::kTitle) {
      pt.weight = 0;
    } else if (pt.kind == TokenKind::kParticle) {
      pt.weight = options.particle_weight;
    } else if (pt.initial) {
      pt.weight = options.initial_weight;
    } else {
      ++out.name_token_count;
    }
    out.tokens.push_back(pt);
    PreparedUnit u;
    // A particle, or a particle's spelling left as a name (ABDOUL alone in its part), pairs
    // with the other spellings of its family.
    std::string_view folded = t.FoldedOrText();
    if (std::string_view c = CanonicalParticle(t.text); !c.empty()) folded = c;
    u.SetStrings(t.text, folded, pt.kind != TokenKind::kParticle ? Stem(t.text, 0) : "");
    u.first = static_cast<uint8_t>(i);
    u.count = 1;
    u.cut = name.field_full && i + 1 == name.tokens.size() && pt.kind == TokenKind::kName &&
            !pt.initial;
    EncodeKeys(u, pt.initial, reuse);
    out.units.push_back(std::move(u));
  }
  for (size_t i = 0; i < n; ++i) {
    PreparedToken& pt = out.tokens[i];
    const std::string_view family = CanonicalParticle(name.tokens[i].text);
    pt.compound = pt.kind == TokenKind::kParticle && (family == "ABU" || family == "ABD");
    if (pt.compound) pt.weight = options.compound_particle_weight;
  }
  // Spans of 2 and 3 adjacent tokens, titles and initials excluded: ABDUL+RAHMAN,
  // VAN+DER+BERG, JEAN+PIERRE, ZIA+UR+RAHMAN.
  for (size_t len = 2; len <= 3; ++len) {
    for (size_t i = 0; i + len <= n; ++i) {
      bool usable = true;
      for (size_t k = i; k < i + len; ++k) {
        if (out.tokens[k].kind == TokenKind::kTitle || out.tokens[k].initial) usable = false;
      }
      if (!usable) continue;
      PreparedUnit u;
      size_t particle_len = 0;
      std::string text;
      std::string folded;
      for (size_t k = i; k < i + len; ++k) {
        text += name.tokens[k].text;
        folded += name.tokens[k].FoldedOrText();
      }
      if (out.tokens[i].kind == TokenKind::kParticle) particle_len = name.tokens[i].text.size();
      u.SetStrings(text, folded, Stem(text, particle_len));
      u.first = static_cast<uint8_t>(i);
      u.count = static_cast<uint8_t>(len);
      EncodeKeys(u, false, reuse);
      out.units.push_back(std::move(u));
    }
  }
  // Lists keep millions of prepared names: no spare capacity (3n units were reserved).
  out.units.shrink_to_fit();
  out.tokens.shrink_to_fit();
  SetEdges(out);
  out.summaries.reserve(out.units.size());
  for (const PreparedUnit& u : out.units) out.summaries.push_back(Summarize(out, u));
  return out;
}

}  // namespace paxscreen::compare
