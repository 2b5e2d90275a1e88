#!/usr/bin/env bash
# Exit codes and usage errors are part of the contract: 0 ok, 1 problems, 2 usage/fatal.
source "$(dirname "$0")/lib.sh"

"$NGB" --version | grep -q '^nigehbaan ' || fail "--version"
run_ngb; assert_eq 2 "$rc" "no subcommand"
run_ngb scan 2>/dev/null; assert_eq 2 "$rc" "scan without --case"
run_ngb scan --case "$T/nope" "$T" 2>/dev/null; assert_eq 2 "$rc" "scan into a missing case"
run_ngb export --case "$T/nope" --format jsonl 2>/dev/null; assert_eq 2 "$rc" "export from a missing case"
mkdir -p "$T/full" && touch "$T/full/x"
run_ngb case init "$T/full" --title t --examiner e 2>/dev/null; assert_eq 2 "$rc" "case init into a non-empty folder"
new_case "$T/c"
run_ngb export --case "$T/c" --format xml 2>/dev/null; assert_eq 2 "$rc" "unknown export format"
run_ngb scan --case "$T/c" --max-expanded 12Q "$T/full" 2>/dev/null; assert_eq 2 "$rc" "bad size"
run_ngb scan --case "$T/c" --quiet "$T/full"; assert_eq 0 "$rc" "clean scan"
run_ngb scan --case "$T/c" --quiet "$T/does-not-exist"; assert_eq 1 "$rc" "missing source is an item error"
assert_eq "vanished" "$(sql "$T/c" "SELECT error FROM items WHERE path_text = 'does-not-exist'")" "missing source reason"
# Piped output has no progress bar escape codes.
"$NGB" scan --case "$T/c" "$T/full" 2>"$T/err" >/dev/null || true
if grep -q $'\033' "$T/err"; then fail "progress drawn when not a terminal"; fi
pass "exit codes and quiet when piped"

# Every command starts without the libraries only some commands use: OpenCV and Tesseract live in
# nigehbaan-vision.so (dlopen'ed by classify), The Sleuth Kit and libewf are opened with the first
# disk image (source/tsk_lazy.cpp). Linking them again would cost every command ~40 ms at start.
if command -v readelf >/dev/null; then
  needed=$(readelf -d "$NGB" | grep NEEDED || true)
  if grep -qiE 'opencv|tesseract|libtsk|libewf' <<<"$needed"; then fail "nigehbaan links a lazily loaded library: $needed"; fi
  pass "the binary does not link OpenCV, Tesseract, TSK or libewf"
fi
# libtsk is opened with dlopen, so the binary must export the four functions that replace libtsk's
# own (src/source/tsk_guards.h: the allocation cap and three fixes); without them a hostile image
# makes TSK allocate gigabytes again.
if command -v nm >/dev/null; then
  exported=$(nm -D --defined-only "$NGB" | awk '{print $3}')
  for sym in tsk_malloc tsk_realloc tsk_fs_attr_append_run tsk_fs_name_copy; do
    grep -qx "$sym" <<<"$exported" || fail "nigehbaan does not export $sym: TSK's guards would not apply"
  done
  pass "TSK guard functions exported"
fi
