#!/usr/bin/env bash
# `nigehbaan hash`: digests agree with coreutils, images get a PDQ hash and quality, --json has
# the documented fields, --dihedral the 8 variants, and bad files are error rows with exit 1.
# `scan` stores the same PDQ for an image on disk and inside a zip.
source "$(dirname "$0")/lib.sh"

E=$T/evidence
mkdir -p "$E"
convert -size 320x240 -seed 7 plasma:fractal -quality 90 "$E/plasma.jpg"
convert "$E/plasma.jpg" "$E/plasma.png"
printf 'just text\n' > "$E/note.txt"
(cd "$E" && zip -q inner.zip plasma.png)

run_ngb hash --json "$E/plasma.jpg" "$E/note.txt" > "$T/out.jsonl"
assert_eq 0 "$rc" "exit code"
assert_eq 2 "$(wc -l < "$T/out.jsonl")" "one line per file"
jpg=$(sed -n 1p "$T/out.jsonl")
for key in path size md5 sha1 sha256 pdq pdq_quality error; do
  echo "$jpg" | jq -e "has(\"$key\")" >/dev/null || fail "--json lacks $key"
done
assert_eq "$(md5sum < "$E/plasma.jpg" | cut -d' ' -f1)" "$(echo "$jpg" | jq -r .md5)" "md5"
assert_eq "$(sha1sum < "$E/plasma.jpg" | cut -d' ' -f1)" "$(echo "$jpg" | jq -r .sha1)" "sha1"
assert_eq "$(sha256sum < "$E/plasma.jpg" | cut -d' ' -f1)" "$(echo "$jpg" | jq -r .sha256)" "sha256"
echo "$jpg" | jq -e '.pdq | test("^[0-9a-f]{64}$")' >/dev/null || fail "pdq is 64 hex"
echo "$jpg" | jq -e '.pdq_quality >= 50 and .error == null' >/dev/null || fail "quality and error: $jpg"
sed -n 2p "$T/out.jsonl" | jq -e '.pdq == null and .pdq_quality == null and .error == null' >/dev/null \
  || fail "text file: pdq null"
pass "hash --json fields, digests match coreutils"

# A JPEG and a lossless PNG of the same pixels are near-duplicates.
png=$("$NGB" hash --json "$E/plasma.png")
d=$(python3 -c "print(bin(int('$(echo "$jpg" | jq -r .pdq)',16) ^ int('$(echo "$png" | jq -r .pdq)',16)).count('1'))")
[ "$d" -le 16 ] || fail "jpeg vs png distance $d"
pass "jpeg and png of the same picture are $d bits apart"

run_ngb hash --json --dihedral "$E/plasma.jpg"
"$NGB" hash --json --dihedral "$E/plasma.jpg" | jq -e '.pdq_dihedral | keys == ["flipm","flipp","flipx","flipy","orig","rot180","rot270","rot90"]' >/dev/null \
  || fail "--dihedral keys"
"$NGB" hash --json --dihedral "$E/plasma.jpg" | jq -e '.pdq_dihedral.orig == .pdq' >/dev/null || fail "orig == pdq"
pass "--dihedral"

printf 'garbage' > "$E/broken.jpg"; printf '\xff\xd8\xff\xe0garbage' >> "$E/broken.jpg"
run_ngb hash --json "$E/missing.jpg" "$E/broken.jpg" "$E/plasma.jpg" > "$T/bad.jsonl"
assert_eq 1 "$rc" "exit code with bad files"
assert_eq 3 "$(wc -l < "$T/bad.jsonl")" "every file has a line"
sed -n 1p "$T/bad.jsonl" | jq -e '.error != null and .md5 == null' >/dev/null || fail "missing file is an error row"
sed -n 3p "$T/bad.jsonl" | jq -e '.error == null and .pdq != null' >/dev/null || fail "the run goes on"
pass "bad files are error rows; exit 1"

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --quiet "$E"
"$NGB" export --case "$C" --format jsonl --out "$T/items.jsonl"
on_disk=$(jq -r 'select(.path == "evidence/plasma.png") | .pdq' "$T/items.jsonl")
in_zip=$(jq -r 'select(.path == "evidence/inner.zip!/plasma.png") | .pdq' "$T/items.jsonl")
assert_eq "$(echo "$png" | jq -r .pdq)" "$on_disk" "scan stores the same PDQ as hash"
assert_eq "$on_disk" "$in_zip" "PDQ of the image inside the zip"
assert_eq null "$(jq -r 'select(.path == "evidence/note.txt") | .pdq' "$T/items.jsonl")" "no PDQ for text"
pass "scan stores PDQ for images on disk and inside archives"
