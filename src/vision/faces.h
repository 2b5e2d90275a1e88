// FaceDetector: counts frontal faces in decoded pixels with an OpenCV cascade classifier (Haar or
// LBP, from Debian's opencv-data). A ranking signal for review ("people in the picture"), never a
// finding: cascades miss turned and small faces and fire on face-like patterns.
//
// The image is converted to grey, shrunk so its longer side is at most `max_side` (faces smaller
// than `min_face_fraction` of the shorter side are ignored), equalised, and scanned. Boxes are
// returned in the coordinates of the image given.
//
// Thread-safety: a FaceDetector is not safe for concurrent Detect() calls (OpenCV's cascade keeps
// per-call buffers in the object); use one per thread. Load() may run anywhere. Never throws.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "image/decode.h"

namespace ngb::vision {

struct FaceBox {
  int x = 0, y = 0, width = 0, height = 0;
};

struct FaceOptions {
  int max_side = 640;               // detection runs on the image shrunk to this longer side
  double min_face_fraction = 0.06;  // smallest face side, as a fraction of the shorter image side
  double scale_factor = 1.1;
  int min_neighbors = 5;            // higher: fewer false faces, more missed ones
};

// The cascade used when none is named: Debian's opencv-data frontal-face Haar cascade.
std::string DefaultFaceCascadePath();

class FaceDetector {
 public:
  // Errors: "model_missing" (no file), "model_invalid" (OpenCV cannot read it).
  static Result<std::unique_ptr<FaceDetector>> Load(const std::string& cascade_path = DefaultFaceCascadePath(),
                                                    const FaceOptions& options = {});
  ~FaceDetector();
  FaceDetector(const FaceDetector&) = delete;
  FaceDetector& operator=(const FaceDetector&) = delete;

  // Faces in `image` (1 or 3 channels), largest first. Errors: "image_empty", "face_detect_failed".
  Result<std::vector<FaceBox>> Detect(const image::DecodedImage& image);

  const std::string& cascade_path() const { return path_; }

 private:
  struct Impl;
  FaceDetector(std::unique_ptr<Impl> impl, std::string path, const FaceOptions& options);
  std::unique_ptr<Impl> impl_;
  std::string path_;
  FaceOptions options_;
};

}  // namespace ngb::vision
