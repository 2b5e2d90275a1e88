// Walker cost per entry: WalkFolder over a tree, stats batched through io_uring (StatBatch) against
// one statx() per entry (NGB_NO_IO_URING), in alternating rounds. Reports process CPU time (all
// threads, including io_uring's kernel workers, which run statx) per entry, and wall time.
//   walk_bench DIR [ROUNDS]      (e.g. the small corpus: /tmp/ngb-bench/corpus-small)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "source/folder_walker.h"

namespace {

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: walk_bench DIR [ROUNDS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> cpu[2], wall[2];
  size_t entries = 0;
  for (int r = 0; r < rounds; ++r) {
    for (int mode = 0; mode < 2; ++mode) {
      if (mode == 1) setenv("NGB_NO_IO_URING", "1", 1);
      else unsetenv("NGB_NO_IO_URING");
      size_t n = 0;
      const double c0 = CpuSeconds();
      const auto t0 = std::chrono::steady_clock::now();
      ngb::source::WalkFolder(dir, "ev", [&](ngb::source::WalkEntry&&) {
        ++n;
        return true;
      });
      wall[mode].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      cpu[mode].push_back(CpuSeconds() - c0);
      entries = n;
    }
  }
  const char* names[2] = {"batched (io_uring statx)", "one statx() per entry"};
  std::printf("entries: %zu, rounds: %d (medians)\n", entries, rounds);
  for (int mode = 0; mode < 2; ++mode) {
    std::printf("%-26s cpu %.3f s (%.2f us/entry)  wall %.3f s\n", names[mode], Median(cpu[mode]),
                1e6 * Median(cpu[mode]) / static_cast<double>(entries), Median(wall[mode]));
  }
  std::printf("cpu ratio batched/per-entry: %.2f\n", Median(cpu[0]) / Median(cpu[1]));
  return 0;
}
