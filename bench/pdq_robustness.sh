#!/usr/bin/env bash
# pdq_robustness.sh — do edited copies of real photos still match their original by PDQ?
#
# For each real photo among Meta's PDQ test images (../shared/testdata/pdq/images, or --images
# DIR), makes copies that are resized (50 %), recompressed (JPEG q35), rotated 90/180/270,
# mirrored (flop, flip, transpose, transverse) and grayscale; imports the originals' PDQ hashes as
# a set and runs `nigehbaan match` on every copy (all 8 rotations/mirrors of each copy are queried,
# computed from its pixels). Prints the share of copies that match their own original within 31
# bits, and any false match (a copy matching another photo).
#
# usage: bench/pdq_robustness.sh [--build build] [--images DIR]
set -euo pipefail
BUILD=build
IMAGES=$(cd "$(dirname "$0")/../.." && pwd)/shared/testdata/pdq/images
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --images) IMAGES=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
NGB=${NGB:-$BUILD/nigehbaan}
W=$(mktemp -d /tmp/ngb-robust.XXXXXX)
trap 'rm -rf "$W"' EXIT
# Distinct real photos (one per scene; the bridge's own edits and rotations are left out).
photos=(reg-test-input/dih/bridge-1-original.jpg reg-test-input/labelme-subset/q0122.jpg
        reg-test-input/labelme-subset/q0291.jpg reg-test-input/labelme-subset/q0746.jpg
        reg-test-input/labelme-subset/q1050.jpg reg-test-input/labelme-subset/q2821.jpg
        reg-test-input/exif-rotn/exif-rotn-6.jpg reg-test-input/pen-and-coaster.png
        python-threatexchange/rgb.jpeg)
edits=("resize:-resize 50%" "q35:-quality 35" "rot90:-rotate 90" "rot180:-rotate 180" "rot270:-rotate 270"
       "flop:-flop" "flip:-flip" "transpose:-transpose" "transverse:-transverse" "gray:-colorspace Gray")
mkdir -p "$W/orig" "$W/copies"
n=0
for p in "${photos[@]}"; do
  [ -f "$IMAGES/$p" ] || { echo "missing $IMAGES/$p" >&2; exit 2; }
  n=$((n + 1))
  convert "$IMAGES/$p" -alpha off "$W/orig/p$n.png"
  for e in "${edits[@]}"; do
    name=${e%%:*}; args=${e#*:}
    # shellcheck disable=SC2086
    convert "$IMAGES/$p" -alpha off $args -quality 90 "$W/copies/p$n-$name.jpg"
  done
done
"$NGB" hash --json "$W"/orig/*.png | jq -r '"\(.pdq),\(.pdq_quality),\(.path | split("/") | last)"' > "$W/orig.pdq"
export NIGEHBAAN_HASHSETS=$W/lib
"$NGB" hashset import "$W/orig.pdq" --name originals --kind watch --format pdq >/dev/null
# Map entry hash -> photo number for telling true from false matches.
"$NGB" match --json --library "$W/lib" "$W"/copies/*.jpg > "$W/match.jsonl" || true
python3 - "$W/orig.pdq" "$W/match.jsonl" <<'PY'
import json, sys
orig = {}
for line in open(sys.argv[1]):
    h, q, name = line.strip().split(",")
    orig[h] = name.split(".")[0]  # p3
total = ok = false = 0
misses = []
for line in open(sys.argv[2]):
    j = json.loads(line)
    photo = j["input"].split("/")[-1].split("-")[0]
    total += 1
    own = [m for m in j["matches"] if orig.get(m["hash"]) == photo]
    other = [m for m in j["matches"] if orig.get(m["hash"]) != photo]
    if own: ok += 1
    else: misses.append(j["input"].split("/")[-1])
    false += len(other)
print(f"copies matching their original (d<=31, 8 variants from pixels): {ok}/{total} = {100*ok/total:.1f}% (target >= 97%)")
print(f"false matches (a copy matching another photo): {false}")
if misses: print("missed:", " ".join(misses))
PY
