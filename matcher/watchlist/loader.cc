#include "matcher/watchlist/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "matcher/watchlist/csv.h"
#include "matcher/watchlist/ofac_csv.h"
#include "matcher/watchlist/text.h"
#include "matcher/watchlist/un_xml.h"

namespace paxscreen::watchlist {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ReadHead(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

ImportResult Failed(const std::string& path, absl::Status status) {
  ImportResult r;
  r.source = path;
  r.status = std::move(status);
  return r;
}

}  // namespace

std::string_view FormatName(WatchlistFormat f) {
  switch (f) {
    case WatchlistFormat::kUnXml: return "un-xml";
    case WatchlistFormat::kOfacCsv: return "ofac-csv";
    case WatchlistFormat::kOfacAuxiliary: return "ofac-aux-csv";
    case WatchlistFormat::kNdjson: return "ndjson";
    case WatchlistFormat::kUnknown: break;
  }
  return "unknown";
}

WatchlistFormat DetectFormat(const std::string& path, std::string_view head) {
  const std::string base = Lower(std::filesystem::path(path).filename().string());
  if (base == "alt.csv" || base == "add.csv") return WatchlistFormat::kOfacAuxiliary;
  std::string_view h = head;
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);  // UTF-8 byte order mark
  h = Trim(h);
  if (!h.empty() && h[0] == '<') {
    return h.find("CONSOLIDATED_LIST") != std::string_view::npos || EndsWith(base, ".xml")
               ? WatchlistFormat::kUnXml
               : WatchlistFormat::kUnknown;
  }
  if (!h.empty() && h[0] == '{') return WatchlistFormat::kNdjson;
  if (base == "sdn.csv") return WatchlistFormat::kOfacCsv;
  if (EndsWith(base, ".csv")) {
    CsvReader csv(h);
    auto row = csv.Next();
    if (row && row->size() == 12) return WatchlistFormat::kOfacCsv;
    return WatchlistFormat::kUnknown;
  }
  if (EndsWith(base, ".ndjson") || EndsWith(base, ".jsonl") || EndsWith(base, ".json")) {
    return WatchlistFormat::kNdjson;
  }
  if (EndsWith(base, ".xml")) return WatchlistFormat::kUnXml;
  return WatchlistFormat::kUnknown;
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(path + ": is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    if (err == ENOENT) return absl::NotFoundError(path + ": no such file");
    return absl::PermissionDeniedError(path + ": cannot open (" + std::strerror(err) + ")");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return absl::DataLossError(path + ": read error");
  return ss.str();
}

std::vector<ImportResult> LoadWatchlists(const std::vector<std::string>& paths,
                                         const LoadOptions& options) {
  std::vector<ImportResult> out;
  std::vector<std::string> sdn_dirs;  // folders whose sdn.csv is loaded (or will be)
  for (const auto& p : paths) {
    std::error_code ec;
    std::string path = p;
    if (std::filesystem::is_directory(path, ec)) {
      if (std::filesystem::is_regular_file(std::filesystem::path(path) / "sdn.csv", ec)) {
        path = (std::filesystem::path(path) / "sdn.csv").string();
      }
    }
    if (DetectFormat(path, ReadHead(path, 4096)) == WatchlistFormat::kOfacCsv) {
      sdn_dirs.push_back(std::filesystem::path(path).parent_path().string());
    }
  }
  for (const auto& p : paths) {
    std::error_code ec;
    std::string path = p;
    if (std::filesystem::is_directory(path, ec)) {
      const auto sdn = std::filesystem::path(path) / "sdn.csv";
      if (!std::filesystem::is_regular_file(sdn, ec)) {
        out.push_back(Failed(p, absl::InvalidArgumentError(p + ": a folder without sdn.csv")));
        continue;
      }
      path = sdn.string();
    }
    if (!std::filesystem::exists(path, ec)) {
      out.push_back(Failed(p, absl::NotFoundError(p + ": no such file")));
      continue;
    }
    const WatchlistFormat format = DetectFormat(path, ReadHead(path, 4096));
    switch (format) {
      case WatchlistFormat::kUnXml:
        out.push_back(ImportUnXmlFile(path));
        break;
      case WatchlistFormat::kOfacCsv:
        out.push_back(ImportOfacFiles(path));
        break;
      case WatchlistFormat::kOfacAuxiliary: {
        const std::string dir = std::filesystem::path(path).parent_path().string();
        if (std::find(sdn_dirs.begin(), sdn_dirs.end(), dir) == sdn_dirs.end()) {
          out.push_back(Failed(p, absl::InvalidArgumentError(
                                      p + ": alt.csv/add.csv only add to an sdn.csv; give the "
                                          "sdn.csv beside it (or its folder)")));
        }
        break;  // loaded together with its sdn.csv
      }
      case WatchlistFormat::kNdjson:
        if (options.ndjson_reader) {
          out.push_back(options.ndjson_reader(path));
        } else {
          out.push_back(Failed(p, absl::UnimplementedError(
                                      p + ": NDJSON watchlists need the codec module's reader")));
        }
        break;
      case WatchlistFormat::kUnknown:
        out.push_back(Failed(
            p, absl::InvalidArgumentError(
                   p + ": unknown watchlist format (expected UN XML, OFAC sdn.csv or NDJSON)")));
        break;
    }
  }
  return out;
}

}  // namespace paxscreen::watchlist
