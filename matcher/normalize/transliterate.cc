#include "matcher/normalize/transliterate.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <utility>

#include "matcher/base/status_macros.h"
#include "matcher/normalize/icao_tables.h"
#include "matcher/normalize/utf8.h"

namespace paxscreen::normalize {
namespace {

// ---- character classes ------------------------------------------------------------------

bool IsHyphen(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x058A ||
         c == 0x05BE || c == 0x2E3A;
}
bool IsApostrophe(char32_t c) {
  return c == U'\'' || c == U'`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x02BB;
}
bool IsComma(char32_t c) { return c == U',' || c == 0x060C || c == 0x3001 || c == 0xFF64; }
bool IsMark(char32_t c) {
  const int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}
// Dropped without ending the word: bidi and joiner controls, soft hyphen, tatweel, middle dot.
bool IsIgnorable(char32_t c) {
  return c == 0x00B7 || c == 0x0640 || u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR;
}
bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3);
}
bool IsGreekLetter(char32_t c) { return c >= 0x0386 && c <= 0x03CE; }
bool IsGreekVoiceless(char32_t c) {
  switch (c) {
    case U'Θ': case U'Κ': case U'Ξ': case U'Π': case U'Σ': case U'Τ': case U'Φ': case U'Χ':
    case U'Ψ':
      return true;
    default:
      return false;
  }
}
// Accented Greek capitals to their base; diaeresis forms stay (they block diphthongs).
char32_t GreekBase(char32_t c) {
  switch (c) {
    case U'Ά': return U'Α';
    case U'Έ': return U'Ε';
    case U'Ή': return U'Η';
    case U'Ί': return U'Ι';
    case U'Ό': return U'Ο';
    case U'Ύ': return U'Υ';
    case U'Ώ': return U'Ω';
    default: return c;
  }
}
char32_t Upper(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') ? c - 32 : c;
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}

// ---- ICU objects --------------------------------------------------------------------------

// Per thread: ICU documents Transliterator::transliterate as not safe for concurrent use.
icu::Transliterator* FallbackTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> p(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, st));
    if (U_FAILURE(st)) p.reset();
    return p;
  }();
  return t.get();
}

// ---- word builder -------------------------------------------------------------------------

class Builder {
 public:
  explicit Builder(const EngineOptions& o) : options_(o) {}

  bool stopped() const { return out_.truncated; }
  std::size_t TextLength() const { return cur_.text.size(); }
  bool WordEmpty() const { return cur_.mrz.empty() && cur_.text.empty() && cur_.plain.empty(); }

  void Append(std::string_view mrz, std::string_view text, std::string_view plain) {
    cur_.mrz.append(mrz);
    cur_.text.append(text);
    cur_.plain.append(plain);
  }
  void AppendAscii(char c) {
    cur_.mrz.push_back(c);
    cur_.text.push_back(c);
    cur_.plain.push_back(c);
  }

  // Ends the current word (if any) and records `s` as (part of) the gap after the last word.
  void Separator(Sep s) {
    if (!WordEmpty()) {
      if (out_.words.size() >= options_.max_words) {
        out_.truncated = true;
        cur_ = Word{};
        return;
      }
      out_.words.push_back(std::move(cur_));
      cur_ = Word{};
    }
    if (!out_.words.empty() && s > out_.words.back().sep_after) out_.words.back().sep_after = s;
  }

  void CountScript(char32_t c) {
    UErrorCode st = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &st);
    if (U_FAILURE(st) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) return;
    for (auto& [code, count] : scripts_) {
      if (count == 0) code = sc;
      if (code == sc) {
        ++count;
        return;
      }
    }
  }

  Transliterated Finish() {
    Separator(Sep::kNone);
    int best = 0;
    for (const auto& [code, count] : scripts_) {
      if (count > best) {
        best = count;
        out_.script = uscript_getShortName(code);
      }
    }
    return std::move(out_);
  }

 private:
  const EngineOptions& options_;
  Word cur_;
  Transliterated out_;
  std::array<std::pair<UScriptCode, int>, 8> scripts_{};
};

// ---- the engine ---------------------------------------------------------------------------

class Engine {
 public:
  Engine(const std::u32string& cps, const EngineOptions& o) : cps_(cps), options_(o), b_(o) {}

  absl::StatusOr<Transliterated> Run() {
    const std::size_t n = cps_.size();
    std::size_t i = 0;
    while (i < n && !b_.stopped()) {
      const char32_t c = cps_[i];
      if (!run_.isEmpty()) {
        if (IsRunChar(c)) {
          AddToRun(c);
          ++i;
          continue;
        }
        PAX_RETURN_IF_ERROR(FlushRun());
      }
      i = Step(i);
    }
    if (!run_.isEmpty()) PAX_RETURN_IF_ERROR(FlushRun());
    return b_.Finish();
  }

 private:
  char32_t At(std::size_t i) const { return i < cps_.size() ? Upper(cps_[i]) : 0; }

  static bool IsRunChar(char32_t c) {
    if (c < 0x80 || FindTranslit(Upper(c)) != nullptr) return false;
    return u_isalpha(static_cast<UChar32>(c)) || IsMark(c);
  }
  void AddToRun(char32_t c) {
    run_.append(static_cast<UChar32>(c));
    if (!IsMark(c)) b_.CountScript(c);
  }

  void Sep(Sep s) {
    prev_ = 0;
    b_.Separator(s);
  }

  // Handles cps_[i] (not part of a fallback run); returns the next index.
  std::size_t Step(std::size_t i) {
    const char32_t c = cps_[i];
    if (c < 0x80 && ((c | 0x20) >= U'a' && (c | 0x20) <= U'z')) {
      b_.AppendAscii(static_cast<char>(c & ~0x20u));
      b_.CountScript(c);
      prev_ = c & ~0x20u;
      return i + 1;
    }
    if (c == U'<') {
      std::size_t j = i;
      while (j < cps_.size() && cps_[j] == U'<') ++j;
      Sep(j - i >= 2 ? Sep::kMrzDouble : Sep::kSpace);
      return j;
    }
    if (IsHyphen(c)) {
      Sep(Sep::kJoin);
      return i + 1;
    }
    if (IsApostrophe(c)) {
      // O'BRIEN, D'ANGELO, L'HUILLIER: an elided particle, kept as its own joined token.
      // Elsewhere (MU'AMMAR, JA'FAR) the apostrophe marks a glottal stop: dropped, word goes on.
      if ((prev_ == U'O' || prev_ == U'D' || prev_ == U'L') && b_.TextLength() == 1) {
        Sep(Sep::kJoin);
      }
      return i + 1;
    }
    if (IsComma(c)) {
      Sep(Sep::kComma);
      return i + 1;
    }
    if (IsIgnorable(c)) return i + 1;
    const char32_t u = Upper(c);
    if (const TranslitEntry* e = FindTranslit(u)) {
      b_.CountScript(c);
      std::size_t next = i + 1;
      if (IsGreekLetter(u)) {
        next = Greek(i, u, *e);
      } else if (IsArabicLetter(u) || (u >= 0x064B && u <= 0x0652)) {
        next = Arabic(i, u, *e);
      } else {
        b_.Append(e->mrz, e->text, e->plain);
      }
      prev_ = u;
      return next;
    }
    if (IsMark(c)) return i + 1;  // a combining mark with nothing to combine with
    if (c >= 0x80 && u_isalpha(static_cast<UChar32>(c))) {
      AddToRun(c);
      return i + 1;
    }
    if (c >= U'0' && c <= U'9') {
      // Names hold no digits: one inside a word is an OCR or typing confusion of a letter
      // (M0HAMMED, 1BRAHIM, HA5SAN). Digits standing alone still separate tokens.
      const char letter = OcrLetter(c);
      const char32_t after = At(i + 1);
      const bool next_letter = after < 0x80 && ((after | 0x20) >= U'a' && (after | 0x20) <= U'z');
      if (letter != 0 && (prev_ != 0 || next_letter)) {
        b_.AppendAscii(letter);
        prev_ = static_cast<char32_t>(letter);
        return i + 1;
      }
    }
    Sep(Sep::kSpace);  // digits, punctuation, spaces, symbols, controls
    return i + 1;
  }

  // The letter a digit is most often misread for in passport and ticket text, or 0.
  static char OcrLetter(char32_t digit) {
    switch (digit) {
      case U'0': return 'O';
      case U'1': return 'I';
      case U'2': return 'Z';
      case U'5': return 'S';
      case U'6': return 'G';
      case U'8': return 'B';
      default: return 0;
    }
  }

  std::size_t Greek(std::size_t i, char32_t u, const TranslitEntry& e) {
    const char32_t base = GreekBase(u);
    const char32_t next = At(i + 1);
    const bool next_upsilon = next == U'Υ' || next == U'Ύ';
    if (base == U'Ο' && next_upsilon) {
      b_.Append("OU", "OU", "OU");
      return i + 2;
    }
    if ((base == U'Α' || base == U'Ε' || base == U'Η') && next_upsilon) {
      const char32_t after = At(i + 2);
      const bool f = IsGreekVoiceless(after) || !IsGreekLetter(after);
      static constexpr const char* kV[] = {"AV", "EV", "IV"};
      static constexpr const char* kF[] = {"AF", "EF", "IF"};
      const int k = base == U'Α' ? 0 : base == U'Ε' ? 1 : 2;
      const char* s = f ? kF[k] : kV[k];
      b_.Append(s, s, s);
      return i + 2;
    }
    if (u == U'Γ' && (next == U'Γ' || next == U'Ξ' || next == U'Χ')) {
      const char* s = next == U'Γ' ? "NG" : next == U'Ξ' ? "NX" : "NCH";
      b_.Append(s, s, s);
      return i + 2;
    }
    if (b_.WordEmpty() && ((u == U'Μ' && next == U'Π') || (u == U'Ν' && next == U'Τ'))) {
      const char* s = u == U'Μ' ? "B" : "D";
      b_.Append(s, s, s);
      return i + 2;
    }
    b_.Append(e.mrz, e.text, e.plain);
    return i + 1;
  }

  std::size_t Arabic(std::size_t i, char32_t u, const TranslitEntry& e) {
    const char32_t next = At(i + 1);
    if (u == 0x0627 && next == 0x0644 && options_.split_arabic_article && b_.WordEmpty() &&
        IsArabicLetter(At(i + 2)) && IsArabicLetter(At(i + 3))) {
      b_.Append("AL", "AL", "AL");
      Sep(Sep::kJoin);
      return i + 2;
    }
    if (u == 0x0629) {  // teh marbuta: XAH / A at the end of a name component, else XTA / T
      const bool end = !IsArabicLetter(next);
      b_.Append(end ? "XAH" : "XTA", end ? "A" : "T", end ? "A" : "T");
      return i + 1;
    }
    if (u == 0x0648 || u == 0x064A || u == 0x06CC) {
      // Consonant (W, Y) at the start of a word, after alef, or before alef; else long vowel.
      const bool consonant = b_.WordEmpty() || prev_ == 0x0627 || prev_ == 0x0622 ||
                             prev_ == 0x0623 || prev_ == 0x0625 || prev_ == 0x0649 ||
                             next == 0x0627;
      const char* t = u == 0x0648 ? (consonant ? "W" : "U") : (consonant ? "Y" : "I");
      b_.Append(e.mrz, t, t);
      return i + 1;
    }
    b_.Append(e.mrz, e.text, e.plain);
    return i + 1;
  }

  absl::Status FlushRun() {
    icu::Transliterator* t = FallbackTransliterator();
    if (t == nullptr) {
      return absl::InternalError("ICU transliterator Any-Latin; Latin-ASCII is unavailable");
    }
    t->transliterate(run_);
    for (int32_t k = 0; k < run_.length(); ++k) {
      const char16_t ch = run_.charAt(k);
      if ((ch | 0x20) >= u'a' && (ch | 0x20) <= u'z') {
        b_.AppendAscii(static_cast<char>(ch & ~0x20));
      } else if (ch == u' ' || ch == u'-') {
        b_.Separator(Sep::kSpace);
      }
    }
    run_.remove();
    prev_ = 0;
    return absl::OkStatus();
  }

  const std::u32string& cps_;
  const EngineOptions& options_;
  Builder b_;
  icu::UnicodeString run_;
  char32_t prev_ = 0;  // previous letter of the current word (uppercase), 0 after a separator
};

}  // namespace

absl::StatusOr<Transliterated> TransliterateWords(std::string_view utf8,
                                                  const EngineOptions& options) {
  std::string normalized;
  std::string_view src = utf8;
  if (!IsAscii(utf8)) {
    PAX_RETURN_IF_ERROR(ValidateUtf8(utf8));
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
    if (U_FAILURE(st)) return absl::InternalError("ICU NFKC normalizer is unavailable");
    const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (!nfkc->isNormalizedUTF8(piece, st) || U_FAILURE(st)) {
      st = U_ZERO_ERROR;
      icu::StringByteSink<std::string> sink(&normalized);
      nfkc->normalizeUTF8(0, piece, sink, nullptr, st);
      if (U_FAILURE(st)) return absl::InternalError("ICU NFKC normalization failed");
      src = normalized;
    }
  }
  std::u32string cps;
  cps.reserve(src.size());
  for (int32_t k = 0, n = static_cast<int32_t>(src.size()); k < n;) {
    UChar32 c;
    U8_NEXT(src.data(), k, n, c);
    if (c >= 0) cps.push_back(static_cast<char32_t>(c));
  }
  Engine engine(cps, options);
  return engine.Run();
}

}  // namespace paxscreen::normalize
