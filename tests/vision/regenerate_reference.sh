#!/bin/bash
# Regenerates tests/vision/reference_scores.json: nsfwjs's own scores (TF.js, CPU) for the
# fixtures in tests/vision/fixtures/, which src/vision/nsfw_classifier_test.cpp compares ours with.
# Needs scripts/fetch-models.sh to have run (it installs nsfwjs and @tensorflow/tfjs into the npm
# cache) and ImageMagick's `convert` (the fixtures are decoded to PPM with it; for 8-bit PNG and
# JPEG its pixels equal our decoders', see src/image/decode.h). Takes a minute or two.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$here"/fixtures/*; do
  convert "$f" ppm:"$tmp/$(basename "$f").ppm"
done
node "$here/tfjs_reference.js" "$tmp"/*.ppm > "$tmp/out.json"
mv "$tmp/out.json" "$here/reference_scores.json"
echo "wrote $here/reference_scores.json"
