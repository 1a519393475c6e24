// Name normalization: UTF-8 text from a passport MRZ, a booking or a watchlist becomes uppercase
// ICAO Doc 9303 Latin tokens with a role (surname / given) and a kind (name / particle / title).
//
//   PAX_ASSIGN_OR_RETURN(auto n, normalize::NormalizeName("AL-QAHTANI, Muhammad Yūsuf"));
//   // n.tokens: AL(particle, surname, joined) QAHTANI(surname) MUHAMMAD YUSUF(given)
//
// All functions are pure and thread-safe (ICU transliterators are cached per thread).
// Cost: linear in the input length; a 10 kB name takes well under a millisecond.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace paxscreen::normalize {

enum class TokenRole { kSurname, kGiven, kUnknown };

// kParticle: AL EL BIN BEN IBN ABU ABD ABDUL VAN VON DE DA DOS DEL DI LA LE MC MAC ...
// kTitle: MR MRS MS DR PROF SHEIKH HAJI MAULAVI MULLAH ... (weak tokens; SAYED stays a name).
enum class TokenKind { kName, kParticle, kTitle };

struct Token {
  std::string text;     // ICAO 9303 transliteration, uppercase A-Z only ("QAHTANI", "MUELLER")
  // Plain folded variant when it differs from text, else empty: diacritics dropped without
  // digraphs ("MULLER" for MÜLLER), DZH written J ("JAMAL" for DZHAMAL, ДЖАМАЛ), X written KH
  // ("KHAN" for the Uzbek Latin XAN).
  std::string folded;
  TokenRole role = TokenRole::kUnknown;
  TokenKind kind = TokenKind::kName;
  bool initial = false;         // a single letter (J or "J.")
  bool joined_to_next = false;  // written with a hyphen/apostrophe to the next token (AL-QAHTANI)

  // The folded form when present, else text.
  const std::string& FoldedOrText() const { return folded.empty() ? text : folded; }
};

struct NormalizedName {
  std::vector<Token> tokens;  // in input order
  std::string script;         // ISO 15924 code of the dominant input script ("Latn", "Cyrl", ...)
  bool truncated = false;     // more than kMaxTokens tokens: the rest were dropped
  // An MRZ name of 30+ characters that ends in a letter, not a filler: it may fill its field
  // (Doc 9303 cuts a name that does not fit and leaves a letter in the last position), so its
  // last token may be the start of a longer one (TIKRITI<<IBRAHIM<...<SATTAR<MU for MUHAMMAD).
  bool field_full = false;
};

// At most this many tokens are kept per name (real names have < 10; the cap bounds work).
inline constexpr std::size_t kMaxTokens = 32;

enum class NameForm {
  kAuto,               // '<' present -> kMrz; ',' present -> kSurnameCommaGiven; else kFull
  kMrz,                // SURNAME<<GIVEN<NAMES (fillers '<'); roles set
  kSurnameCommaGiven,  // "SURNAME, GIVEN NAMES"; roles set
  kFull,               // one full name in any order; roles kUnknown
};

// Normalizes, transliterates and tokenizes one name. Invalid UTF-8 -> InvalidArgumentError naming
// the byte offset. Digits and punctuation separate tokens and are dropped. An empty or
// letter-free input gives an empty token list (not an error).
absl::StatusOr<NormalizedName> NormalizeName(std::string_view utf8, NameForm form = NameForm::kAuto);

// Surname and given names given separately (either may be empty).
absl::StatusOr<NormalizedName> NormalizeNameParts(std::string_view surname,
                                                  std::string_view given_names);

// ICAO 9303 transliteration only: uppercase A-Z words separated by single spaces.
absl::StatusOr<std::string> TransliterateIcao(std::string_view utf8);

// The Doc 9303 MRZ column verbatim: like TransliterateIcao, but Arabic letters take the
// standard's X-escaped codes (ح XH, ص XSS, ة XAH at the end) instead of the closest letter.
absl::StatusOr<std::string> TransliterateIcaoMrz(std::string_view utf8);

// Plain folding (diacritics dropped: Ä->A, Ø->O, ß->SS, Cyrillic/Greek/Arabic via the ICAO
// tables which have no diacritic variants): uppercase A-Z words separated by single spaces.
absl::StatusOr<std::string> FoldPlain(std::string_view utf8);

// Particle-joined spellings of a name's tokens so that AL-QAHTANI, AL QAHTANI and ALQAHTANI meet:
// every particle (or run of particles) concatenated with the following name token ("ALQAHTANI",
// "ABDULRAHMAN", "VANDERBERG"), deduplicated, in input order. Titles are skipped.
std::vector<std::string> JoinedForms(const NormalizedName& name);

// Candidate split of a token written joined: "ALQAHTANI" -> {"AL", "QAHTANI"}, "ABDULRAHMAN"
// -> {"ABDUL", "RAHMAN"} (prefixes AL EL UL ABD ABDUL ABDEL ABDAL ABDOUL ABU ABOU BIN IBN; the
// rest has >= 3 letters). Only a candidate: "ALEXANDER" also splits, so callers must confirm the
// remainder against the other name before using it.
std::optional<std::pair<std::string_view, std::string_view>> SplitParticlePrefix(
    std::string_view token);

// The tokens' text with titles removed, joined by single spaces ("QAHTANI MUHAMMAD").
std::string NameKey(const NormalizedName& name, bool keep_particles = true);

// Kind of an already transliterated uppercase token ("AL" -> kParticle, "DR" -> kTitle).
TokenKind ClassifyToken(std::string_view upper_ascii);

std::string_view TokenRoleName(TokenRole role);
std::string_view TokenKindName(TokenKind kind);

}  // namespace paxscreen::normalize
