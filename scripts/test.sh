#!/usr/bin/env bash
# Set up and run every test: install dependencies, then
#   1. optimised build: unit tests + end-to-end tests (ctest)
#   2. clang AddressSanitizer + UndefinedBehaviorSanitizer build: the same tests
#   3. the libFuzzer targets of that same build, a short run each from the seed corpus
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# install-deps only warns when the classifier models cannot be built (they are optional to run the
# tool); the tests need them, so here a failure stops the run instead of letting those tests skip.
./scripts/fetch-models.sh >/dev/null
JOBS=$(nproc)
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

echo "== optimised build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNGB_UNITY=ON >/dev/null
cmake --build build
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
(cd build && ctest --output-on-failure -j "$JOBS") | tee -a "$LOG"

# One clang build serves both sanitizer tests and fuzzing (a separate fuzz build cost CI ~10 minutes):
# ASan + UBSan everywhere, libFuzzer coverage on the library; -O1 keeps it quick to build and run.
echo "== sanitizer build (clang: ASan + UBSan; also the libFuzzer targets)"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DNGB_SANITIZE=ON -DNGB_FUZZ=ON -DNGB_BENCH=OFF -DNGB_UNITY=ON >/dev/null
cmake --build build-asan
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$JOBS") | tee -a "$LOG"

# The targets run $JOBS at a time (one core each; serially they took ~6 minutes of CI), each on a
# copy of its seed corpus (libFuzzer writes what it finds into the corpus folder); their outputs are
# printed in order afterwards, and any target's failure fails the script (its input kept).
echo "== fuzzing (${FUZZ_SECONDS}s per target, $JOBS at a time)"
FUZZ_WORK=$(mktemp -d)
trap 'rm -f "$LOG"; rm -rf "$FUZZ_WORK"' EXIT
fuzz_one() {
  local target=$1 name corpus
  name=$(basename "$target")
  corpus="$FUZZ_WORK/$name.corpus"
  mkdir -p "$corpus"
  cp -r "tests/fuzz/corpus/${name#fuzz_}/." "$corpus/" 2>/dev/null || true
  # NTFS, exFAT, ISO 9660 and GPT seeds are made here (mostly zeros, 0.4-4 MiB each).
  [ "$name" = fuzz_disk_image ] && tests/fuzz/make_disk_seeds.sh "$corpus"
  local rc=0
  # Memory is judged by what is used (-rss_limit_mb), not by what is asked for: libraries malloc
  # sizes that hostile headers claim (libarchive: 3 GB for a 220-byte 7z) and touch a few bytes of
  # them, which is harmless, and a request the machine cannot meet returns NULL (the sanitizer
  # builds' allocator_may_return_null=1, cmake/sanitizer_defaults.cpp) as it does in the release
  # build. So libFuzzer's per-malloc limit (by default the RSS limit) is set to ASan's maximum.
  "$target" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -malloc_limit_mb=1048576 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="build-asan/fuzz-artifacts/$name-" "$corpus" > "$FUZZ_WORK/$name.log" 2>&1 || rc=$?
  echo "$rc" > "$FUZZ_WORK/$name.rc"
}
export -f fuzz_one
export FUZZ_WORK FUZZ_SECONDS
mkdir -p build-asan/fuzz-artifacts  # a crashing input is kept here (build-asan/fuzz-artifacts/NAME-crash-…)
targets=()
for target in build-asan/tests/fuzz/fuzz_*; do
  [ -x "$target" ] && targets+=("$target")
done
printf '%s\0' "${targets[@]}" | xargs -0 -n 1 -P "$JOBS" bash -c 'fuzz_one "$1"' _
fuzz_failed=0
for target in "${targets[@]}"; do
  name=$(basename "$target")
  echo "-- $name"
  tail -n 8 "$FUZZ_WORK/$name.log"
  rc=$(cat "$FUZZ_WORK/$name.rc" 2>/dev/null || echo missing)
  if [ "$rc" != 0 ]; then
    echo "FUZZ FAILURE: $name (exit $rc)"
    fuzz_failed=1
  fi
done
[ "$fuzz_failed" = 0 ] || exit 1
# One closing line over both ctest runs (fuzzing has no pass count: a crash fails the script).
total=$(grep -Eo 'tests passed, [0-9]+ tests failed out of [0-9]+' "$LOG" | awk '{s += $NF} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ tests failed out of' "$LOG" | awk '{s += $1} END {print s + 0}')
echo "all tests passed"
echo "tests: $((total - failed)) passed, $failed failed"
