// Does an image look like a screenshot or a picture of text (worth the cost of OCR)? A cheap
// pixel statistic, no model: screenshots are mostly a few exact flat colours crossed by the many
// sharp edges of lettering; photographs have neither. Takes well under a millisecond on sampled
// rows. A heuristic for choosing what to OCR, documented in docs/image-classifier.md; it misses
// photographed paper and text over photos, and takes some flat graphics with lettering.
#pragma once
#include "image/decode.h"

namespace ngb::vision {

struct ScreenshotScore {
  double flat = 0;    // fraction of sampled pixels in the 4 most frequent grey levels
  double edges = 0;   // fraction of horizontal neighbour pairs differing by more than 48 levels
  bool text_like = false;
};

ScreenshotScore ScoreScreenshot(const image::DecodedImage& image);

}  // namespace ngb::vision
