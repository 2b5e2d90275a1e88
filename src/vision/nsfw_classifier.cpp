#include "vision/nsfw_classifier.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash/sha256.h"
#include "image/decode.h"
#include "image/orient.h"
#include "vision/backend.h"
#include "vision/model_files.h"
#include "vision/nsfw_preprocess.h"

namespace ngb::vision {

struct NsfwClassifier::Impl {
  std::unique_ptr<NetBackend> net;
  std::vector<float> input;  // one image's network input, for the single-image calls
};

NsfwClassifier::NsfwClassifier() : impl_(std::make_unique<Impl>()) {}
NsfwClassifier::~NsfwClassifier() = default;

namespace {

constexpr uint64_t kMaxModelBytes = 256ull << 20;

Result<std::string> ReadModelFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return StatusFromErrno(errno, path);
  struct stat st {};
  std::string data;
  Status status;
  if (::fstat(fd, &st) != 0) {
    status = StatusFromErrno(errno, path);
  } else if (!S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > kMaxModelBytes) {
    status = Status::Error("model_invalid", path + ": not a regular file of at most 256 MiB");
  } else {
    data.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = ::read(fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        status = n < 0 ? StatusFromErrno(errno, path) : Status::Error("model_invalid", path + ": shrank while read");
        break;
      }
      done += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  if (!status.ok()) return status;
  return data;
}

}  // namespace

Status PrepareNsfwInput(std::span<const uint8_t> bytes, const NsfwImageOptions& options, std::span<float> out) {
  image::DecodeOptions d;
  d.max_pixels = options.max_pixels;
  d.min_side = options.fast_decode ? kNsfwInputSide : 0;
  Result<image::DecodedImage> img = image::DecodeImage(bytes, d);
  if (!img.ok()) return img.status();
  image::ApplyExifOrientation(*img);  // the picture as shown (nsfwjs sees what the browser draws)
  PreprocessNsfw(img->pixels, img->width, img->height, img->channels, out);
  return Status::Ok();
}

Result<std::unique_ptr<NsfwClassifier>> NsfwClassifier::Load(std::string_view model_name,
                                                             const std::string& models_dir, int threads) {
  const NsfwModelSpec* spec = FindNsfwModel(model_name);
  if (!spec) {
    return Status::Error("model_unknown", std::string(model_name) + " (known: mobilenet_v2, mobilenet_v2_mid)");
  }
  const std::string path = models_dir + "/" + std::string(spec->file);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::Error("model_missing", path + " not found; " + std::string(kFetchModelsHint));
  }
  Result<std::string> data = ReadModelFile(path);
  if (!data.ok()) return Status::Error("model_invalid", data.status().ToString());
  Result<const VisionBackend*> backend = LoadVisionBackend();
  if (!backend.ok()) return backend.status();
  std::unique_ptr<NsfwClassifier> c(new NsfwClassifier());
  c->info_ = {std::string(spec->name), std::string(spec->version), Sha256Hex(*data), path};
  BackendFailure failure;
  c->impl_->net = (*backend)->LoadOnnx(*data, threads, failure);
  if (!c->impl_->net) return Status::Error("model_invalid", path + ": " + failure.detail);
  // One forward pass on zeros checks the output shape (and makes OpenCV set up its layers now).
  std::vector<float> zeros(kNsfwInputFloats, 0.0f);
  Result<std::vector<NsfwScores>> probe = c->Infer(zeros, 1);
  if (!probe.ok()) return Status::Error("model_invalid", path + ": " + probe.status().ToString());
  return c;
}

Result<std::vector<NsfwScores>> NsfwClassifier::Infer(std::span<const float> inputs, int n) {
  if (n <= 0 || inputs.size() != static_cast<size_t>(n) * kNsfwInputFloats) {
    return Status::Error("inference_failed", "input size does not match the batch");
  }
  BackendFailure failure;
  std::vector<float> out;
  if (!impl_->net->Forward(inputs.data(), n, kNsfwInputSide, out, failure)) return ToStatus(failure);
  if (out.size() != static_cast<size_t>(n) * kNsfwClassCount) {
    return Status::Error("inference_failed", "unexpected output shape");
  }
  std::vector<NsfwScores> scores(n);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < kNsfwClassCount; ++k) scores[i].p[k] = out[i * kNsfwClassCount + k];
  }
  return scores;
}

Result<NsfwScores> NsfwClassifier::ClassifyPixels(std::span<const uint8_t> pixels, int width, int height,
                                                  int channels) {
  impl_->input.resize(kNsfwInputFloats);
  PreprocessNsfw(pixels, width, height, channels, impl_->input);
  Result<std::vector<NsfwScores>> r = Infer(impl_->input, 1);
  if (!r.ok()) return r.status();
  return r->front();
}

Result<NsfwScores> NsfwClassifier::ClassifyImage(std::span<const uint8_t> bytes, const NsfwImageOptions& options) {
  impl_->input.resize(kNsfwInputFloats);
  if (Status s = PrepareNsfwInput(bytes, options, impl_->input); !s.ok()) return s;
  Result<std::vector<NsfwScores>> r = Infer(impl_->input, 1);
  if (!r.ok()) return r.status();
  return r->front();
}

}  // namespace ngb::vision
