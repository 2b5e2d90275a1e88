#!/usr/bin/env bash
# Evidence is sacred: a scan leaves every evidence file's bytes, mtime and atime unchanged,
# creates nothing inside the source, and never extracts archive members by their stored names
# (a member called ../../x is only a provenance string).
source "$(dirname "$0")/lib.sh"

E=$T/src/evidence
mkdir -p "$E/sub" "$T/stage/a/b"
for i in $(seq 1 20); do head -c $((i * 5000)) /dev/urandom > "$E/sub/f$i.bin"; done
printf 'x\n' > "$E/plain.txt"
# Archive with hostile member names: path traversal, absolute path.
printf 'escaped?\n' > "$T/stage/a/b/evil.txt"
# An absolute member name (tar -P keeps the leading slash).
printf 'absolute?\n' > /tmp/ngb_absolute_escape_$$.txt
tar -cPf "$E/absolute.tar" /tmp/ngb_absolute_escape_$$.txt
rm /tmp/ngb_absolute_escape_$$.txt
(cd "$T/stage/a/b" && tar -cf "$E/hostile.tar" --transform 's,^,../../,' evil.txt)
# Content digests first (reading updates atime), then old atimes on every file and folder, so a
# read by the scan that updated atime would show whatever the mount's relatime policy.
digests_before=$(cd "$T/src" && find . -type f -exec sha256sum {} + | sort)
listing_before=$(cd "$T" && find . -path ./case -prune -o -print | sort)
mapfile -d '' paths < <(find "$T/src" -print0)
touch -h -m -d '2002-02-02 00:00:00' "${paths[@]}"
touch -h -a -d '2001-01-01 00:00:00' "${paths[@]}"
# stat does not read contents or list folders, so it does not disturb atimes itself.
metadata() { stat -c '%n %F %s %Y.%y %X.%x' "${paths[@]}"; }
before=$(metadata)

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --quiet "$E"
assert_eq 0 "$rc" "scan exit code"

after=$(metadata)  # before anything below lists folders again
[ "$before" == "$after" ] || { diff <(echo "$before") <(echo "$after") >&2; fail "evidence size, mtime or atime changed"; }
assert_eq "$digests_before" "$(cd "$T/src" && find . -type f -exec sha256sum {} + | sort)" "evidence bytes"
listing_after=$(cd "$T" && find . -path ./case -prune -o -print | sort)
assert_eq "$listing_before" "$listing_after" "nothing created next to or inside the evidence"
[ ! -e /tmp/ngb_absolute_escape_$$.txt ] || fail "absolute member name was extracted"
assert_eq 1 "$(sql "$C" "SELECT count(*) FROM items WHERE path_text = 'evidence/absolute.tar!//tmp/ngb_absolute_escape_$$.txt'")" "absolute name kept as provenance"
[ -z "$(ls -A "$C/tmp")" ] || fail "spool files left behind"
got=$(sql "$C" "SELECT path_text FROM items WHERE path_text LIKE '%hostile.tar!/%'")
assert_eq 'evidence/hostile.tar!/../../evil.txt' "$got" "traversal name kept as provenance only"
pass "read-only: bytes, mtime, atime unchanged; hostile names are strings"
