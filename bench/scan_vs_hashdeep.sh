#!/usr/bin/env bash
# scan_vs_hashdeep.sh — end-to-end speed benchmark: `nigehbaan scan` vs `hashdeep -c md5,sha1,sha256`
# on the same page-cached corpus, plus the one-pass digest hardware bound (see bench/README.md).
#
# usage: bench/scan_vs_hashdeep.sh [--build DIR] [--work DIR] [--corpus mixed|small|both] [--runs N]
#                                  [--seed N] [--text-fraction F] [--strict]
#   --build DIR          CMake build directory holding nigehbaan and bench/{make_corpus,digest_bound}
#                        (default: build). $NGB overrides the nigehbaan binary path.
#   --work DIR           scratch directory for corpora, case folders and logs (default: /tmp/ngb-bench)
#   --corpus KIND        mixed (~1.5 GB / 1,900 files), small (100,000 x 1-8 KiB) or both (default)
#   --runs N             timed runs per tool per corpus, interleaved (default 3); medians are reported
#   --seed N             corpus seed (default 1)
#   --text-fraction F    fraction of corpus files written as ASCII text (default 0)
#   --strict             exit 3 if any target is missed (default: report only, exit 0)
#
# Output: progress lines, a compact table, and finally ONE JSON line with every figure.
# Targets: speed-up (hashdeep/nigehbaan) >= 3x on mixed (stretch 4x), >= 4x on small;
#          nigehbaan peak RSS < 200 MB; mixed scan >= 85% of the one-pass hardware bound.
set -euo pipefail

BUILD=build
WORK=/tmp/ngb-bench
CORPUS=both
RUNS=3
SEED=1
TEXT_FRACTION=0
STRICT=0
CORPUS_FORMAT=1   # bump when make_corpus output changes, to invalidate cached corpora

RSS_BUDGET_MB=200
BOUND_TARGET_PCT=85

die() { printf 'scan_vs_hashdeep: error: %s\n' "$*" >&2; exit 2; }
warn() { printf 'scan_vs_hashdeep: warning: %s\n' "$*" >&2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

while (($#)); do
  case $1 in
    --build) BUILD=${2:?--build needs a directory}; shift 2 ;;
    --work) WORK=${2:?--work needs a directory}; shift 2 ;;
    --corpus) CORPUS=${2:?--corpus needs mixed, small or both}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --seed) SEED=${2:?--seed needs a number}; shift 2 ;;
    --text-fraction) TEXT_FRACTION=${2:?--text-fraction needs a number}; shift 2 ;;
    --strict) STRICT=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

case $CORPUS in
  mixed) KINDS=(mixed) ;;
  small) KINDS=(small) ;;
  both) KINDS=(mixed small) ;;
  *) die "--corpus must be mixed, small or both (got '$CORPUS')" ;;
esac
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer (got '$RUNS')"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer (got '$SEED')"
[[ $TEXT_FRACTION =~ ^(0(\.[0-9]*)?|1(\.0*)?|\.[0-9]+)$ ]] || die "--text-fraction must be in [0, 1] (got '$TEXT_FRACTION')"
TEXT_FRACTION=$(awk -v f="$TEXT_FRACTION" 'BEGIN { printf "%g", f }')  # canonical form, valid JSON number

# ------------------------------------------------------------------ prerequisites
[[ -d $BUILD ]] || die "build directory '$BUILD' not found; configure and build first:
  cmake -S . -B $BUILD && cmake --build $BUILD -j"
BUILD=$(cd "$BUILD" && pwd)

if [[ -n ${NGB:-} ]]; then
  [[ -x $NGB ]] || die "\$NGB=$NGB is not an executable"
else
  for cand in "$BUILD/nigehbaan" "$BUILD/src/nigehbaan" "$BUILD/bin/nigehbaan"; do
    if [[ -x $cand ]]; then NGB=$cand; break; fi
  done
  [[ -n ${NGB:-} ]] || die "nigehbaan binary not found (looked in $BUILD/src, $BUILD, $BUILD/bin).
  Build it first: cmake --build $BUILD --target nigehbaan   (or set NGB=/path/to/nigehbaan)"
fi
"$NGB" scan --help >/dev/null 2>&1 \
  || die "'$NGB scan --help' failed: this nigehbaan build does not provide the 'scan' command yet"
"$NGB" case init --help >/dev/null 2>&1 \
  || die "'$NGB case init --help' failed: this nigehbaan build does not provide 'case init' yet"

MAKE_CORPUS=$BUILD/bench/make_corpus
DIGEST_BOUND=$BUILD/bench/digest_bound
for tool in "$MAKE_CORPUS" "$DIGEST_BOUND"; do
  [[ -x $tool ]] || die "$tool not found; build it: cmake --build $BUILD --target make_corpus digest_bound"
done
command -v hashdeep >/dev/null || die "hashdeep not found; install it (Debian: apt-get install hashdeep)"
TIME=/usr/bin/time
[[ -x $TIME ]] || die "$TIME not found (needed for peak RSS); install it (Debian: apt-get install time)"

[[ -n $WORK && $WORK != / ]] || die "refusing --work '$WORK'"
mkdir -p "$WORK/logs" "$WORK/cases"
WORK=$(cd "$WORK" && pwd)
LOGS=$WORK/logs

# ------------------------------------------------------------------ helpers
median() {  # median of the arguments, 3 decimals
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {
    if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
maxof() { printf '%s\n' "$@" | sort -g | tail -n1; }
calc() { awk "BEGIN { printf \"%.${1}f\", $2 }"; }          # calc DECIMALS EXPR
# shellcheck disable=SC2317  # ge/lt are called indirectly through verdict
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }  # a >= b ?
# shellcheck disable=SC2317
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }   # a < b ?
verdict() { if "$@"; then echo PASS; else echo MISS; fi; }
join() { local IFS=,; printf '%s' "$*"; }
json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

# shellcheck source=bench/disk_reads.sh
source "$(dirname "${BASH_SOURCE[0]}")/disk_reads.sh"  # disk_reads: see there

# run_timed STDOUT_DEST STDERR_LOG CMD... — wall clock via date +%s.%N around GNU time (which
# records peak RSS). Sets T_SECONDS, T_RSS_KB, T_RC and T_DISK_READS (read requests the disks
# completed meanwhile); never aborts on the command's exit status.
run_timed() {
  local out=$1 err=$2 t0 t1 r0
  shift 2
  r0=$(disk_reads)
  t0=$(date +%s.%N)
  if "$TIME" -f '%e %M' -o "$err.time" "$@" >"$out" 2>"$err"; then T_RC=0; else T_RC=$?; fi
  t1=$(date +%s.%N)
  T_DISK_READS=$(($(disk_reads) - r0))
  T_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  T_RSS_KB=$(awk 'END { print $2 + 0 }' "$err.time")  # last line; GNU time may prepend a status line
}

ensure_corpus() {  # ensure_corpus KIND — builds $WORK/corpus-KIND once, reuses it when the marker matches
  local kind=$1 dir=$WORK/corpus-$1 marker=$WORK/corpus-$1.done
  local want="make_corpus kind=$kind seed=$SEED text_fraction=$TEXT_FRACTION format=$CORPUS_FORMAT"
  if [[ -d $dir && -f $marker && $(head -n1 "$marker") == "$want" ]]; then
    echo "corpus $kind: reusing $dir ($(sed -n 2p "$marker" | sed 's/.* files=\([0-9]*\).*/\1 files/'))"
    return
  fi
  echo "corpus $kind: generating $dir ..."
  rm -rf -- "$dir" "$marker"
  "$MAKE_CORPUS" "$kind" "$dir" --seed "$SEED" --text-fraction "$TEXT_FRACTION" >"$LOGS/make_corpus-$kind.log" \
    || die "make_corpus $kind failed; see $LOGS/make_corpus-$kind.log"
  cat "$LOGS/make_corpus-$kind.log"
  { echo "$want"; cat "$LOGS/make_corpus-$kind.log"; } >"$marker"
}

warm_cache() {  # read every file so both tools see page-cached data
  find "$1" -type f -print0 | xargs -0 cat >/dev/null
}

# ------------------------------------------------------------------ environment
NPROC=$(nproc)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
HASHDEEP_VERSION=$(hashdeep -V 2>/dev/null | head -n1 || true)
MEM_AVAIL_KB=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null || echo 0)
echo "scan_vs_hashdeep: nigehbaan=$NGB hashdeep=$(command -v hashdeep) ($HASHDEEP_VERSION)"
LOADAVG=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$LOADAVG" -v n="$NPROC" 'BEGIN { exit !(l > 0.25 * n) }'; then
  warn "1-minute load average is $LOADAVG on $NPROC CPU(s): other work is running, timings will be noisy"
fi
echo "scan_vs_hashdeep: cpu='${CPU:-unknown}' nproc=$NPROC loadavg=$LOADAVG runs=$RUNS seed=$SEED text_fraction=$TEXT_FRACTION work=$WORK"

declare -A FILES BYTES
for kind in "${KINDS[@]}"; do
  ensure_corpus "$kind"
  dir=$WORK/corpus-$kind
  FILES[$kind]=$(find "$dir" -type f | wc -l)
  BYTES[$kind]=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
done
total_bytes=0
for kind in "${KINDS[@]}"; do total_bytes=$((total_bytes + BYTES[$kind])); done
if ((MEM_AVAIL_KB > 0 && total_bytes / 1024 > MEM_AVAIL_KB * 8 / 10)); then
  warn "corpora ($((total_bytes / 1000000)) MB) may not fit in the page cache (MemAvailable $((MEM_AVAIL_KB / 1024)) MiB)"
fi

# Hardware bound (only meaningful for the mixed corpus, where per-file overhead is small).
# digest_bound runs once per mixed run, interleaved with the scans, and the median rate is used,
# so the bound sees the same machine conditions as the scans it is compared with.
BOUND_JSON=null
BOUND_RATES=()
measure_bound() {
  local rate
  BOUND_JSON=$("$DIGEST_BOUND" --json) || die "digest_bound failed"
  rate=$(printf '%s' "$BOUND_JSON" | sed -n 's/.*"aggregate_one_pass_mbps":\([0-9.]*\).*/\1/p')
  [[ -n $rate ]] || die "could not parse aggregate_one_pass_mbps from: $BOUND_JSON"
  BOUND_RATES+=("$rate")
}

# ------------------------------------------------------------------ timed runs
declare -A HD_TIMES NGB_TIMES NGB_RSS HD_RSS HD_READS NGB_READS ITEM_ERR_RUNS
for kind in "${KINDS[@]}"; do
  dir=$WORK/corpus-$kind
  echo "corpus $kind: warming page cache (${FILES[$kind]} files, ${BYTES[$kind]} bytes) before every timed run"
  hd_t=() ngb_t=() ngb_r=() hd_r=() hd_d=() ngb_d=()
  ITEM_ERR_RUNS[$kind]=0
  prev_case=
  for ((i = 1; i <= RUNS; i++)); do
    case_dir=$WORK/cases/$kind-run$i
    rm -rf -- "$case_dir"
    "$NGB" case init "$case_dir" --title "bench $kind run $i" --examiner "scan_vs_hashdeep.sh" \
      >"$LOGS/case-init-$kind-$i.log" 2>&1 \
      || die "nigehbaan case init failed; see $LOGS/case-init-$kind-$i.log"
    if [[ $kind == mixed ]]; then measure_bound; fi
    # Alternate which tool goes first so neither systematically benefits from run order.
    if ((i % 2)); then order=(hashdeep nigehbaan); else order=(nigehbaan hashdeep); fi
    for tool in "${order[@]}"; do
      warm_cache "$dir"
      if [[ $tool == hashdeep ]]; then
        run_timed /dev/null "$LOGS/hashdeep-$kind-$i.err" hashdeep -r -c md5,sha1,sha256 "$dir"
        ((T_RC == 0)) || die "hashdeep exited $T_RC; see $LOGS/hashdeep-$kind-$i.err"
        hd_t+=("$T_SECONDS") hd_r+=("$(calc 1 "$T_RSS_KB / 1024")") hd_d+=("$T_DISK_READS")
      else
        run_timed "$LOGS/scan-$kind-$i.out" "$LOGS/scan-$kind-$i.err" "$NGB" scan --case "$case_dir" --quiet "$dir"
        case $T_RC in
          0) ;;
          1) warn "nigehbaan scan finished with item errors ($kind run $i); see $LOGS/scan-$kind-$i.err"
             ITEM_ERR_RUNS[$kind]=$((ITEM_ERR_RUNS[$kind] + 1)) ;;
          *) tail -n 20 "$LOGS/scan-$kind-$i.err" >&2 || true
             die "nigehbaan scan exited $T_RC ($kind run $i); see $LOGS/scan-$kind-$i.err" ;;
        esac
        ngb_t+=("$T_SECONDS") ngb_r+=("$(calc 1 "$T_RSS_KB / 1024")") ngb_d+=("$T_DISK_READS")
      fi
    done
    extra=
    if [[ $kind == mixed ]]; then extra=" | one-pass bound rate ${BOUND_RATES[-1]} MB/s"; fi
    printf '[%s run %d/%d] hashdeep %s s | nigehbaan %s s, peak RSS %s MB | disk reads %s / %s%s\n' \
      "$kind" "$i" "$RUNS" "${hd_t[-1]}" "${ngb_t[-1]}" "${ngb_r[-1]}" "${hd_d[-1]}" "${ngb_d[-1]}" "$extra"
    if [[ -n $prev_case ]]; then rm -rf -- "$prev_case"; fi  # keep only the latest case folder
    prev_case=$case_dir
  done
  HD_TIMES[$kind]=$(join "${hd_t[@]}")
  NGB_TIMES[$kind]=$(join "${ngb_t[@]}")
  NGB_RSS[$kind]=$(join "${ngb_r[@]}")
  HD_RSS[$kind]=$(join "${hd_r[@]}")
  HD_READS[$kind]=$(join "${hd_d[@]}")
  NGB_READS[$kind]=$(join "${ngb_d[@]}")
done

# ------------------------------------------------------------------ report
any_miss=0
json_corpora=()
printf '\n%-6s %7s %11s %11s %12s %9s %8s %6s %13s %6s\n' \
  corpus files GB hashdeep_s nigehbaan_s speed-up target result peak_RSS_MB result
for kind in "${KINDS[@]}"; do
  IFS=, read -r -a hd_t <<<"${HD_TIMES[$kind]}"
  IFS=, read -r -a ngb_t <<<"${NGB_TIMES[$kind]}"
  IFS=, read -r -a ngb_r <<<"${NGB_RSS[$kind]}"
  hd_med=$(median "${hd_t[@]}")
  ngb_med=$(median "${ngb_t[@]}")
  speedup=$(calc 2 "$hd_med / $ngb_med")
  rss_max=$(maxof "${ngb_r[@]}")
  if [[ $kind == mixed ]]; then target=3; stretch=4; else target=4; stretch=null; fi
  sp_res=$(verdict ge "$speedup" "$target")
  rss_res=$(verdict lt "$rss_max" "$RSS_BUDGET_MB")
  [[ $sp_res == PASS && $rss_res == PASS && ${ITEM_ERR_RUNS[$kind]} -eq 0 ]] || any_miss=1
  printf '%-6s %7d %11s %11s %12s %8sx %7sx %6s %8s/%-4s %6s\n' "$kind" "${FILES[$kind]}" \
    "$(calc 3 "${BYTES[$kind]} / 1e9")" "$hd_med" "$ngb_med" "$speedup" "$target" "$sp_res" \
    "$rss_max" "$RSS_BUDGET_MB" "$rss_res"
  bound_fields='"bound_s":null,"percent_of_bound":null,"bound_target_percent":null,"bound_result":null'
  if [[ $kind == mixed ]]; then
    BOUND_MBPS=$(calc 1 "$(median "${BOUND_RATES[@]}")")
    bound_s=$(calc 3 "${BYTES[$kind]} / ($BOUND_MBPS * 1e6)")
    pct=$(calc 1 "$bound_s / $ngb_med * 100")
    bound_res=$(verdict ge "$pct" "$BOUND_TARGET_PCT")
    [[ $bound_res == PASS ]] || any_miss=1
    stretch_res=$(verdict ge "$speedup" 4)
    BOUND_LINE="mixed hardware bound: ${BYTES[$kind]} B / $BOUND_MBPS MB/s = $bound_s s; nigehbaan $ngb_med s = $pct% of bound (target >= $BOUND_TARGET_PCT%): $bound_res; stretch speed-up >= 4x: $stretch_res"
    bound_fields="\"bound_rate_mbps\":[$(join "${BOUND_RATES[@]}")],\"bound_rate_median_mbps\":$BOUND_MBPS,\"bound_s\":$bound_s,\"percent_of_bound\":$pct,\"bound_target_percent\":$BOUND_TARGET_PCT,\"bound_result\":\"$bound_res\",\"stretch_result\":\"$stretch_res\""
  fi
  json_corpora+=("$(printf '"%s":{"files":%d,"bytes":%d,"runs":%d,"hashdeep_s":[%s],"nigehbaan_s":[%s],"nigehbaan_rss_mb":[%s],"hashdeep_rss_mb":[%s],"hashdeep_median_s":%s,"nigehbaan_median_s":%s,"speedup":%s,"speedup_target":%s,"speedup_stretch":%s,"speedup_result":"%s","peak_rss_mb":%s,"rss_budget_mb":%d,"rss_result":"%s","scan_runs_with_item_errors":%d,"hashdeep_disk_reads":[%s],"nigehbaan_disk_reads":[%s],%s}' \
    "$kind" "${FILES[$kind]}" "${BYTES[$kind]}" "$RUNS" "${HD_TIMES[$kind]}" "${NGB_TIMES[$kind]}" \
    "${NGB_RSS[$kind]}" "${HD_RSS[$kind]}" "$hd_med" "$ngb_med" "$speedup" "$target" "$stretch" "$sp_res" \
    "$rss_max" "$RSS_BUDGET_MB" "$rss_res" "${ITEM_ERR_RUNS[$kind]}" "${HD_READS[$kind]}" "${NGB_READS[$kind]}" \
    "$bound_fields")")
done
if [[ -n ${BOUND_LINE:-} ]]; then echo "$BOUND_LINE"; fi
reads_total=0
for kind in "${KINDS[@]}"; do
  for r in ${HD_READS[$kind]//,/ } ${NGB_READS[$kind]//,/ }; do reads_total=$((reads_total + r)); done
done
if ((reads_total > 0)); then
  warn "$reads_total disk read requests during timed runs despite re-warming (idle page cache reclaimed, e.g. by DAMON pageout): those runs include some I/O; see 'disk reads' per run"
fi
echo "(medians of $RUNS interleaved runs on page-cached data; speed-up = hashdeep / nigehbaan; RSS in MiB, max over runs; logs in $LOGS)"

printf '{"bench":"scan_vs_hashdeep","date":%s,"host":%s,"cpu":%s,"nproc":%d,"loadavg_start":%s,"loadavg_end":%s,"nigehbaan":%s,"hashdeep_version":%s,"seed":%d,"text_fraction":%s,"corpora":{%s},"digest_bound_last":%s}\n' \
  "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" "$(json_str "$(hostname)")" "$(json_str "${CPU:-unknown}")" \
  "$NPROC" "$LOADAVG" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)" "$(json_str "$NGB")" "$(json_str "$HASHDEEP_VERSION")" "$SEED" "$TEXT_FRACTION" \
  "$(join "${json_corpora[@]}")" "$BOUND_JSON"

if ((STRICT && any_miss)); then exit 3; fi
exit 0
