// EXIF orientation applied to decoded pixels, so that what is analysed or shown is the picture as
// a viewer displays it (a phone photo taken upright is usually stored sideways with tag 6).
#pragma once
#include <cstdint>
#include <vector>

#include "image/decode.h"

namespace ngb::image {

// Applies EXIF orientation 2..8 to `pixels` (row-major, `channels` bytes a pixel); 5..8 swap
// `width` and `height`. 1, 0 (unknown) and other values leave everything unchanged.
void OrientPixels(std::vector<uint8_t>& pixels, int& width, int& height, int channels, int orientation);

// OrientPixels with img.exif_orientation; orig_width/orig_height are swapped with the pixels, and
// exif_orientation becomes 1 when something was applied.
void ApplyExifOrientation(DecodedImage& img);

}  // namespace ngb::image
