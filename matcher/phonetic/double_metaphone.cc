#include "matcher/phonetic/double_metaphone.h"

#include <cstddef>
#include <initializer_list>

#include "matcher/phonetic/letters.h"

namespace paxscreen::phonetic {
namespace {

using Pos = std::ptrdiff_t;
using Patterns = std::initializer_list<std::string_view>;

// One encoding run. Owns copies of the letters and the two keys; not shared.
class Encoder {
 public:
  Encoder(std::string letters, std::size_t max_length)
      : s_(std::move(letters)), n_(static_cast<Pos>(s_.size())), max_(max_length) {
    slavo_germanic_ = s_.find('W') != std::string::npos || s_.find('K') != std::string::npos ||
                      s_.find("CZ") != std::string::npos;  // "WITZ" contains W already
  }

  MetaphoneKeys Run() {
    Pos i = 0;
    if (Has(0, {"GN", "KN", "PN", "WR", "PS"})) i = 1;  // silent first letter
    while (i < n_ && !(primary_.size() >= max_ && alternate_.size() >= max_)) {
      i = Step(i);
    }
    return {std::move(primary_), std::move(alternate_)};
  }

 private:
  char C(Pos i) const { return phonetic_internal::At(s_, i); }
  static bool Vowel(char c) { return phonetic_internal::IsAeiou(c) || c == 'Y'; }
  // True when one of `patterns` (all of one length) starts at `pos`.
  bool Has(Pos pos, Patterns patterns) const {
    for (std::string_view p : patterns) {
      if (pos >= 0 && pos + static_cast<Pos>(p.size()) <= n_ &&
          std::string_view(s_).substr(static_cast<std::size_t>(pos), p.size()) == p) {
        return true;
      }
    }
    return false;
  }
  static void Append(std::string& key, std::string_view add, std::size_t max) {
    if (key.size() < max) key.append(add.substr(0, max - key.size()));
  }
  void Add(std::string_view both) { Add(both, both); }
  void Add(std::string_view primary, std::string_view alternate) {
    Append(primary_, primary, max_);
    Append(alternate_, alternate, max_);
  }
  void AddAlternateOnly(std::string_view alternate) { Append(alternate_, alternate, max_); }
  void AddPrimaryOnly(std::string_view primary) { Append(primary_, primary, max_); }
  bool Germanic() const { return Has(0, {"VAN ", "VON "}) || Has(0, {"SCH"}); }
  // Appends `code` and skips a doubled letter (BB, FF, KK, NN, QQ, VV).
  Pos Simple(Pos i, std::string_view code) {
    Add(code);
    return C(i + 1) == s_[static_cast<std::size_t>(i)] ? i + 2 : i + 1;
  }

  Pos Step(Pos i) {
    switch (s_[static_cast<std::size_t>(i)]) {
      case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
        if (i == 0) Add("A");  // a vowel counts only at the start
        return i + 1;
      case 'B': return Simple(i, "P");
      case 'C': return OnC(i);
      case 'D': return OnD(i);
      case 'F': return Simple(i, "F");
      case 'G': return OnG(i);
      case 'H': return OnH(i);
      case 'J': return OnJ(i);
      case 'K': return Simple(i, "K");
      case 'L': return OnL(i);
      case 'M': return OnM(i);
      case 'N': return Simple(i, "N");
      case 'P': return OnP(i);
      case 'Q': return Simple(i, "K");
      case 'R': return OnR(i);
      case 'S': return OnS(i);
      case 'T': return OnT(i);
      case 'V': return Simple(i, "F");
      case 'W': return OnW(i);
      case 'X': return OnX(i);
      case 'Z': return OnZ(i);
      default: return i + 1;
    }
  }

  // Germanic "-ACH-" (BACHER, MACHER) and CHIA read as K.
  bool CIsGermanicK(Pos i) const {
    if (Has(i, {"CHIA"})) return true;
    if (i <= 1 || Vowel(C(i - 2)) || !Has(i - 1, {"ACH"})) return false;
    const char c = C(i + 2);
    return (c != 'I' && c != 'E') || Has(i - 2, {"BACHER", "MACHER"});
  }

  Pos OnC(Pos i) {
    if (CIsGermanicK(i)) {
      Add("K");
      return i + 2;
    }
    if (i == 0 && Has(i, {"CAESAR"})) {
      Add("S");
      return i + 2;
    }
    if (Has(i, {"CH"})) return OnCh(i);
    if (Has(i, {"CZ"}) && !Has(i - 2, {"WICZ"})) {  // CZERNY
      Add("S", "X");
      return i + 2;
    }
    if (Has(i + 1, {"CIA"})) {  // FOCACCIA
      Add("X");
      return i + 3;
    }
    if (Has(i, {"CC"}) && !(i == 1 && C(0) == 'M')) {  // not MCCLELLAND
      if (Has(i + 2, {"I", "E", "H"}) && !Has(i + 2, {"HU"})) {
        // ACCIDENT, ACCEDE, SUCCEED read KS; BELLOCCHIO, BACCI read X.
        if ((i == 1 && C(0) == 'A') || Has(i - 1, {"UCCEE", "UCCES"})) {
          Add("KS");
        } else {
          Add("X");
        }
        return i + 3;
      }
      Add("K");  // Pierce's rule
      return i + 2;
    }
    if (Has(i, {"CK", "CG", "CQ"})) {
      Add("K");
      return i + 2;
    }
    if (Has(i, {"CI", "CE", "CY"})) {
      if (Has(i, {"CIO", "CIE", "CIA"})) {  // Italian
        Add("S", "X");
      } else {
        Add("S");
      }
      return i + 2;
    }
    Add("K");
    if (Has(i + 1, {" C", " Q", " G"})) return i + 3;  // MAC CAFFREY, MAC GREGOR
    if (Has(i + 1, {"C", "K", "Q"}) && !Has(i + 1, {"CE", "CI"})) return i + 2;
    return i + 1;
  }

  Pos OnCh(Pos i) {
    if (i > 0 && Has(i, {"CHAE"})) {  // MICHAEL
      Add("K", "X");
      return i + 2;
    }
    // Greek roots at the start: CHARACTER, CHARISMA, CHORUS, CHYMIST, CHIASMUS, CHEMISTRY.
    const bool greek =
        i == 0 &&
        (Has(i + 1, {"HARAC", "HARIS"}) || Has(i + 1, {"HOR", "HYM", "HIA", "HEM"})) &&
        !Has(0, {"CHORE"});
    // Germanic or Greek "CH" sounding like "KH": ORCHESTRA, ARCHITECT, ORCHID, -CHT-, -CHS-,
    // and CH before a consonant after a vowel or at the start.
    const bool kh =
        Germanic() || Has(i - 2, {"ORCHES", "ARCHIT", "ORCHID"}) || Has(i + 2, {"T", "S"}) ||
        ((Has(i - 1, {"A", "O", "U", "E"}) || i == 0) &&
         (Has(i + 2, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}) || i + 1 == n_ - 1));
    if (greek || kh) {
      Add("K");
    } else if (i == 0) {
      Add("X");
    } else if (Has(0, {"MC"})) {
      Add("K");
    } else {
      Add("X", "K");
    }
    return i + 2;
  }

  Pos OnD(Pos i) {
    if (Has(i, {"DG"})) {
      if (Has(i + 2, {"I", "E", "Y"})) {  // EDGE
        Add("J");
        return i + 3;
      }
      Add("TK");  // EDGAR
      return i + 2;
    }
    Add("T");
    return Has(i, {"DT", "DD"}) ? i + 2 : i + 1;
  }

  Pos OnG(Pos i) {
    if (C(i + 1) == 'H') return OnGh(i);
    if (C(i + 1) == 'N') {
      if (i == 1 && Vowel(C(0)) && !slavo_germanic_) {
        Add("KN", "N");
      } else if (!Has(i + 2, {"EY"}) && C(i + 1) != 'Y' && !slavo_germanic_) {
        Add("N", "KN");
      } else {
        Add("KN");
      }
      return i + 2;
    }
    if (Has(i + 1, {"LI"}) && !slavo_germanic_) {  // TAGLIARO
      Add("KL", "L");
      return i + 2;
    }
    if (i == 0 &&
        (C(i + 1) == 'Y' ||
         Has(i + 1, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
      Add("K", "J");
      return i + 2;
    }
    if ((Has(i + 1, {"ER"}) || C(i + 1) == 'Y') && !Has(0, {"DANGER", "RANGER", "MANGER"}) &&
        !Has(i - 1, {"E", "I"}) && !Has(i - 1, {"RGY", "OGY"})) {
      Add("K", "J");
      return i + 2;
    }
    if (Has(i + 1, {"E", "I", "Y"}) || Has(i - 1, {"AGGI", "OGGI"})) {
      if (Germanic() || Has(i + 1, {"ET"})) {
        Add("K");
      } else if (Has(i + 1, {"IER"})) {
        Add("J");
      } else {
        Add("J", "K");
      }
      return i + 2;
    }
    Add("K");
    return C(i + 1) == 'G' ? i + 2 : i + 1;
  }

  Pos OnGh(Pos i) {
    if (i > 0 && !Vowel(C(i - 1))) {
      Add("K");
    } else if (i == 0) {
      Add(C(i + 2) == 'I' ? "J" : "K");  // GHISLANE vs GHANA
    } else if ((i > 1 && Has(i - 2, {"B", "H", "D"})) || (i > 2 && Has(i - 3, {"B", "H", "D"})) ||
               (i > 3 && Has(i - 4, {"B", "H"}))) {
      // Parker's rule: HUGH, BOUGH, BROUGHTON are silent.
    } else if (i > 2 && C(i - 1) == 'U' && Has(i - 3, {"C", "G", "L", "R", "T"})) {
      Add("F");  // LAUGH, COUGH, TOUGH
    } else if (i > 0 && C(i - 1) != 'I') {
      Add("K");
    }
    return i + 2;
  }

  Pos OnH(Pos i) {
    if ((i == 0 || Vowel(C(i - 1))) && Vowel(C(i + 1))) {
      Add("H");
      return i + 2;
    }
    return i + 1;
  }

  Pos OnJ(Pos i) {
    if (Has(i, {"JOSE"}) || Has(0, {"SAN "})) {
      if ((i == 0 && C(i + 4) == ' ') || n_ == 4 || Has(0, {"SAN "})) {
        Add("H");
      } else {
        Add("J", "H");
      }
      return i + 1;
    }
    if (i == 0) {
      Add("J", "A");  // JANKELOWICZ / YANKELOVICH
    } else if (Vowel(C(i - 1)) && !slavo_germanic_ && (C(i + 1) == 'A' || C(i + 1) == 'O')) {
      Add("J", "H");  // Spanish BAJADOR
    } else if (i == n_ - 1) {
      Add("J", "");  // Philips: no alternate for a final J (Commons writes ' ')
    } else if (!Has(i + 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) &&
               !Has(i - 1, {"S", "K", "L"})) {
      Add("J");
    }
    return C(i + 1) == 'J' ? i + 2 : i + 1;
  }

  Pos OnL(Pos i) {
    if (C(i + 1) != 'L') {
      Add("L");
      return i + 1;
    }
    // Spanish -ILLO, -ILLA, -ALLE: CABRILLO, GALLEGOS are silent in the alternate.
    const bool spanish =
        (i == n_ - 3 && Has(i - 1, {"ILLO", "ILLA", "ALLE"})) ||
        ((Has(n_ - 2, {"AS", "OS"}) || Has(n_ - 1, {"A", "O"})) && Has(i - 1, {"ALLE"}));
    if (spanish) {
      AddPrimaryOnly("L");
    } else {
      Add("L");
    }
    return i + 2;
  }

  Pos OnM(Pos i) {
    Add("M");
    const bool skip = C(i + 1) == 'M' ||
                      (Has(i - 1, {"UMB"}) && (i + 1 == n_ - 1 || Has(i + 2, {"ER"})));  // DUMB
    return skip ? i + 2 : i + 1;
  }

  Pos OnP(Pos i) {
    if (C(i + 1) == 'H') {
      Add("F");
      return i + 2;
    }
    Add("P");
    return Has(i + 1, {"P", "B"}) ? i + 2 : i + 1;  // CAMPBELL
  }

  Pos OnR(Pos i) {
    // French final -IER (ROGIER) is silent in the primary, but not after ME/MA (MEUNIER...).
    if (i == n_ - 1 && !slavo_germanic_ && Has(i - 2, {"IE"}) && !Has(i - 4, {"ME", "MA"})) {
      AddAlternateOnly("R");
    } else {
      Add("R");
    }
    return C(i + 1) == 'R' ? i + 2 : i + 1;
  }

  Pos OnS(Pos i) {
    if (Has(i - 1, {"ISL", "YSL"})) return i + 1;  // ISLAND, CARLISLE
    if (i == 0 && Has(i, {"SUGAR"})) {
      Add("X", "S");
      return i + 1;
    }
    if (Has(i, {"SH"})) {
      Add(Has(i + 1, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");  // Germanic -SHEIM
      return i + 2;
    }
    if (Has(i, {"SIO", "SIA"}) || Has(i, {"SIAN"})) {  // Italian, Armenian
      Add("S", slavo_germanic_ ? "S" : "X");
      return i + 3;
    }
    if ((i == 0 && Has(i + 1, {"M", "N", "L", "W"})) || Has(i + 1, {"Z"})) {
      Add("S", "X");  // SMITH ~ SCHMIDT, SNIDER ~ SCHNEIDER, Slavic -SZ-
      return Has(i + 1, {"Z"}) ? i + 2 : i + 1;
    }
    if (Has(i, {"SC"})) return OnSc(i);
    if (i == n_ - 1 && Has(i - 2, {"AI", "OI"})) {
      AddAlternateOnly("S");  // French RESNAIS, ARTOIS
    } else {
      Add("S");
    }
    return Has(i + 1, {"S", "Z"}) ? i + 2 : i + 1;
  }

  Pos OnSc(Pos i) {
    if (C(i + 2) == 'H') {
      if (Has(i + 3, {"OO", "ER", "EN", "UY", "ED", "EM"})) {  // Dutch SCHOOL, SCHENKER
        if (Has(i + 3, {"ER", "EN"})) {
          Add("X", "SK");
        } else {
          Add("SK");
        }
      } else if (i == 0 && !Vowel(C(3)) && C(3) != 'W') {
        Add("X", "S");  // SCHMIDT, SCHNEIDER
      } else {
        Add("X");
      }
    } else if (Has(i + 2, {"I", "E", "Y"})) {
      Add("S");
    } else {
      Add("SK");
    }
    return i + 3;
  }

  Pos OnT(Pos i) {
    if (Has(i, {"TION"}) || Has(i, {"TIA", "TCH"})) {
      Add("X");
      return i + 3;
    }
    if (Has(i, {"TH"}) || Has(i, {"TTH"})) {
      if (Has(i + 2, {"OM", "AM"}) || Germanic()) {  // THOMAS, THAMES
        Add("T");
      } else {
        Add("0", "T");
      }
      return i + 2;
    }
    Add("T");
    return Has(i + 1, {"T", "D"}) ? i + 2 : i + 1;
  }

  Pos OnW(Pos i) {
    if (Has(i, {"WR"})) {
      Add("R");
      return i + 2;
    }
    if (i == 0 && (Vowel(C(i + 1)) || Has(i, {"WH"}))) {
      if (Vowel(C(i + 1))) {
        Add("A", "F");  // WASSERMAN ~ VASSERMAN
      } else {
        Add("A");  // WHITE
      }
      return i + 1;
    }
    if ((i == n_ - 1 && Vowel(C(i - 1))) || Has(i - 1, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) ||
        Has(0, {"SCH"})) {
      AddAlternateOnly("F");  // ARNOW ~ ARNOFF
      return i + 1;
    }
    if (Has(i, {"WICZ", "WITZ"})) {  // Polish FILIPOWICZ
      Add("TS", "FX");
      return i + 4;
    }
    return i + 1;
  }

  Pos OnX(Pos i) {
    if (i == 0) {
      Add("S");  // XAVIER
      return i + 1;
    }
    const bool french_final =
        i == n_ - 1 && (Has(i - 3, {"IAU", "EAU"}) || Has(i - 2, {"AU", "OU"}));  // BREAUX
    if (!french_final) Add("KS");
    return Has(i + 1, {"C", "X"}) ? i + 2 : i + 1;
  }

  Pos OnZ(Pos i) {
    if (C(i + 1) == 'H') {  // Pinyin ZHAO
      Add("J");
      return i + 2;
    }
    if (Has(i + 1, {"ZO", "ZI", "ZA"}) || (slavo_germanic_ && i > 0 && C(i - 1) != 'T')) {
      Add("S", "TS");
    } else {
      Add("S");
    }
    return C(i + 1) == 'Z' ? i + 2 : i + 1;
  }

  std::string s_;
  Pos n_;
  std::size_t max_;
  bool slavo_germanic_ = false;
  std::string primary_;
  std::string alternate_;
};

}  // namespace

MetaphoneKeys DoubleMetaphone(std::string_view name, std::size_t max_length) {
  std::string letters = phonetic_internal::UpperLetters(name);
  if (letters.empty() || max_length == 0) return {};
  return Encoder(std::move(letters), max_length).Run();
}

}  // namespace paxscreen::phonetic
