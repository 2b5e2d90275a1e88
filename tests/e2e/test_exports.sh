#!/usr/bin/env bash
# Exports: JSONL carries the contract fields for every item (error null or a reason), CSV has
# the same columns, DFXML is well-formed XML with hashdigest elements, --out writes a file, and
# each export is recorded in the audit log; CASE/UCO reads back as RDF (rdflib).
source "$(dirname "$0")/lib.sh"

E=$T/evidence
mkdir -p "$E/sub" "$T/stage"
printf 'alpha\n' > "$E/a.txt"
printf 'beta, "quoted"\n' > "$E/sub/b, c.txt"
printf 'inner\n' > "$T/stage/i.txt"
(cd "$T/stage" && zip -q "$E/z.zip" i.txt)
head -c 100 "$E/z.zip" > "$E/broken.zip"

C=$T/case
new_case "$C"
run_ngb scan --case "$C" --quiet "$E"
assert_eq 1 "$rc" "scan exit code (one broken archive)"
n=$(sql "$C" "SELECT count(*) FROM items")

"$NGB" export --case "$C" --format jsonl --out "$T/items.jsonl"
assert_eq "$n" "$(wc -l < "$T/items.jsonl")" "one JSONL line per item"
for field in path size type md5 sha1 sha256 error attrs; do
  assert_eq "$n" "$(grep -c "\"$field\":" "$T/items.jsonl")" "JSONL field $field on every line"
done
grep -F '"path":"evidence/z.zip!/i.txt"' "$T/items.jsonl" | grep -q "\"sha256\":\"$(sha256sum "$T/stage/i.txt" | cut -d' ' -f1)\"" \
  || fail "member row in JSONL"
grep -F '"path":"evidence/a.txt"' "$T/items.jsonl" | grep -q '"error":null' || fail "error is null for a good item"
grep -F '"path":"evidence/broken.zip"' "$T/items.jsonl" | grep -Eq '"error":"(truncated|corrupt_archive)"' || fail "error reason for a broken archive"
pass "jsonl"

"$NGB" export --case "$C" --format csv --out "$T/items.csv"
head -n 1 "$T/items.csv" | grep -q '^id,scan_id,source,path,' || fail "csv header"
grep -q '"evidence/sub/b, c.txt"' "$T/items.csv" || fail "csv quoting of a comma"
pass "csv"

"$NGB" export --case "$C" --format dfxml --out "$T/items.xml"
xmllint --noout "$T/items.xml" || fail "dfxml is not well-formed"
assert_eq "$n" "$(grep -c '<fileobject>' "$T/items.xml")" "one fileobject per item"
grep -q "<hashdigest type='sha256'>$(sha256sum "$E/a.txt" | cut -d' ' -f1)</hashdigest>" "$T/items.xml" || fail "dfxml digest"
pass "dfxml"

"$NGB" export --case "$C" --format hashdeep > "$T/known.txt"
grep -q '^%%%% HASHDEEP-1.0$' "$T/known.txt" || fail "hashdeep to stdout"
assert_eq 4 "$(sql "$C" "SELECT count(*) FROM audit_log WHERE action = 'export'")" "exports audited"
pass "hashdeep to stdout; exports audited"

# CASE/UCO: read back as RDF by rdflib's JSON-LD parser (what an ingesting tool does), every
# item an observable, Files with a FileFacet, hashes typed, no blank nodes.
"$NGB" export --case "$C" --format case-uco --out "$T/case.jsonld"
files=$(sql "$C" "SELECT count(*) FROM items WHERE kind NOT IN ('dir', 'symlink')")
/usr/bin/python3 "$NGB_SOURCE_DIR/tests/e2e/check_case_uco.py" "$T/case.jsonld" "$files" \
  "$(sha256sum "$E/a.txt" | cut -d' ' -f1)" "$(sha256sum "$T/stage/i.txt" | cut -d' ' -f1)" \
  || fail "CASE/UCO export does not read back as the expected RDF"
pass "case-uco parses as RDF with typed hashes"
