#include "pipeline/codec/watchlist_json.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pipeline/codec/schema_validator.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace paxscreen::codec {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

absl::string_view A(std::string_view s) { return absl::string_view(s.data(), s.size()); }

void Str(JsonWriter& w, const char* key, const std::string& value, bool skip_empty = true) {
  if (skip_empty && value.empty()) return;
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void StrArray(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  w.Key(key);
  w.StartArray();
  for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}

std::string GetString(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// Local copies of the kind names: codec uses only watchlist.h's plain structs, so it needs no
// link dependency on the watchlist library.
const char* KindName(model::NameKind k) {
  switch (k) {
    case model::NameKind::kPrimary: return "primary";
    case model::NameKind::kAlias: return "alias";
    case model::NameKind::kWeakAlias: return "weak_alias";
  }
  return "primary";
}

model::NameKind KindFromName(const std::string& s) {
  if (s == "alias") return model::NameKind::kAlias;
  if (s == "weak_alias") return model::NameKind::kWeakAlias;
  return model::NameKind::kPrimary;  // the schema admits only these three
}

std::string EntryWhere(const std::string& entry_id, std::string_view where) {
  if (!entry_id.empty()) return absl::StrCat("entry \"", entry_id, "\"");
  return std::string(where.empty() ? "entry" : where);
}

}  // namespace

absl::StatusOr<model::DateOfBirth> ParseEdtfDate(std::string_view s) {
  model::DateOfBirth d;
  std::string_view t = s;
  if (!t.empty() && t.back() == '~') {
    d.approximate = true;
    t.remove_suffix(1);
  }
  bool ok = t.size() >= 4 && ParseDigits(t.substr(0, 4), &d.year);
  if (ok && t.size() == 9 && t[4] == '/') {
    ok = ParseDigits(t.substr(5, 4), &d.year_to) && d.year_to >= d.year;
    if (d.year_to == d.year) d.year_to = 0;
  } else if (ok && t.size() >= 7) {
    ok = t[4] == '-' && ParseDigits(t.substr(5, 2), &d.month) && d.month >= 1 && d.month <= 12;
    if (ok && t.size() == 10) {
      ok = t[7] == '-' && ParseDigits(t.substr(8, 2), &d.day) && d.day >= 1 && d.day <= 31;
    } else if (ok) {
      ok = t.size() == 7;
    }
  } else if (ok) {
    ok = t.size() == 4;
  }
  if (!ok) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY (optionally ~): \"", A(s), "\""));
  }
  return d;
}

std::string FormatEdtfDate(const model::DateOfBirth& d) {
  std::string out;
  if (d.year_to > d.year) {
    out = absl::StrFormat("%04d/%04d", d.year, d.year_to);
  } else if (d.day != 0) {
    out = absl::StrFormat("%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month != 0) {
    out = absl::StrFormat("%04d-%02d", d.year, d.month);
  } else {
    out = absl::StrFormat("%04d", d.year);
  }
  if (d.approximate) out.push_back('~');
  return out;
}

std::string EncodeWatchlistEntry(const model::WatchlistEntry& e) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  Str(w, "entry_id", e.entry_id, false);
  Str(w, "list", e.list, false);
  Str(w, "category", e.category);
  if (e.op == model::EntryOp::kDelete) Str(w, "op", "delete");
  w.Key("names");
  w.StartArray();
  for (const auto& n : e.names) {
    w.StartObject();
    Str(w, "full", n.full, false);
    Str(w, "surname", n.surname);
    Str(w, "given_names", n.given_names);
    Str(w, "script", n.script);
    Str(w, "kind", KindName(n.kind), false);
    w.EndObject();
  }
  w.EndArray();
  if (!e.dates_of_birth.empty()) {
    w.Key("dates_of_birth");
    w.StartArray();
    for (const auto& d : e.dates_of_birth) {
      const std::string s = FormatEdtfDate(d);
      w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    }
    w.EndArray();
  }
  StrArray(w, "nationalities", e.nationalities);
  Str(w, "sex", e.sex);
  if (!e.documents.empty()) {
    w.Key("documents");
    w.StartArray();
    for (const auto& d : e.documents) {
      w.StartObject();
      Str(w, "type", d.type);
      Str(w, "number", d.number, false);
      Str(w, "issuing_state", d.issuing_state);
      w.EndObject();
    }
    w.EndArray();
  }
  StrArray(w, "address_countries", e.address_countries);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

absl::StatusOr<model::WatchlistEntry> DecodeWatchlistEntry(std::string_view json,
                                                           std::string_view where) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return absl::InvalidArgumentError(absl::StrCat(
        EntryWhere("", where), ": not JSON: ", rapidjson::GetParseError_En(doc.GetParseError()),
        " at byte ", doc.GetErrorOffset()));
  }
  const std::string id = doc.IsObject() ? GetString(doc, "entry_id") : "";
  if (absl::Status st = ValidateJson(Schema::kWatchlistEntry, doc, id.empty() ? where : id);
      !st.ok()) {
    return st;
  }
  model::WatchlistEntry e;
  e.entry_id = id;
  e.list = GetString(doc, "list");
  e.category = GetString(doc, "category");
  e.sex = GetString(doc, "sex");
  e.op = GetString(doc, "op") == "delete" ? model::EntryOp::kDelete : model::EntryOp::kUpsert;
  if (auto it = doc.FindMember("names"); it != doc.MemberEnd()) {
    for (const auto& n : it->value.GetArray()) {
      model::EntryName name;
      name.full = GetString(n, "full");
      name.surname = GetString(n, "surname");
      name.given_names = GetString(n, "given_names");
      name.script = GetString(n, "script");
      name.kind = KindFromName(GetString(n, "kind"));
      e.names.push_back(std::move(name));
    }
  }
  if (auto it = doc.FindMember("dates_of_birth"); it != doc.MemberEnd()) {
    rapidjson::SizeType i = 0;
    for (const auto& d : it->value.GetArray()) {
      auto parsed = ParseEdtfDate(std::string_view(d.GetString(), d.GetStringLength()));
      if (!parsed.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(EntryWhere(id, where), ": /dates_of_birth/",
                                                       i, ": ", parsed.status().message()));
      }
      e.dates_of_birth.push_back(*parsed);
      ++i;
    }
  }
  auto strings = [&](const char* key, std::vector<std::string>* out) {
    if (auto it = doc.FindMember(key); it != doc.MemberEnd()) {
      for (const auto& s : it->value.GetArray()) out->emplace_back(s.GetString(), s.GetStringLength());
    }
  };
  strings("nationalities", &e.nationalities);
  strings("address_countries", &e.address_countries);
  if (auto it = doc.FindMember("documents"); it != doc.MemberEnd()) {
    for (const auto& d : it->value.GetArray()) {
      e.documents.push_back({GetString(d, "type"), GetString(d, "number"), GetString(d, "issuing_state")});
    }
  }
  return e;
}

watchlist::ImportResult ImportWatchlistNdjson(std::string_view text, std::string_view source) {
  const auto start = std::chrono::steady_clock::now();
  watchlist::ImportResult r;
  r.source = std::string(source);
  r.format = "ndjson";
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = absl::StrCat(A(source), ":", line_no);
    auto entry = DecodeWatchlistEntry(line, where);
    if (!entry.ok()) {
      r.issues.push_back({watchlist::ImportIssue::Severity::kSkippedEntry, where, "",
                          std::string(entry.status().message())});
      continue;
    }
    r.entries.push_back(*std::move(entry));
  }
  r.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

watchlist::ImportResult ImportWatchlistNdjsonFile(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    watchlist::ImportResult r;
    r.source = path;
    r.format = "ndjson";
    r.status = absl::NotFoundError(path + ": cannot open");
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  watchlist::ImportResult r = ImportWatchlistNdjson(ss.str(), path);
  r.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace paxscreen::codec
