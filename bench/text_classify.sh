#!/usr/bin/env bash
# `nigehbaan text classify` throughput against the scikit-learn yardstick of issue 4 (TF-IDF word
# 1-2 + char_wb 2-5 n-grams, LinearSVC), measured in the same run on the same lines: N real
# validation messages (RUHSOLD task 1 validation + Formspring + Akhter slices) repeated to ~200k.
# Prints both throughputs, the ratio (target >= 100x) and the model load time (target < 100 ms).
#   bench/text_classify.sh [BUILD_DIR] [DATA_DIR]     (medians of 3 runs; wall and CPU time)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-$HERE/../build}
DATA=${2:-${NIGEHBAAN_CORPORA:-$HERE/../../shared/data}}
NGB=$BUILD/nigehbaan
TARGET_LINES=${TARGET_LINES:-200000}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# Real messages, one per line (tabs and the label column removed).
{
  sed 's/\r$//; s/\t[01]$//; s/\t/ /g' "$DATA/ruhsold/task_1_validation.tsv"
  tail -n +2 "$DATA/urdu_abusive_akhter2020/urdu_abusive_akhter2020.tsv" | cut -f2- | awk 'NR % 5 == 0'
  tail -n +2 "$DATA/formspring_cyberbullying/formspring_data.csv" | awk -F'\t' 'NF >= 4 && NR % 5 == 0 { print $3 " " $4 }'
} | grep -v '^$' > "$W/base.txt"
base=$(wc -l < "$W/base.txt")
: > "$W/lines.txt"
while [ "$(wc -l < "$W/lines.txt")" -lt "$TARGET_LINES" ]; do cat "$W/base.txt" >> "$W/lines.txt"; done
n=$(wc -l < "$W/lines.txt")
echo "messages: $n ($base distinct real validation messages, repeated)"

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# scikit-learn: fit on RUHSOLD train (the pipeline is the same for any corpus), time predict().
for i in 1 2 3; do
  /usr/bin/python3 "$HERE/text_baseline.py" "$DATA" --predict-bench ruhsold "$W/lines.txt" |
    sed 's/.*messages_per_second //'
done > "$W/sk.txt"
sk=$(median < "$W/sk.txt")
echo "scikit-learn predict: $sk messages/s (median of 3: $(tr '\n' ' ' < "$W/sk.txt"))"

for i in 1 2 3; do
  /usr/bin/time -f "%e %U %S" -o "$W/time.txt" "$NGB" text classify --task abuse < "$W/lines.txt" > "$W/out.jsonl"
  read -r wall user sys < "$W/time.txt"
  [ "$(wc -l < "$W/out.jsonl")" -eq "$n" ] || { echo "wrong output line count"; exit 1; }
  awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f %.0f\n", n / w, n / (u + s) }'
done > "$W/ngb.txt"
ngb=$(cut -d' ' -f1 "$W/ngb.txt" | median)
ngb_cpu=$(cut -d' ' -f2 "$W/ngb.txt" | median)
echo "nigehbaan text classify: $ngb messages/s wall, $ngb_cpu messages per CPU-second (median of 3; includes process start and model load)"
awk -v a="$ngb" -v b="$sk" 'BEGIN { printf "ratio: %.0fx (target >= 100x)\n", a / b }'

for i in 1 2 3 4 5; do
  NGB_TEXT_TIMING=1 "$NGB" text classify < /dev/null 2>&1 >/dev/null | sed -n 's/model_load_ms //p'
done > "$W/load.txt"
echo "model load: $(median < "$W/load.txt") ms median of 5 (target < 100 ms)"
