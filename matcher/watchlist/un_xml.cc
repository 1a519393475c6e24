#include "matcher/watchlist/un_xml.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "absl/strings/str_split.h"
#include "matcher/normalize/normalize.h"
#include "matcher/watchlist/countries.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/text.h"

namespace paxscreen::watchlist {
namespace {

// Whether every word of a name part is a particle (ABU, AL, OULD, ABDUL), read as normalize
// reads the name later: its ICAO words (split at spaces and punctuation, uppercase), classified.
bool ParticlesOnly(std::string_view part) {
  const absl::StatusOr<std::string> words = normalize::TransliterateIcao(part);
  if (!words.ok() || words->empty()) return false;
  for (absl::string_view word : absl::StrSplit(*words, ' ')) {
    if (normalize::ClassifyToken({word.data(), word.size()}) != normalize::TokenKind::kParticle) {
      return false;
    }
  }
  return true;
}

std::string Text(const pugi::xml_node& parent, const char* child) {
  return CollapseSpaces(parent.child(child).text().get());
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return lower(a) == lower(b); });
  return it != hay.end();
}

void AddCountry(std::string_view text, std::vector<std::string>* out) {
  std::string value = CollapseSpaces(text);
  if (value.empty() || value == "na" || value == "undetermined") return;
  std::string_view code = CountryToAlpha3(value);
  std::string v = code.empty() ? value : std::string(code);
  if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(std::move(v));
}

void AddDob(const model::DateOfBirth& d, std::vector<model::DateOfBirth>* out) {
  for (const auto& x : *out) {
    if (x.year == d.year && x.month == d.month && x.day == d.day && x.year_to == d.year_to) return;
  }
  out->push_back(d);
}

// A generational suffix written after a comma ("Hilarion Santos, III"): not given names.
bool IsGenerationalSuffix(std::string_view s) {
  for (std::string_view x : {"II", "III", "IV", "JR", "JR.", "JNR", "SR", "SR.", "SNR"}) {
    if (EqualsIgnoreCase(s, x)) return true;
  }
  return false;
}

// Splits "SURNAME, Given Names" (the form many UN aliases and all OFAC names use). A suffix
// after the comma ("Hilarion Santos, III") leaves a full name in order with the suffix at its
// end, which normalize weighs as a title.
void SplitComma(model::EntryName* n) {
  const size_t comma = n->full.find(',');
  if (comma == std::string::npos || n->full.find(',', comma + 1) != std::string::npos) return;
  const std::string after = CollapseSpaces(std::string_view(n->full).substr(comma + 1));
  if (IsGenerationalSuffix(after)) {
    n->full = CollapseSpaces(std::string_view(n->full).substr(0, comma)) + " " + after;
    return;
  }
  n->surname = CollapseSpaces(std::string_view(n->full).substr(0, comma));
  n->given_names = after;
  if (n->surname.empty() || n->given_names.empty()) n->surname.clear(), n->given_names.clear();
}

// Where a parenthesised group of an alias field ends (the index of its ')'), or npos.
size_t GroupEnd(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

bool IsLatinOrNone(std::string_view script) { return script == "Latn" || script == "Zyyy"; }

// Splits one name list of an alias field at ';' and at the enumerators "a)", "b)" ... that
// stand alone between spaces; trims the commas the lists leave ("Akhter Mohmad ... ,").
std::vector<std::string> SplitNameList(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string name = CollapseSpaces(current);
    while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
    while (!name.empty() && (name.front() == ',' || name.front() == ' ')) name.erase(0, 1);
    if (!name.empty()) out.push_back(std::move(name));
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool word_start = i == 0 || text[i - 1] == ' ';
    if (c == ';') {
      flush();
    } else if (word_start && c >= 'a' && c <= 'z' && i + 1 < text.size() && text[i + 1] == ')' &&
               (i + 2 == text.size() || text[i + 2] == ' ')) {
      flush();
      ++i;
    } else {
      current.push_back(c);
    }
  }
  flush();
  return out;
}

// Cuts a birth note off the end of an alias ("..., born 1 Jan. 1953", "... born in 1963",
// "... born in Kandahar on 01 Jan. 1967") and adds its date when it reads as one. The word
// BORN is a name too (Max Born): without a comma before it, "in" or a digit must follow.
void ReadBornNote(std::string* name, std::vector<model::DateOfBirth>* dobs) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  std::string folded(name->size(), ' ');
  std::transform(name->begin(), name->end(), folded.begin(), lower);
  for (size_t at = folded.find(" born "); at != std::string::npos;
       at = folded.find(" born ", at + 1)) {
    std::string_view rest = std::string_view(folded).substr(at + 6);
    const bool comma = at > 0 && folded[at - 1] == ',';
    const bool in = rest.starts_with("in ");
    if (!comma && !in && (rest.empty() || rest[0] < '0' || rest[0] > '9')) continue;
    if (in) rest.remove_prefix(3);
    if (const size_t on = rest.find(" on "); on != std::string_view::npos) {
      rest.remove_prefix(on + 4);
    }
    const size_t from = rest.data() - folded.data();
    if (auto d = ParseDobText(std::string_view(*name).substr(from))) AddDob(*d, dobs);
    name->resize(comma ? at - 1 : at);
    return;
  }
}

// An alias field as the UN writes it, read into names. Beside one plain name, the field may
// hold (all seen on the consolidated list):
// - several names: "Qasim Soleimani; Qasem Sulaimani", "Mohammed Sabet b) M. Javad Sabet";
// - the name in another script in parentheses, "Haji Gulab Gul (حاجی گلاب گل)", or
//   "Amir Khazmat (original script: Амир Хазмат)": a name of its own in that script;
// - the Latin forms of an original-script alias in parentheses,
//   "حسن غول (Hassan Ghul; Hassan Gul)": names of their own;
// - a note in parentheses, "EL PARA (COMBAT NAME)", "Encep Nurjaman (birth name)", "(Sheikh)",
//   "(false identity related to ... passport number ...)": left out of the name;
// - a date of birth after the name, "Safia ... Al-Hadad, born 1 Jan. 1953": read into `dobs`.
// Kept as one name, the extra words would stay unpaired against every traveller and the
// name's score would fall below the threshold (the harness's MRZ form of the Sabet alias
// scored 0.82 against its own entry).
void ReadAliasField(std::string_view field, model::NameKind kind,
                    std::vector<model::EntryName>* names,
                    std::vector<model::DateOfBirth>* dobs) {
  std::string outer;
  std::vector<std::string> groups;
  for (size_t i = 0; i < field.size(); ++i) {
    const size_t close = field[i] == '(' ? GroupEnd(field, i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      outer.push_back(field[i]);
      continue;
    }
    groups.emplace_back(field.substr(i + 1, close - i - 1));
    outer.push_back(' ');
    i = close;
  }
  // Latin words in parentheses beside a Latin name are a note; beside a name in another
  // script (or alone), they are its Latin forms.
  const bool notes_in_groups = DetectScript(outer) == "Latn";
  auto add = [&](std::string text) {
    model::EntryName n{.full = std::move(text), .kind = kind};
    n.script = DetectScript(n.full);
    SplitComma(&n);
    names->push_back(std::move(n));
  };
  ReadBornNote(&outer, dobs);
  for (std::string& name : SplitNameList(outer)) add(std::move(name));
  for (std::string_view inner : groups) {
    inner = Trim(inner);
    constexpr std::string_view kOriginal = "original script:";
    if (inner.size() > kOriginal.size() &&
        std::equal(kOriginal.begin(), kOriginal.end(), inner.begin(),
                   [](char a, char b) { return a == (b | 0x20); })) {
      inner.remove_prefix(kOriginal.size());
    }
    if (notes_in_groups && IsLatinOrNone(DetectScript(inner))) continue;
    for (std::string& name : SplitNameList(inner)) add(std::move(name));
  }
}

class UnParser {
 public:
  explicit UnParser(ImportResult* result) : r_(*result) {}

  void ParseRecord(const pugi::xml_node& node, bool individual, size_t ordinal) {
    model::WatchlistEntry e;
    e.list = std::string(kUnListName);
    e.category = individual ? "individual" : "entity";
    std::string ref = Text(node, "REFERENCE_NUMBER");
    if (ref.empty()) ref = Text(node, "DATAID");
    const std::string where = ref.empty()
                                  ? (individual ? "INDIVIDUAL #" : "ENTITY #") + std::to_string(ordinal)
                                  : "UN-SC:" + ref;
    if (ref.empty()) {
      r_.Skip(where, "REFERENCE_NUMBER", "no REFERENCE_NUMBER and no DATAID");
      return;
    }
    e.entry_id = where;

    std::vector<std::string> parts;
    for (const char* tag : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      std::string p = Text(node, tag);
      if (!p.empty()) parts.push_back(std::move(p));
    }
    if (parts.empty()) {
      r_.Skip(where, "FIRST_NAME", "no name (FIRST_NAME..FOURTH_NAME all empty)");
      return;
    }
    model::EntryName primary;
    for (const auto& p : parts) {
      if (!primary.full.empty()) primary.full.push_back(' ');
      primary.full.append(p);
    }
    primary.script = DetectScript(primary.full);
    if (individual && parts.size() >= 2) {
      const bool family_first = Text(node, "UN_LIST_TYPE") == "DPRK";
      const size_t s = family_first ? 0 : parts.size() - 1;
      // A part of particles alone right before the family name belongs to it: FIRST_NAME ABU,
      // SECOND_NAME RUSDAN is the name ABU RUSDAN, not a given name ABU (MAHFOUZ OULD AL-WALID).
      size_t from = s;
      while (!family_first && from > 0 && ParticlesOnly(parts[from - 1])) --from;
      for (size_t i = from; i <= s; ++i) {
        if (!primary.surname.empty()) primary.surname.push_back(' ');
        primary.surname.append(parts[i]);
      }
      for (size_t i = 0; i < parts.size(); ++i) {
        if (i >= from && i <= s) continue;
        if (!primary.given_names.empty()) primary.given_names.push_back(' ');
        primary.given_names.append(parts[i]);
      }
    }
    e.names.push_back(std::move(primary));
    if (std::string original = Text(node, "NAME_ORIGINAL_SCRIPT"); !original.empty()) {
      std::string script = DetectScript(original);
      e.names.push_back({.full = std::move(original), .script = std::move(script)});
    }

    const char* alias_tag = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
    for (const auto& a : node.children(alias_tag)) {
      std::string name = Text(a, "ALIAS_NAME");
      if (name.empty()) continue;
      const std::string quality = Text(a, "QUALITY");
      model::NameKind kind = model::NameKind::kAlias;
      if (quality == "Low") {
        kind = model::NameKind::kWeakAlias;
      } else if (!quality.empty() && quality != "Good" && quality != "a.k.a." &&
                 quality != "f.k.a.") {
        r_.Drop(where, std::string(alias_tag) + "/QUALITY",
                "unknown alias quality '" + quality + "', treated as alias");
      }
      ReadAliasField(name, kind, &e.names, &e.dates_of_birth);
      if (std::string dob = Text(a, "DATE_OF_BIRTH"); !dob.empty()) {
        if (auto d = ParseDobText(dob)) {
          AddDob(*d, &e.dates_of_birth);
        } else {
          r_.Drop(where, std::string(alias_tag) + "/DATE_OF_BIRTH", "unreadable date");
        }
      }
    }

    if (individual) {
      ParseDobs(node, where, &e);
      ParseDocuments(node, &e);
      for (const auto& n : node.children("NATIONALITY")) {
        for (const auto& v : n.children("VALUE")) AddCountry(v.text().get(), &e.nationalities);
      }
      const std::string gender = Text(node, "GENDER");
      if (gender == "Male") {
        e.sex = "M";
      } else if (gender == "Female") {
        e.sex = "F";
      } else if (!gender.empty()) {
        r_.Drop(where, "GENDER", "unknown value");
      }
    }
    for (const auto& a : node.children(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
      AddCountry(a.child("COUNTRY").text().get(), &e.address_countries);
    }
    r_.entries.push_back(std::move(e));
  }

 private:
  void ParseDobs(const pugi::xml_node& node, const std::string& where, model::WatchlistEntry* e) {
    for (const auto& d : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      const std::string type = Text(d, "TYPE_OF_DATE");
      const std::string note = Text(d, "NOTE");
      bool approximate = type == "APPROXIMATELY" || ContainsIgnoreCase(note, "approximately");
      std::optional<model::DateOfBirth> dob;
      const char* field = "INDIVIDUAL_DATE_OF_BIRTH";
      if (std::string date = Text(d, "DATE"); !date.empty()) {
        field = "INDIVIDUAL_DATE_OF_BIRTH/DATE";
        dob = ParseIsoDate(date);
        if (!dob) dob = ParseDobText(date);
      } else if (std::string year = Text(d, "YEAR"); !year.empty()) {
        field = "INDIVIDUAL_DATE_OF_BIRTH/YEAR";
        dob = ParseDobText(year);
        // "EXACT" YEAR with a NOTE naming the month ("Sep.") adds the month.
        if (dob && dob->month == 0) {
          if (int m = MonthFromName(note); m != 0) dob->month = m;
        }
      } else if (std::string from = Text(d, "FROM_YEAR"); !from.empty()) {
        field = "INDIVIDUAL_DATE_OF_BIRTH/FROM_YEAR";
        dob = ParseDobText(from + " to " + Text(d, "TO_YEAR"));
      } else if (!note.empty()) {
        // Month-year notes ("Nov. 1973"); free text ("30-35 years old", Hijri dates) is not a
        // date we can match on and is left out silently.
        if (auto parsed = ParseDobText(note)) {
          dob = parsed;
          field = "INDIVIDUAL_DATE_OF_BIRTH/NOTE";
        } else {
          continue;
        }
      } else {
        continue;  // an empty element, as the list writes for "unknown"
      }
      if (!dob) {
        r_.Drop(where, field, "unreadable date");
        continue;
      }
      dob->approximate = dob->approximate || approximate;
      AddDob(*dob, &e->dates_of_birth);
    }
  }

  void ParseDocuments(const pugi::xml_node& node, model::WatchlistEntry* e) {
    for (const auto& d : node.children("INDIVIDUAL_DOCUMENT")) {
      std::string number = Text(d, "NUMBER");
      if (number.empty()) continue;  // empty elements and note-only documents
      model::EntryDocument doc;
      doc.type = UnDocumentType(Text(d, "TYPE_OF_DOCUMENT"));
      doc.number = std::move(number);
      std::string issuer = Text(d, "ISSUING_COUNTRY");
      if (issuer.empty()) issuer = Text(d, "COUNTRY_OF_ISSUE");
      if (!issuer.empty()) {
        std::string_view code = CountryToAlpha3(issuer);
        doc.issuing_state = code.empty() ? issuer : std::string(code);
      }
      e->documents.push_back(std::move(doc));
    }
  }

  ImportResult& r_;
};

}  // namespace

std::string UnDocumentType(std::string_view type_of_document) {
  const std::string t = CollapseSpaces(type_of_document);
  if (ContainsIgnoreCase(t, "passport") || ContainsIgnoreCase(t, "passeport") ||
      ContainsIgnoreCase(t, "pasaporte")) {
    return "passport";
  }
  if (ContainsIgnoreCase(t, "identi") || ContainsIgnoreCase(t, "national number") ||
      ContainsIgnoreCase(t, "personal number") || ContainsIgnoreCase(t, "tazkira")) {
    return "national_id";
  }
  return "other";
}

ImportResult ImportUnXml(std::string_view xml, std::string_view source) {
  const auto start = std::chrono::steady_clock::now();
  ImportResult r;
  r.source = std::string(source);
  r.format = "un-xml";
  r.list = std::string(kUnListName);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                                                  pugi::encoding_auto);
  if (!parsed) {
    r.status = absl::InvalidArgumentError(std::string(source) + ": not well-formed XML at byte " +
                                          std::to_string(parsed.offset) + ": " +
                                          parsed.description());
    return r;
  }
  pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  if (!root) {
    r.status = absl::InvalidArgumentError(
        std::string(source) + ": root element is not CONSOLIDATED_LIST (not a UN list)");
    return r;
  }
  UnParser parser(&r);
  size_t ordinal = 0;
  for (const auto& n : root.child("INDIVIDUALS").children("INDIVIDUAL")) {
    parser.ParseRecord(n, true, ++ordinal);
  }
  ordinal = 0;
  for (const auto& n : root.child("ENTITIES").children("ENTITY")) {
    parser.ParseRecord(n, false, ++ordinal);
  }
  r.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

ImportResult ImportUnXmlFile(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  auto content = ReadFileToString(path);
  if (!content.ok()) {
    ImportResult r;
    r.source = path;
    r.format = "un-xml";
    r.list = std::string(kUnListName);
    r.status = content.status();
    return r;
  }
  ImportResult r = ImportUnXml(*content, path);
  r.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace paxscreen::watchlist
