#!/usr/bin/env bash
# Hostile and broken input becomes an error row with a reason, and the scan goes on to record
# everything else: permission denied, corrupt/truncated/encrypted archives, a compression bomb,
# a nesting bomb, symlink loops, FIFOs, invalid UTF-8 names, zero-byte and sparse huge files.
source "$(dirname "$0")/lib.sh"

E=$T/evidence
S=$T/stage
mkdir -p "$E" "$S"
printf 'good\n' > "$E/good.txt"
printf 'member\n' > "$S/m.txt"
head -c 200000 /dev/urandom > "$S/r.bin"

# Corrupt and truncated archives.
(cd "$S" && zip -q full.zip m.txt r.bin)
head -c 100000 "$S/full.zip" > "$E/truncated.zip"
(cd "$S" && tar czf full.tgz m.txt r.bin)
head -c 50000 "$S/full.tgz" > "$E/truncated.tgz"
{ printf 'PK\003\004'; head -c 4000 /dev/urandom; } > "$E/garbage.zip"
# Encrypted archives.
(cd "$S" && zip -q -P secret "$E/encrypted.zip" m.txt)
(cd "$S" && 7z a -bso0 -psecret -mhe=on "$E/encrypted-headers.7z" m.txt >/dev/null)
# A compression bomb: 3 GiB of zeros in a small zstd stream.
head -c 3G /dev/zero | zstd -q -1 > "$E/bomb.zst"
# A 42.zip-style nesting bomb: each level holds 4 copies of the level below.
head -c 20000000 /dev/zero > "$S/l0.bin"
(cd "$S" && zip -q l1.zip l0.bin)
for lvl in 2 3 4 5 6; do
  prev=l$((lvl - 1)).zip
  (cd "$S" && for c in a b c d; do cp "$prev" "$c-$prev"; done && zip -q "l$lvl.zip" ?-"$prev" && rm ?-"$prev")
done
cp "$S/l6.zip" "$E/nested-bomb.zip"
# Symlink loops and a FIFO.
ln -s loop1 "$E/loop1"
ln -s loop3 "$E/loop2" && ln -s loop2 "$E/loop3"
ln -s good.txt "$E/fine-link"
mkfifo "$E/pipe"
# Invalid UTF-8 name, zero-byte file, sparse huge file.
printf 'latin1\n' > "$E/$(printf 'caf\xe9.txt')"
: > "$E/zero.bin"
truncate -s 1G "$E/sparse.img"
printf 'tail' | dd of="$E/sparse.img" bs=1 seek=$((1024 * 1024 * 512)) conv=notrunc status=none
# Permission denied: an unreadable file and folder (checked as an unprivileged user when root).
printf 'secret\n' > "$E/locked.txt" && chmod 000 "$E/locked.txt"
mkdir -p "$E/locked-dir" && printf 'x' > "$E/locked-dir/inside.txt" && chmod 000 "$E/locked-dir"

C=$T/case
new_case "$C"
if [ "$(id -u)" -eq 0 ]; then
  chmod -R a+rwX "$C" && chmod a+rx "$T"
  RUN=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
else
  RUN=()
fi
set +e
timeout 600 "${RUN[@]}" "$NGB" scan --case "$C" --quiet "$E"
rc=$?
set -e
assert_eq 1 "$rc" "scan with item errors exits 1"

reason() { sql "$C" "SELECT coalesce(error, 'none') FROM items WHERE path_text = '$1'"; }
assert_eq none "$(reason evidence/good.txt)" "good file"
assert_eq permission_denied "$(reason evidence/locked.txt)" "unreadable file"
assert_eq permission_denied "$(reason evidence/locked-dir)" "unreadable folder"
assert_eq truncated "$(reason evidence/truncated.zip)" "truncated zip"
r=$(reason evidence/truncated.tgz); [[ "$r" == truncated || "$r" == corrupt_archive ]] || fail "truncated tgz: $r"
r=$(reason evidence/garbage.zip); [[ "$r" == corrupt_archive || "$r" == truncated ]] || fail "garbage zip: $r"
assert_eq encrypted "$(reason 'evidence/encrypted.zip!/m.txt')" "encrypted zip member"
r=$(reason evidence/encrypted-headers.7z); [[ "$r" == encrypted ]] || fail "7z with encrypted headers: $r"
assert_eq compression_bomb "$(reason evidence/bomb.zst)" "compression bomb"
assert_eq compression_bomb "$(reason 'evidence/bomb.zst!/bomb')" "compression bomb member"
r=$(sql "$C" "SELECT group_concat(DISTINCT error) FROM items WHERE path_text LIKE 'evidence/nested-bomb.zip%' AND error IS NOT NULL")
[[ "$r" == *nesting_too_deep* || "$r" == *compression_bomb* ]] || fail "nesting bomb: $r"
[ "$(sql "$C" "SELECT max(depth) FROM items")" -le 4 ] || fail "nesting deeper than --max-depth"
assert_eq symlink_loop "$(reason evidence/loop1)" "self loop"
assert_eq symlink_loop "$(reason evidence/loop2)" "two-link loop"
assert_eq "none|good.txt" "$(sql "$C" "SELECT coalesce(error,'none') || '|' || link_target FROM items WHERE path_text = 'evidence/fine-link'")" "plain symlink"
assert_eq "fifo|none" "$(sql "$C" "SELECT kind || '|' || coalesce(error,'none') FROM items WHERE path_text = 'evidence/pipe'")" "fifo recorded, not opened"
assert_eq 'evidence/caf\xE9.txt' "$(sql "$C" "SELECT path_text FROM items WHERE hex(path) = hex(CAST('evidence/caf' AS BLOB)) || 'E92E747874'")" "invalid UTF-8 name"
b64=$("$NGB" export --case "$C" --format jsonl | grep -F 'caf\\xE9' | sed 's/.*"path_b64":"\([^"]*\)".*/\1/')
assert_eq "$(printf 'evidence/caf\xe9.txt' | base64)" "$b64" "path_b64 is lossless"
assert_eq "d41d8cd98f00b204e9800998ecf8427e" "$(sql "$C" "SELECT md5 FROM items WHERE path_text = 'evidence/zero.bin'")" "zero-byte file"
want=$(sha256sum "$E/sparse.img" | cut -d' ' -f1)
assert_eq "$want|1|1073741824" "$(sql "$C" "SELECT sha256 || '|' || sparse || '|' || size FROM items WHERE path_text = 'evidence/sparse.img'")" "sparse huge file"
assert_eq "$(sha256sum "$S/m.txt" | cut -d' ' -f1)" "$(sql "$C" "SELECT sha256 FROM items WHERE path_text = 'evidence/truncated.zip!/m.txt'")" "member before the truncation kept"
pass "every hostile item has its reason; the rest was recorded"

# The summary counts errors by reason.
out=$("$NGB" export --case "$C" --format jsonl | grep -c '"error":null')
[ "$out" -gt 10 ] || fail "too few good rows: $out"

# The limits are configurable: a total-expanded-size limit stops an archive that a ratio limit
# alone would let through.
mkdir -p "$T/lim" && head -c 5000000 /dev/urandom > "$S/five.bin" && (cd "$S" && zip -q -0 "$T/lim/five.zip" five.bin)
new_case "$T/c-lim"
run_ngb scan --case "$T/c-lim" --quiet --max-expanded 1M "$T/lim"
assert_eq 1 "$rc" "scan with --max-expanded exits 1"
assert_eq expanded_size_limit "$(sql "$T/c-lim" "SELECT error FROM items WHERE path_text = 'lim/five.zip'")" "--max-expanded"
pass "configurable expansion limit"
