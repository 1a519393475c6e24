// Resident memory of this process, for the scale benchmarks (screen_bench,
// screen_parts_bench): now, from /proc/self/statm, and the peak, from getrusage.
#pragma once

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>

namespace paxscreen::bench {

inline double RssMb() {
  std::ifstream f("/proc/self/statm");
  long pages = 0, resident = 0;
  f >> pages >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

inline double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace paxscreen::bench
