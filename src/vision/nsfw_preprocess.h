// nsfwjs's preprocessing, reproduced bit for bit: 8-bit RGB -> float RGB/255 -> bilinear resize
// to 224x224 with aligned corners (tf.image.resizeBilinear(x, [224,224], alignCorners=true) of
// TF.js's CPU backend: source position r*(in-1)/(223), interpolation in double, result rounded to
// float32) -> planar NCHW floats, the ONNX models' input. An image already 224x224 is not
// resampled (nsfwjs skips the resize then too).
// Grey (1 channel) input is replicated to R=G=B, as a browser's canvas shows a grey image.
// Thread-safety: pure function.
#pragma once
#include <cstdint>
#include <span>

namespace ngb::vision {

inline constexpr int kNsfwInputSide = 224;
inline constexpr int kNsfwInputFloats = 3 * kNsfwInputSide * kNsfwInputSide;

// REQUIRES: width, height >= 1; channels 1 or 3; pixels.size() >= width*height*channels (rows
// packed top to bottom); out.size() == kNsfwInputFloats (filled as 3 planes R, G, B).
void PreprocessNsfw(std::span<const uint8_t> pixels, int width, int height, int channels, std::span<float> out);

}  // namespace ngb::vision
