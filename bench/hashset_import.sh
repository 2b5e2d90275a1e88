#!/usr/bin/env bash
# hashset_import.sh — benchmark of `nigehbaan hashset import` on a synthetic Project VIC VICS 2.0
# hash-set file (random MD5/SHA-1, categories, a few fields each; bench/make_vics.cpp).
#
# usage: bench/hashset_import.sh [--build DIR] [--work DIR] [--count N] [--runs N] [--strict]
#   --build DIR   CMake build folder holding nigehbaan and bench/make_vics (default: build);
#                 $NGB overrides the nigehbaan binary
#   --work DIR    scratch folder for the generated file and the libraries (default: /tmp/ngb-bench-hs)
#   --count N     Media records in the generated file (default 1000000)
#   --runs N      timed imports, each into a fresh library (default 3); medians are reported
#   --strict      exit 3 when a target is missed (default: report only)
#
# Each run is measured with GNU time (/usr/bin/time -v): wall-clock seconds, CPU seconds and
# peak RSS. Targets (from the issue): 1,000,000 records in < 10 s on the 2-core reference
# machine; memory proportional to the hashes, not to the JSON text — reported as peak RSS in MiB
# and as bytes per entry, next to the file size. Output: a table, then ONE JSON line.
set -euo pipefail

BUILD=build
WORK=/tmp/ngb-bench-hs
COUNT=1000000
RUNS=3
STRICT=0
TIME_TARGET=10

die() { printf 'hashset_import: error: %s\n' "$*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

while (($#)); do
  case $1 in
    --build) BUILD=${2:?--build needs a directory}; shift 2 ;;
    --work) WORK=${2:?--work needs a directory}; shift 2 ;;
    --count) COUNT=${2:?--count needs a number}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --strict) STRICT=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "--count must be a positive integer"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"

NGB=${NGB:-$BUILD/nigehbaan}
MAKE_VICS=$BUILD/bench/make_vics
[ -x "$NGB" ] || die "no nigehbaan binary at $NGB (build the nigehbaan target)"
[ -x "$MAKE_VICS" ] || die "no make_vics at $MAKE_VICS (build the make_vics target)"
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is required (Debian package time)"

mkdir -p "$WORK"
SRC=$WORK/vics-$COUNT.json
if [ ! -s "$SRC" ]; then
  echo "generating $SRC ($COUNT records)..."
  "$MAKE_VICS" "$SRC.tmp" "$COUNT" 1 && mv "$SRC.tmp" "$SRC"
fi
SIZE=$(stat -c %s "$SRC")
cat "$SRC" > /dev/null  # page-cache the source: the benchmark measures the importer, not the disk

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

walls=() cpus=() rsss=()
for ((i = 1; i <= RUNS; i++)); do
  LIB=$WORK/lib-$i
  rm -rf "$LIB"
  "/usr/bin/time" -v -o "$WORK/time-$i.txt" "$NGB" hashset import "$SRC" --name bench --kind alert \
    --library "$LIB" --json > "$WORK/import-$i.json"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(k=1;k<=n;k++) s=s*60+t[k]; print s}' "$WORK/time-$i.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$WORK/time-$i.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time-$i.txt")
  printf 'run %d: %6.2f s wall, %6.2f s CPU, peak RSS %7.1f MiB\n' "$i" "$wall" "$cpu" "$rss"
  walls+=("$wall") cpus+=("$cpu") rsss+=("$rss")
done
ENTRIES=$(jq .set.entries "$WORK/import-1.json")
DB_SIZE=$(stat -c %s "$WORK/lib-1/library.db")
WALL=$(printf '%s\n' "${walls[@]}" | median)
CPU=$(printf '%s\n' "${cpus[@]}" | median)
RSS=$(printf '%s\n' "${rsss[@]}" | median)
PER_ENTRY=$(awk -v r="$RSS" -v e="$ENTRIES" 'BEGIN {printf "%.0f", r * 1048576 / e}')
LOAD=$(cut -d' ' -f1 /proc/loadavg)
RATIO=$(awk -v w="$WALL" -v t="$TIME_TARGET" 'BEGIN {printf "%.2f", w / t}')

printf '\n%-34s %s\n' "source" "$SRC ($(awk -v s="$SIZE" 'BEGIN {printf "%.1f MB", s/1e6}'), $COUNT records)"
printf '%-34s %s\n' "entries stored" "$ENTRIES"
printf '%-34s %.2f s (target < %d s: %s x the target)\n' "median wall time" "$WALL" "$TIME_TARGET" "$RATIO"
printf '%-34s %.2f s\n' "median CPU time (user+sys)" "$CPU"
printf '%-34s %.1f MiB (%s bytes per entry; source %.1f MB)\n' "median peak RSS" "$RSS" "$PER_ENTRY" \
  "$(awk -v s="$SIZE" 'BEGIN {print s/1e6}')"
printf '%-34s %.1f MB\n' "library.db" "$(awk -v s="$DB_SIZE" 'BEGIN {print s/1e6}')"
printf '%-34s %s (other users of the machine slow the wall time)\n' "load average at the end" "$LOAD"

jq -cn --arg source "$SRC" --argjson size "$SIZE" --argjson records "$COUNT" --argjson entries "$ENTRIES" \
  --argjson runs "$RUNS" --argjson wall "$WALL" --argjson cpu "$CPU" --argjson rss_mib "$RSS" \
  --argjson bytes_per_entry "$PER_ENTRY" --argjson db_bytes "$DB_SIZE" --argjson target_s "$TIME_TARGET" \
  --argjson ratio "$RATIO" --argjson load "$LOAD" \
  '{benchmark:"hashset_import", source:$source, source_bytes:$size, records:$records, entries:$entries,
    runs:$runs, median_wall_s:$wall, median_cpu_s:$cpu, median_peak_rss_mib:$rss_mib,
    rss_bytes_per_entry:$bytes_per_entry, library_db_bytes:$db_bytes, target_wall_s:$target_s,
    wall_over_target:$ratio, load_average:$load}'

if ((STRICT)) && awk -v w="$WALL" -v t="$TIME_TARGET" 'BEGIN {exit !(w >= t)}'; then
  echo "hashset_import: target missed (median wall $WALL s >= $TIME_TARGET s)" >&2
  exit 3
fi
