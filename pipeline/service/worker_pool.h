// Worker threads that run the processor on polled records. The poller submits slots; a worker
// fills slot.outcome and sets slot.done; the poller drains them in order (PartitionTracker).
//
//   WorkerPool pool(4, [&](RecordSlot& s) { s.outcome = processor.Process(...); });
//   pool.Submit(slot); pool.WaitForCompletion(pool.completions(), 5);
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "pipeline/service/partition_tracker.h"

namespace paxscreen::service {

// Owns its threads; every method is thread-safe. A FIFO queue keeps records of one partition
// roughly in order, so the in-order drain rarely waits on a late record.
class WorkerPool {
 public:
  using Fn = std::function<void(RecordSlot&)>;
  WorkerPool(int threads, Fn fn);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::shared_ptr<RecordSlot> slot);
  // Forgets queued (not started) work, e.g. after a rewind; returns how many were dropped.
  size_t DropQueued();
  // Count of finished work items so far (monotonic).
  uint64_t completions() const;
  // Waits until completions() != seen or timeout_ms passed.
  void WaitForCompletion(uint64_t seen, int timeout_ms);
  // Waits until nothing is queued or running; false at the deadline.
  bool WaitIdle(std::chrono::steady_clock::time_point deadline);
  void Stop();

 private:
  void Run();

  Fn fn_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::shared_ptr<RecordSlot>> queue_;
  size_t running_ = 0;
  uint64_t completed_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace paxscreen::service
