#include "pipeline/service/worker_pool.h"

namespace paxscreen::service {

WorkerPool::WorkerPool(int threads, Fn fn) : fn_(std::move(fn)) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Submit(std::shared_ptr<RecordSlot> slot) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(slot));
  }
  work_cv_.notify_one();
}

size_t WorkerPool::DropQueued() {
  std::lock_guard<std::mutex> lock(mu_);
  size_t n = queue_.size();
  queue_.clear();
  return n;
}

uint64_t WorkerPool::completions() const {
  std::lock_guard<std::mutex> lock(mu_);
  return completed_;
}

void WorkerPool::WaitForCompletion(uint64_t seen, int timeout_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                    [&] { return completed_ != seen || stop_; });
}

bool WorkerPool::WaitIdle(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return done_cv_.wait_until(lock, deadline, [&] { return queue_.empty() && running_ == 0; });
}

void WorkerPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  work_cv_.notify_all();
  done_cv_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void WorkerPool::Run() {
  for (;;) {
    std::shared_ptr<RecordSlot> slot;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      slot = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    fn_(*slot);
    slot->done.store(true, std::memory_order_release);
    {
      std::lock_guard<std::mutex> lock(mu_);
      --running_;
      ++completed_;
    }
    done_cv_.notify_all();
  }
}

}  // namespace paxscreen::service
