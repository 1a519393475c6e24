#include "matcher/normalize/utf8.h"

#include <cstdint>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace paxscreen::normalize {
namespace {

absl::Status Bad(std::size_t offset, const char* what, unsigned char byte) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "invalid UTF-8 at byte offset %d: %s (byte 0x%02X)", offset, what, byte));
}

}  // namespace

bool IsAscii(std::string_view bytes) {
  std::size_t i = 0;
  // Eight bytes at a time: any high bit set means non-ASCII.
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) return false;
  }
  return true;
}

absl::Status ValidateUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    int len;
    char32_t cp;
    if (b >= 0x80 && b < 0xC0) return Bad(i, "unexpected continuation byte", b);
    if (b == 0xC0 || b == 0xC1) return Bad(i, "overlong encoding", b);
    if (b < 0xE0) {
      len = 2;
      cp = b & 0x1F;
    } else if (b < 0xF0) {
      len = 3;
      cp = b & 0x0F;
    } else if (b < 0xF5) {
      len = 4;
      cp = b & 0x07;
    } else {
      return Bad(i, "invalid lead byte", b);
    }
    for (int k = 1; k < len; ++k) {
      if (i + k >= n) return Bad(i, "truncated sequence at end of input", b);
      const unsigned char c = s[i + k];
      if ((c & 0xC0) != 0x80) return Bad(i, "truncated sequence", b);
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) {
      return Bad(i, "overlong encoding", b);
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return Bad(i, "surrogate code point", b);
    if (cp > 0x10FFFF) return Bad(i, "code point above U+10FFFF", b);
    i += len;
  }
  return absl::OkStatus();
}

}  // namespace paxscreen::normalize
