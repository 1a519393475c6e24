// libFuzzer target: the EDIFACT tokenizer on arbitrary bytes, reading every element and
// component of every segment (bounds, release-character handling, UNA parsing). Walks each
// segment with RawElements/SplitComponents (one scan each) and spot-checks the indexed
// accessors, which must agree.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/edifact/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  paxscreen::edifact::Tokenizer tokenizer(input);
  size_t total = 0;
  for (paxscreen::edifact::Segment seg; tokenizer.Next(&seg);) {
    auto elements = seg.RawElements();
    if (elements.size() != seg.ElementCount()) __builtin_trap();
    for (size_t e = 0; e < elements.size(); ++e) {
      auto components = seg.SplitComponents(elements[e]);
      for (const auto& c : components) total += seg.Unescape(c).size();
      if (e < 4 && !components.empty() && seg.RawComponent(e, 0) != components[0]) {
        __builtin_trap();
      }
    }
    total += seg.TextFrom(0, 1).size();
    total += paxscreen::edifact::SafeTag(seg.tag()).size();
  }
  total += tokenizer.status().message().size();
  return total == static_cast<size_t>(-1) ? 1 : 0;
}
