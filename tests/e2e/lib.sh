# Shared helpers for end-to-end tests. Each test script sources this file, builds its own
# evidence under a fresh temporary folder, runs the real binary ($NGB) and checks the results.
set -euo pipefail

: "${NGB:?set NGB to the nigehbaan binary}"
NGB_SOURCE_DIR=${NGB_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/ngb-e2e.XXXXXX")
trap 'chmod -R u+rwX "$T" 2>/dev/null; rm -rf "$T"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

assert_eq() {  # expected actual message
  [ "$1" == "$2" ] || fail "$3: expected [$1], got [$2]"
}

# Runs nigehbaan, recording its exit code in $rc without tripping set -e.
run_ngb() {
  set +e
  "$NGB" "$@"
  rc=$?
  set -e
}

# sql CASE_DIR "SELECT ..." — one query against the case store.
sql() { sqlite3 -batch -noheader "$1/case.db" "$2"; }

new_case() {  # new_case DIR
  "$NGB" case init "$1" --title "e2e test" --examiner "Test Examiner" >/dev/null
}

# kill_scans CASE_DIR STEP SOURCE...: starts `scan --threads 1` up to three times and kills it
# with SIGKILL once more than attempt x STEP rows are committed, until a kill lands while the
# scan is still running. Sets $killed (kills that interrupted a scan) and $partial (rows committed
# at the end).
kill_scans() {
  local c=$1 step=$2 attempt pid n
  shift 2
  killed=0
  for attempt in 1 2 3; do
    "$NGB" scan --case "$c" --quiet --threads 1 "$@" &
    pid=$!
    # Wait until some rows are committed, then kill without warning.
    for _ in $(seq 1 500); do
      n=$(sql "$c" "SELECT count(*) FROM items" 2>/dev/null || echo 0)
      [ "${n:-0}" -gt $((attempt * step)) ] && break
      sleep 0.01
    done
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null || true
    # Counted only when it interrupted the scan: a kill sent just after the scan ended succeeds too
    # (the process is a zombie until waited for) but leaves nothing to resume.
    [ "$(sql "$c" "SELECT status FROM scans")" == "running" ] || break
    killed=$((killed + 1))
  done
  [ "$killed" -ge 1 ] || fail "scan finished before it could be killed (no kill interrupted it)"
  partial=$(sql "$c" "SELECT count(*) FROM items")
}
