// CPU time of the process (all threads) and of the calling thread, in seconds. On a machine whose
// cores other jobs share, they are the per-core figures that wall clock is not.
//
//   const double t0 = ThreadCpuSeconds();
//   Work();
//   const double per_core_s = ThreadCpuSeconds() - t0;
#pragma once

#include <time.h>

namespace paxscreen {

inline double CpuSecondsOf(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

inline double ProcessCpuSeconds() { return CpuSecondsOf(CLOCK_PROCESS_CPUTIME_ID); }
inline double ThreadCpuSeconds() { return CpuSecondsOf(CLOCK_THREAD_CPUTIME_ID); }

}  // namespace paxscreen
