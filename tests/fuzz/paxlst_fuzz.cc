// libFuzzer target: the PAXLST decoder (and format detection) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/edifact/decode.h"
#include "pipeline/edifact/paxlst.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)paxscreen::edifact::DetectFormat(input);
  auto result = paxscreen::edifact::DecodePaxlst(input);
  if (result.ok()) {
    for (const auto& r : result->records) {
      if (r.record_id.empty()) __builtin_trap();  // every record must carry an id
    }
  }
  return 0;
}
