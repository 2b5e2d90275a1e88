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
