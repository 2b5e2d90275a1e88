#!/usr/bin/env bash
# verify: passes on an untouched case; names the changed file when evidence changes; names the
# broken entry when the audit log is edited; notices edited item rows through the manifest.
source "$(dirname "$0")/lib.sh"

E=$T/evidence
mkdir -p "$E/sub"
printf 'one\n' > "$E/one.txt"
printf 'two\n' > "$E/sub/two.txt"
(cd "$E" && zip -q pack.zip one.txt)

C=$T/case
new_case "$C"
"$NGB" scan --case "$C" --quiet "$E"
run_ngb verify --case "$C" > "$T/out"
assert_eq 0 "$rc" "verify of an untouched case"
grep -q "verified: no problems" "$T/out" || fail "verify output: $(cat "$T/out")"
run_ngb verify --case "$C" --json > "$T/out.json"
grep -q '"ok":true' "$T/out.json" || fail "verify --json: $(cat "$T/out.json")"
pass "untouched case verifies"

# Changed evidence.
cp -a "$E" "$T/backup"
printf 'tampered\n' > "$E/sub/two.txt"
run_ngb verify --case "$C" > "$T/out"
assert_eq 1 "$rc" "verify after evidence change"
grep -q "FAILED: changed: evidence/sub/two.txt" "$T/out" || fail "changed file not named: $(cat "$T/out")"
rm "$E/one.txt"
run_ngb verify --case "$C" > "$T/out"
assert_eq 1 "$rc" "verify after evidence removal"
grep -q "missing: evidence/one.txt" "$T/out" || fail "missing file not named: $(cat "$T/out")"
rm -rf "$E" && mv "$T/backup" "$E"
run_ngb verify --case "$C" >/dev/null
assert_eq 0 "$rc" "verify after restoring evidence"
pass "changed and missing evidence named"

# Edited item rows: the manifest sealed in the audit log catches it.
cp -a "$C" "$T/c2"
sql "$T/c2" "UPDATE items SET sha256 = 'ff' WHERE path_text = 'evidence/one.txt'"
run_ngb verify --case "$T/c2" --no-rehash > "$T/out"
assert_eq 1 "$rc" "verify after item edit"
grep -q "FAILED: manifest" "$T/out" || fail "manifest problem not reported: $(cat "$T/out")"
pass "edited item rows detected"

# Edited audit log: triggers refuse edits; with the triggers dropped, the chain names the entry.
if sql "$C" "UPDATE audit_log SET actor = 'x' WHERE seq = 2" 2>/dev/null; then fail "audit log accepted an update"; fi
if sql "$C" "DELETE FROM audit_log WHERE seq = 2" 2>/dev/null; then fail "audit log accepted a delete"; fi
sql "$C" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Someone Else' WHERE seq = 2"
run_ngb verify --case "$C" --no-rehash > "$T/out"
assert_eq 1 "$rc" "verify after audit edit"
grep -q "FAILED: audit_chain: audit log entry 2" "$T/out" || fail "broken link not named: $(cat "$T/out")"
pass "audit log edit detected at the right entry"
