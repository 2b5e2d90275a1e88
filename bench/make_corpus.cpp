// make_corpus: deterministic benchmark corpora for `nigehbaan scan` vs hashdeep.
//
//   make_corpus mixed DIR [--seed N] [--text-fraction F] [--threads N]
//       1,900 files, ~1.5 GB in total. Sizes are log-normal with median 270 KB, clamped to
//       [1 byte, 64 MiB]. Sizes are drawn by stratified sampling (one draw inside each of the
//       1,900 equal-probability strata, then shuffled), and sigma is solved by bisection so
//       that the drawn sizes sum to 1.5 GB; with the default seed sigma is ~1.5.
//   make_corpus small DIR [--seed N] [--text-fraction F] [--threads N]
//       100,000 files, sizes uniform in [1 KiB, 8 KiB] (~460 MB in total).
//
// Layout: DIR/dTTT/dSS/fNNNNNN.{bin,txt}, 100 files per leaf directory, 100 leaves per top
// directory. Content is pseudo-random bytes (xoshiro256**, seeded per file from --seed via
// splitmix64); with --text-fraction F that fraction of files holds ASCII text lines instead.
// Same mode + seed + text fraction -> byte-identical corpus, whatever the thread count.
// MB/GB are decimal (10^6 / 10^9 bytes). DIR must be absent or empty.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <numbers>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- random numbers
std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Xoshiro256ss {
 public:
  explicit Xoshiro256ss(std::uint64_t seed) {
    for (auto& w : s_) w = splitmix64(seed);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in the open interval (0, 1).
  double uniform_open() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  // Uniform integer in [lo, hi] (modulo bias is negligible for the ranges used here).
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + next() % (hi - lo + 1); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

std::uint64_t file_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t x = seed * 0xD1342543DE82EF95ULL + index;
  splitmix64(x);
  return splitmix64(x);
}

// ---------------------------------------------------------------- inverse normal CDF
// Acklam's rational approximation refined by one Halley step (|error| < 1e-12).
double inv_norm_cdf(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01,  -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double plow = 0.02425;
  double x;
  if (p < plow) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - plow) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

// ---------------------------------------------------------------- corpus plan
constexpr std::uint64_t kMixedFiles = 1900;
constexpr double kMixedMedian = 270e3;     // bytes
constexpr double kMixedTotal = 1.5e9;      // bytes
constexpr double kMaxFile = 64.0 * 1024 * 1024;
constexpr std::uint64_t kSmallFiles = 100000;
constexpr std::uint64_t kSmallMin = 1024;
constexpr std::uint64_t kSmallMax = 8192;
constexpr std::uint64_t kFilesPerDir = 100;
constexpr std::uint64_t kDirsPerTop = 100;
constexpr std::size_t kWriteBuffer = 1 << 20;  // 1 MiB writes

struct FileSpec {
  std::uint64_t size;
  bool text;
};

struct Plan {
  std::vector<FileSpec> files;
  double sigma = 0;  // mixed only
};

std::uint64_t lognormal_size(double mu, double sigma, double z) {
  const double v = std::exp(mu + sigma * z);
  return static_cast<std::uint64_t>(std::llround(std::clamp(v, 1.0, kMaxFile)));
}

Plan plan_mixed(std::uint64_t seed, double text_fraction) {
  Xoshiro256ss rng(seed ^ 0x6D69786564ULL);  // "mixed"
  std::vector<double> z(kMixedFiles);
  for (std::uint64_t i = 0; i < kMixedFiles; ++i)
    z[i] = inv_norm_cdf((static_cast<double>(i) + rng.uniform_open()) / static_cast<double>(kMixedFiles));
  const double mu = std::log(kMixedMedian);
  auto total_for = [&](double sigma) {
    double t = 0;
    for (double zi : z) t += static_cast<double>(lognormal_size(mu, sigma, zi));
    return t;
  };
  double lo = 0.05, hi = 4.0;  // the clamped total is increasing in sigma over this range
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (total_for(mid) < kMixedTotal ? lo : hi) = mid;
  }
  Plan plan;
  plan.sigma = 0.5 * (lo + hi);
  plan.files.reserve(kMixedFiles);
  for (double zi : z) plan.files.push_back({lognormal_size(mu, plan.sigma, zi), false});
  for (std::uint64_t i = kMixedFiles - 1; i > 0; --i)  // Fisher-Yates: no size order on disk
    std::swap(plan.files[i], plan.files[rng.between(0, i)]);
  for (auto& f : plan.files) f.text = rng.uniform_open() < text_fraction;
  return plan;
}

Plan plan_small(std::uint64_t seed, double text_fraction) {
  Xoshiro256ss rng(seed ^ 0x736D616C6CULL);  // "small"
  Plan plan;
  plan.files.reserve(kSmallFiles);
  for (std::uint64_t i = 0; i < kSmallFiles; ++i) {
    const std::uint64_t size = rng.between(kSmallMin, kSmallMax);
    const bool text = rng.uniform_open() < text_fraction;
    plan.files.push_back({size, text});
  }
  return plan;
}

fs::path leaf_dir(const fs::path& root, std::uint64_t index) {
  const std::uint64_t leaf = index / kFilesPerDir;
  char top[32], sub[32];
  std::snprintf(top, sizeof top, "d%03llu", static_cast<unsigned long long>(leaf / kDirsPerTop));
  std::snprintf(sub, sizeof sub, "d%02llu", static_cast<unsigned long long>(leaf % kDirsPerTop));
  return root / top / sub;
}

fs::path file_path(const fs::path& root, std::uint64_t index, bool text) {
  char name[32];
  std::snprintf(name, sizeof name, "f%06llu.%s", static_cast<unsigned long long>(index), text ? "txt" : "bin");
  return leaf_dir(root, index) / name;
}

// ---------------------------------------------------------------- content
constexpr std::string_view kWords[] = {
    "the",      "evidence", "case",     "invoice",  "payment", "account", "transfer", "meeting",  "report",
    "device",   "message",  "contact",  "address",  "street",  "bank",    "amount",   "total",    "receipt",
    "order",    "shipment", "customer", "supplier", "contract", "signed", "date",     "time",     "user",
    "password", "login",    "session",  "server",   "network", "file",    "folder",   "archive",  "backup",
    "photo",    "video",    "call",     "record",   "note",    "draft",   "final",    "review",   "and",
    "of",       "to",       "in",       "for",      "with",    "from",    "on",       "at",       "by",
    "is",       "was",      "will",     "not",      "this",    "that",    "please",   "confirm",  "urgent",
    "cash"};

class TextSource {
 public:
  explicit TextSource(std::uint64_t seed) : rng_(seed) {}
  void fill(char* out, std::size_t n) {
    while (n > 0) {
      if (pos_ == line_.size()) next_line();
      const std::size_t k = std::min(n, line_.size() - pos_);
      std::memcpy(out, line_.data() + pos_, k);
      out += k;
      n -= k;
      pos_ += k;
    }
  }

 private:
  void next_line() {
    line_.clear();
    pos_ = 0;
    char stamp[40];
    std::snprintf(stamp, sizeof stamp, "%04llu-%02llu-%02llu %02llu:%02llu ",
                  static_cast<unsigned long long>(rng_.between(2015, 2025)),
                  static_cast<unsigned long long>(rng_.between(1, 12)),
                  static_cast<unsigned long long>(rng_.between(1, 28)),
                  static_cast<unsigned long long>(rng_.between(0, 23)),
                  static_cast<unsigned long long>(rng_.between(0, 59)));
    line_ += stamp;
    const std::size_t target = rng_.between(30, 110);
    while (line_.size() < target) {
      const std::uint64_t r = rng_.next();
      if ((r & 15) == 0) {
        line_ += std::to_string((r >> 8) % 100000);
      } else {
        line_ += kWords[(r >> 8) % std::size(kWords)];
      }
      line_ += ((r >> 40) % 9 == 0) ? ", " : " ";
    }
    line_.back() = '\n';
  }
  Xoshiro256ss rng_;
  std::string line_;
  std::size_t pos_ = 0;
};

void fill_random(Xoshiro256ss& rng, char* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t v = rng.next();
    std::memcpy(out + i, &v, 8);
  }
  if (i < n) {
    const std::uint64_t v = rng.next();
    std::memcpy(out + i, &v, n - i);
  }
}

bool write_file(const fs::path& path, const FileSpec& spec, std::uint64_t seed, std::vector<char>& buf,
                std::string& err) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    err = path.string() + ": " + std::strerror(errno);
    return false;
  }
  std::setvbuf(f, nullptr, _IONBF, 0);  // we already write in large blocks
  Xoshiro256ss rng(seed);
  TextSource text(seed);
  std::uint64_t left = spec.size;
  bool ok = true;
  while (left > 0 && ok) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size()));
    if (spec.text) {
      text.fill(buf.data(), n);
    } else {
      fill_random(rng, buf.data(), n);
    }
    ok = std::fwrite(buf.data(), 1, n, f) == n;
    left -= n;
  }
  if (!ok) err = path.string() + ": write failed: " + std::strerror(errno);
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    err = path.string() + ": close failed: " + std::strerror(errno);
  }
  return ok;
}

void usage(std::FILE* f) {
  std::fprintf(f,
               "usage: make_corpus mixed|small DIR [--seed N] [--text-fraction F] [--threads N]\n"
               "  mixed  1,900 files, ~1.5 GB, log-normal sizes (median 270 KB, max 64 MiB)\n"
               "  small  100,000 files of 1-8 KiB (uniform)\n"
               "  --seed N           corpus seed (default 1); same seed -> same bytes\n"
               "  --text-fraction F  fraction of files written as ASCII text lines (default 0)\n"
               "  --threads N        writer threads (default: hardware_concurrency; output unaffected)\n"
               "DIR must not exist or must be empty.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string_view(argv[1]) == "-h" || std::string_view(argv[1]) == "--help")) {
    usage(stdout);
    return 0;
  }
  if (argc < 3) {
    usage(stderr);
    return 2;
  }
  const std::string mode = argv[1];
  const fs::path root = argv[2];
  std::uint64_t seed = 1;
  double text_fraction = 0;
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  for (int i = 3; i < argc; ++i) {
    const std::string_view a = argv[i];
    char* end = nullptr;
    if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], &end, 0);
    } else if (a == "--text-fraction" && i + 1 < argc) {
      text_fraction = std::strtod(argv[++i], &end);
      if (!(text_fraction >= 0 && text_fraction <= 1)) end = argv[i];  // force the error below
    } else if (a == "--threads" && i + 1 < argc) {
      const unsigned long v = std::strtoul(argv[++i], &end, 10);
      threads = static_cast<unsigned>(std::clamp(v, 1UL, 1024UL));
    } else {
      std::fprintf(stderr, "make_corpus: unknown argument '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    }
    if (end == argv[i] || *end != '\0') {
      std::fprintf(stderr, "make_corpus: bad value '%s' for %s\n", argv[i], argv[i - 1]);
      return 2;
    }
  }
  if (mode != "mixed" && mode != "small") {
    std::fprintf(stderr, "make_corpus: mode must be 'mixed' or 'small', not '%s'\n", mode.c_str());
    return 2;
  }

  std::error_code ec;
  if (fs::exists(root, ec) && !(fs::is_directory(root, ec) && fs::is_empty(root, ec))) {
    std::fprintf(stderr, "make_corpus: %s exists and is not an empty directory\n", root.c_str());
    return 1;
  }

  const auto t0 = std::chrono::steady_clock::now();
  const Plan plan = mode == "mixed" ? plan_mixed(seed, text_fraction) : plan_small(seed, text_fraction);
  const std::uint64_t n = plan.files.size();

  for (std::uint64_t leaf = 0; leaf * kFilesPerDir < n; ++leaf) {
    fs::create_directories(leaf_dir(root, leaf * kFilesPerDir), ec);
    if (ec) {
      std::fprintf(stderr, "make_corpus: cannot create %s: %s\n", leaf_dir(root, leaf * kFilesPerDir).c_str(),
                   ec.message().c_str());
      return 1;
    }
  }

  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> failed{false};
  std::string first_error;
  std::atomic_flag error_claimed = ATOMIC_FLAG_INIT;
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        std::vector<char> buf(kWriteBuffer);
        std::string err;
        for (std::uint64_t i = next++; i < n && !failed.load(std::memory_order_relaxed); i = next++) {
          const FileSpec& spec = plan.files[i];
          if (!write_file(file_path(root, i, spec.text), spec, file_seed(seed, i), buf, err)) {
            if (!error_claimed.test_and_set()) first_error = err;
            failed = true;
          }
        }
      });
    }
  }
  if (failed) {
    std::fprintf(stderr, "make_corpus: %s\n", first_error.c_str());
    return 1;
  }

  std::vector<std::uint64_t> sizes;
  sizes.reserve(n);
  std::uint64_t total = 0, text_files = 0;
  for (const auto& f : plan.files) {
    sizes.push_back(f.size);
    total += f.size;
    text_files += f.text ? 1 : 0;
  }
  std::sort(sizes.begin(), sizes.end());
  const double median =
      n % 2 ? static_cast<double>(sizes[n / 2]) : 0.5 * static_cast<double>(sizes[n / 2 - 1] + sizes[n / 2]);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::printf("make_corpus: mode=%s dir=%s seed=%llu files=%llu bytes=%llu (%.3f GB) median=%.0f min=%llu "
              "max=%llu",
              mode.c_str(), root.c_str(), static_cast<unsigned long long>(seed), static_cast<unsigned long long>(n),
              static_cast<unsigned long long>(total), static_cast<double>(total) / 1e9, median,
              static_cast<unsigned long long>(sizes.front()), static_cast<unsigned long long>(sizes.back()));
  if (mode == "mixed") std::printf(" sigma=%.4f", plan.sigma);
  std::printf(" text_files=%llu seconds=%.1f\n", static_cast<unsigned long long>(text_files), secs);
  return 0;
}
