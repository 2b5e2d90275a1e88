#include "vision/grey_mat.h"

#include <opencv2/core/ocl.hpp>
#include <opencv2/imgproc.hpp>

namespace ngb::vision {

Result<cv::Mat> GreyMat(const image::DecodedImage& image) {
  // Every face and OCR pass starts here. CPU only, on every thread (OpenCV keeps the switch per
  // thread): results must not depend on a GPU driver, and probing for OpenCL dlopens the ICD
  // loader, whose thread-local storage crashes LeakSanitizer's scan of the threads at exit.
  cv::ocl::setUseOpenCL(false);
  if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3) ||
      image.pixels.size() < static_cast<size_t>(image.width) * image.height * image.channels)
    return Status::Error("image_empty", "no pixels in the image");
  // A view onto the caller's pixels (no copy); nothing here writes to it.
  cv::Mat src(image.height, image.width, image.channels == 1 ? CV_8UC1 : CV_8UC3,
              const_cast<uint8_t*>(image.pixels.data()), static_cast<size_t>(image.width) * image.channels);
  if (image.channels == 1) return src;
  cv::Mat grey;
  cv::cvtColor(src, grey, cv::COLOR_RGB2GRAY);
  return grey;
}

}  // namespace ngb::vision
