#!/usr/bin/env bash
# nsfw_false_positives.sh DIR [NGB]: the classifier's false-positive rate on a folder of images
# KNOWN TO BE BENIGN (the agency's own sets: holiday photos, documents, screenshots, drawings).
# For each model prints how many images scored
#   Porn > 0.6                     (the "explicit" top class alone), and
#   Porn + Hentai + Sexy > 0.6     (any of the sexual classes together),
# as counts and fractions of the images that could be classified; unreadable files are counted
# apart. Every such hit on a benign set is a false positive: the number to quote in a report of
# how far the scores can be trusted as a review order (docs/image-classifier.md). It also lists
# the 10 highest-scoring files per model, to look at.
#   NGB defaults to build/nigehbaan; models are found as `nigehbaan classify` finds them.
set -euo pipefail
dir=${1:?usage: nsfw_false_positives.sh DIR [NGB]}
here=$(cd "$(dirname "$0")/.." && pwd)
ngb=${2:-$here/build/nigehbaan}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$dir" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.gif' -o -iname '*.webp' \
  -o -iname '*.bmp' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.heic' -o -iname '*.avif' \) -print0 > "$tmp/files"
n=$(tr -cd '\0' < "$tmp/files" | wc -c)
echo "$n image files under $dir"
[ "$n" -gt 0 ] || exit 0
for model in mobilenet_v2 mobilenet_v2_mid; do
  # exit 1 = some files unreadable (counted below), anything else is fatal
  xargs -0 -n 200 "$ngb" classify --json --model "$model" < "$tmp/files" > "$tmp/$model.jsonl" || [ $? -eq 123 ]
  /usr/bin/python3 - "$tmp/$model.jsonl" "$model" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ok = [r for r in rows if r["scores"]]
bad = len(rows) - len(ok)
porn = [r for r in ok if r["scores"]["Porn"] > 0.6]
sexual = [r for r in ok if r["scores"]["Porn"] + r["scores"]["Hentai"] + r["scores"]["Sexy"] > 0.6]
n = max(len(ok), 1)
print(f"{sys.argv[2]:18s} classified {len(ok)}, errors {bad}; Porn>0.6: {len(porn)} ({100*len(porn)/n:.2f} %); "
      f"Porn+Hentai+Sexy>0.6: {len(sexual)} ({100*len(sexual)/n:.2f} %)")
top = sorted(ok, key=lambda r: -(r["scores"]["Porn"] + r["scores"]["Hentai"] + r["scores"]["Sexy"]))[:10]
for r in top:
    s = r["scores"]
    print(f"    P {s['Porn']:.3f}  H {s['Hentai']:.3f}  S {s['Sexy']:.3f}  {r['path']}")
PY
done
