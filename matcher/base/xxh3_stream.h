// Streaming XXH3-64 over several pieces, owning xxHash's state (the only place it is held).
//
//   Xxh3Stream h;  h.Update("entry-1");  h.Update("MUHAMMAD");
//   uint64_t digest = h.Digest();
#pragma once

#include <cstdint>
#include <string_view>

#include "xxhash.h"

namespace paxscreen {

// Owns one XXH3_state_t; not copyable; one thread at a time.
class Xxh3Stream {
 public:
  Xxh3Stream() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~Xxh3Stream() { XXH3_freeState(state_); }
  Xxh3Stream(const Xxh3Stream&) = delete;
  Xxh3Stream& operator=(const Xxh3Stream&) = delete;

  void Update(std::string_view bytes) { XXH3_64bits_update(state_, bytes.data(), bytes.size()); }
  uint64_t Digest() const { return XXH3_64bits_digest(state_); }

 private:
  XXH3_state_t* state_;
};

}  // namespace paxscreen
