#!/usr/bin/env bash
# A folder with plain files, nested folders and archives (zip, tar.gz, tar.xz, tar.zst, 7z, iso,
# a zip inside a tar.gz): every file and member is recorded once with the right digests and
# provenance, types come from content, and the exit code is 0.
source "$(dirname "$0")/lib.sh"

E=$T/evidence
mkdir -p "$E/docs/deeper" "$T/stage/inner"
printf 'hello\n' > "$E/docs/hello.txt"
printf 'second file\n' > "$E/docs/deeper/b.txt"
: > "$E/empty.dat"
head -c 300000 /dev/urandom > "$E/random.bin"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82' > "$E/picture.txt"

printf 'inside zip\n' > "$T/stage/inner/z.txt"
printf 'top member\n' > "$T/stage/top.txt"
(cd "$T/stage" && zip -qr "$T/stage/nested.zip" inner)
(cd "$T/stage" && tar czf "$E/bundle.tar.gz" top.txt nested.zip)
(cd "$T/stage" && zip -qr "$E/photos.zip" inner top.txt)
(cd "$T/stage" && tar cJf "$E/b.tar.xz" top.txt)
(cd "$T/stage" && tar --zstd -cf "$E/c.tar.zst" top.txt)
(cd "$T/stage" && 7z a -bd -bso0 "$E/d.7z" top.txt >/dev/null)
genisoimage -quiet -o "$E/e.iso" "$T/stage/inner" 2>/dev/null
gzip -c "$T/stage/top.txt" > "$E/single.txt.gz"

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --quiet "$E"
assert_eq 0 "$rc" "scan exit code"

# Every file on disk is recorded with the digests sha256sum computes.
while IFS= read -r -d '' f; do
  rel=${f#"$T/"}
  want=$(sha256sum "$f" | cut -d' ' -f1)
  got=$(sql "$C" "SELECT sha256 FROM items WHERE path = CAST('$rel' AS BLOB)")
  assert_eq "$want" "$got" "sha256 of $rel"
  want=$(md5sum "$f" | cut -d' ' -f1)
  got=$(sql "$C" "SELECT md5 FROM items WHERE path = CAST('$rel' AS BLOB)")
  assert_eq "$want" "$got" "md5 of $rel"
done < <(find "$E" -type f -print0)
pass "file digests match sha256sum/md5sum"

want=$(sha256sum "$T/stage/top.txt" | cut -d' ' -f1)
for p in 'evidence/bundle.tar.gz!/top.txt' 'evidence/photos.zip!/top.txt' 'evidence/b.tar.xz!/top.txt' \
         'evidence/c.tar.zst!/top.txt' 'evidence/d.7z!/top.txt' 'evidence/single.txt.gz!/single.txt'; do
  assert_eq "$want" "$(sql "$C" "SELECT sha256 FROM items WHERE path_text = '$p'")" "member $p"
done
want=$(sha256sum "$T/stage/inner/z.txt" | cut -d' ' -f1)
assert_eq "$want" "$(sql "$C" "SELECT sha256 FROM items WHERE path_text = 'evidence/bundle.tar.gz!/nested.zip!/inner/z.txt'")" "nested member"
assert_eq "2" "$(sql "$C" "SELECT depth FROM items WHERE path_text = 'evidence/bundle.tar.gz!/nested.zip!/inner/z.txt'")" "nested depth"
assert_eq "$want" "$(sql "$C" "SELECT sha256 FROM items WHERE path_text LIKE 'evidence/e.iso!/%' AND path_text LIKE '%z.txt'")" "iso member"
pass "archive members recorded with provenance and digests"

# Each path once.
assert_eq 0 "$(sql "$C" "SELECT count(*) FROM (SELECT path FROM items GROUP BY path HAVING count(*) > 1)")" "duplicate paths"
# Type by content, mismatching extension noted.
assert_eq "image/png|1" "$(sql "$C" "SELECT mime, ext_mismatch FROM items WHERE path_text = 'evidence/picture.txt'")" "png named .txt"
assert_eq "application/zip" "$(sql "$C" "SELECT mime FROM items WHERE path_text = 'evidence/photos.zip'")" "zip type"
assert_eq "dir" "$(sql "$C" "SELECT kind FROM items WHERE path_text = 'evidence/docs/deeper'")" "directory recorded"
assert_eq "d41d8cd98f00b204e9800998ecf8427e" "$(sql "$C" "SELECT md5 FROM items WHERE path_text = 'evidence/empty.dat'")" "empty file"
assert_eq 0 "$(sql "$C" "SELECT count(*) FROM items WHERE error IS NOT NULL")" "no errors"
assert_eq "application/octet-stream|1" "$(sql "$C" "SELECT mime, entropy > 7.8 FROM items WHERE path_text = 'evidence/random.bin'")" "random content typed by entropy"
assert_eq "" "$(sql "$C" "SELECT entropy FROM items WHERE path_text = 'evidence/docs/hello.txt'")" "no entropy for identified content"
assert_eq 8 "$(sql "$C" "SELECT max(version) FROM schema_migrations")" "schema version"
assert_eq "$(stat -c %Y "$E/docs/hello.txt")" "$(sql "$C" "SELECT mtime_ns / 1000000000 FROM items WHERE path_text = 'evidence/docs/hello.txt'")" "mtime"
birth=$(stat -c %W "$E/docs/hello.txt")
if [ "$birth" != 0 ]; then  # the file system records birth times
  assert_eq "$birth" "$(sql "$C" "SELECT btime_ns / 1000000000 FROM items WHERE path_text = 'evidence/docs/hello.txt'")" "birth time"
fi
pass "types, kinds, empty file"

# Chain of custody.
assert_eq "complete|1" "$(sql "$C" "SELECT status, runs FROM scans")" "scan status"
assert_eq "Test Examiner" "$(sql "$C" "SELECT examiner FROM scans")" "scan examiner"
[ -n "$(sql "$C" "SELECT manifest_sha256 FROM scans")" ] || fail "manifest digest missing"
assert_eq "case_init scan_start scan_complete" "$(sql "$C" "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log ORDER BY seq)")" "audit actions"
pass "scan record and audit log"

# JSON summary.
C2=$T/case2
new_case "$C2"
out=$("$NGB" scan --case "$C2" --json "$E")
echo "$out" | grep -q '"errors":0' || fail "json summary: $out"
echo "$out" | grep -q '"manifest_sha256":"' || fail "json summary manifest: $out"
pass "json summary"
