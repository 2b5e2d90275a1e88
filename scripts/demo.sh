#!/usr/bin/env bash
# Set up and run the main job on the bundled sample: install dependencies, build, create a case,
# scan samples/evidence (a folder with an archive and chat exports), show the summary, a few exported
# rows and the chat findings, and verify the case. The case is written to ./sample-case (an embedded SQLite case store).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
CASE=${1:-sample-case}
rm -rf "$CASE"
./build/nigehbaan case init "$CASE" --title "Sample case" --examiner "Sample Examiner"
set +e
./build/nigehbaan scan --case "$CASE" samples/evidence
status=$?
set -e
echo "scan exit code: $status (0 = everything read, 1 = finished with item errors)"
echo "--- first rows of: nigehbaan export --case $CASE --format jsonl"
./build/nigehbaan export --case "$CASE" --format jsonl | head -n 5
echo "--- conversations found in chat exports: nigehbaan export --case $CASE --format chats"
./build/nigehbaan export --case "$CASE" --format chats | head -n 5
echo "--- nigehbaan chat analyze samples/evidence/Phone"
./build/nigehbaan chat analyze samples/evidence/Phone || true
echo "--- nigehbaan verify --case $CASE"
./build/nigehbaan verify --case "$CASE"
