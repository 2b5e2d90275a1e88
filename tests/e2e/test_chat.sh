#!/usr/bin/env bash
# Chat risk analysis end to end: `chat analyze --json` on one export of every format from the
# development set (the JSON contract of issue 4), a plainly worrying conversation and a benign one,
# damaged and non-chat input, `text classify`, and `scan` storing conversations and findings.
source "$(dirname "$0")/lib.sh"
DEV=$NGB_SOURCE_DIR/tests/chat/devset

# 1. One file per format: the contract's fields, the detected format, every message read.
for fmt in whatsapp telegram instagram messenger discord csv jsonl pan2012; do
  line=$(jq -c -n --arg f "$fmt" 'first(inputs | select(.format == $f))' "$DEV/manifest.jsonl")
  file=$DEV/$(jq -r .file <<<"$line")
  want=$(jq -r .message_count <<<"$line")
  run_ngb chat analyze --json "$file" >"$T/out.jsonl"
  assert_eq 0 "$rc" "chat analyze $fmt exit code"
  assert_eq "$fmt" "$(jq -r -n 'first(inputs | .format)' "$T/out.jsonl")" "format detected for $fmt"
  jq -e 'has("source") and has("format") and has("participants") and has("message_count") and has("labels")
         and has("parse_errors") and (.labels | all(has("label") and has("score") and has("offender") and
         has("target") and has("first_alert_index") and has("evidence")))' "$T/out.jsonl" >/dev/null \
    || fail "$fmt: JSON contract fields missing"
  got=$(jq -s 'map(.message_count) | add' "$T/out.jsonl")
  [ "$got" -eq "$want" ] || [ "$got" -eq "$((want - $(jq -r .system_count <<<"$line")))" ] \
    || fail "$fmt: $got messages read, manifest says $want"
done
pass "every format parsed with the JSON contract"

# 2. A plainly worrying chat (an adult probing a child's age, being alone, secrecy, a photo, a
#    meeting) is flagged as grooming with the adult as offender; a homework chat is not flagged.
cp "$NGB_SOURCE_DIR/tests/e2e/fixtures/whatsapp-grooming.txt" "$T/WhatsApp Chat with Sam.txt"
cat >"$T/WhatsApp Chat with Mum.txt" <<'CHAT'
03/02/2024, 18:01 - Mum: did you finish the maths homework?
03/02/2024, 18:02 - Ayaan: almost
03/02/2024, 18:03 - Mum: send me a photo of the homework when done
03/02/2024, 18:04 - Ayaan: ok
03/02/2024, 18:30 - Ayaan: <Media omitted>
03/02/2024, 18:31 - Mum: well done beta
CHAT
"$NGB" chat analyze --json "$T/WhatsApp Chat with Sam.txt" "$T/WhatsApp Chat with Mum.txt" >"$T/two.jsonl"
jq -s -e '.[0].labels | any(.label == "grooming" and .offender == "Uncle Rick" and .target == "Sam"
          and (.evidence | length) > 0)' "$T/two.jsonl" >/dev/null || fail "grooming not flagged: $(head -c 600 "$T/two.jsonl")"
jq -s -e '.[1].labels | length == 0' "$T/two.jsonl" >/dev/null || fail "homework chat flagged: $(tail -n 1 "$T/two.jsonl")"
"$NGB" chat analyze "$T/WhatsApp Chat with Sam.txt" | grep -q "GROOMING" || fail "text summary lacks the label"
pass "worrying chat flagged with offender, target and evidence; homework chat not flagged"

# 3. Damaged and non-chat input: readable messages kept, errors reported, exit 1, no crash.
head -c 700 "$DEV/$(jq -r -n 'first(inputs | select(.format == "telegram") | .file)' "$DEV/manifest.jsonl")" >"$T/result.json"
head -c 4000 /dev/urandom >"$T/noise.bin"
run_ngb chat analyze --json "$T/result.json" "$T/noise.bin" >"$T/bad.jsonl"
assert_eq 1 "$rc" "exit code on damaged input"
[ "$(wc -l <"$T/bad.jsonl")" -ge 2 ] || fail "damaged input: expected a line per file"
pass "damaged and non-chat input reported"

# 4. text classify: one JSON object per input line, in order.
printf 'hello, how are you?\nyou are an idiot and everyone hates you\n\nkya haal hai\nآپ کیسے ہیں\n' >"$T/msgs.txt"
"$NGB" text classify --task abuse <"$T/msgs.txt" >"$T/cls.jsonl"
assert_eq 5 "$(wc -l <"$T/cls.jsonl")" "text classify lines"
jq -s -e 'all(has("flag") and has("score"))' "$T/cls.jsonl" >/dev/null || fail "text classify fields"
pass "text classify"

# 5. scan recognises chat exports among evidence and stores conversations and findings.
mkdir -p "$T/ev/phone"
cp "$T/WhatsApp Chat with Sam.txt" "$T/WhatsApp Chat with Mum.txt" "$T/ev/phone/"
cp "$DEV/$(jq -r -n 'first(inputs | select(.format == "discord") | .file)' "$DEV/manifest.jsonl")" "$T/ev/phone/discord.json"
printf 'just a note\n' >"$T/ev/notes.txt"
(cd "$T/ev/phone" && zip -q ../chats.zip "WhatsApp Chat with Sam.txt")
new_case "$T/case"
"$NGB" scan --case "$T/case" --quiet --no-match "$T/ev"
assert_eq 4 "$(sql "$T/case" "SELECT count(*) FROM conversations")" "conversations stored"
assert_eq 2 "$(sql "$T/case" "SELECT count(*) FROM chat_findings WHERE label = 'grooming' AND offender = 'Uncle Rick'")" \
  "grooming findings (file and zip member)"
sql "$T/case" "SELECT path FROM items i JOIN conversations c ON c.item_id = i.id" | grep -q 'chats.zip!/WhatsApp Chat with Sam.txt' \
  || fail "zip member conversation has no provenance"
pass "scan stores conversations and findings"

# 6. The case's conversations and findings come back out with `export --format chats`.
"$NGB" export --case "$T/case" --format chats >"$T/chats.jsonl"
assert_eq 4 "$(wc -l <"$T/chats.jsonl")" "exported conversations"
jq -s -e 'map(select(.labels | any(.label == "grooming"))) | length == 2' "$T/chats.jsonl" >/dev/null \
  || fail "exported grooming findings"
pass "export --format chats"
