#!/usr/bin/env bash
# Browser end-to-end test of the review UI (issue 5): a case scanned from benign generated images
# (near duplicates among them, one an alert hash-set hit) and a flagged synthetic chat export (with
# an Urdu line); accounts; `nigehbaan serve` on a free port; then ui.mjs drives headless Chromium
# through log-in, reveal, a keyboard group decision, the conversation viewer and a supervisor's
# export; afterwards `nigehbaan verify` must pass and the audit log must hold the new entries.
# Skips (exit 77) only when /usr/bin/chromium is absent. playwright-core (pinned in package.json /
# package-lock.json) is installed with `npm ci` into ~/.cache/nigehbaan/npm-browser-e2e.
source "$(dirname "$0")/../lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
  echo "SKIP: /usr/bin/chromium is not installed (apt-get install chromium)"
  exit 77
fi
command -v node >/dev/null || fail "node is not installed"

# playwright-core, outside the source tree; reinstalled when the lock file changes.
NPM_DIR=${NGB_NPM_CACHE:-$HOME/.cache/nigehbaan/npm-browser-e2e}
mkdir -p "$NPM_DIR"
if ! cmp -s "$HERE/package-lock.json" "$NPM_DIR/package-lock.json" || [ ! -d "$NPM_DIR/node_modules/playwright-core" ]; then
  cp "$HERE/package.json" "$HERE/package-lock.json" "$NPM_DIR/"
  (cd "$NPM_DIR" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) || fail "npm ci playwright-core"
fi

# Evidence: benign generated pictures, near duplicates, a zip, a chat export.
E=$T/evidence L=$T/library C=$T/case
mkdir -p "$E/photos" "$E/phone"
for i in 1 2 3 4 5; do
  convert -size 480x360 -seed "$i" plasma:fractal -blur 0x2 -quality 92 "$E/photos/pic$i.jpg"
done
convert "$E/photos/pic1.jpg" -resize 50% -quality 70 "$E/photos/pic1-small.jpg"   # near duplicate of pic1
convert "$E/photos/pic2.jpg" -quality 40 "$E/phone/pic2-q40.jpg"                    # near duplicate of pic2
(cd "$E/photos" && zip -q "$E/phone/backup.zip" pic3.jpg)
# The synthetic grooming-pattern chat of test_chat.sh (non-explicit), plus a reply in Urdu.
cp "$NGB_SOURCE_DIR/tests/e2e/fixtures/whatsapp-grooming.txt" "$E/phone/WhatsApp Chat with Sam.txt"
echo "03/02/2024, 18:12 - Sam: آپ کون ہیں؟ میں امی سے پوچھوں گا" >>"$E/phone/WhatsApp Chat with Sam.txt"
export NIGEHBAAN_HASHSETS=$L
(cd "$E/photos" && md5sum pic4.jpg) >"$T/alert.md5"
"$NGB" hashset import "$T/alert.md5" --name e2e-alert --kind alert --format md5sum >/dev/null
new_case "$C"
run_ngb scan --case "$C" "$E" >/dev/null
assert_eq 0 "$rc" "scan exit code"
PW="browser e2e pass phrase 7"
for u in "rita reviewer" "sam2 supervisor"; do
  set -- $u
  echo "$PW" | "$NGB" user add --case "$C" "$1" --role "$2" --password-stdin --interactive-cost >/dev/null
done
audit_before=$(sql "$C" "SELECT count(*) FROM audit_log")
pass "case scanned: $(sql "$C" "SELECT count(*) FROM items") items"

"$NGB" serve --case "$C" --listen 127.0.0.1:0 >"$T/serve.out" 2>"$T/serve.err" &
SERVE_PID=$!
trap 'kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; chmod -R u+rwX "$T" 2>/dev/null; rm -rf "$T"' EXIT
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$T/serve.out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || fail "serve did not start: $(cat "$T/serve.err")"

# ES modules resolve packages from the script's folder, so the script runs beside node_modules.
cp "$HERE/ui.mjs" "$NPM_DIR/ui.mjs"
BASE_URL=$url REVIEWER=rita SUPERVISOR=sam2 PASSWORD=$PW OUT_DIR=$T node "$NPM_DIR/ui.mjs" || fail "browser steps"

kill "$SERVE_PID"
wait "$SERVE_PID" 2>/dev/null || true
run_ngb verify --case "$C" >"$T/verify.out"
assert_eq 0 "$rc" "verify after the browser session: $(cat "$T/verify.out")"
for action in login preview_reveal review_decision export; do
  n=$(sql "$C" "SELECT count(*) FROM audit_log WHERE action = '$action' AND seq > $audit_before")
  [ "$n" -gt 0 ] || fail "no new $action entry in the audit log"
done
pass "verify passes; the audit log grew by $(( $(sql "$C" "SELECT count(*) FROM audit_log") - audit_before )) entries (login, reveal, decisions, export)"
