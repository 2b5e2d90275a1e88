#!/usr/bin/env bash
# scan_classify_bench.sh — what `scan --classify` adds to a scan (issue 7: "the scan's other work
# must not slow down by more than the classifier's own cost").
#
# On the same page-cached folder of generated benign JPEGs (classify_bench --write), interleaved:
#   plain     nigehbaan scan --case C DIR                (hashes, PDQ, type, ... : the other work)
#   classify  nigehbaan scan --case C --classify --classify-model M DIR   (plus nsfwjs, faces, OCR)
#   alone     nigehbaan classify --json --model M DIR/*.jpg   (the classifier's own cost, same
#             model and analysers; one thread)
# Prints medians (wall and CPU = user+sys) and the overhead of --classify (classify - plain):
#   CPU:  overhead / alone's CPU                       (target <= 1.00)
#   wall: overhead / (alone's CPU / CPUs online)       (the classifier's cost spread over the cores)
#
# usage: bench/scan_classify_bench.sh [--build DIR] [--work DIR] [--count N] [--runs N] [--model M]
#   --build DIR   build folder with nigehbaan and bench/classify_bench (default: build)
#   --work DIR    scratch folder (default /tmp/ngb-classify-bench)
#   --count N     images (default 200, 1600x1200, ~250 KiB each)
#   --runs N      timed runs of each variant, interleaved (default 3)
#   --model M     mobilenet_v2_mid (scan's default, default here) or mobilenet_v2
set -euo pipefail

BUILD=build
WORK=/tmp/ngb-classify-bench
COUNT=200
RUNS=3
MODEL=mobilenet_v2_mid
while (($#)); do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --model) MODEL=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
NGB=${NGB:-$BUILD/nigehbaan}
[[ -x $NGB ]] || { echo "nigehbaan not found at $NGB" >&2; exit 2; }
[[ -x $BUILD/bench/classify_bench ]] || { echo "$BUILD/bench/classify_bench not built" >&2; exit 2; }

IMAGES=$WORK/images-$COUNT
if [[ ! -d $IMAGES ]]; then
  "$BUILD/bench/classify_bench" --count "$COUNT" --write "$IMAGES.tmp" >/dev/null
  mv "$IMAGES.tmp" "$IMAGES"
fi
cat "$IMAGES"/*.jpg >/dev/null  # page cache

# One timed run: prints "wall cpu".
timed() {
  /usr/bin/time -o "$WORK/time.txt" -f '%e %U %S' "$@" >/dev/null 2>"$WORK/stderr.txt" || true
  tail -n 1 "$WORK/time.txt" | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}
declare -A WALL CPU
for ((r = 1; r <= RUNS; r++)); do
  for v in plain classify alone; do
    rm -rf "$WORK/case"
    "$NGB" case init "$WORK/case" --title bench --examiner bench >/dev/null
    case $v in
      plain) res=$(timed "$NGB" scan --case "$WORK/case" --quiet "$IMAGES") ;;
      classify) res=$(timed "$NGB" scan --case "$WORK/case" --quiet --classify --classify-model "$MODEL" "$IMAGES") ;;
      alone) res=$(timed "$NGB" classify --json --model "$MODEL" "$IMAGES"/*.jpg) ;;
    esac
    WALL[$v]+="${res% *} "
    CPU[$v]+="${res#* } "
  done
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf '%d images in %s, model %s, %d runs, load average %s\n' "$COUNT" "$IMAGES" "$MODEL" "$RUNS" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%-10s %8s %8s %10s\n' variant wall_s cpu_s images/s
declare -A MW MC
for v in plain classify alone; do
  MW[$v]=$(median "${WALL[$v]}")
  MC[$v]=$(median "${CPU[$v]}")
  printf '%-10s %8.2f %8.2f %10.1f\n' "$v" "${MW[$v]}" "${MC[$v]}" "$(awk -v n="$COUNT" -v w="${MW[$v]}" 'BEGIN {print n / w}')"
done
awk -v ncpu="$(nproc)" -v pw="${MW[plain]}" -v cw="${MW[classify]}" -v aw="${MW[alone]}" \
    -v pc="${MC[plain]}" -v cc="${MC[classify]}" -v ac="${MC[alone]}" 'BEGIN {
  ow = cw - pw; oc = cc - pc; share = ac / ncpu
  printf "overhead of --classify: CPU %.2f s = %.2fx the classifier alone (%s); wall %.2f s = %.2fx its CPU over %d cores (%s)\n",
         oc, oc / ac, (oc <= ac ? "PASS" : "MISS"), ow, ow / share, ncpu, (ow <= share ? "PASS" : "MISS")
  printf "{\"bench\":\"scan_classify\",\"plain_wall\":%.3f,\"classify_wall\":%.3f,\"alone_wall\":%.3f,\"plain_cpu\":%.3f,\"classify_cpu\":%.3f,\"alone_cpu\":%.3f,\"cpu_ratio\":%.3f,\"wall_ratio\":%.3f}\n",
         pw, cw, aw, pc, cc, ac, oc / ac, ow / share
}'
