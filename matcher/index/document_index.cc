#include "matcher/index/document_index.h"

#include <algorithm>
#include <thread>

#include "xxhash.h"

namespace paxscreen::index {
namespace {

constexpr int kPackedChars = 10;  // 6 bits per character, first character highest
constexpr uint64_t kGroupLowBits = 0x041041041041041ull;  // bit 0 of each of the 10 groups

int CharCode(char c) {
  if (c >= '0' && c <= '9') return 1 + (c - '0');
  if (c >= 'A' && c <= 'Z') return 11 + (c - 'A');
  return 0;
}

char CodeChar(int code) {
  return code <= 10 ? static_cast<char>('0' + code - 1) : static_cast<char>('A' + code - 11);
}

// Exact packing of a normalized number of at most kPackedChars characters; code 0 pads, so
// equal keys mean equal numbers.
uint64_t Pack(std::string_view s) {
  uint64_t v = 0;
  for (int i = 0; i < kPackedChars; ++i) {
    v = (v << 6) | (i < static_cast<int>(s.size()) ? CharCode(s[i]) : 0);
  }
  return v;
}

// One bit (the low bit of the group) for each 6-bit group of `v` that is not zero.
uint64_t NonZeroGroups(uint64_t v) {
  v |= v >> 1;  // bit i now holds bits i..i+1
  v |= v >> 2;  // i..i+3
  v |= v >> 2;  // i..i+5: exactly its own group when i is a group's low bit
  return v & kGroupLowBits;
}

// Writes the number packed in `v` to `buf`; returns its length.
int Unpack(uint64_t v, char* buf) {
  int n = 0;
  for (int i = 0; i < kPackedChars; ++i) {
    int code = static_cast<int>((v >> (6 * (kPackedChars - 1 - i))) & 63);
    if (code == 0) break;
    buf[n++] = CodeChar(code);
  }
  return n;
}

// A bijective 64-bit mixer (the MurmurHash3 finalizer): rows are ordered by Mix(key), so the
// top bits of the mixed key spread rows evenly over the directory buckets.
uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

// Directory bits for n rows: about four rows a bucket, at least one bit.
int DirectoryBits(size_t n) {
  int bits = 1;
  while (bits < 32 && (size_t{1} << (bits + 2)) < n) ++bits;
  return bits;
}

// offsets[b] = first position whose top `bits` of hash_of(position) are >= b.
template <typename HashAt>
std::vector<uint32_t> BuildDirectory(size_t n, int bits, HashAt hash_of) {
  std::vector<uint32_t> dir((size_t{1} << bits) + 1);
  size_t pos = 0;
  for (size_t b = 0; b < (size_t{1} << bits); ++b) {
    dir[b] = static_cast<uint32_t>(pos);
    while (pos < n && (hash_of(pos) >> (64 - bits)) == b) ++pos;
  }
  dir.back() = static_cast<uint32_t>(n);
  return dir;
}

constexpr int kHalfChars = kPackedChars / 2;

// Exact packing of one half (<= 5 characters) in 30 bits, first character highest.
uint64_t PackHalf(std::string_view s) {
  uint64_t v = 0;
  for (int i = 0; i < kHalfChars; ++i) {
    v = (v << 6) | (i < static_cast<int>(s.size()) ? CharCode(s[i]) : 0);
  }
  return v;
}

std::string_view Half(std::string_view s, int half) {
  size_t mid = s.size() / 2;
  return half == 0 ? s.substr(0, mid) : s.substr(mid);
}

// 32-bit key of one half of a number; the length and the side are in the seed so halves of
// numbers of other lengths do not collide by construction.
uint32_t HalfKey(std::string_view s, int half) {
  std::string_view part = Half(s, half);
  return static_cast<uint32_t>(XXH3_64bits_withSeed(part.data(), part.size(), s.size() * 2 + half));
}

// -1 when a and b (same length) are equal, the position of the single difference when there
// is exactly one, -2 otherwise.
int SingleSubstitution(std::string_view a, std::string_view b) {
  int pos = -1;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      if (pos >= 0) return -2;
      pos = static_cast<int>(i);
    }
  }
  return pos;
}

}  // namespace

std::string NormalizeDocumentNumber(std::string_view number) {
  std::string out;
  out.reserve(number.size());
  for (char c : number) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

uint16_t PackIssuingState(std::string_view alpha3) {
  if (alpha3.size() != 3) return 0;
  uint16_t v = 0;
  for (char c : alpha3) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return 0;
    v = static_cast<uint16_t>(v * 27 + (c - 'A' + 1));
  }
  return v;
}

std::string UnpackIssuingState(uint16_t packed) {
  if (packed == 0) return "";
  std::string s(3, ' ');
  for (int i = 2; i >= 0; --i) {
    s[i] = static_cast<char>('A' + packed % 27 - 1);
    packed /= 27;
  }
  return s;
}

bool DocumentIndex::Builder::Add(std::string_view number, std::string_view issuing_state,
                                 uint32_t payload) {
  std::string n = NormalizeDocumentNumber(number);
  if (n.empty()) return false;
  uint16_t state = PackIssuingState(issuing_state);
  if (n.size() <= kPackedChars) {
    rows_.push_back({Pack(n), payload, state});
  } else {
    long_rows_.push_back({std::move(n), payload, state});
  }
  return true;
}

DocumentIndex DocumentIndex::Builder::Build(int threads) && {
  DocumentIndex idx;
  std::sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
    uint64_t ma = Mix(a.key), mb = Mix(b.key);
    return ma != mb ? ma < mb : a.payload < b.payload;
  });
  const size_t n = rows_.size();
  idx.keys_.resize(n);
  idx.payload_.resize(n);
  idx.states_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    idx.keys_[i] = rows_[i].key;
    idx.payload_[i] = rows_[i].payload;
    idx.states_[i] = rows_[i].state;
  }
  std::vector<Row>().swap(rows_);
  idx.bits_ = DirectoryBits(n);
  idx.key_dir_ = BuildDirectory(n, idx.bits_, [&idx](size_t i) { return Mix(idx.keys_[i]); });

  // halves_[h] entry: the h-th half's key (high 32 bits) and the other half packed exactly
  // (low 30 bits). Equal numbers give equal entries, so duplicates are dropped.
  auto build_half = [&idx, n](int half) {
    std::vector<uint64_t>& h = idx.halves_[half];
    h.resize(n);
    char buf[kPackedChars];
    for (size_t i = 0; i < n; ++i) {
      std::string_view s(buf, Unpack(idx.keys_[i], buf));
      h[i] = (static_cast<uint64_t>(HalfKey(s, half)) << 32) | PackHalf(Half(s, 1 - half));
    }
    std::sort(h.begin(), h.end());
    h.erase(std::unique(h.begin(), h.end()), h.end());
    h.shrink_to_fit();
    idx.half_dir_[half] = BuildDirectory(h.size(), idx.bits_, [&h](size_t i) { return h[i]; });
  };
  if (threads > 1) {
    std::thread t([&] { build_half(1); });
    build_half(0);
    t.join();
  } else {
    build_half(0);
    build_half(1);
  }

  idx.long_rows_ = std::move(long_rows_);
  for (uint32_t r = 0; r < idx.long_rows_.size(); ++r) {
    const std::string& s = idx.long_rows_[r].number;
    idx.long_exact_[s].push_back(r);
    for (int half = 0; half < 2; ++half) {
      idx.long_halves_[(static_cast<uint64_t>(half) << 32) | HalfKey(s, half)].push_back(r);
    }
  }
  return idx;
}

void DocumentIndex::Lookup(std::string_view number, bool allow_substitution,
                           std::vector<Hit>* out) const {
  std::string n = NormalizeDocumentNumber(number);
  if (n.empty()) return;
  if (n.size() > kPackedChars) {
    LookupLong(n, allow_substitution, out);
    return;
  }
  if (keys_.empty()) return;
  const uint64_t query = Pack(n);
  const size_t bucket = Mix(query) >> (64 - bits_);
  for (size_t row = key_dir_[bucket]; row < key_dir_[bucket + 1]; ++row) {
    if (keys_[row] == query) out->push_back({payload_[row], states_[row], -1});
  }
  if (!allow_substitution) return;
  for (int half = 0; half < 2; ++half) {
    const std::vector<uint64_t>& h = halves_[half];
    const uint64_t half_key = HalfKey(n, half);
    const uint64_t other = PackHalf(Half(n, 1 - half));
    const int other_start = half == 0 ? static_cast<int>(n.size() / 2) : 0;
    const size_t b = half_key >> (32 - bits_);
    for (size_t i = half_dir_[half][b]; i < half_dir_[half][b + 1]; ++i) {
      if ((h[i] >> 32) != half_key) continue;
      // The same half and total length: the other halves have equal lengths, so one
      // differing 6-bit group is exactly one substituted character.
      uint64_t diff = NonZeroGroups((h[i] & 0x3fffffffu) ^ other);
      if (diff == 0 || (diff & (diff - 1)) != 0) continue;
      int group = kHalfChars - 1 - __builtin_ctzll(diff) / 6;
      int pos = other_start + group;
      std::string neighbour(n);
      neighbour[pos] = CodeChar(static_cast<int>((h[i] >> (6 * (kHalfChars - 1 - group))) & 63));
      const uint64_t key = Pack(neighbour);
      const size_t kb = Mix(key) >> (64 - bits_);
      for (size_t row = key_dir_[kb]; row < key_dir_[kb + 1]; ++row) {
        if (keys_[row] == key) out->push_back({payload_[row], states_[row], pos});
      }
    }
  }
}

void DocumentIndex::LookupLong(std::string_view n, bool allow_substitution,
                               std::vector<Hit>* out) const {
  if (auto it = long_exact_.find(std::string(n)); it != long_exact_.end()) {
    for (uint32_t r : it->second) out->push_back({long_rows_[r].payload, long_rows_[r].state, -1});
  }
  if (!allow_substitution) return;
  for (int half = 0; half < 2; ++half) {
    auto it = long_halves_.find((static_cast<uint64_t>(half) << 32) | HalfKey(n, half));
    if (it == long_halves_.end()) continue;
    for (uint32_t r : it->second) {
      const std::string& s = long_rows_[r].number;
      if (s.size() != n.size()) continue;
      int pos = SingleSubstitution(n, s);
      if (pos < 0) continue;
      bool diff_in_first = pos < static_cast<int>(n.size() / 2);
      if (diff_in_first != (half == 1)) continue;
      out->push_back({long_rows_[r].payload, long_rows_[r].state, pos});
    }
  }
}

size_t DocumentIndex::MemoryBytes() const {
  size_t bytes = keys_.capacity() * sizeof(uint64_t) + payload_.capacity() * sizeof(uint32_t) +
                 (key_dir_.capacity() + half_dir_[0].capacity() + half_dir_[1].capacity()) *
                     sizeof(uint32_t) +
                 states_.capacity() * sizeof(uint16_t) +
                 (halves_[0].capacity() + halves_[1].capacity()) * sizeof(uint64_t);
  for (const LongRow& r : long_rows_) bytes += sizeof(LongRow) + r.number.capacity();
  bytes += (long_exact_.size() + long_halves_.size()) * 64;  // map slots and small vectors
  return bytes;
}

}  // namespace paxscreen::index
