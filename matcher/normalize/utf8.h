// Strict UTF-8 validation (RFC 3629 / Unicode 15 Table 3-7) with the byte offset of the first
// error, so that a bad record can be reported precisely instead of silently mangled.
//
//   absl::Status s = ValidateUtf8(bytes);   // InvalidArgumentError("invalid UTF-8 at byte 7: ...")
//   if (!s.ok()) return s;
//
// Pure functions, thread-safe, O(n).
#pragma once

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace paxscreen::normalize {

// Ok, or InvalidArgumentError naming the byte offset and the kind of error: a stray continuation
// byte, a lead byte that can never occur (C0, C1, F5..FF), a truncated sequence, an overlong
// encoding, a surrogate (U+D800..U+DFFF) or a code point above U+10FFFF.
absl::Status ValidateUtf8(std::string_view bytes);

// True when every byte is below 0x80.
bool IsAscii(std::string_view bytes);

}  // namespace paxscreen::normalize
