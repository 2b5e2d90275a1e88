#!/usr/bin/env bash
# chat_analyze.sh — end-to-end throughput of `nigehbaan chat analyze` (parse + normalise + classify
# + cue lexicons + conversation reasoning + JSON) on big synthetic benign exports, per format.
#
# usage: bench/chat_analyze.sh [--build DIR] [--work DIR] [--messages N] [--runs N] [--formats "a b"]
#   target: >= 200,000 messages/s end to end on 2 cores (issue 4); prints medians and the ratio.
set -euo pipefail
BUILD=build
WORK=/tmp/ngb-chat-bench
MESSAGES=1000000
RUNS=3
FORMATS="whatsapp telegram messenger discord csv jsonl pan2012"
TARGET=200000
while (($#)); do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --formats) FORMATS=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
NGB=${NGB:-$BUILD/nigehbaan}
[ -x "$NGB" ] || { echo "no binary at $NGB (build first)" >&2; exit 2; }
mkdir -p "$WORK"
printf '%-10s %10s %10s %12s %8s\n' format messages median_s msgs_per_s ratio
json="{\"messages\":$MESSAGES,\"target\":$TARGET,\"formats\":{"
first=1
for fmt in $FORMATS; do
  file="$WORK/chat-$fmt-$MESSAGES"
  [ -s "$file" ] || /usr/bin/python3 "$HERE/make_chat_corpus.py" --messages "$MESSAGES" --format "$fmt" --out "$file" >/dev/null
  times=()
  for ((r = 0; r < RUNS; r++)); do
    s=$(date +%s.%N)
    "$NGB" chat analyze --json "$file" >"$WORK/out.jsonl" || true
    e=$(date +%s.%N)
    times+=("$(awk -v a="$s" -v b="$e" 'BEGIN { print b - a }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  count=$(jq -s 'map(.message_count // 0) | add' "$WORK/out.jsonl")
  rate=$(awk -v c="$count" -v m="$median" 'BEGIN { print c / m }')
  ratio=$(awk -v r="$rate" -v t="$TARGET" 'BEGIN { print r / t }')
  printf '%-10s %10d %10.3f %12.0f %7.2fx\n' "$fmt" "$count" "$median" "$rate" "$ratio"
  [ $first -eq 1 ] || json+=","
  first=0
  json+=$(printf '"%s":{"messages":%d,"median_s":%.3f,"msgs_per_s":%.0f,"ratio_to_target":%.3f}' "$fmt" "$count" "$median" "$rate" "$ratio")
done
echo "$json}}"
