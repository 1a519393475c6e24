#include "matcher/phonetic/daitch_mokotoff.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "matcher/phonetic/letters.h"

namespace paxscreen::phonetic {
namespace {

// One letter group. Each code field may hold two alternatives separated by '|' (branching);
// an empty field means "not coded".
struct Rule {
  std::string_view pattern;
  std::string_view at_start;
  std::string_view before_vowel;
  std::string_view otherwise;
};

// The D-M table, longest patterns first (the matcher tries rules in this order).
constexpr Rule kRules[] = {
    {"SCHTSCH", "2", "4", "4"},
    {"SCHTSH", "2", "4", "4"}, {"SCHTCH", "2", "4", "4"},
    {"SHTCH", "2", "4", "4"}, {"SHTSH", "2", "4", "4"}, {"STSCH", "2", "4", "4"},
    {"TTSCH", "4", "4", "4"}, {"ZHDZH", "2", "4", "4"},
    {"SHCH", "2", "4", "4"}, {"SCHT", "2", "43", "43"}, {"SCHD", "2", "43", "43"},
    {"STCH", "2", "4", "4"}, {"STRZ", "2", "4", "4"}, {"STRS", "2", "4", "4"},
    {"STSH", "2", "4", "4"}, {"SZCZ", "2", "4", "4"}, {"SZCS", "2", "4", "4"},
    {"TTCH", "4", "4", "4"}, {"TSCH", "4", "4", "4"}, {"TTSZ", "4", "4", "4"},
    {"ZDZH", "2", "4", "4"}, {"ZSCH", "4", "4", "4"},
    {"CHS", "5", "54", "54"}, {"CSZ", "4", "4", "4"}, {"CZS", "4", "4", "4"},
    {"DRZ", "4", "4", "4"}, {"DRS", "4", "4", "4"}, {"DSH", "4", "4", "4"},
    {"DSZ", "4", "4", "4"}, {"DZH", "4", "4", "4"}, {"DZS", "4", "4", "4"},
    {"SCH", "4", "4", "4"}, {"SHT", "2", "43", "43"}, {"SZT", "2", "43", "43"},
    {"SHD", "2", "43", "43"}, {"SZD", "2", "43", "43"}, {"TCH", "4", "4", "4"},
    {"TRZ", "4", "4", "4"}, {"TRS", "4", "4", "4"}, {"TSH", "4", "4", "4"},
    {"TTS", "4", "4", "4"}, {"TTZ", "4", "4", "4"}, {"TZS", "4", "4", "4"},
    {"TSZ", "4", "4", "4"}, {"ZDZ", "2", "4", "4"}, {"ZHD", "2", "43", "43"},
    {"ZSH", "4", "4", "4"},
    {"AI", "0", "1", ""}, {"AJ", "0", "1", ""}, {"AY", "0", "1", ""}, {"AU", "0", "7", ""},
    {"CZ", "4", "4", "4"}, {"CS", "4", "4", "4"}, {"DS", "4", "4", "4"}, {"DZ", "4", "4", "4"},
    {"DT", "3", "3", "3"}, {"EI", "0", "1", ""}, {"EJ", "0", "1", ""}, {"EY", "0", "1", ""},
    {"EU", "1", "1", ""}, {"FB", "7", "7", "7"}, {"IA", "1", "", ""}, {"IE", "1", "", ""},
    {"IO", "1", "", ""}, {"IU", "1", "", ""}, {"KS", "5", "54", "54"}, {"KH", "5", "5", "5"},
    {"MN", "66", "66", "66"}, {"NM", "66", "66", "66"}, {"OI", "0", "1", ""},
    {"OJ", "0", "1", ""}, {"OY", "0", "1", ""}, {"PF", "7", "7", "7"}, {"PH", "7", "7", "7"},
    {"SD", "2", "43", "43"}, {"SH", "4", "4", "4"}, {"SC", "2", "4", "4"}, {"ST", "2", "43", "43"},
    {"SZ", "4", "4", "4"}, {"TH", "3", "3", "3"}, {"TS", "4", "4", "4"}, {"TC", "4", "4", "4"},
    {"TZ", "4", "4", "4"}, {"UI", "0", "1", ""}, {"UJ", "0", "1", ""}, {"UY", "0", "1", ""},
    {"UE", "0", "1", ""}, {"ZD", "2", "43", "43"}, {"ZH", "4", "4", "4"}, {"ZS", "4", "4", "4"},
    {"CH", "5|4", "5|4", "5|4"}, {"CK", "5|45", "5|45", "5|45"},
    {"RS", "94|4", "94|4", "94|4"}, {"RZ", "94|4", "94|4", "94|4"},
    {"A", "0", "", ""}, {"B", "7", "7", "7"}, {"C", "5|4", "5|4", "5|4"},
    {"D", "3", "3", "3"}, {"E", "0", "", ""}, {"F", "7", "7", "7"}, {"G", "5", "5", "5"},
    {"H", "5", "5", ""}, {"I", "0", "", ""}, {"J", "1|4", "|4", "|4"}, {"K", "5", "5", "5"},
    {"L", "8", "8", "8"}, {"M", "6", "6", "6"}, {"N", "6", "6", "6"}, {"O", "0", "", ""},
    {"P", "7", "7", "7"}, {"Q", "5", "5", "5"}, {"R", "9", "9", "9"}, {"S", "4", "4", "4"},
    {"T", "3", "3", "3"}, {"U", "0", "", ""}, {"V", "7", "7", "7"}, {"W", "7", "7", "7"},
    {"X", "5", "54", "54"}, {"Y", "1", "", ""}, {"Z", "4", "4", "4"},
};

constexpr std::size_t kCodeLength = 6;
constexpr uint32_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

// Up to six code digits as a number and a digit count ("043" is {43, 3}): a reading extends,
// compares and merges without strings.
struct Digits {
  uint32_t value = 0;
  uint8_t len = 0;
  bool operator==(const Digits&) const = default;
  auto operator<=>(const Digits&) const = default;
};

// A rule's code field read once: one or two alternatives ("94|4"), an empty one not coded.
struct Field {
  Digits alt[2];
  int count = 1;
};

struct ParsedRule {
  std::string_view pattern;
  Field at_start, before_vowel, otherwise;
};

Field ParseField(std::string_view text) {
  Field f;
  f.count = 0;
  size_t from = 0;
  while (true) {
    const size_t bar = text.find('|', from);
    const std::string_view part =
        text.substr(from, bar == std::string_view::npos ? bar : bar - from);
    Digits d;
    for (char c : part) d.value = d.value * 10 + static_cast<uint32_t>(c - '0');
    d.len = static_cast<uint8_t>(part.size());
    f.alt[f.count++] = d;
    if (bar == std::string_view::npos || f.count == 2) break;
    from = bar + 1;
  }
  return f;
}

// One reading of the name so far.
struct Branch {
  Digits code;
  Digits last;  // the previous group's code, for the no-repeat rule
  bool operator==(const Branch&) const = default;
  auto operator<=>(const Branch&) const = default;
};

// The rules of each first letter A-Z, in table order: a lookup tries only those (a handful)
// instead of the whole table.
using RulesByLetter = std::array<std::vector<ParsedRule>, 26>;

const RulesByLetter& RulesOf() {
  static const RulesByLetter* table = [] {
    auto* t = new RulesByLetter();
    for (const Rule& r : kRules) {
      (*t)[r.pattern[0] - 'A'].push_back({r.pattern, ParseField(r.at_start),
                                          ParseField(r.before_vowel), ParseField(r.otherwise)});
    }
    return t;
  }();
  return *table;
}

const ParsedRule* Match(std::string_view rest) {
  if (rest.empty() || rest[0] < 'A' || rest[0] > 'Z') return nullptr;
  for (const ParsedRule& r : RulesOf()[rest[0] - 'A']) {
    if (rest.substr(0, r.pattern.size()) == r.pattern) return &r;
  }
  return nullptr;  // unreachable for A-Z input: every letter has a rule
}

void Extend(Branch& b, Digits code, bool force) {
  const bool repeat = b.last.len >= code.len && b.last.value % kPow10[code.len] == code.value;
  if ((!repeat || force) && b.code.len < kCodeLength) {
    const uint8_t take = std::min<uint8_t>(code.len, kCodeLength - b.code.len);
    b.code.value = b.code.value * kPow10[take] + code.value / kPow10[code.len - take];
    b.code.len += take;
  }
  b.last = code;
}

}  // namespace

void DaitchMokotoffNumbers(std::string_view name, std::vector<uint32_t>* out) {
  out->clear();
  // A-Z input is read in place, and the readings' buffers are kept per thread (no allocation
  // per call once warm): screening encodes millions of strings.
  thread_local std::string cleaned;
  const std::string_view s = phonetic_internal::UpperLettersView(name, &cleaned);
  if (s.empty()) return;
  thread_local std::vector<Branch> branches;
  thread_local std::vector<Branch> next;
  branches.assign(1, Branch{});
  char last_letter = '\0';
  for (std::size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    const ParsedRule* rule = Match(rest);
    if (rule == nullptr) {
      ++i;
      continue;
    }
    const Field* field = &rule->otherwise;
    if (last_letter == '\0') {
      field = &rule->at_start;
    } else if (phonetic_internal::IsAeiou(phonetic_internal::At(rest, static_cast<std::ptrdiff_t>(
                   rule->pattern.size())))) {
      field = &rule->before_vowel;
    }
    // M next to N is always coded twice (the rule table's MN/NM groups cover the adjacent case).
    const char letter = s[i];
    const bool force =
        (last_letter == 'M' && letter == 'N') || (last_letter == 'N' && letter == 'M');
    next.clear();
    for (const Branch& b : branches) {
      for (int a = 0; a < field->count; ++a) {
        next.push_back(b);
        Extend(next.back(), field->alt[a], force);
      }
    }
    // Readings that differed only in the previous code can meet again.
    if (next.size() > 1) {
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
    }
    branches.swap(next);
    last_letter = letter;
    i += rule->pattern.size();
    // Full codes take no more digits: the rest of a long name (a joined span) changes nothing.
    if (std::all_of(branches.begin(), branches.end(),
                    [](const Branch& b) { return b.code.len >= kCodeLength; })) {
      break;
    }
  }
  out->reserve(branches.size());
  for (const Branch& b : branches) out->push_back(b.code.value * kPow10[kCodeLength - b.code.len]);
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

std::vector<std::string> DaitchMokotoff(std::string_view name) {
  std::vector<uint32_t> numbers;
  DaitchMokotoffNumbers(name, &numbers);
  std::vector<std::string> codes;
  codes.reserve(numbers.size());
  for (uint32_t n : numbers) {
    std::string code(kCodeLength, '0');
    for (size_t k = kCodeLength; k-- > 0; n /= 10) code[k] = static_cast<char>('0' + n % 10);
    codes.push_back(std::move(code));
  }
  return codes;
}

}  // namespace paxscreen::phonetic
