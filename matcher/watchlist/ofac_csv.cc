#include "matcher/watchlist/ofac_csv.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "matcher/watchlist/countries.h"
#include "matcher/watchlist/csv.h"
#include "matcher/watchlist/loader.h"
#include "matcher/watchlist/ofac_remarks.h"
#include "matcher/watchlist/text.h"

namespace paxscreen::watchlist {
namespace {

constexpr size_t kSdnColumns = 12;
constexpr size_t kAltColumns = 5;
constexpr size_t kAddColumns = 6;

bool IsEntNum(std::string_view s) {
  return !s.empty() && s.size() <= 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Where(std::string_view file, size_t line) {
  return std::string(file) + ":" + std::to_string(line);
}

model::EntryName MakeName(std::string full, model::NameKind kind, bool split) {
  model::EntryName n;
  n.full = CollapseSpaces(full);
  n.script = DetectScript(n.full);
  n.kind = kind;
  const size_t comma = n.full.find(',');
  if (split && comma != std::string::npos && n.full.find(',', comma + 1) == std::string::npos) {
    n.surname = CollapseSpaces(std::string_view(n.full).substr(0, comma));
    n.given_names = CollapseSpaces(std::string_view(n.full).substr(comma + 1));
  }
  return n;
}

std::string Basename(std::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

ImportResult ImportOfacCsv(std::string_view sdn_raw, std::string_view alt_raw,
                           std::string_view add_raw, std::string_view source) {
  const auto start = std::chrono::steady_clock::now();
  ImportResult r;
  r.source = std::string(source);
  r.format = "ofac-csv";
  r.list = std::string(kOfacListName);
  const std::string sdn = ToUtf8(sdn_raw);
  const std::string alt = ToUtf8(alt_raw);
  const std::string add = ToUtf8(add_raw);
  const std::string sdn_name = Basename(source);
  absl::flat_hash_map<std::string, size_t> by_num;

  CsvReader sdn_csv(sdn);
  size_t rows = 0;
  while (auto row = sdn_csv.Next()) {
    ++rows;
    const std::string where = Where(sdn_name, sdn_csv.line());
    if (row->size() != kSdnColumns) {
      if (rows == 1 && row->size() < 4) break;  // not an SDN file: reported below
      r.Skip(where, "", "expected " + std::to_string(kSdnColumns) + " columns, found " +
                            std::to_string(row->size()));
      continue;
    }
    const std::string ent_num = OfacField((*row)[0]);
    if (!IsEntNum(ent_num)) {
      r.Skip(where, "ent_num", "not a number");
      continue;
    }
    const std::string id = "OFAC-SDN:" + ent_num;
    if (sdn_csv.unterminated_quote()) {
      r.Skip(id + " (" + where + ")", "", "unterminated quote");
      continue;
    }
    if (by_num.contains(ent_num)) {
      r.Skip(id + " (" + where + ")", "ent_num", "duplicate entry number");
      continue;
    }
    model::WatchlistEntry e;
    e.entry_id = id;
    e.list = std::string(kOfacListName);
    const std::string type = OfacField((*row)[2]);
    e.category = type.empty() ? "entity" : type;
    if (type != "" && type != "individual" && type != "vessel" && type != "aircraft") {
      r.Drop(id, "SDN_Type", "unknown type, kept as written");
    }
    const bool individual = e.category == "individual";
    std::string name = OfacField((*row)[1]);
    if (name.empty()) {
      r.Skip(id + " (" + where + ")", "SDN_Name", "empty name");
      continue;
    }
    e.names.push_back(MakeName(std::move(name), model::NameKind::kPrimary, individual));
    RemarkFacts facts = ParseOfacRemarks(OfacField((*row)[11]));
    for (auto& a : facts.weak_aliases) {
      e.names.push_back(MakeName(std::move(a), model::NameKind::kWeakAlias, individual));
    }
    e.dates_of_birth = std::move(facts.dates_of_birth);
    e.documents = std::move(facts.documents);
    e.nationalities = std::move(facts.nationalities);
    e.sex = std::move(facts.sex);
    for (const auto& what : facts.unreadable) {
      r.Drop(id, "Remarks", "unreadable '" + what + "' item");
    }
    by_num.emplace(ent_num, r.entries.size());
    r.entries.push_back(std::move(e));
  }
  if (rows > 0 && r.entries.empty() && r.skipped_entries() == 0) {
    r.status = absl::InvalidArgumentError(std::string(source) +
                                          ": not an OFAC sdn.csv (no 12-column rows)");
    return r;
  }

  CsvReader alt_csv(alt);
  while (auto row = alt_csv.Next()) {
    const std::string where = Where("alt.csv", alt_csv.line());
    if (row->size() != kAltColumns) {
      r.Drop(where, "", "expected 5 columns, found " + std::to_string(row->size()));
      continue;
    }
    auto it = by_num.find(OfacField((*row)[0]));
    if (it == by_num.end()) {
      r.Drop(where, "ent_num", "no such entry in sdn.csv");
      continue;
    }
    model::WatchlistEntry& e = r.entries[it->second];
    const std::string alt_type = OfacField((*row)[2]);
    std::string name = OfacField((*row)[3]);
    if (name.empty()) {
      r.Drop(e.entry_id + " (" + where + ")", "alt_name", "empty name");
      continue;
    }
    if (alt_type != "aka" && alt_type != "fka" && alt_type != "nka") {
      r.Drop(e.entry_id + " (" + where + ")", "alt_type", "unknown type, treated as aka");
    }
    e.names.push_back(
        MakeName(std::move(name), model::NameKind::kAlias, e.category == "individual"));
  }

  CsvReader add_csv(add);
  while (auto row = add_csv.Next()) {
    const std::string where = Where("add.csv", add_csv.line());
    if (row->size() != kAddColumns) {
      r.Drop(where, "", "expected 6 columns, found " + std::to_string(row->size()));
      continue;
    }
    auto it = by_num.find(OfacField((*row)[0]));
    if (it == by_num.end()) {
      r.Drop(where, "ent_num", "no such entry in sdn.csv");
      continue;
    }
    std::string country = CollapseSpaces(OfacField((*row)[4]));
    if (country.empty()) continue;
    std::string_view code = CountryToAlpha3(country);
    std::string v = code.empty() ? country : std::string(code);
    auto& list = r.entries[it->second].address_countries;
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(std::move(v));
  }
  r.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

ImportResult ImportOfacFiles(const std::string& sdn_path) {
  const auto start = std::chrono::steady_clock::now();
  auto sdn = ReadFileToString(sdn_path);
  if (!sdn.ok()) {
    ImportResult r;
    r.source = sdn_path;
    r.format = "ofac-csv";
    r.list = std::string(kOfacListName);
    r.status = sdn.status();
    return r;
  }
  const std::filesystem::path dir = std::filesystem::path(sdn_path).parent_path();
  auto read_beside = [&](std::initializer_list<const char*> names, std::string* used) {
    for (const char* n : names) {
      const std::filesystem::path p = dir / n;
      std::error_code ec;
      if (std::filesystem::is_regular_file(p, ec)) {
        auto text = ReadFileToString(p.string());
        if (text.ok()) {
          *used = p.string();
          return std::move(*text);
        }
      }
    }
    return std::string();
  };
  std::string alt_path, add_path;
  const std::string alt = read_beside({"alt.csv", "ALT.CSV"}, &alt_path);
  const std::string add = read_beside({"add.csv", "ADD.CSV"}, &add_path);
  ImportResult r = ImportOfacCsv(*sdn, alt, add, sdn_path);
  if (!alt_path.empty()) r.source += " + " + alt_path;
  if (!add_path.empty()) r.source += " + " + add_path;
  r.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace paxscreen::watchlist
