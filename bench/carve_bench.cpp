// carve_bench: carving throughput (src/source/carver.h) over a buffer of random bytes with images
// embedded, against the bound of memchr over the same buffer.
//
//   carve_bench [MiB=1024] [runs=5]
//
// Rows (medians of `runs`, wall and thread-CPU seconds):
//   memchr        memchr() for 0xFF over the buffer in place, every hit counted — the speed of
//                 just finding one signature's first byte (the yardstick)
//   4 MiB reads   MemoryBytes::ReadAt into a 4 MiB buffer, nothing else: the copy Carve() makes
//   carve         Carve() through MemoryBytes: 4 MiB reads (copied, as from a file), the SIMD
//                 search for all five signatures' first two bytes, the walkers on every image
//   carve jpeg+png  the same with only JPEG and PNG enabled
// The ratio is carve / memchr throughput (CPU-time based; wall time is noisy on a shared machine).
// foremost and scalpel (the usual open-source carvers) are in Debian (foremost 1.5.7, scalpel
// 1.60) but not installed on the build machines; see bench/README.md.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "index_bench_util.h"
#include "source/carver.h"

namespace {

std::vector<uint8_t> ReadFixture(const char* name) {
  std::ifstream f(std::string(NGB_SOURCE_DIR) + "/src/image/testdata/" + name, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

int main(int argc, char** argv) {
  const uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1024;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const size_t size = static_cast<size_t>(mib) << 20;
  std::vector<uint8_t> disk(size);
  ngb_bench::Rng rng(1);
  for (size_t i = 0; i + 8 <= size; i += 8) {
    const uint64_t v = rng();
    std::memcpy(disk.data() + i, &v, 8);
  }
  const std::vector<std::vector<uint8_t>> images = {
      ReadFixture("j-big-301x203.jpg"), ReadFixture("j-progressive.jpg"), ReadFixture("j-many-scans.jpg"),
      ReadFixture("p-rgba.png"), ReadFixture("p-interlaced.png"), ReadFixture("g-anim.gif")};
  size_t embedded = 0;
  for (size_t k = 0; k < 64 * mib / 1024 + 6; ++k) {  // ~64 per GiB, spread out
    const std::vector<uint8_t>& img = images[k % images.size()];
    if (img.empty()) continue;
    const size_t at = static_cast<size_t>(rng.Below(size - img.size()));
    std::memcpy(disk.data() + at, img.data(), img.size());
    ++embedded;
  }

  std::vector<double> mc_wall, mc_cpu, cp_wall, cp_cpu, cv_wall, cv_cpu, jp_wall, jp_cpu;
  size_t hits = 0, carved = 0, carved_jp = 0;
  for (int r = 0; r < runs; ++r) {
    const ngb_bench::Elapsed m = ngb_bench::Time([&] {
      size_t n = 0;
      const uint8_t* p = disk.data();
      const uint8_t* end = p + size;
      while (const void* q = std::memchr(p, 0xFF, static_cast<size_t>(end - p))) {
        ++n;
        p = static_cast<const uint8_t*>(q) + 1;
      }
      hits = n;
    });
    mc_wall.push_back(m.wall);
    mc_cpu.push_back(m.cpu);
    const ngb_bench::Elapsed cp = ngb_bench::Time([&] {  // the reads alone, as Carve() does them
      ngb::source::MemoryBytes in(disk);
      std::vector<uint8_t> buf(4u << 20);
      for (uint64_t pos = 0; pos < size; pos += buf.size()) {
        ngb_bench::Keep(in.ReadAt(pos, buf.data(), buf.size()));
        ngb_bench::Keep(buf[0]);
      }
    });
    cp_wall.push_back(cp.wall);
    cp_cpu.push_back(cp.cpu);
    for (int only_jpeg_png = 0; only_jpeg_png < 2; ++only_jpeg_png) {
      ngb::source::CarveOptions o;
      if (only_jpeg_png) o.gif = o.pdf = o.zip = false;
      size_t found = 0;
      const ngb_bench::Elapsed c = ngb_bench::Time([&] {
        ngb::source::MemoryBytes in(disk);
        const ngb::Status s = ngb::source::CarveAll(in, o, [&](const ngb::source::CarvedFile&) { ++found; });
        if (!s.ok()) std::fprintf(stderr, "carve: %s\n", s.ToString().c_str());
      });
      (only_jpeg_png ? jp_wall : cv_wall).push_back(c.wall);
      (only_jpeg_png ? jp_cpu : cv_cpu).push_back(c.cpu);
      (only_jpeg_png ? carved_jp : carved) = found;
    }
  }
  const double mb = static_cast<double>(size) / 1e6;
  auto row = [&](const char* name, const std::vector<double>& wall, const std::vector<double>& cpu) {
    std::printf("%-16s %9.0f MB/s wall  %9.0f MB/s cpu   (median of %d)\n", name, mb / ngb_bench::Median(wall),
                mb / ngb_bench::Median(cpu), runs);
  };
  std::printf("buffer %zu MiB random, %zu images embedded; memchr hits %zu; carved %zu (jpeg+png only: %zu)\n",
              static_cast<size_t>(mib), embedded, hits, carved, carved_jp);
  row("memchr 0xFF", mc_wall, mc_cpu);
  row("4 MiB reads only", cp_wall, cp_cpu);
  row("carve all", cv_wall, cv_cpu);
  row("carve jpeg+png", jp_wall, jp_cpu);
  std::printf("ratio carve/memchr (cpu): all %.2f, jpeg+png %.2f\n",
              ngb_bench::Median(mc_cpu) / ngb_bench::Median(cv_cpu),
              ngb_bench::Median(mc_cpu) / ngb_bench::Median(jp_cpu));
  return 0;
}
