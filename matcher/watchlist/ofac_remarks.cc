#include "matcher/watchlist/ofac_remarks.h"

#include <algorithm>
#include <utility>

#include "matcher/watchlist/countries.h"
#include "matcher/watchlist/text.h"

namespace paxscreen::watchlist {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool Consume(std::string_view& s, std::string_view p) {
  if (!StartsWith(s, p)) return false;
  s.remove_prefix(p.size());
  return true;
}

bool IsAkaAt(std::string_view s, size_t i) {
  std::string_view rest = s.substr(i);
  return rest.size() > 8 && (rest[0] == 'a' || rest[0] == 'f' || rest[0] == 'n') &&
         rest.substr(1, 7) == ".k.a. '";
}

// Splits at ';' outside parentheses and outside the quoted name of an a.k.a. item. Only an
// a.k.a.-style item opens a quote (apostrophes in "POB Tall 'Afar" do not), and the quote
// closes only before ';', '.' or the end, so names such as 'O'BRIEN, Jo' stay whole.
std::vector<std::string_view> SplitItems(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool quoted = false;
  bool item_start = true;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (item_start && c != ' ') {
      item_start = false;
      if (IsAkaAt(s, i)) {
        quoted = true;
        i += 7;  // onto the opening quote
        continue;
      }
    }
    if (quoted) {
      if (c == '\'' && (i + 1 == s.size() || s[i + 1] == ';' ||
                        (s[i + 1] == '.' && (i + 2 == s.size() || s[i + 2] == ';' ||
                                             s[i + 2] == ' ')))) {
        quoted = false;
      }
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0 && c == ';') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
      item_start = true;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

void AddUnique(std::string v, std::vector<std::string>* out) {
  if (!v.empty() && std::find(out->begin(), out->end(), v) == out->end()) out->push_back(std::move(v));
}

std::string CountryCode(std::string_view text) {
  std::string t = CollapseSpaces(text);
  std::string_view code = CountryToAlpha3(t);
  return code.empty() ? t : std::string(code);
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<number> [(<country>)] [issued ...] [expires ...]" after the document keyword.
bool ParseDocumentTail(std::string_view rest, std::string type, RemarkFacts* f) {
  std::string_view number = rest;
  std::string issuer;
  size_t cut = number.size();
  for (std::string_view stop : {" issued", " expires", " Issued", " Expires", " (", " Date of"}) {
    cut = std::min(cut, number.find(stop));
  }
  const size_t paren = rest.find(" (");
  if (paren != std::string_view::npos) {
    const size_t close = rest.find(')', paren);
    if (close != std::string_view::npos) issuer = CountryCode(rest.substr(paren + 2, close - paren - 2));
  }
  number = Trim(number.substr(0, cut));
  if (number.empty() || !HasDigit(number) || number.size() > 40) return false;
  f->documents.push_back({std::move(type), std::string(number), std::move(issuer)});
  return true;
}

void ParseItem(std::string_view item, RemarkFacts* f) {
  item = Trim(item);
  if (!item.empty() && item.back() == '.' && item.find('\'') == std::string_view::npos) {
    // A trailing full stop ends the remarks; keep "Apr." style abbreviations intact only
    // when they are not last (they are never last in a DOB).
    item.remove_suffix(1);
  }
  std::string_view s = item;
  for (std::string_view aka : {"a.k.a. '", "f.k.a. '", "n.k.a. '"}) {
    if (Consume(s, aka)) {
      const size_t end = s.rfind('\'');
      if (end != std::string_view::npos && end > 0) {
        AddUnique(CollapseSpaces(s.substr(0, end)), &f->weak_aliases);
      }
      return;
    }
  }
  Consume(s, "alt. ");
  if (Consume(s, "DOB ")) {
    if (auto d = ParseDobText(s)) {
      f->dates_of_birth.push_back(*d);
    } else {
      f->unreadable.push_back("DOB");
    }
    return;
  }
  if (Consume(s, "nationality ") || Consume(s, "citizen ")) {
    AddUnique(CountryCode(s), &f->nationalities);
    return;
  }
  if (Consume(s, "Gender ")) {
    if (s == "Male") f->sex = "M";
    if (s == "Female") f->sex = "F";
    return;
  }
  std::string_view doc = s;
  for (std::string_view qualifier : {"Diplomatic ", "Official ", "Service ", "Personal "}) {
    if (Consume(doc, qualifier)) break;
  }
  if (Consume(doc, "Passport ")) {
    Consume(doc, "No. ");
    if (!Consume(doc, "Booklet: ")) Consume(doc, "Booklet ");
    if (!ParseDocumentTail(doc, "passport", f)) f->unreadable.push_back("Passport");
    return;
  }
  if (Consume(s, "Cedula No. ")) {
    if (!ParseDocumentTail(s, "national_id", f)) f->unreadable.push_back("Cedula No.");
    return;
  }
  const size_t id = s.find("ID No. ");
  if (id != std::string_view::npos && id <= 30 &&
      (StartsWith(s, "National ") || StartsWith(s, "Kenyan ") ||
       s.substr(0, id).find("Personal") != std::string_view::npos)) {
    if (!ParseDocumentTail(s.substr(id + 7), "national_id", f)) f->unreadable.push_back("ID No.");
  }
}

}  // namespace

RemarkFacts ParseOfacRemarks(std::string_view remarks) {
  RemarkFacts f;
  for (std::string_view item : SplitItems(remarks)) ParseItem(item, &f);
  return f;
}

}  // namespace paxscreen::watchlist
