#!/usr/bin/env bash
# chat_analyze.sh — end-to-end throughput of `nigehbaan chat analyze` (parse + normalise + classify
# + cue lexicons + conversation reasoning + JSON) on big synthetic benign exports, per format.
#
# usage: bench/chat_analyze.sh [--build DIR] [--work DIR] [--messages N] [--runs N] [--formats "a b"] [--threads N]
#                              [--baseline OLD_BINARY]
#   target: >= 200,000 messages/s end to end on 2 cores (issue 4); prints per format the median wall
#   time, the median CPU time (user + sys), msgs/s (wall), msgs per CPU-second, the ratio to the
#   target and PASS/MISS (wall rate against the target). --baseline: each run of the binary is
#   followed by one of OLD_BINARY on the same file (interleaved, so both see the same machine load)
#   and a second row "(base)" gives its numbers.
set -euo pipefail
BUILD=build
WORK=/tmp/ngb-chat-bench
MESSAGES=1000000
RUNS=3
FORMATS="whatsapp telegram instagram messenger discord csv jsonl pan2012"
THREADS=2
BASELINE=
TARGET=200000
while (($#)); do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --formats) FORMATS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
HERE=$(cd "$(dirname "$0")" && pwd)
NGB=${NGB:-$BUILD/nigehbaan}
[ -x "$NGB" ] || { echo "no binary at $NGB (build first)" >&2; exit 2; }
mkdir -p "$WORK"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs $TIME (GNU time) for CPU times" >&2; exit 2; }
printf '%-16s %9s %9s %8s %11s %12s %7s %s\n' format messages median_s cpu_s msgs_per_s msgs_per_cpus ratio result
json="{\"messages\":$MESSAGES,\"target\":$TARGET,\"formats\":{"
first=1
for fmt in $FORMATS; do
  file="$WORK/chat-$fmt-$MESSAGES"
  [ -s "$file" ] || /usr/bin/python3 "$HERE/make_chat_corpus.py" --messages "$MESSAGES" --format "$fmt" --out "$file" >/dev/null
  declare -A times=() cpus=()
  bins=("$NGB")
  [ -z "$BASELINE" ] || bins+=("$BASELINE")
  for ((r = 0; r < RUNS; r++)); do
    for b in "${bins[@]}"; do
      "$TIME" -f '%e %U %S' -o "$WORK/time.txt" "$b" chat analyze --threads "$THREADS" --json "$file" \
        >"$WORK/out.jsonl" || true
      read -r wall user sys <"$WORK/time.txt"
      times[$b]+="$wall "
      cpus[$b]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') "
    done
  done
  count=$(jq -s 'map(.message_count // 0) | add' "$WORK/out.jsonl")
  for b in "${bins[@]}"; do
    name=$fmt
    [ "$b" = "$NGB" ] || name="$fmt(base)"
    median=$(printf '%s\n' ${times[$b]} | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    cpu=$(printf '%s\n' ${cpus[$b]} | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    rate=$(awk -v c="$count" -v m="$median" 'BEGIN { print c / m }')
    cpu_rate=$(awk -v c="$count" -v m="$cpu" 'BEGIN { print c / m }')
    ratio=$(awk -v r="$rate" -v t="$TARGET" 'BEGIN { print r / t }')
    result=$(awk -v r="$rate" -v t="$TARGET" 'BEGIN { print (r >= t ? "PASS" : "MISS") }')
    printf '%-16s %9d %9.3f %8.3f %11.0f %12.0f %6.2fx %s\n' "$name" "$count" "$median" "$cpu" "$rate" "$cpu_rate" "$ratio" "$result"
    [ $first -eq 1 ] || json+=","
    first=0
    json+=$(printf '"%s":{"messages":%d,"median_s":%.3f,"median_cpu_s":%.3f,"msgs_per_s":%.0f,"msgs_per_cpu_s":%.0f,"ratio_to_target":%.3f,"result":"%s"}' \
      "$name" "$count" "$median" "$cpu" "$rate" "$cpu_rate" "$ratio" "$result")
  done
done
echo "$json}}"
