#!/usr/bin/env bash
# `nigehbaan text train|eval|classify` on tiny synthetic, non-offensive corpora in the three corpus
# layouts ("positive" = a message about fruit). CI has no real corpora.
source "$(dirname "$0")/lib.sh"

D=$T/corpora
mkdir -p "$D/ruhsold" "$D/urdu_abusive_akhter2020" "$D/formspring_cyberbullying" "$T/models"

# gen N SEED → "label<TAB>text" lines, label 1 = fruit
gen() {
  awk -v n="$1" -v seed="$2" 'BEGIN {
    srand(seed);
    split("apple mango banana grapes kela aam", f, " ");
    split("car train bus football kitab barish", o, " ");
    split("yar mujhe %s chahiye|kya tumhare paas %s hai|i like the %s|yeh %s bohat acha hai|where is my %s", fr, "|");
    for (i = 0; i < n; i++) {
      lab = int(rand() * 2); w = lab ? f[1 + int(rand() * 6)] : o[1 + int(rand() * 6)];
      printf "%d\t" fr[1 + int(rand() * 5)] "\n", lab, w;
    }
  }'
}
gen_ur() {  # Urdu script
  awk -v n="$1" -v seed="$2" 'BEGIN {
    srand(seed);
    split("سیب آم کیلا انگور", f, " "); split("گاڑی کتاب بارش اسکول", o, " ");
    for (i = 0; i < n; i++) {
      lab = int(rand() * 2); w = lab ? f[1 + int(rand() * 4)] : o[1 + int(rand() * 4)];
      printf "%d\tمجھے %s بہت پسند ہے\n", lab, w;
    }
  }'
}

# RUHSOLD layout: text<TAB>label, CRLF, 0 = positive.
gen 300 1 | awk -F'\t' '{ printf "%s\t%d\r\n", $2, 1 - $1 }' > "$D/ruhsold/task_1_train.tsv"
gen 80 2 | awk -F'\t' '{ printf "%s\t%d\r\n", $2, 1 - $1 }' > "$D/ruhsold/task_1_validation.tsv"
# Akhter layout: header, label<TAB>text, 1 = positive.
{ printf 'label\ttext\n'; gen_ur 300 3; } > "$D/urdu_abusive_akhter2020/urdu_abusive_akhter2020.tsv"
# Formspring layout: 14 tab-separated columns, >= 2 of 3 Yes = positive; one record spans two lines.
{
  printf 'userid\tpost\tques\tans\tasker\tans1\tseverity1\tbully1\tans2\tseverity2\tbully2\tans3\tseverity3\tbully3\n'
  gen 400 4 | awk -F'\t' '{ y = $1 ? "Yes" : "No"; printf "u%d\tQ: x<br>A: y\t%s\tok &amp; fine\tnone\t%s\t0\tn/a\t%s\t0\tn/a\tNo\t0\tn/a\n", NR, $2, y, y }'
  printf 'u9\tQ\ttwo\nlines\tanswer\tnone\tNo\t0\tn/a\tNo\t0\tn/a\tNo\t0\tn/a\n'
} > "$D/formspring_cyberbullying/formspring_data.csv"

"$NGB" text train --data "$D" --out "$T/models" --quick > "$T/train.out"
grep -q "validation abuse-ur-Latn" "$T/train.out" || fail "train printed no validation line"
for l in en ur ur-Latn; do [ -s "$T/models/abuse-$l.ngbm" ] || fail "no model abuse-$l.ngbm"; done
pass "train wrote three models"

# Reproducible: a second run gives byte-identical files.
mkdir -p "$T/models2"
"$NGB" text train --data "$D" --out "$T/models2" --quick > /dev/null
for l in en ur ur-Latn; do cmp -s "$T/models/abuse-$l.ngbm" "$T/models2/abuse-$l.ngbm" || fail "abuse-$l differs"; done
pass "train is deterministic"

printf 'yar mujhe mango chahiye\nwhere is my football\n\nمجھے سیب بہت پسند ہے\n' > "$T/in.txt"
"$NGB" text classify --task abuse --models "$T/models" < "$T/in.txt" > "$T/out.jsonl"
assert_eq 4 "$(wc -l < "$T/out.jsonl")" "one output line per input line"
sed -n 1p "$T/out.jsonl" | grep -q '"flag":true' || fail "fruit not flagged: $(sed -n 1p "$T/out.jsonl")"
sed -n 1p "$T/out.jsonl" | grep -q '"lang":"ur-Latn"' || fail "language not ur-Latn"
sed -n 2p "$T/out.jsonl" | grep -q '"flag":false' || fail "football flagged"
sed -n 4p "$T/out.jsonl" | grep -q '"lang":"ur"' || fail "Urdu line not ur"
pass "classify"

# Threads do not change the output.
"$NGB" text classify --models "$T/models" --threads 1 < "$T/in.txt" > "$T/out1.jsonl"
cmp -s "$T/out.jsonl" "$T/out1.jsonl" || fail "--threads 1 differs"
pass "classify --threads"

# Lines across stdin's chunks (4 MiB): CRLF, a line longer than a chunk, many short lines, and
# no newline at the end: still one verdict per line, the same with one thread.
{
  printf 'where is my football\r\n'
  head -c 5000000 /dev/zero | tr '\0' 'a'
  printf '\n'
  for i in $(seq 1 2000); do printf 'yar mujhe mango chahiye %s\n' "$i"; done
  printf 'last line without a newline'
} > "$T/chunks.txt"
"$NGB" text classify --models "$T/models" < "$T/chunks.txt" > "$T/chunks.jsonl"
assert_eq 2003 "$(wc -l < "$T/chunks.jsonl")" "one verdict per line across chunks"
"$NGB" text classify --models "$T/models" --threads 1 < "$T/chunks.txt" | cmp -s - "$T/chunks.jsonl" ||
  fail "chunked input: --threads 1 differs"
pass "classify across stdin chunks"

gen 60 9 > "$T/eval.tsv"
"$NGB" text eval --task abuse --data "$T/eval.tsv" --corpus tsv --models "$T/models" --json > "$T/eval.json"
grep -q '"f1":' "$T/eval.json" || fail "eval json: $(cat "$T/eval.json")"
f1=$(sed 's/.*"f1":\([0-9.]*\).*/\1/' "$T/eval.json")
awk -v f="$f1" 'BEGIN { exit !(f >= 0.9) }' || fail "eval F1 $f1 < 0.9"
"$NGB" text eval --data "$D/ruhsold/task_1_validation.tsv" --models "$T/models" > "$T/eval.txt"
grep -q "macro-F1" "$T/eval.txt" || fail "eval text output"
pass "eval (F1 $f1)"

run_ngb text eval --data "$T/nonexistent.tsv" --models "$T/models" 2> /dev/null
assert_eq 2 "$rc" "missing eval file"
printf 'NGBMgarbage' > "$T/models2/abuse-en.ngbm"
run_ngb text classify --models "$T/models2" < "$T/in.txt" > /dev/null 2>&1
assert_eq 2 "$rc" "corrupt model rejected"
pass "errors"
