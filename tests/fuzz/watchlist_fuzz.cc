// libFuzzer target: the watchlist importers on arbitrary bytes. The first byte picks the format:
// 0 the UN consolidated list XML, 1 OFAC's CSV files (sdn, alt and add, split at the first two
// 0x1E record separators), 2 one paxscreen NDJSON entry (schema-validated JSON).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "matcher/watchlist/ofac_csv.h"
#include "matcher/watchlist/un_xml.h"
#include "pipeline/codec/watchlist_json.h"

namespace {

void Check(const paxscreen::watchlist::ImportResult& r) {
  for (const auto& e : r.entries) {
    if (e.entry_id.empty()) __builtin_trap();  // an imported entry always has its id
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      Check(paxscreen::watchlist::ImportUnXml(input));
      break;
    case 1: {
      std::string_view parts[3];
      for (int k = 0; k < 2; ++k) {
        const size_t cut = input.find('\x1e');
        parts[k] = input.substr(0, cut);
        input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
      }
      parts[2] = input;
      Check(paxscreen::watchlist::ImportOfacCsv(parts[0], parts[1], parts[2]));
      break;
    }
    default:
      (void)paxscreen::codec::DecodeWatchlistEntry(input, "fuzz");
      break;
  }
  return 0;
}
