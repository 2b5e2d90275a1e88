#!/usr/bin/env bash
# disk_image_bench.sh — `nigehbaan scan` of a disk image against its two yardsticks (issue 6):
#   (a) the bound: read and hash the image file's bytes once (`nigehbaan hash IMAGE`: MD5, SHA-1,
#       SHA-256 in one pass), and `sha256sum` for reference;
#   (b) `nigehbaan scan --case C IMAGE` (the image file as evidence + every file inside it, and
#       the files carved from unallocated space: `--carve unallocated`, the default), and the same
#       with `--carve off` (row scan_nocarve: scan - scan_nocarve is the cost of carving);
#   (c) `tsk_recover -e IMAGE DIR` followed by `nigehbaan scan --case C DIR`;
#   (c') the same followed by `nigehbaan hash IMAGE` (row recover_scan_hash): what (b) records,
#       since (c) alone never hashes the image itself. Information only; the target is against (c).
#   (b=c) `nigehbaan scan --no-image-hash --carve off IMAGE` (row scan_like_c): what (c) records
#       (every file inside, deleted ones too, with their digests; neither the image's own digests
#       nor carved files), for a like-for-like comparison with (c).
# Targets: (b) throughput (image bytes / wall time) >= 80% of (a)'s; (b) at least as fast as (c).
# Each variant is timed twice per round: warm (the image read into the page cache first, so only
# CPU is measured) and cold (the image dropped from the page cache first, as an image larger than
# RAM always is: every variant reads it from the disk; tsk_recover's output stays cached).
#
# usage: bench/disk_image_bench.sh [--build DIR] [--work DIR] [--size-mb N] [--runs N] [--fs ext4|ntfs]
#                                  [--cache warm|cold|both]
#   --build DIR    build folder with nigehbaan (default: build; $NGB overrides the binary)
#   --work DIR     scratch folder (default /tmp/ngb-disk-bench); needs ~3x --size-mb free
#   --size-mb N    image size in MiB (default 2048); files fill ~85% of it
#   --runs N       timed runs of each, interleaved (default 3); medians are reported
#   --fs KIND      ext4 (mkfs.ext4 -d, default) or ntfs (mkntfs + ntfscp, slower to build)
#   --cache MODE   warm, cold or both (default both; cold needs `dd iflag=nocache`, GNU coreutils)
# Output: a table of medians (wall and CPU seconds, MB/s) and ratios, then one JSON line.
set -euo pipefail

BUILD=build
WORK=/tmp/ngb-disk-bench
SIZE_MB=2048
RUNS=3
FS=ext4
CACHE=both
while (($#)); do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --size-mb) SIZE_MB=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --fs) FS=$2; shift 2 ;;
    --cache) CACHE=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case $CACHE in warm) MODES=(warm) ;; cold) MODES=(cold) ;; both) MODES=(warm cold) ;;
  *) echo "--cache must be warm, cold or both" >&2; exit 2 ;; esac
NGB=${NGB:-$BUILD/nigehbaan}
[[ -x $NGB ]] || { echo "nigehbaan not found at $NGB" >&2; exit 2; }
export PATH=$PATH:/usr/sbin
for t in mkfs.ext4 tsk_recover sha256sum python3; do command -v "$t" >/dev/null || { echo "$t missing" >&2; exit 2; }; done

mkdir -p "$WORK"
IMG=$WORK/disk-$FS-$SIZE_MB.img
if [[ ! -f $IMG ]]; then
  echo "building a $SIZE_MB MiB $FS image of mixed files..." >&2
  SRC=$WORK/src
  rm -rf "$SRC"
  mkdir -p "$SRC"
  # Deterministic mixed corpus: many small files, some medium, a few large (random bytes).
  /usr/bin/python3 - "$SRC" "$((SIZE_MB * 85 / 100))" <<'EOF'
import os, random, sys
root, budget = sys.argv[1], int(sys.argv[2]) << 20
rng = random.Random(1)
block = os.urandom(64 << 20)
used, n = 0, 0
while used < budget:
    r = rng.random()
    size = rng.randint(1 << 10, 64 << 10) if r < 0.7 else rng.randint(256 << 10, 4 << 20) if r < 0.97 else rng.randint(16 << 20, 60 << 20)
    size = min(size, budget - used)
    d = os.path.join(root, "d%03d" % (n // 200))
    os.makedirs(d, exist_ok=True)
    off = rng.randint(0, len(block) - size)
    with open(os.path.join(d, "f%06d.bin" % n), "wb") as f:
        f.write(n.to_bytes(8, "little") + block[off:off + size - 8] if size > 8 else block[:size])
    used += size
    n += 1
print(n, "files", used >> 20, "MiB", file=sys.stderr)
EOF
  if [[ $FS == ext4 ]]; then
    mkfs.ext4 -q -F -d "$SRC" "$IMG" "${SIZE_MB}M"
  else
    truncate -s "${SIZE_MB}M" "$IMG"
    mkntfs -F -q -Q "$IMG" >/dev/null 2>&1
    for f in "$SRC"/*/*; do ntfscp -f "$IMG" "$f" "$(basename "$f")" >/dev/null; done
  fi
  rm -rf "$SRC"
fi
IMG_BYTES=$(stat -c %s "$IMG")

# shellcheck source=bench/disk_reads.sh
source "$(dirname "${BASH_SOURCE[0]}")/disk_reads.sh"  # disk_reads: see there
declare -A DISK_READS=([warm]=0 [cold]=0)

# prepare MODE: warm reads the image into the page cache; cold drops it from there (every page:
# `dd iflag=nocache count=0` asks the kernel to drop the whole file, clean pages go at once).
prepare() {
  if [[ $1 == warm ]]; then
    cat "$IMG" > /dev/null
  else
    dd if="$IMG" iflag=nocache count=0 status=none
  fi
}
# run MODE NAME CMD... : wall and CPU (user+sys, children included) seconds into
# $WORK/times.MODE.NAME, after `prepare MODE`
run() {
  local mode=$1 name=$2; shift 2
  local TIMEFORMAT='%R %U %S' t r0
  prepare "$mode"
  r0=$(disk_reads)
  t=$( { time "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
  DISK_READS[$mode]=$((DISK_READS[$mode] + $(disk_reads) - r0))
  awk '{printf "%s %.3f\n", $1, $2 + $3}' <<<"$t" >> "$WORK/times.$mode.$name"
}
fresh_case() { rm -rf "$1"; "$NGB" case init "$1" --title bench --examiner bench >/dev/null; }
rm -f "$WORK"/times.*
for _ in $(seq 1 "$RUNS"); do
  for m in "${MODES[@]}"; do
    run "$m" hash "$NGB" hash "$IMG"
    run "$m" sha256sum sha256sum "$IMG"
    fresh_case "$WORK/case"
    run "$m" scan "$NGB" scan --case "$WORK/case" --quiet --no-match "$IMG"
    fresh_case "$WORK/case3"
    run "$m" scan_nocarve "$NGB" scan --case "$WORK/case3" --quiet --no-match --carve off "$IMG"
    fresh_case "$WORK/case3"
    run "$m" scan_like_c "$NGB" scan --case "$WORK/case3" --quiet --no-match --carve off --no-image-hash "$IMG"
    rm -rf "$WORK/recovered"
    fresh_case "$WORK/case2"
    run "$m" recover_scan bash -c "tsk_recover -e '$IMG' '$WORK/recovered' && '$NGB' scan --case '$WORK/case2' --quiet --no-match '$WORK/recovered'"
    rm -rf "$WORK/recovered"
    fresh_case "$WORK/case2"
    run "$m" recover_scan_hash bash -c "tsk_recover -e '$IMG' '$WORK/recovered' && '$NGB' scan --case '$WORK/case2' --quiet --no-match '$WORK/recovered' && '$NGB' hash '$IMG'"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mbs() { awk -v b="$IMG_BYTES" -v s="$1" 'BEGIN {printf "%.0f", b / s / 1e6}'; }
items=$(sqlite3 "$WORK/case/case.db" "SELECT count(*) FROM items")
carved=$(sqlite3 "$WORK/case/case.db" "SELECT count(*) FROM items WHERE path_text LIKE '%/\$Carved/%'")
unalloc=$(sqlite3 "$WORK/case/case.db" "SELECT coalesce(sum(value), 0) FROM item_attrs WHERE key = 'carve.bytes'")
declare -A W C PCT VS
json_modes=""
for m in "${MODES[@]}"; do
  for n in hash sha256sum scan scan_nocarve scan_like_c recover_scan recover_scan_hash; do
    W[$m.$n]=$(cut -d' ' -f1 "$WORK/times.$m.$n" | median)
    C[$m.$n]=$(cut -d' ' -f2 "$WORK/times.$m.$n" | median)
  done
  echo "page cache: $m (image $( [[ $m == warm ]] && echo "read into the cache" || echo "dropped from the cache") before each run)"
  printf '%-18s %9s %9s %8s\n' variant wall_s cpu_s MB/s
  for n in hash sha256sum scan scan_nocarve scan_like_c recover_scan recover_scan_hash; do
    printf '%-18s %9.2f %9.2f %8s\n' "$n" "${W[$m.$n]}" "${C[$m.$n]}" "$(mbs "${W[$m.$n]}")"
  done
  PCT[$m]=$(awk -v a="${W[$m.hash]}" -v b="${W[$m.scan]}" 'BEGIN {printf "%.0f", 100 * a / b}')
  VS[$m]=$(awk -v c="${W[$m.recover_scan]}" -v b="${W[$m.scan]}" 'BEGIN {printf "%.2f", c / b}')
  VSH=$(awk -v c="${W[$m.recover_scan_hash]}" -v b="${W[$m.scan]}" 'BEGIN {printf "%.2f", c / b}')
  VSL=$(awk -v c="${W[$m.recover_scan]}" -v b="${W[$m.scan_like_c]}" 'BEGIN {printf "%.2f", c / b}')
  echo "$m: scan throughput = ${PCT[$m]}% of the read+hash bound (target >= 80%); tsk_recover+scan / scan = ${VS[$m]}x (target >= 1: at least as fast); with the image's own digests, as (b) records them, ${VSH}x"
  echo "$m: like for like (the same outputs: scan --no-image-hash --carve off): tsk_recover+scan / scan_like_c = ${VSL}x"
  echo "$m: carving $(awk -v a="${W[$m.scan]}" -v b="${W[$m.scan_nocarve]}" 'BEGIN {printf "%.2f", a - b}') s wall ($(awk -v a="${C[$m.scan]}" -v b="${C[$m.scan_nocarve]}" 'BEGIN {printf "%.2f", a - b}') s CPU); ${DISK_READS[$m]} disk read requests during the timed runs$( [[ $m == warm ]] && echo " (0: all from page cache)")"
  json_modes+=$(printf ',"%s":{"wall_s":{"hash":%s,"sha256sum":%s,"scan":%s,"scan_nocarve":%s,"scan_like_c":%s,"recover_scan":%s,"recover_scan_hash":%s},"cpu_s":{"hash":%s,"sha256sum":%s,"scan":%s,"scan_nocarve":%s,"scan_like_c":%s,"recover_scan":%s,"recover_scan_hash":%s},"scan_pct_of_bound":%s,"recover_over_scan":%s,"recover_hash_over_scan":%s,"recover_over_scan_like_c":%s,"disk_reads":%s}' \
    "$m" "${W[$m.hash]}" "${W[$m.sha256sum]}" "${W[$m.scan]}" "${W[$m.scan_nocarve]}" "${W[$m.scan_like_c]}" "${W[$m.recover_scan]}" "${W[$m.recover_scan_hash]}" \
    "${C[$m.hash]}" "${C[$m.sha256sum]}" "${C[$m.scan]}" "${C[$m.scan_nocarve]}" "${C[$m.scan_like_c]}" "${C[$m.recover_scan]}" "${C[$m.recover_scan_hash]}" \
    "${PCT[$m]}" "${VS[$m]}" "$VSH" "$VSL" "${DISK_READS[$m]}")
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; image $((IMG_BYTES >> 20)) MiB $FS, $items items, $((unalloc >> 20)) MiB unallocated, $carved files carved"
# The top-level wall_s/cpu_s/... fields are the first mode's (warm unless --cache cold), as before
# --cache existed; "warm" and "cold" hold each mode's figures.
f=${MODES[0]}
printf '{"fs":"%s","image_bytes":%s,"items":%s,"runs":%s,"cache":"%s","wall_s":{"hash":%s,"sha256sum":%s,"scan":%s,"recover_scan":%s},"cpu_s":{"hash":%s,"sha256sum":%s,"scan":%s,"recover_scan":%s},"scan_pct_of_bound":%s,"recover_over_scan":%s,"scan_nocarve_wall_s":%s,"scan_nocarve_cpu_s":%s,"unallocated_bytes":%s,"carved":%s,"disk_reads":%s%s}\n' \
  "$FS" "$IMG_BYTES" "$items" "$RUNS" "$CACHE" "${W[$f.hash]}" "${W[$f.sha256sum]}" "${W[$f.scan]}" "${W[$f.recover_scan]}" \
  "${C[$f.hash]}" "${C[$f.sha256sum]}" "${C[$f.scan]}" "${C[$f.recover_scan]}" "${PCT[$f]}" "${VS[$f]}" \
  "${W[$f.scan_nocarve]}" "${C[$f.scan_nocarve]}" "$unalloc" "$carved" "${DISK_READS[$f]}" "$json_modes"
