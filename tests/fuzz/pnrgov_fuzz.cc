// libFuzzer target: the PNRGOV decoder on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/edifact/pnrgov.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto result = paxscreen::edifact::DecodePnrgov(input);
  if (result.ok()) {
    for (const auto& r : result->records) {
      if (r.record_id.empty() || r.source != "PNR") __builtin_trap();
    }
  }
  return 0;
}
