#!/usr/bin/env bash
# Known-material matching end to end, with benign generated images only: hash sets built from
# original pictures (a PDQ list and an md5sum list); a folder holding exact copies, resized,
# recompressed (q35), rotated, mirrored and grayscale copies (one inside a zip) and unrelated
# pictures. `scan` and `match` must find every copy and no unrelated picture.
source "$(dirname "$0")/lib.sh"

O=$T/originals E=$T/evidence L=$T/library
mkdir -p "$O" "$E/copies" "$E/unrelated"
for i in 1 2 3 4; do
  convert -size 480x360 -seed "$i" plasma:fractal -blur 0x2 -quality 92 "$O/orig$i.jpg"
done
for i in 11 12 13 14 15 16; do
  convert -size 400x300 -seed "$i" plasma:fractal -blur 0x2 -quality 90 "$E/unrelated/other$i.jpg"
done
cp "$O/orig1.jpg" "$E/copies/exact1.jpg"
convert "$O/orig1.jpg" -resize 50% "$E/copies/resized1.jpg"
convert "$O/orig2.jpg" -quality 35 "$E/copies/q35-2.jpg"
convert "$O/orig2.jpg" -rotate 90 "$E/copies/rot90-2.jpg"
convert "$O/orig3.jpg" -flop "$E/copies/mirror3.jpg"
convert "$O/orig3.jpg" -colorspace Gray "$E/copies/gray3.jpg"
convert "$O/orig4.jpg" -rotate 270 "$T/rot270-4.png"
(cd "$T" && zip -q "$E/copies/archive.zip" rot270-4.png)

"$NGB" hash --json "$O"/*.jpg | jq -r '"\(.pdq),\(.pdq_quality)"' > "$T/originals.pdq"
(cd "$O" && md5sum orig1.jpg) > "$T/originals.md5"
export NIGEHBAAN_HASHSETS=$L
"$NGB" hashset import "$T/originals.pdq" --name demo-pdq --kind alert --format pdq >/dev/null
"$NGB" hashset import "$T/originals.md5" --name demo-md5 --kind alert --format md5sum >/dev/null
m1=$(md5sum < "$O/orig1.jpg" | cut -d' ' -f1)
printf '{"@odata.context":"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media","value":[{"MediaID":1,"Category":3,"MD5":"%s"}]}\n' "$m1" > "$T/demo.json"
"$NGB" hashset import "$T/demo.json" --name demo-vics --kind alert --format vics >/dev/null
pass "hash sets imported"

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --json "$E" > "$T/summary.json"
assert_eq 0 "$rc" "scan exit code"
assert_eq 7 "$(jq '.matched_items_by_kind.alert' "$T/summary.json")" "summary: items with alert hits"
"$NGB" export --case "$C" --format jsonl --out "$T/items.jsonl"
jq -c 'select((.type // "") | startswith("image/")) | {path, n: (.matches | length), best: ([.matches[] | select(.type == "pdq") | .distance] | min)}' \
  "$T/items.jsonl" > "$T/summary.jsonl"
cat "$T/summary.jsonl"
for copy in exact1.jpg resized1.jpg q35-2.jpg rot90-2.jpg mirror3.jpg gray3.jpg archive.zip!/rot270-4.png; do
  jq -e -s --arg p "evidence/copies/$copy" 'any(.[]; .path == $p and .n > 0)' "$T/summary.jsonl" >/dev/null \
    || fail "$copy did not match"
done
[ "$(jq -s '[.[] | select(.path | startswith("evidence/unrelated/")) | select(.n > 0)] | length' "$T/summary.jsonl")" = 0 ] \
  || fail "an unrelated picture matched"
jq -e -s 'any(.[]; .path == "evidence/copies/exact1.jpg" and ([.matches[].type] | index("md5") != null))' "$T/items.jsonl" >/dev/null \
  || fail "exact copy: md5 match"
assert_eq 3 "$(sql "$C" "SELECT count(*) FROM scan_hashsets")" "scan records the sets it used"
jq -e -s 'any(.[]; .path == "evidence/copies/exact1.jpg" and any(.matches[]; .set == "demo-vics" and .category == 3))' "$T/items.jsonl" >/dev/null \
  || fail "VICS category carried to the match"
pass "scan: every copy matches (exact, resized, q35, rotated, mirrored, gray, in a zip); no unrelated picture does"

run_ngb match --json "$E/copies/rot90-2.jpg" "$E/unrelated/other11.jpg"
"$NGB" match --json "$E/copies/rot90-2.jpg" "$E/unrelated/other11.jpg" > "$T/match.jsonl"
sed -n 1p "$T/match.jsonl" | jq -e '.input and (.matches | length) > 0 and (.matches[0] | has("set") and has("kind") and has("type") and has("hash") and has("distance") and has("category"))' >/dev/null \
  || fail "match --json fields"
sed -n 2p "$T/match.jsonl" | jq -e '.matches == []' >/dev/null || fail "unrelated file matched"
h=$(md5sum < "$O/orig1.jpg" | cut -d' ' -f1)
"$NGB" match --json --hash "$h" | jq -e '.matches[0].type == "md5" and .matches[0].set == "demo-md5"' >/dev/null \
  || fail "match --hash md5"
run_ngb match --json --hash nothex
assert_eq 1 "$rc" "bad hash: exit 1"
pass "match: files and hashes"

# Sharing back: a VICS 2.0 case file of the case's media that our own importer accepts.
"$NGB" export --case "$C" --format vics --out "$T/case-vics.json"
jq -e '."@odata.context" | endswith("#Cases")' "$T/case-vics.json" >/dev/null || fail "VICS 2.0 envelope"
media=$(jq '[.value[0].Media[]] | length' "$T/case-vics.json")
[ "$media" -ge 13 ] || fail "media exported: $media"
jq -e --arg m "$m1" '[.value[0].Media[] | select(.MD5 == $m)][0] | .Category == 3 and (.MediaFiles | length) >= 1 and .SHA1 != null' \
  "$T/case-vics.json" >/dev/null || fail "category and files of the categorised image"
"$NGB" hashset import "$T/case-vics.json" --name shared-back --kind watch --json > "$T/imp.json"
assert_eq "$media" "$("$NGB" hashset stats shared-back --json | jq .entries)" "our importer reads our VICS export"
pass "export --format vics: $media media, re-imported"
