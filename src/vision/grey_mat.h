// The grey OpenCV matrix of decoded pixels, shared by the face detector and OCR (internal to
// src/vision; include only from .cpp files — it pulls in OpenCV).
#pragma once
#include <opencv2/core.hpp>

#include "core/status.h"
#include "image/decode.h"

namespace ngb::vision {

// Grey (CV_8UC1) pixels of `image` (1 or 3 channels): a view onto image.pixels when already
// grey, else a converted copy. Errors: "image_empty" when there are no (or too few) pixels.
// May throw cv::Exception (callers catch at their boundary).
Result<cv::Mat> GreyMat(const image::DecodedImage& image);

}  // namespace ngb::vision
