#!/usr/bin/env bash
# `export --format hashdeep` passes hashdeep's own audit of the source folder, and the audit fails
# once a file changes (so the check has teeth).
source "$(dirname "$0")/lib.sh"

E=$T/evidence
mkdir -p "$E/a/b" "$E/with space"
for i in $(seq 1 40); do head -c $((i * 997)) /dev/urandom > "$E/a/f$i.bin"; done
printf 'text\n' > "$E/a/b/t.txt"
printf 'spaced\n' > "$E/with space/s p.txt"
: > "$E/empty"
(cd "$E/a" && zip -q "$E/arch.zip" f1.bin f2.bin)

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --quiet "$E"
assert_eq 0 "$rc" "scan exit code"
"$NGB" export --case "$C" --format hashdeep --out "$T/known.hashdeep"
head -n 2 "$T/known.hashdeep" | grep -q '^%%%% size,md5,sha1,sha256,filename$' || fail "hashdeep header"
assert_eq "$(find "$E" -type f | wc -l)" "$(grep -vc '^[%#]' "$T/known.hashdeep")" "one line per file"

out=$(hashdeep -a -k "$T/known.hashdeep" -r "$E" 2>&1) || fail "hashdeep audit failed: $out"
echo "$out" | grep -q "Audit passed" || fail "hashdeep audit: $out"
pass "hashdeep -a -k EXPORT -r SOURCE: $out"

# The same scan with small files read one by one instead of in io_uring batches: same results.
C2=$T/case-no-uring
new_case "$C2"
NGB_NO_IO_URING=1 "$NGB" scan --case "$C2" --quiet "$E" || fail "scan without io_uring"
"$NGB" export --case "$C2" --format hashdeep --out "$T/known2.hashdeep"
assert_eq "$(grep -v '^[%#]' "$T/known.hashdeep" | sort)" "$(grep -v '^[%#]' "$T/known2.hashdeep" | sort)" \
  "io_uring batches and file-by-file reads agree"

printf 'changed' >> "$E/a/b/t.txt"
if hashdeep -a -k "$T/known.hashdeep" -r "$E" >/dev/null 2>&1; then fail "audit passed after a change"; fi
pass "audit fails after a change"
