// Where the image classifier's model files are and what they are.
//
// The nsfwjs models are built artefacts, never committed and never downloaded at run time:
// scripts/fetch-models.sh gets the npm package nsfwjs@4.4.0, converts each model to ONNX and
// writes DIR/nsfwjs-4.4.0-<name>.onnx plus DIR/models.json (name, version, SHA-256 of each file).
// ResolveModelsDir picks DIR, first match wins:
//   1. `explicit_dir` (the CLI's --models DIR), used as given even when it holds no models,
//   2. the environment variable NGB_MODELS, also used as given,
//   3. "models" next to the running binary (build/models for build/nigehbaan),
//   4. $XDG_CACHE_HOME/nigehbaan/models, else $HOME/.cache/nigehbaan/models (fetch-models.sh's
//      default output).
// Thread-safety: all functions are reentrant (they read the environment and /proc/self/exe).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ngb::vision {

struct NsfwModelSpec {
  std::string_view name;      // "mobilenet_v2", the CLI's --model value
  std::string_view version;   // nsfwjs package version the weights come from
  std::string_view file;      // file name inside the models folder
};

inline constexpr std::array<NsfwModelSpec, 2> kNsfwModels = {{
    {"mobilenet_v2", "4.4.0", "nsfwjs-4.4.0-mobilenet_v2.onnx"},
    {"mobilenet_v2_mid", "4.4.0", "nsfwjs-4.4.0-mobilenet_v2_mid.onnx"},
}};
inline constexpr std::string_view kDefaultNsfwModel = "mobilenet_v2";  // `nigehbaan classify`
// `scan --classify` orders a whole case, so it takes the model with fewer measured false
// positives (docs/image-classifier.md: the small model calls 99.7% of plasma textures "Porn", the
// mid model none, and half as many icons), at ~1.4x the inference cost.
inline constexpr std::string_view kDefaultScanNsfwModel = "mobilenet_v2_mid";

// nullptr when `name` is not one of kNsfwModels.
const NsfwModelSpec* FindNsfwModel(std::string_view name);

// The folder to look for model files in (see the order above). Never fails: returns the last
// candidate when none of them holds a model, so error messages can name it.
std::string ResolveModelsDir(const std::string& explicit_dir = {});

// The command that creates the model files, for error messages ("model_missing").
inline constexpr std::string_view kFetchModelsHint = "run scripts/fetch-models.sh (npm + python3-onnx) to build them";

}  // namespace ngb::vision
