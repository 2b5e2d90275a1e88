#!/usr/bin/env bash
# Builds the image classifier's model files (idempotent; nothing is downloaded at run time):
#   1. npm installs nsfwjs@4.4.0 (the MIT-licensed models, weights base64 inside JS modules) and
#      @tensorflow/tfjs@4.22.0 (for the reference check, tests/vision/tfjs_reference.js) into
#      the npm cache folder $NGB_NPM_CACHE (default ~/.cache/nigehbaan/npm), outside the source tree;
#   2. scripts/nsfwjs_extract.cjs writes each model as TF.js model.json + weights.bin;
#   3. scripts/nsfwjs_to_onnx.py (Debian's python3-onnx + python3-numpy) converts each to ONNX
#      opset 10 for OpenCV 4.6's cv::dnn;
#   4. OUT/models.json records each model's name, nsfwjs version and the ONNX file's SHA-256.
# OUT defaults to ~/.cache/nigehbaan/models (searched by nigehbaan, see src/vision/model_files.h);
# pass a folder, or set NGB_MODELS, to put them elsewhere (e.g. build/models, next to the binary).
# Models are optional at run time: without them scan skips classification and says so.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
NSFWJS_VERSION=4.4.0
TFJS_VERSION=4.22.0
MODELS=(mobilenet_v2 mobilenet_v2_mid)
npm_cache=${NGB_NPM_CACHE:-$HOME/.cache/nigehbaan/npm}
out=${1:-${NGB_MODELS:-$HOME/.cache/nigehbaan/models}}
mkdir -p "$npm_cache" "$out"

installed_version() { node -p "require('$npm_cache/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed_version nsfwjs)" != "$NSFWJS_VERSION" ] || [ "$(installed_version @tensorflow/tfjs)" != "$TFJS_VERSION" ]; then
  echo "npm: installing nsfwjs@$NSFWJS_VERSION @tensorflow/tfjs@$TFJS_VERSION into $npm_cache"
  npm install --prefix "$npm_cache" --no-audit --no-fund --loglevel=error \
    "nsfwjs@$NSFWJS_VERSION" "@tensorflow/tfjs@$TFJS_VERSION" >/dev/null
fi

pkg="$npm_cache/node_modules/nsfwjs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
manifest="[]"
for m in "${MODELS[@]}"; do
  onnx="$out/nsfwjs-$NSFWJS_VERSION-$m.onnx"
  # Rebuilt when missing or older than the converter (the conversion is deterministic).
  if [ ! -s "$onnx" ] || [ "$here/nsfwjs_to_onnx.py" -nt "$onnx" ] || [ "$here/nsfwjs_extract.cjs" -nt "$onnx" ]; then
    node "$here/nsfwjs_extract.cjs" "$pkg" "$work" "$m" >/dev/null
    /usr/bin/python3 "$here/nsfwjs_to_onnx.py" "$work/$m" "$onnx" >/dev/null
  fi
  sha=$(sha256sum "$onnx" | cut -d' ' -f1)
  echo "$m  nsfwjs $NSFWJS_VERSION  $sha  $onnx"
  manifest=$(printf '%s' "$manifest" | /usr/bin/python3 -c 'import json,sys; a=json.load(sys.stdin); a.append({"name":sys.argv[1],"source":"npm nsfwjs","version":sys.argv[2],"file":sys.argv[3],"sha256":sys.argv[4]}); print(json.dumps(a))' \
    "$m" "$NSFWJS_VERSION" "$(basename "$onnx")" "$sha")
done
printf '%s\n' "$manifest" | /usr/bin/python3 -m json.tool > "$out/models.json"
