#!/usr/bin/env bash
# `scan --classify` end to end on benign generated images: a rendered text screenshot of a threat
# (OCR text through the chat detectors: a sextortion finding on the image), a gradient photo
# (scores and a faces.count attribute), the JSONL export's classify/faces/ocr_text fields, and the
# review order; then the same scan without models completes and says the classification was skipped.
source "$(dirname "$0")/lib.sh"

command -v convert >/dev/null || { echo "skip: ImageMagick convert missing"; exit 0; }
mkdir -p "$T/ev"
convert -size 720x -background '#f2f2f2' -fill '#202020' -font DejaVu-Sans -pointsize 26 -interline-spacing 14 \
  caption:'Stranger: I have your photos.\nStranger: Send me 5000 rupees today\nStranger: or I will share your pictures with everyone\nStranger: and your family will see them.' \
  -bordercolor '#f2f2f2' -border 30 "$T/ev/shot.png"
convert -size 640x480 gradient:navy-orange "$T/ev/gradient.jpg"
echo "not an image" >"$T/ev/notes.txt"

# 1. With models (skipped when scripts/fetch-models.sh has not been run): scores on both images.
MODELS=${NGB_MODELS:-$HOME/.cache/nigehbaan/models}
new_case "$T/case"
if [ -f "$MODELS/nsfwjs-4.4.0-mobilenet_v2_mid.onnx" ]; then
  run_ngb scan --case "$T/case" --json --no-match --classify --models "$MODELS" "$T/ev" >"$T/scan.json" 2>"$T/scan.err"
  assert_eq 0 "$rc" "scan --classify exit code"
  jq -e '.classify.skipped == []' "$T/scan.json" >/dev/null || fail "nothing skipped with models: $(cat "$T/scan.json")"
  assert_eq 2 "$(sql "$T/case" "SELECT count(*) FROM item_attrs WHERE key = 'classify.model' AND value LIKE 'mobilenet_v2_mid 4.4.0 sha256:%'")" "images scored (the scan's default model)"
  # The small model on request; faces and OCR can be turned off.
  new_case "$T/case-small"
  run_ngb scan --case "$T/case-small" --json --no-match --classify --classify-model mobilenet_v2 --no-faces --ocr off \
    --models "$MODELS" "$T/ev" >"$T/scan-small.json" 2>"$T/scan-small.err"
  assert_eq 0 "$rc" "scan --classify --classify-model mobilenet_v2 exit code"
  assert_eq 2 "$(sql "$T/case-small" "SELECT count(*) FROM item_attrs WHERE key = 'classify.model' AND value LIKE 'mobilenet_v2 4.4.0 sha256:%'")" "images scored by the small model"
  assert_eq 0 "$(sql "$T/case-small" "SELECT count(*) FROM item_attrs WHERE key IN ('faces.count', 'ocr.text')")" "no faces or OCR when turned off"
  run_ngb scan --case "$T/case-small" --classify --classify-model resnet "$T/ev"
  assert_eq 2 "$rc" "unknown model name is a usage error"
  assert_eq 0 "$(sql "$T/case" "SELECT count(*) FROM item_attrs a JOIN items i ON i.id = a.item_id WHERE i.path_text LIKE '%notes.txt' AND a.key LIKE 'classify.%'")" "text file not classified"
  pass "scores with the model's name, version and digest"
else
  echo "note: ONNX models not built; checking faces/OCR only"
  run_ngb scan --case "$T/case" --json --no-match --classify --models "$T/nomodels" "$T/ev" >"$T/scan.json" 2>"$T/scan.err"
  assert_eq 0 "$rc" "scan --classify exit code"
fi
assert_eq 2 "$(sql "$T/case" "SELECT count(*) FROM item_attrs WHERE key = 'faces.count'")" "faces.count on both images"
sql "$T/case" "SELECT value FROM item_attrs WHERE key = 'ocr.text'" | grep -q rupees || fail "OCR text stored"
assert_eq sextortion "$(sql "$T/case" "SELECT f.label FROM chat_findings f JOIN conversations c ON c.id = f.conversation_id JOIN items i ON i.id = c.item_id WHERE i.path_text LIKE '%shot.png' LIMIT 1")" "threat screenshot flagged"
pass "faces counted, screenshot OCR'd into a sextortion finding"

# 2. The JSONL export carries classify / faces / ocr_text (null for other items).
"$NGB" export --case "$T/case" --format jsonl >"$T/items.jsonl"
jq -s -e 'all(has("classify") and has("faces") and has("ocr_text"))' "$T/items.jsonl" >/dev/null || fail "export fields"
jq -s -e 'map(select(.path | endswith("shot.png")))[0] | (.faces | type == "number") and (.ocr_text | test("rupees"))' \
  "$T/items.jsonl" >/dev/null || fail "export of the screenshot"
jq -s -e 'map(select(.path | endswith("notes.txt")))[0] | .classify == null and .faces == null' "$T/items.jsonl" >/dev/null \
  || fail "export of the text file"
pass "export --format jsonl"

# 3. Without models: the scan completes, says once that classification was skipped, and records it.
new_case "$T/case2"
run_ngb scan --case "$T/case2" --json --no-match --classify --models "$T/nomodels" "$T/ev" >"$T/scan2.json" 2>"$T/scan2.err"
assert_eq 0 "$rc" "scan without models exit code"
jq -e '.classify.skipped | any(startswith("classification skipped: model_missing"))' "$T/scan2.json" >/dev/null \
  || fail "summary JSON records the skip: $(cat "$T/scan2.json")"
assert_eq 1 "$(grep -c 'classification skipped' "$T/scan2.err")" "said once on stderr"
assert_eq 3 "$(sql "$T/case2" "SELECT count(*) FROM items WHERE kind = 'file'")" "items scanned"
assert_eq 0 "$(sql "$T/case2" "SELECT count(*) FROM item_attrs WHERE key = 'classify.model'")" "no scores"
pass "without models: scan completes, classification skipped"

# 4. OpenCV and Tesseract live in a module (nigehbaan-vision.so) loaded only when needed (the
# binary does not link them: test_cli.sh): without the module the scan still completes and says
# what it skipped, while `classify` (which cannot do its job) exits 2 naming the module.
new_case "$T/case3"
NGB_VISION_MODULE="$T/no-such-module.so" run_ngb scan --case "$T/case3" --json --no-match --classify \
  --models "$MODELS" "$T/ev" >"$T/scan3.json" 2>"$T/scan3.err"
assert_eq 0 "$rc" "scan without the vision module exit code"
jq -e '[.classify.skipped[] | select(contains("vision_module_missing"))] | length >= 1' "$T/scan3.json" >/dev/null \
  || fail "summary JSON records the missing module: $(cat "$T/scan3.json")"
assert_eq 3 "$(sql "$T/case3" "SELECT count(*) FROM items WHERE kind = 'file'")" "items scanned without the module"
NGB_VISION_MODULE="$T/no-such-module.so" run_ngb classify --models "$MODELS" "$T/ev/gradient.jpg" >"$T/cls3.out" 2>"$T/cls3.err"
assert_eq 2 "$rc" "classify without the vision module exit code"
grep -q 'vision_module_missing' "$T/cls3.err" || fail "classify names the missing module: $(cat "$T/cls3.err")"
pass "without the vision module: scan completes and says so; classify exits 2"
