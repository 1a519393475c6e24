// A slot holding the current immutable snapshot of something (a shard), replaced atomically.
//
//   SnapshotSlot<Shard> slot;  slot.Store(Shard::Build(...));
//   std::shared_ptr<const Shard> s = slot.Load();   // stays valid while held
#pragma once

#include <memory>
#include <mutex>
#include <utility>

namespace paxscreen::screen {

// Load() and Store() hold a mutex only while a pointer is copied or swapped (tens of
// nanoseconds): a reader never waits for a snapshot to be built, and a snapshot lives until
// its last reader drops it. Chosen over std::atomic<std::shared_ptr>, whose libstdc++ 12
// lock-bit implementation ThreadSanitizer cannot follow. Thread-safe.
template <typename T>
class SnapshotSlot {
 public:
  std::shared_ptr<const T> Load() const {
    std::lock_guard<std::mutex> lock(mu_);
    return current_;
  }

  void Store(std::shared_ptr<const T> next) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      current_.swap(next);
    }
    // `next` now holds the old snapshot; it is released here, outside the lock.
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const T> current_;
};

}  // namespace paxscreen::screen
