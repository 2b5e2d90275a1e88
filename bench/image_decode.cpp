// image_decode: JPEG decode speed of ngb::image::DecodeImage on one core, full size vs
// DCT-scaled (min_side) and luma-only, against djpeg on the same files.
//
//   build/bench/image_decode [--dir DIR] [--count 50] [--rounds 5]
//
// Makes COUNT 1024x768 JPEGs with `convert -size 1024x768 -seed N plasma:fractal -quality 85`
// in DIR (a fresh temporary folder by default, removed afterwards; an existing DIR with the
// files is reused), loads them into memory, then decodes all of them ROUNDS times per
// configuration and prints the median round as images per CPU-second (CPU time, so the figure
// holds on a busy machine; wall-clock images/s beside it). djpeg runs once per file (`djpeg
// -outfile /dev/null`), so its figure includes starting a process; the cost of starting one
// (`djpeg -version`) is measured too and taken out in the last line.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "image/decode.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<uint8_t> ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

double CpuSeconds() {  // this process and its reaped children (djpeg)
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  auto tv = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9 + tv(ru.ru_utime) + tv(ru.ru_stime);
}

struct Timing {
  double cpu, wall;  // median seconds of one round
};

// Median CPU and wall seconds of one round over all files.
template <typename F>
Timing TimeRounds(int rounds, F&& round) {
  std::vector<double> cpu, wall;
  for (int r = 0; r < rounds; ++r) {
    const auto start = Clock::now();
    const double cpu0 = CpuSeconds();
    round();
    cpu.push_back(CpuSeconds() - cpu0);
    wall.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  return {Median(cpu), Median(wall)};
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  int count = 50, rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--dir") dir = argv[i + 1];
    else if (a == "--count") count = std::atoi(argv[i + 1]);
    else if (a == "--rounds") rounds = std::atoi(argv[i + 1]);
  }
  bool remove_dir = false;
  if (dir.empty()) {
    char tmpl[] = "/tmp/ngb-image-bench-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return 2;
    dir = tmpl;
    remove_dir = true;
  }
  std::vector<fs::path> files;
  for (int i = 0; i < count; ++i) {
    const fs::path p = fs::path(dir) / ("plasma-" + std::to_string(i) + ".jpg");
    if (!fs::exists(p)) {
      const std::string cmd = "convert -size 1024x768 -seed " + std::to_string(i + 1) +
                              " plasma:fractal -quality 85 '" + p.string() + "'";
      if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "failed: %s\n", cmd.c_str());
        return 2;
      }
    }
    files.push_back(p);
  }
  std::vector<std::vector<uint8_t>> data;
  for (const auto& p : files) data.push_back(ReadFile(p));

  std::printf("%d JPEGs 1024x768 q85 (plasma), median of %d rounds, one thread\n\n", count, rounds);
  std::printf("%-36s %9s %10s %10s %8s\n", "configuration", "output", "img/CPU-s", "img/s wall", "vs full");
  struct Config {
    const char* name;
    int min_side;
    bool luma;
  };
  const Config configs[] = {{"DecodeImage full (RGB)", 0, false},
                            {"DecodeImage full, luma_only", 0, true},
                            {"DecodeImage min_side=512", 512, false},
                            {"DecodeImage min_side=384", 384, false},
                            {"DecodeImage min_side=384, luma_only", 384, true},
                            {"DecodeImage min_side=192", 192, false},
                            {"DecodeImage min_side=192, luma_only", 192, true},
                            {"DecodeImage min_side=96, luma_only", 96, true}};
  for (const auto& d : data) (void)ngb::image::DecodeImage(d);  // warm caches and the allocator
  double full_rate = 0;
  for (const Config& c : configs) {
    ngb::image::DecodeOptions o;
    o.min_side = c.min_side;
    o.luma_only = c.luma;
    int w = 0, h = 0;
    const Timing t = TimeRounds(rounds, [&] {
      for (const auto& d : data) {
        auto r = ngb::image::DecodeImage(d, o);
        if (!r.ok()) {
          std::fprintf(stderr, "decode failed: %s\n", r.status().ToString().c_str());
          std::exit(1);
        }
        w = r->width, h = r->height;
      }
    });
    const double rate = count / t.cpu;
    if (full_rate == 0) full_rate = rate;
    std::printf("%-36s %4dx%-4d %10.1f %10.1f %7.2fx\n", c.name, w, h, rate, count / t.wall, rate / full_rate);
  }

  const std::string list = "'" + dir + "'/plasma-*.jpg";
  auto shell = [&](const std::string& per_file) {
    const std::string cmd = "for f in " + list + "; do " + per_file + " || exit 1; done";
    return TimeRounds(rounds, [&] {
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "failed: %s\n", cmd.c_str());
    });
  };
  const Timing djpeg = shell("djpeg -outfile /dev/null \"$f\"");
  const Timing djpeg_half = shell("djpeg -scale 1/2 -outfile /dev/null \"$f\"");
  const Timing spawn = shell("djpeg -version >/dev/null 2>&1");
  auto row = [&](const char* name, const char* out, double cpu, double wall) {
    std::printf("%-36s %9s %10.1f %10.1f %7.2fx\n", name, out, count / cpu, count / wall, count / cpu / full_rate);
  };
  row("djpeg (a process per file)", "1024x768", djpeg.cpu, djpeg.wall);
  row("djpeg -scale 1/2", "512x384", djpeg_half.cpu, djpeg_half.wall);
  std::printf("%-36s %9s %10.1f %10.1f\n", "  starting djpeg alone", "-", count / spawn.cpu, count / spawn.wall);
  // Estimates from differences of medians: CPU time only (wall differences are too noisy).
  auto estimate = [&](const char* name, const char* out, double cpu) {
    std::printf("%-36s %9s %10.1f %10s %7.2fx\n", name, out, count / cpu, "-", count / cpu / full_rate);
  };
  estimate("djpeg minus process start (est.)", "1024x768", djpeg.cpu - spawn.cpu);
  estimate("djpeg -scale 1/2 minus start (est.)", "512x384", djpeg_half.cpu - spawn.cpu);
  if (remove_dir) fs::remove_all(dir);
  return 0;
}
