// Public API of the normalize module: forms, roles, particles and titles on top of the
// transliteration engine (transliterate.h).
#include "matcher/normalize/normalize.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "matcher/base/status_macros.h"
#include "matcher/normalize/transliterate.h"

namespace paxscreen::normalize {
namespace {

// Particles and prefixes that attach to the following name (Arabic, Persian, Dutch, German,
// Romance, Gaelic). Sorted for binary search.
constexpr std::array<std::string_view, 50> kParticles = {
    "ABD",  "ABDAL", "ABDEL", "ABDOL", "ABDOU", "ABDOUL", "ABDUL", "ABDUR", "ABOU",  "ABU",
    "AF",   "AL",    "AP",
    "BEN",  "BIN",   "BINT",  "BOU",   "DA",    "DAL",   "DAS", "DE",  "DEGLI", "DEI",
    "DEL",  "DELA",  "DELLA", "DELLE", "DEN",   "DER",   "DES", "DI",  "DOS", "DU",
    "EL",   "IBN",   "LA",    "LAS",   "LE",    "LES",   "LOS", "MAC", "MC",  "OULD",
    "TEN",  "TER",   "UD",    "UL",    "VAN",   "VON",   "ZU"};

// Titles, honorifics and generational suffixes (JR, III): weak tokens. SAYED / SYED / SAYYID
// are kept as names because they are also ordinary given names and family names.
constexpr std::array<std::string_view, 46> kTitles = {
    "ALHAJ",   "ALHAJI",  "ALHAJJ",  "AYATOLLAH", "DAME",   "DR",      "ENGR",    "HADJI",
    "HAJ",     "HAJI",    "HAJJ",    "HAJJI",     "II",     "III",     "IMAM",    "IV",
    "JNR",     "JR",      "LORD",
    "MAULANA", "MAULAVI", "MAULVI",  "MAWLAVI",   "MAWLAWI", "MISS",   "MLLE",    "MME",
    "MOULAVI", "MR",      "MRS",     "MS",        "MSTR",   "MULLA",   "MULLAH",  "PROF",
    "QARI",    "REV",     "SHAIKH",  "SHAYKH",    "SHEIK",  "SHEIKH",  "SHEIKHA", "SIR",
    "SNR",     "SRI",     "USTAD"};

static_assert(std::is_sorted(kParticles.begin(), kParticles.end()));
static_assert(std::is_sorted(kTitles.begin(), kTitles.end()));

// Prefixes that SplitParticlePrefix may cut off a joined token, longest first.
constexpr std::array<std::string_view, 14> kJoinedPrefixes = {
    "ABDOUL", "ABDUL", "ABDUR", "ABDEL", "ABDAL", "ABDOL", "ABOU", "ABU", "IBN", "BIN",
    "ABD",    "AL",    "EL",    "UL"};

NameForm DetectForm(std::string_view s) {
  if (s.find('<') != std::string_view::npos) return NameForm::kMrz;
  if (s.find(',') != std::string_view::npos || s.find("\xD8\x8C") != std::string_view::npos) {
    return NameForm::kSurnameCommaGiven;
  }
  return NameForm::kFull;
}

// Two romanizations whose letters no spelling measure relates to the common ones:
// - DZH read as J: the Russian (and ICAO 9303) romanization of Cyrillic ДЖ, the letters Russian
//   writes for the J of other languages (DZHAMAL / JAMAL, DZHON / JOHN, ABDELDZHALIL /
//   ABDELJALIL: three edits). No other language spells DZH.
// - X read as KH: Uzbek Latin writes the KH of KHAN, KHALIL as X (XON, XAN, XOLIQOV); a
//   two-letter sound for one letter is two edits in a three-letter name. ICAO forms never
//   contain X for Cyrillic Х (that is KH), so an X is written in the source; where it stands
//   for another sound (XAVIER, XU) the KH form only pairs with a name spelt that way.
std::string FoldRomanizations(std::string s) {
  for (size_t at = s.find("DZH"); at != std::string::npos; at = s.find("DZH", at + 1)) {
    s.replace(at, 3, "J");
  }
  for (size_t at = s.find('X'); at != std::string::npos; at = s.find('X', at + 2)) {
    s.replace(at, 1, "KH");
  }
  return s;
}

// Converts engine words to tokens with `role`, switching to kGiven after the first separator of
// kind `split` when `split` is not kNone.
void AppendTokens(const Transliterated& t, TokenRole role, Sep split, NormalizedName& out) {
  TokenRole current = role;
  for (std::size_t i = 0; i < t.words.size(); ++i) {
    const Word& w = t.words[i];
    if (!w.text.empty() && out.tokens.size() < kMaxTokens) {
      Token tok;
      tok.text = w.text;
      std::string folded = FoldRomanizations(w.plain);
      if (folded != w.text) tok.folded = std::move(folded);
      tok.role = current;
      tok.joined_to_next = w.sep_after == Sep::kJoin && i + 1 < t.words.size();
      out.tokens.push_back(std::move(tok));
    } else if (!w.text.empty()) {
      out.truncated = true;
    }
    if (split != Sep::kNone && w.sep_after == split && current == TokenRole::kSurname) {
      current = TokenRole::kGiven;
    }
  }
  out.truncated = out.truncated || t.truncated;
}

// Kinds, initials and the "particle at the end of its part is a name" rule (BEN in
// "SMITH, BEN"; ABDUL alone).
void Classify(NormalizedName& n) {
  for (std::size_t i = 0; i < n.tokens.size(); ++i) {
    Token& t = n.tokens[i];
    t.kind = ClassifyToken(t.text);
    if (t.text.size() == 1 && t.joined_to_next &&
        (t.text == "O" || t.text == "D" || t.text == "L")) {
      t.kind = TokenKind::kParticle;  // O'BRIEN, D'ANGELO, L'HUILLIER
    }
    if (t.kind == TokenKind::kParticle) {
      bool followed = false;
      for (std::size_t j = i + 1; j < n.tokens.size() && n.tokens[j].role == t.role; ++j) {
        if (ClassifyToken(n.tokens[j].text) == TokenKind::kName) {
          followed = true;
          break;
        }
      }
      if (!followed) t.kind = TokenKind::kName;
    }
    t.initial = t.text.size() == 1 && t.kind == TokenKind::kName;
  }
}

absl::StatusOr<Transliterated> Words(std::string_view utf8, std::size_t max_words) {
  EngineOptions o;
  o.max_words = max_words;
  return TransliterateWords(utf8, o);
}

std::string JoinColumn(const Transliterated& t, std::string Word::*column) {
  std::string out;
  for (const Word& w : t.words) {
    const std::string& s = w.*column;
    if (s.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += s;
  }
  return out;
}

}  // namespace

TokenKind ClassifyToken(std::string_view upper_ascii) {
  if (std::binary_search(kParticles.begin(), kParticles.end(), upper_ascii)) {
    return TokenKind::kParticle;
  }
  if (std::binary_search(kTitles.begin(), kTitles.end(), upper_ascii)) return TokenKind::kTitle;
  return TokenKind::kName;
}

absl::StatusOr<NormalizedName> NormalizeName(std::string_view utf8, NameForm form) {
  if (form == NameForm::kAuto) form = DetectForm(utf8);
  PAX_ASSIGN_OR_RETURN(Transliterated t, Words(utf8, kMaxTokens + 1));
  NormalizedName out;
  out.script = t.script;
  switch (form) {
    case NameForm::kMrz: {
      AppendTokens(t, TokenRole::kSurname, Sep::kMrzDouble, out);
      // The shortest name field (TD1) holds 30 characters.
      std::string_view trimmed = utf8;
      while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' ||
                                  trimmed.back() == '\r')) {
        trimmed.remove_suffix(1);
      }
      const char last = trimmed.empty() ? '<' : trimmed.back();
      const bool letter = (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
      out.field_full = trimmed.size() >= 30 && letter;
      break;
    }
    case NameForm::kSurnameCommaGiven:
      AppendTokens(t, TokenRole::kSurname, Sep::kComma, out);
      break;
    default:
      AppendTokens(t, TokenRole::kUnknown, Sep::kNone, out);
      break;
  }
  Classify(out);
  return out;
}

absl::StatusOr<NormalizedName> NormalizeNameParts(std::string_view surname,
                                                  std::string_view given_names) {
  auto s = Words(surname, kMaxTokens + 1);
  if (!s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("surname: ", s.status().message()));
  }
  auto g = Words(given_names, kMaxTokens + 1);
  if (!g.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("given_names: ", g.status().message()));
  }
  NormalizedName out;
  AppendTokens(*s, TokenRole::kSurname, Sep::kNone, out);
  AppendTokens(*g, TokenRole::kGiven, Sep::kNone, out);
  out.script = !s->script.empty() ? s->script : g->script;
  Classify(out);
  return out;
}

absl::StatusOr<std::string> TransliterateIcao(std::string_view utf8) {
  EngineOptions o;
  o.split_arabic_article = false;
  PAX_ASSIGN_OR_RETURN(Transliterated t, TransliterateWords(utf8, o));
  return JoinColumn(t, &Word::text);
}

absl::StatusOr<std::string> TransliterateIcaoMrz(std::string_view utf8) {
  EngineOptions o;
  o.split_arabic_article = false;
  PAX_ASSIGN_OR_RETURN(Transliterated t, TransliterateWords(utf8, o));
  return JoinColumn(t, &Word::mrz);
}

absl::StatusOr<std::string> FoldPlain(std::string_view utf8) {
  EngineOptions o;
  o.split_arabic_article = false;
  PAX_ASSIGN_OR_RETURN(Transliterated t, TransliterateWords(utf8, o));
  return JoinColumn(t, &Word::plain);
}

std::vector<std::string> JoinedForms(const NormalizedName& name) {
  std::vector<std::string> out;
  auto add = [&out](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  const auto& tk = name.tokens;
  for (std::size_t i = 0; i < tk.size(); ++i) {
    if (tk[i].kind == TokenKind::kTitle) continue;
    // A run of particles and/or hyphen-joined tokens ending in a name: every suffix start.
    if (tk[i].kind != TokenKind::kParticle && !tk[i].joined_to_next) continue;
    std::string joined;
    std::size_t j = i;
    for (; j < tk.size(); ++j) {
      if (tk[j].kind == TokenKind::kTitle) break;
      joined += tk[j].text;
      const bool continues = tk[j].kind == TokenKind::kParticle || tk[j].joined_to_next;
      if (!continues || j + 1 == tk.size() || tk[j + 1].role != tk[i].role) break;
    }
    if (j > i && j < tk.size()) add(std::move(joined));
  }
  return out;
}

std::optional<std::pair<std::string_view, std::string_view>> SplitParticlePrefix(
    std::string_view token) {
  for (std::string_view p : kJoinedPrefixes) {
    if (token.size() >= p.size() + 3 && token.substr(0, p.size()) == p) {
      return std::make_pair(token.substr(0, p.size()), token.substr(p.size()));
    }
  }
  return std::nullopt;
}

std::string NameKey(const NormalizedName& name, bool keep_particles) {
  std::string out;
  for (const Token& t : name.tokens) {
    if (t.kind == TokenKind::kTitle) continue;
    if (!keep_particles && t.kind == TokenKind::kParticle) continue;
    if (!out.empty()) out.push_back(' ');
    out += t.text;
  }
  return out;
}

std::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kSurname: return "surname";
    case TokenRole::kGiven: return "given";
    case TokenRole::kUnknown: return "unknown";
  }
  return "?";
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kName: return "name";
    case TokenKind::kParticle: return "particle";
    case TokenKind::kTitle: return "title";
  }
  return "?";
}

}  // namespace paxscreen::normalize
