#!/usr/bin/env bash
# A scan killed with SIGKILL and run again with the same command finishes the same case: every
# item exactly once, none missing, digests equal to a scan that was never interrupted.
source "$(dirname "$0")/lib.sh"

E=$T/evidence
for d in $(seq 1 20); do
  mkdir -p "$E/d$d"
  for i in $(seq 1 60); do head -c 150000 /dev/urandom > "$E/d$d/f$i.bin"; done
  (cd "$E/d$d" && zip -q -0 "$E/d$d/pack.zip" f1.bin f2.bin f3.bin f4.bin f5.bin)
done

# Reference: an uninterrupted scan.
R=$T/ref
new_case "$R"
"$NGB" scan --case "$R" --quiet "$E"
ref_count=$(sql "$R" "SELECT count(*) FROM items")

C=$T/case
new_case "$C"
kill_scans "$C" 150 "$E"
pass "killed $killed time(s); $partial of $ref_count rows were committed"

run_ngb scan --case "$C" --quiet "$E"
assert_eq 0 "$rc" "resumed scan exit code"
assert_eq 1 "$(sql "$C" "SELECT count(*) FROM scans")" "resumed into the same scan"
assert_eq complete "$(sql "$C" "SELECT status FROM scans")" "scan complete"
[ "$(sql "$C" "SELECT runs FROM scans")" -ge 2 ] || fail "runs not counted"
assert_eq "$ref_count" "$(sql "$C" "SELECT count(*) FROM items")" "item count"
assert_eq "$ref_count" "$(sql "$C" "SELECT count(DISTINCT path) FROM items")" "each path once"
a=$(sql "$R" "SELECT path_text || ' ' || coalesce(sha256,'-') FROM items ORDER BY path" | sha256sum)
b=$(sql "$C" "SELECT path_text || ' ' || coalesce(sha256,'-') FROM items ORDER BY path" | sha256sum)
assert_eq "$a" "$b" "same paths and digests as the uninterrupted scan"
grep -q scan_resume <<<"$(sql "$C" "SELECT action FROM audit_log")" || fail "scan_resume not audited"
run_ngb verify --case "$C" --no-rehash >/dev/null
assert_eq 0 "$rc" "verify after resume"
pass "resumed scan is complete and exact"
