#include "vision/faces.h"

#include <sys/stat.h>

#include <algorithm>

#include "vision/backend.h"

namespace ngb::vision {

struct FaceDetector::Impl {
  std::unique_ptr<FaceBackend> cascade;
};

std::string DefaultFaceCascadePath() {
  return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
}

FaceDetector::FaceDetector(std::unique_ptr<Impl> impl, std::string path, const FaceOptions& options)
    : impl_(std::move(impl)), path_(std::move(path)), options_(options) {}
FaceDetector::~FaceDetector() = default;

Result<std::unique_ptr<FaceDetector>> FaceDetector::Load(const std::string& cascade_path,
                                                         const FaceOptions& options) {
  struct stat st {};
  if (::stat(cascade_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return Status::Error("model_missing", "face cascade not found: " + cascade_path +
                                              " (Debian package opencv-data)");
  Result<const VisionBackend*> backend = LoadVisionBackend();
  if (!backend.ok()) return backend.status();
  auto impl = std::make_unique<Impl>();
  BackendFailure failure;
  impl->cascade = (*backend)->LoadCascade(cascade_path, failure);
  if (!impl->cascade) return ToStatus(failure);
  return std::unique_ptr<FaceDetector>(new FaceDetector(std::move(impl), cascade_path, options));
}

Result<std::vector<FaceBox>> FaceDetector::Detect(const image::DecodedImage& image) {
  std::vector<FaceBox> faces;
  BackendFailure failure;
  if (!impl_->cascade->Detect(image, options_, faces, failure)) return ToStatus(failure);
  std::sort(faces.begin(), faces.end(), [](const FaceBox& a, const FaceBox& b) {
    return int64_t{a.width} * a.height > int64_t{b.width} * b.height;
  });
  return faces;
}

}  // namespace ngb::vision
