// Running a loop body on a few threads: for index builds and batch screening.
//
//   ParallelFor(items.size(), 4, [&](size_t i) { results[i] = Work(items[i]); });
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace paxscreen {

// Calls fn(i) for every i in [0, n) on up to `threads` threads (the caller's own thread is one
// of them), handing out indices one at a time, and returns when all calls have returned. fn
// must be safe to call concurrently for different i.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  if (threads == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

}  // namespace paxscreen
