#!/usr/bin/env bash
# Installs everything Nigehbaan needs to build, test and benchmark on Debian 12.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  # libraries
  libssl-dev libarchive-dev libmagic-dev libsqlite3-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # allocator of the nigehbaan binary (per-item allocations freed on other threads)
  libmimalloc-dev
  # images (PDQ), hash sets, io
  libjpeg62-turbo-dev libturbojpeg0-dev libpng-dev libwebp-dev libgif-dev libtiff-dev libheif-dev
  libsimdjson-dev liburing-dev
  # chat and text analysis
  libicu-dev libpugixml-dev liblinear-dev
  # review server: HTTP(S) API, Argon2id account passwords
  libcpp-httplib-dev libsodium-dev libargon2-dev
  # tests and benchmarks: archive tools to build fixtures, hashdeep as the oracle, sqlite3 to inspect
  sqlite3 hashdeep zip unzip p7zip-full zstd xz-utils bzip2 genisoimage libxml2-utils time util-linux file
  imagemagick libjpeg-turbo-progs webp jq
  # text-model benchmark yardstick (scikit-learn pipeline)
  python3-sklearn
  # disk images: The Sleuth Kit, libewf; tools that build test images and the reference tool (fls/icat)
  libtsk-dev libewf-dev ewf-tools sleuthkit mtools ntfs-3g exfatprogs xorriso gdisk fdisk dosfstools e2fsprogs
  # image prioritisation: OpenCV dnn (ONNX), face cascades, Tesseract OCR, model conversion
  libopencv-dev opencv-data libtesseract-dev tesseract-ocr-eng tesseract-ocr-urd python3-onnx python3-numpy
  # review UI browser tests and PDF reports: headless Chromium (driven by playwright-core from npm)
  chromium chromium-driver fonts-noto-core
  # report checks in the tests: PDF text read back (pdftotext), CASE/UCO parsed as RDF (rdflib)
  poppler-utils python3-rdflib
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Image classifier models (nsfwjs from npm, converted to ONNX; see scripts/fetch-models.sh).
# Optional at run time, needed by the classifier's tests (they skip without them).
if command -v npm >/dev/null && command -v node >/dev/null; then
  "$(dirname "$0")/fetch-models.sh" >/dev/null || echo "warning: scripts/fetch-models.sh failed; classifier tests will skip" >&2
else
  echo "warning: node/npm not found: image classifier models not built (scripts/fetch-models.sh)" >&2
fi
