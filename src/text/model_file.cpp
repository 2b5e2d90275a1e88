#include "text/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "text/feature_sums.h"

namespace ngb::text {
namespace {

// Header layout (offsets in bytes, little-endian).
constexpr size_t kOffVersion = 4, kOffHeaderBytes = 8, kOffBits = 12, kOffWordN = 16, kOffCharMin = 17,
                 kOffCharMax = 18, kOffWeightType = 19, kOffScale = 24, kOffBias = 28, kOffA = 32,
                 kOffB = 36, kOffThreshold = 40, kOffChecksum = 44, kOffName = 48, kOffLang = 96,
                 kOffWeightBytes = 112;
constexpr size_t kNameBytes = 48, kLangBytes = 16;
constexpr uint8_t kWeightInt8 = 1;
constexpr size_t kMaxModelBytes = 64u << 20;

template <typename T>
void Put(std::string& s, size_t off, T v) {
  std::memcpy(&s[off], &v, sizeof v);
}
template <typename T>
T Get(std::string_view s, size_t off) {
  T v;
  std::memcpy(&v, s.data() + off, sizeof v);
  return v;
}

std::string FixedString(std::string_view s, size_t off, size_t len) {
  std::string_view f = s.substr(off, len);
  return std::string(f.substr(0, f.find('\0')));
}

Status Bad(const std::string& detail) { return Status::Error("bad_model_file", detail); }

}  // namespace

uint32_t ModelChecksum(std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    if (i == 40) w &= 0x00000000FFFFFFFFull;  // bytes 44..47 (the checksum) count as zero
    h = (h ^ w) * 0x100000001B3ull;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
  // murmur3's finaliser: every input bit reaches the low 32 bits.
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h);
}

float QuantiseWeights(const std::vector<double>& w, std::vector<int8_t>& out) {
  double max = 0;
  for (double x : w) max = std::max(max, std::fabs(x));
  float scale = max > 0 ? static_cast<float>(max / 127.0) : 1.0f;
  out.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    long q = std::lround(w[i] / scale);
    out[i] = static_cast<int8_t>(std::clamp(q, -127L, 127L));
  }
  return scale;
}

std::string WriteModel(const ModelHeader& h, const std::vector<int8_t>& weights) {
  std::string s(kNgbmHeaderBytes + weights.size(), '\0');
  std::memcpy(&s[0], "NGBM", 4);
  Put<uint32_t>(s, kOffVersion, kNgbmVersion);
  Put<uint32_t>(s, kOffHeaderBytes, kNgbmHeaderBytes);
  Put<uint32_t>(s, kOffBits, h.features.bucket_bits);
  s[kOffWordN] = static_cast<char>(h.features.word_max_n);
  s[kOffCharMin] = static_cast<char>(h.features.char_min);
  s[kOffCharMax] = static_cast<char>(h.features.char_max);
  s[kOffWeightType] = static_cast<char>(kWeightInt8);
  Put<float>(s, kOffScale, h.weight_scale);
  Put<float>(s, kOffBias, h.bias);
  Put<float>(s, kOffA, h.platt_a);
  Put<float>(s, kOffB, h.platt_b);
  Put<float>(s, kOffThreshold, h.threshold);
  std::memcpy(&s[kOffName], h.name.data(), std::min(h.name.size(), kNameBytes - 1));
  std::memcpy(&s[kOffLang], h.lang.data(), std::min(h.lang.size(), kLangBytes - 1));
  Put<uint64_t>(s, kOffWeightBytes, weights.size());
  if (!weights.empty()) std::memcpy(&s[kNgbmHeaderBytes], weights.data(), weights.size());
  Put<uint32_t>(s, kOffChecksum, ModelChecksum(s));
  return s;
}

Result<std::shared_ptr<const NgbmModel>> NgbmModel::Parse(std::string_view s,
                                                           std::shared_ptr<const void> keep_alive) {
  if (s.size() < kNgbmHeaderBytes) return Bad("shorter than the 128-byte header");
  if (s.size() > kMaxModelBytes) return Bad("larger than 64 MiB");
  if (std::memcmp(s.data(), "NGBM", 4) != 0) return Status::Error("not_a_model", "no NGBM magic");
  if (Get<uint32_t>(s, kOffVersion) != kNgbmVersion) {
    return Status::Error("unsupported_model_version", std::to_string(Get<uint32_t>(s, kOffVersion)));
  }
  if (Get<uint32_t>(s, kOffHeaderBytes) != kNgbmHeaderBytes) return Bad("header size");
  auto model = std::make_shared<NgbmModel>();
  ModelHeader& h = model->header_;
  uint32_t bits = Get<uint32_t>(s, kOffBits);
  h.features.bucket_bits = static_cast<uint8_t>(std::min<uint32_t>(bits, 255));
  h.features.word_max_n = static_cast<uint8_t>(s[kOffWordN]);
  h.features.char_min = static_cast<uint8_t>(s[kOffCharMin]);
  h.features.char_max = static_cast<uint8_t>(s[kOffCharMax]);
  if (bits > 24 || !h.features.Valid()) return Bad("feature configuration out of range");
  if (static_cast<uint8_t>(s[kOffWeightType]) != kWeightInt8) return Bad("unknown weight type");
  uint64_t nweights = Get<uint64_t>(s, kOffWeightBytes);
  if (nweights != (uint64_t{1} << bits) || s.size() != kNgbmHeaderBytes + nweights) {
    return Bad("weight table size does not match the bucket count and file size");
  }
  h.weight_scale = Get<float>(s, kOffScale);
  h.bias = Get<float>(s, kOffBias);
  h.platt_a = Get<float>(s, kOffA);
  h.platt_b = Get<float>(s, kOffB);
  h.threshold = Get<float>(s, kOffThreshold);
  for (float f : {h.weight_scale, h.bias, h.platt_a, h.platt_b, h.threshold}) {
    if (!std::isfinite(f) || std::fabs(f) > 1e6f) return Bad("non-finite or huge parameter");
  }
  if (!(h.weight_scale > 0) || h.threshold < 0 || h.threshold > 1) return Bad("scale or threshold out of range");
  if (ModelChecksum(s) != Get<uint32_t>(s, kOffChecksum)) return Status::Error("model_checksum_mismatch", "corrupt model file");
  h.name = FixedString(s, kOffName, kNameBytes);
  h.lang = FixedString(s, kOffLang, kLangBytes);
  // The header stays before the weights: SumFeatures reads the 3 bytes before a table.
  model->weights_ = reinterpret_cast<const int8_t*>(s.data() + kNgbmHeaderBytes);
  model->keep_alive_ = std::move(keep_alive);
  return std::shared_ptr<const NgbmModel>(std::move(model));
}

double NgbmModel::Combine(const int32_t sum[2], const uint32_t count[2]) const {
  double d = header_.bias;
  for (int i = 0; i < 2; ++i) {
    if (count[i]) d += header_.weight_scale * sum[i] / std::sqrt(static_cast<double>(count[i]));
  }
  return d;
}

double NgbmModel::Decision(std::string_view normalised) const {
  const FeatureSums f = SumFeatures(normalised, header_.features, weights_, nullptr);
  const int32_t sum[2] = {f.word[0], f.chr[0]};
  const uint32_t count[2] = {f.n_word, f.n_char};
  return Combine(sum, count);
}

bool NgbmModel::SameFeatures(const NgbmModel& other) const {
  const FeatureConfig &a = header_.features, &b = other.header_.features;
  return a.word_max_n == b.word_max_n && a.char_min == b.char_min && a.char_max == b.char_max &&
         a.bucket_bits == b.bucket_bits;
}

std::pair<double, double> NgbmModel::DecisionWith(const NgbmModel& other, std::string_view normalised) const {
  const FeatureSums f = SumFeatures(normalised, header_.features, weights_, other.weights_);
  const int32_t a_sum[2] = {f.word[0], f.chr[0]}, b_sum[2] = {f.word[1], f.chr[1]};
  const uint32_t count[2] = {f.n_word, f.n_char};
  return {Combine(a_sum, count), other.Combine(b_sum, count)};
}

float NgbmModel::Calibrate(double decision) const {
  double z = header_.platt_a * decision + header_.platt_b;
  z = std::clamp(z, -60.0, 60.0);
  return static_cast<float>(1.0 / (1.0 + std::exp(z)));
}

float NgbmModel::Score(std::string_view normalised) const { return Calibrate(Decision(normalised)); }

// LinearModel's factory functions live here: they are thin wrappers around the parser.
Result<std::shared_ptr<const LinearModel>> LinearModel::FromBytes(std::string_view bytes) {
  auto m = NgbmModel::Parse(bytes);
  if (!m.ok()) return m.status();
  return std::shared_ptr<const LinearModel>(m.value());
}

Result<std::shared_ptr<const LinearModel>> LinearModel::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return StatusFromErrno(errno, path);
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return StatusFromErrno(e, path);
  }
  if (!S_ISREG(st.st_mode) || st.st_size < static_cast<off_t>(kNgbmHeaderBytes) ||
      st.st_size > static_cast<off_t>(kMaxModelBytes)) {
    ::close(fd);
    return Bad(path + ": not a regular file of a model's size");
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return StatusFromErrno(errno, path);
  std::shared_ptr<const void> mapping(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
  auto m = NgbmModel::Parse(std::string_view(static_cast<const char*>(p), size), mapping);
  if (!m.ok()) return Status::Error(m.status().reason(), path + ": " + m.status().detail());
  return std::shared_ptr<const LinearModel>(m.value());
}

}  // namespace ngb::text
