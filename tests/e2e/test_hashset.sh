#!/usr/bin/env bash
# `nigehbaan hashset`: importing every format (VICS 2.0 and 1.3, NSRL RDSv3, hashdeep, md5sum,
# PDQ), bad rows with their line numbers, --strict atomicity, --replace, remove (with the set's
# folder), the library location rules, --json output and exit codes. Synthetic hashes only.
source "$(dirname "$0")/lib.sh"

L=$T/lib
M0=00112233445566778899aabbccddeeff
M1=ffeeddccbbaa99887766554433221100
S1=0123456789abcdef0123456789abcdef01234567
P0=a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5
CTX='"@odata.context":"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media"'
nsets() { "$NGB" hashset list --library "$L" --json | wc -l; }

# --- VICS 2.0 hash-set file: good rows, a duplicate, a bad row --------------------------------
cat > "$T/vic.json" <<EOF
{$CTX,"value":[
{"MediaID":1,"Category":1,"MD5":"${M0^^}","SHA1":"$S1","VictimIdentified":"true","Series":"S"},
{"MediaID":2,"Category":2,"MD5":"$M1","AlternativeHashes":[{"HashName":"PDQ","HashValue":"$P0","Quality":80}]},
{"MediaID":3,"Category":3,"MD5":"not-a-digest"},
{"MediaID":4,"Category":2,"MD5":"$M0"}
]}
EOF
run_ngb hashset import "$T/vic.json" --name vic --kind alert --library "$L" > "$T/out"
assert_eq 1 "$rc" "import with a bad row exits 1"
grep -q 'line 4 (record 3): bad_md5' "$T/out" || fail "bad row with its line and record: $(cat "$T/out")"
grep -q '2 entries' "$T/out" || fail "duplicate merged: $(cat "$T/out")"
j=$("$NGB" hashset stats vic --library "$L" --json)
assert_eq 2 "$(jq .entries <<<"$j")" "entries"
assert_eq 1 "$(jq .pdq <<<"$j")" "pdq stored"
assert_eq 1 "$(jq .bad_rows <<<"$j")" "bad rows stored"
assert_eq 1 "$(jq .duplicates <<<"$j")" "duplicates"
assert_eq "$(sha256sum "$T/vic.json" | cut -d' ' -f1)" "$(jq -r .source_sha256 <<<"$j")" "source sha256"
assert_eq vics "$(jq -r .format <<<"$j")" "format detected"
assert_eq '"2.0"' "$(jq .details.source_version <<<"$j")" "VICS version"
assert_eq 1 "$(jq '.categories."1"' <<<"$j")" "most severe category kept for the merged entry"
assert_eq 0700 "$(stat -c %04a "$L")" "library folder is private"
pass "vics 2.0 import with bad row and duplicate"

# --- --strict: nothing added; name taken; --replace ------------------------------------------
run_ngb hashset import "$T/vic.json" --name strict --kind alert --strict --library "$L" --json > "$T/out"
assert_eq 1 "$rc" "strict import with a bad row exits 1"
assert_eq false "$(jq .committed "$T/out")" "strict: not committed"
assert_eq '"strict"' "$(jq .rejected_reason "$T/out")" "strict: reason"
assert_eq 3 "$(jq '.bad_row_samples[0].record' "$T/out")" "strict: bad record number"
assert_eq 1 "$(nsets)" "strict: library unchanged"
run_ngb hashset import "$T/vic.json" --name vic --kind alert --library "$L" 2>"$T/err" >/dev/null
assert_eq 2 "$rc" "existing name without --replace"
grep -q set_exists "$T/err" || fail "set_exists reason"
old_id=$(jq .id <<<"$j")
mkdir -p "$L/sets/$old_id" && touch "$L/sets/$old_id/md5.idx"
printf '%s  a.jpg\n%s  b.jpg\n' "$M0" "$M1" > "$T/list.md5"
run_ngb hashset import "$T/list.md5" --name vic --kind alert --replace --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "replace"
assert_eq "$old_id" "$(jq .replaced_set_id "$T/out")" "replaced set id"
[ ! -e "$L/sets/$old_id" ] || fail "the replaced set's folder is deleted"
assert_eq md5sum "$(jq -r .format "$T/out")" "md5sum detected"
pass "strict, set_exists, replace"

# --- VICS 1.3 case file, hashdeep from a real scan export, PDQ list, NSRL --------------------
cat > "$T/case13.json" <<EOF
{"odata.metadata":"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases","value":[
{"CaseID":"c-1","Media":[{"MD5":"$M0","Category":"1","VictimIdentified":"False"},{"MD5":"$M1","Category":"4"}]}]}
EOF
run_ngb hashset import "$T/case13.json" --name case13 --kind watch --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "vics 1.3 case file"
assert_eq 2 "$(jq .set.entries "$T/out")" "case file entries"
assert_eq '"cases"' "$(jq .source_layout "$T/out")" "case layout"

mkdir -p "$T/ev" && printf 'alpha\n' > "$T/ev/a.txt" && printf 'beta\n' > "$T/ev/b.txt"
new_case "$T/c"
"$NGB" scan --case "$T/c" --quiet "$T/ev"
"$NGB" export --case "$T/c" --format hashdeep --out "$T/known.hashdeep"
run_ngb hashset import "$T/known.hashdeep" --name known --kind known-good --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "hashdeep export of a scan"
assert_eq hashdeep "$(jq -r .format "$T/out")" "hashdeep detected"
assert_eq 2 "$(jq .set.sha256 "$T/out")" "hashdeep sha256 count"

printf 'hash,quality\n%s,90\n%s\n' "$P0" "${P0^^}" > "$T/watch.pdq"
run_ngb hashset import "$T/watch.pdq" --name pdq --kind watch --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "pdq list"
assert_eq 1 "$(jq .set.entries "$T/out")" "pdq duplicates merged"

sqlite3 "$T/rds.db" "CREATE TABLE METADATA(sha256 VARCHAR, sha1 VARCHAR, md5 VARCHAR, file_name VARCHAR,
  file_size INTEGER, package_id INTEGER);
  CREATE VIEW FILE AS SELECT sha256, sha1, md5, file_name, file_size, package_id FROM METADATA;
  INSERT INTO METADATA VALUES('$(printf 'AB%.0s' {1..32})','${S1^^}','${M1^^}','kernel32.dll',100,1);"
run_ngb hashset import "$T/rds.db" --name nsrl --kind known-good --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "nsrl"
assert_eq nsrl "$(jq -r .format "$T/out")" "nsrl detected"
assert_eq '"FILE"' "$(jq .source_layout "$T/out")" "nsrl FILE view"
[ ! -e "$T/rds.db-wal" ] || fail "nsrl opened read-only"
assert_eq 5 "$(nsets)" "five sets"
pass "vics 1.3 case file, hashdeep, pdq, nsrl"

# --- list, remove, errors ---------------------------------------------------------------------
"$NGB" hashset list --library "$L" | grep -q '^[0-9]* *known  *known-good' || fail "human list"
"$NGB" hashset list --library "$L" --json | jq -e . >/dev/null || fail "list --json is JSON lines"
id=$("$NGB" hashset stats pdq --library "$L" --json | jq .id)
mkdir -p "$L/sets/$id"
run_ngb hashset remove pdq --library "$L" --json > "$T/out"
assert_eq 0 "$rc" "remove"
[ ! -e "$L/sets/$id" ] || fail "remove deletes sets/<id>"
assert_eq 4 "$(nsets)" "four sets after remove"
run_ngb hashset remove pdq --library "$L" 2>/dev/null; assert_eq 2 "$rc" "remove an unknown set"
run_ngb hashset stats nope --library "$L" --json > "$T/out" 2>/dev/null; assert_eq 2 "$rc" "stats of an unknown set"
assert_eq '"no_such_set"' "$(jq .error "$T/out")" "json error object"
run_ngb hashset import "$T/missing.json" --name x --kind alert --library "$L" 2>/dev/null; assert_eq 2 "$rc" "missing file"
printf 'just words\n' > "$T/prose.txt"
run_ngb hashset import "$T/prose.txt" --name x --kind alert --library "$L" 2>/dev/null; assert_eq 2 "$rc" "unknown format"
run_ngb hashset import "$T/list.md5" --name x --kind bogus --library "$L" 2>/dev/null; assert_eq 2 "$rc" "bad kind"
run_ngb hashset import "$T/list.md5" --name x --kind alert --format csv --library "$L" 2>/dev/null; assert_eq 2 "$rc" "bad format"
run_ngb hashset import "$T/list.md5" --kind alert --library "$L" 2>/dev/null; assert_eq 2 "$rc" "missing --name"
run_ngb hashset list --library "$T/empty-lib"; assert_eq 0 "$rc" "list of a library not yet created"
[ ! -e "$T/empty-lib" ] || fail "list does not create a library"
pass "list, remove and errors"

# --- default library location ----------------------------------------------------------------
NIGEHBAAN_HASHSETS=$T/env-lib "$NGB" hashset import "$T/list.md5" --name e --kind alert -q
[ -f "$T/env-lib/library.db" ] || fail "NIGEHBAAN_HASHSETS"
env -u NIGEHBAAN_HASHSETS XDG_DATA_HOME=$T/xdg "$NGB" hashset import "$T/list.md5" --name e --kind alert -q
[ -f "$T/xdg/nigehbaan/hashsets/library.db" ] || fail "XDG_DATA_HOME"
env -u NIGEHBAAN_HASHSETS -u XDG_DATA_HOME HOME=$T/home "$NGB" hashset import "$T/list.md5" --name e --kind alert -q
[ -f "$T/home/.local/share/nigehbaan/hashsets/library.db" ] || fail "HOME default"
pass "library location"
