#include "vision/faces.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "vision/grey_mat.h"
#include <opencv2/objdetect.hpp>

namespace ngb::vision {

struct FaceDetector::Impl {
  cv::CascadeClassifier cascade;
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
  auto impl = std::make_unique<Impl>();
  try {
    if (!impl->cascade.load(cascade_path) || impl->cascade.empty())
      return Status::Error("model_invalid", "OpenCV could not read the face cascade " + cascade_path);
  } catch (const cv::Exception& e) {
    return Status::Error("model_invalid", e.what());
  }
  return std::unique_ptr<FaceDetector>(new FaceDetector(std::move(impl), cascade_path, options));
}

Result<std::vector<FaceBox>> FaceDetector::Detect(const image::DecodedImage& image) {
  try {
    Result<cv::Mat> grey_or = GreyMat(image);
    if (!grey_or.ok()) return grey_or.status();
    const cv::Mat& grey = *grey_or;
    const int longer = std::max(image.width, image.height);
    const double scale = longer > options_.max_side ? static_cast<double>(options_.max_side) / longer : 1.0;
    cv::Mat small;
    if (scale < 1.0) cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else small = grey;
    cv::Mat equalised;
    cv::equalizeHist(small, equalised);
    const int shorter = std::min(equalised.cols, equalised.rows);
    const int min_side = std::max(20, static_cast<int>(std::lround(shorter * options_.min_face_fraction)));
    std::vector<cv::Rect> found;
    impl_->cascade.detectMultiScale(equalised, found, options_.scale_factor, options_.min_neighbors, 0,
                                    cv::Size(min_side, min_side));
    std::vector<FaceBox> faces;
    faces.reserve(found.size());
    for (const cv::Rect& r : found) {
      faces.push_back({static_cast<int>(std::lround(r.x / scale)), static_cast<int>(std::lround(r.y / scale)),
                       static_cast<int>(std::lround(r.width / scale)),
                       static_cast<int>(std::lround(r.height / scale))});
    }
    std::sort(faces.begin(), faces.end(), [](const FaceBox& a, const FaceBox& b) {
      return int64_t{a.width} * a.height > int64_t{b.width} * b.height;
    });
    return faces;
  } catch (const cv::Exception& e) {
    return Status::Error("face_detect_failed", e.what());
  } catch (const std::exception& e) {
    return Status::Error("face_detect_failed", e.what());
  }
}

}  // namespace ngb::vision
