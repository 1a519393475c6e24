#include "matcher/watchlist/text.h"

#include <array>
#include <cstdint>
#include <vector>

namespace paxscreen::watchlist {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Decodes one code point at s[i]; advances i. Returns -1 on malformed input (i advanced by 1).
int32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  int32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return -1;
  }
  if (i + len > s.size()) {
    ++i;
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr std::array<int32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += len;
  return cp;
}

// ISO 15924 code of a letter's script; nullptr for non-letters (digits, punctuation, marks).
const char* ScriptOf(int32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return "Latn";
  if (cp < 0xC0) return nullptr;
  if (cp <= 0x024F && cp != 0xD7 && cp != 0xF7) return "Latn";
  if (cp >= 0x1E00 && cp <= 0x1EFF) return "Latn";
  if (cp >= 0x0370 && cp <= 0x03FF) return "Grek";
  if (cp >= 0x0400 && cp <= 0x052F) return "Cyrl";
  if (cp >= 0x0531 && cp <= 0x058F) return "Armn";
  if (cp >= 0x05D0 && cp <= 0x05F4) return "Hebr";
  if (cp >= 0x0600 && cp <= 0x06FF) {
    if ((cp >= 0x064B && cp <= 0x065F) || (cp >= 0x0660 && cp <= 0x0669) || cp == 0x060C ||
        cp == 0x061B || cp == 0x061F || cp == 0x0640 || (cp >= 0x06F0 && cp <= 0x06F9)) {
      return nullptr;  // harakat, digits, punctuation, tatweel
    }
    return "Arab";
  }
  if ((cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
      (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
    return "Arab";
  }
  if (cp >= 0x0900 && cp <= 0x097F) return "Deva";
  if (cp >= 0x0E00 && cp <= 0x0E7F) return "Thai";
  if (cp >= 0x10A0 && cp <= 0x10FF) return "Geor";
  if (cp >= 0x1100 && cp <= 0x11FF) return "Hang";
  if (cp >= 0x1200 && cp <= 0x139F) return "Ethi";
  if (cp >= 0x3040 && cp <= 0x30FF) return "Jpan";
  if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF)) {
    return "Hani";
  }
  if (cp >= 0xAC00 && cp <= 0xD7AF) return "Hang";
  return nullptr;
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool ValidYear(int y) { return y >= 1850 && y <= 2100; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 13> kDays = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m];
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}


// One date without a range: [DD] [Mon] YYYY or YYYY-MM-DD.
std::optional<model::DateOfBirth> ParseSingle(const std::vector<std::string_view>& w) {
  model::DateOfBirth d;
  if (w.size() == 1) {
    if (auto iso = ParseIsoDate(w[0])) return iso;
    if (!ParseInt(w[0], d.year) || w[0].size() != 4 || !ValidYear(d.year)) return std::nullopt;
    return d;
  }
  if (w.size() == 2) {
    d.month = MonthFromName(w[0]);
    if (d.month == 0 || w[1].size() != 4 || !ParseInt(w[1], d.year) || !ValidYear(d.year)) {
      return std::nullopt;
    }
    return d;
  }
  if (w.size() == 3) {
    d.month = MonthFromName(w[1]);
    if (d.month == 0 || !ParseInt(w[0], d.day) || w[2].size() != 4 || !ParseInt(w[2], d.year) ||
        !ValidYear(d.year) || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
      return std::nullopt;
    }
    return d;
  }
  return std::nullopt;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (NextCodePoint(s, i) < 0) return false;
  }
  return true;
}

std::string ToUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::string DetectScript(std::string_view s) {
  struct Count {
    const char* script;
    int n;
  };
  std::vector<Count> counts;
  size_t i = 0;
  while (i < s.size()) {
    const int32_t cp = NextCodePoint(s, i);
    const char* script = cp < 0 ? nullptr : ScriptOf(cp);
    if (script == nullptr) continue;
    bool found = false;
    for (Count& c : counts) {
      if (std::string_view(c.script) == script) {
        ++c.n;
        found = true;
        break;
      }
    }
    if (!found) counts.push_back({script, 1});
  }
  if (counts.empty()) return "Zyyy";
  const Count* best = &counts[0];
  for (const Count& c : counts) {
    if (c.n > best->n) best = &c;
  }
  return best->script;
}

int MonthFromName(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.size() < 3) return 0;
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(s, kNames[m]) || EqualsIgnoreCase(s, kNames[m].substr(0, 3))) {
      return m + 1;
    }
  }
  if (EqualsIgnoreCase(s, "sept")) return 9;
  return 0;
}

std::optional<model::DateOfBirth> ParseIsoDate(std::string_view text) {
  text = Trim(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  model::DateOfBirth d;
  if (!ParseInt(text.substr(0, 4), d.year) || !ParseInt(text.substr(5, 2), d.month) ||
      !ParseInt(text.substr(8, 2), d.day)) {
    return std::nullopt;
  }
  if (!ValidYear(d.year) || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::optional<model::DateOfBirth> ParseDobText(std::string_view text) {
  std::vector<std::string_view> w = Words(Trim(text));
  bool approximate = false;
  if (!w.empty() && (EqualsIgnoreCase(w[0], "circa") || EqualsIgnoreCase(w[0], "approximately") ||
                     EqualsIgnoreCase(w[0], "approx.") || EqualsIgnoreCase(w[0], "about"))) {
    approximate = true;
    w.erase(w.begin());
  }
  // "1965-1969": a year range written with a hyphen.
  if (w.size() == 1 && w[0].size() == 9 && w[0][4] == '-') {
    w = {w[0].substr(0, 4), "to", w[0].substr(5)};
  }
  size_t to = w.size();
  for (size_t k = 0; k < w.size(); ++k) {
    if (EqualsIgnoreCase(w[k], "to") || w[k] == "-") to = k;
  }
  std::optional<model::DateOfBirth> d;
  if (to == w.size()) {
    d = ParseSingle(w);
  } else {
    auto from = ParseSingle({w.begin(), w.begin() + static_cast<std::ptrdiff_t>(to)});
    auto until = ParseSingle({w.begin() + static_cast<std::ptrdiff_t>(to) + 1, w.end()});
    if (!from || !until || until->year < from->year) return std::nullopt;
    d = model::DateOfBirth{};
    d->year = from->year;
    if (until->year > from->year) {
      d->year_to = until->year;
    } else if (from->month != 0 && from->month == until->month && from->day == 0) {
      d->month = from->month;  // "Aug 1977 to Aug 1977"
    }
  }
  if (d) d->approximate = approximate;
  return d;
}

}  // namespace paxscreen::watchlist
