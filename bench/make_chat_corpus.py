#!/usr/bin/python3
"""Writes one big synthetic, benign chat export for throughput benchmarks of `chat analyze`.

    /usr/bin/python3 bench/make_chat_corpus.py --messages 2000000 --format whatsapp --out /tmp/big.txt
    formats: whatsapp (Android 24 h), whatsapp-12h (U+202F before am/pm), whatsapp-ios, telegram,
             instagram, messenger, discord, csv, jsonl, pan2012

Messages mix English, Urdu and Roman Urdu small talk (the devset's benign filler pools, combined
and varied: two sentences in one message, emoji, numbers, multi-line messages, media lines), from
8 participants, in time order (newest first for instagram/messenger, as Meta writes them).
Deterministic for a given --seed. Streams to disk: memory use does not grow with --messages.
Standard library only.
"""
import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "tests", "chat", "devset", "convs"))
import filler  # noqa: E402

FORMATS = ["whatsapp", "whatsapp-12h", "whatsapp-ios", "telegram", "instagram", "messenger", "discord",
           "csv", "jsonl", "pan2012"]
NAMES = ["Ayesha Khan", "Bilal", "Sana 🌸", "Tom", "عمران", "Hira", "Ali: Work", "Grace"]
LRM = "\u200e"
EMOJI = ["😂", "👍", "❤️", "🙏", "😅", "🔥", "😊", ""]


def sentences():
    out = []
    for pool in filler.FILL.values():
        for ex in pool:
            out += [s for s in ex if not s.startswith("[")]
    return out


def message_texts(n, rng):
    """Yields n (text, is_media) pairs."""
    pool = sentences()
    k = len(pool)
    for _ in range(n):
        r = rng.random()
        if r < 0.03:
            yield ("", True)
            continue
        text = pool[rng.randrange(k)]
        if r < 0.25:
            text += " " + pool[rng.randrange(k)]
        elif r < 0.27:
            text += "\n" + pool[rng.randrange(k)]
        elif r < 0.35:
            text += " " + EMOJI[rng.randrange(len(EMOJI))]
        elif r < 0.40:
            text += f" {rng.randrange(1, 500)}"
        yield (text, False)


def moji(s):
    return s.encode("utf-8").decode("latin-1")


def write(args):
    rng = random.Random(args.seed)
    n = args.messages
    fmt = args.format
    t = 1_600_000_000
    gaps = [rng.randrange(5, 900) for _ in range(997)]
    newest_first = fmt in ("instagram", "messenger")
    if newest_first:
        t += sum(gaps[i % 997] for i in range(n))
    buf, size = [], 0
    f = open(args.out, "w", encoding="utf-8" if fmt not in ("instagram", "messenger") else "ascii", newline="")

    def emit(s):
        nonlocal size
        buf.append(s)
        size += 1
        if size >= 20000:
            f.write("".join(buf))
            buf.clear()
            size = 0

    if fmt == "telegram":
        emit('{\n "name": "Benchmark group",\n "type": "private_group",\n "id": 4000000001,\n "messages": [\n')
    elif fmt == "discord":
        emit('{"guild":{"id":"1","name":"Bench","iconUrl":""},"channel":{"id":"2","type":"GuildTextChat",'
             '"categoryId":"3","category":"Text Channels","name":"general","topic":null},'
             '"dateRange":{"after":null,"before":null},"exportedAt":"2024-01-01T00:00:00+00:00","messages":[\n')
    elif newest_first:
        emit('{\n  "participants": [' + ", ".join('{"name": %s}' % json.dumps(moji(p)) for p in NAMES)
             + '],\n  "messages": [\n')
    elif fmt == "csv":
        emit("timestamp,sender,text\r\n")
    elif fmt == "pan2012":
        emit('<?xml version="1.0" encoding="UTF-8"?>\n<conversations>\n<conversation id="bench0000">\n')
    elif fmt.startswith("whatsapp"):
        emit(("[13/09/2020, 12:26:40] Benchmark group: \u200eMessages and calls are end-to-end encrypted.\n"
              if fmt == "whatsapp-ios" else
              "13/09/2020, 12:26 - Messages and calls are end-to-end encrypted. No one outside of this chat, "
              "not even WhatsApp, can read or listen to them. Tap to learn more.\n"))
    for i, (text, media) in enumerate(message_texts(n, rng)):
        t += -gaps[i % 997] if newest_first else gaps[i % 997]
        who = NAMES[(i * 7 + (i >> 3)) % len(NAMES)]
        g = time.gmtime(t)
        sep = ",\n" if i else ""
        if fmt == "whatsapp":
            body = "<Media omitted>" if media else text
            emit(f"{g.tm_mday:02d}/{g.tm_mon:02d}/{g.tm_year}, {g.tm_hour:02d}:{g.tm_min:02d} - {who}: {body}\n")
        elif fmt == "whatsapp-12h":
            body = "<Media omitted>" if media else text
            emit(f"{g.tm_mday:02d}/{g.tm_mon:02d}/{g.tm_year}, {(g.tm_hour % 12) or 12}:{g.tm_min:02d}\u202f"
                 f"{'am' if g.tm_hour < 12 else 'pm'} - {who}: {body}\n")
        elif fmt == "whatsapp-ios":
            body = "\u200eimage omitted" if media else text
            emit(f"{LRM if media else ''}[{g.tm_mday:02d}/{g.tm_mon:02d}/{g.tm_year}, {g.tm_hour:02d}:"
                 f"{g.tm_min:02d}:{g.tm_sec:02d}] {who}: {body}\n")
        elif fmt == "telegram":
            d = time.strftime("%Y-%m-%dT%H:%M:%S", g)
            m = {"id": i + 1, "type": "message", "date": d, "date_unixtime": str(t), "from": who,
                 "from_id": f"user{1000 + NAMES.index(who)}", "text": text,
                 "text_entities": [{"type": "plain", "text": text}] if text else []}
            if media:
                m["photo"] = f"photos/photo_{i}.jpg"
            emit(sep + json.dumps(m, ensure_ascii=False))
        elif newest_first:
            m = {"sender_name": moji(who), "timestamp_ms": t * 1000 + i % 1000}
            if media:
                m["photos"] = [{"uri": f"messages/inbox/bench_1/photos/{i}.jpg", "creation_timestamp": t}]
            else:
                m["content"] = moji(text)
            m["is_geoblocked_for_viewer"] = False
            emit(sep + json.dumps(m))
        elif fmt == "discord":
            m = {"id": str(10**18 + i), "type": "Default", "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", g),
                 "timestampEdited": None, "callEndedTimestamp": None, "isPinned": False, "content": text,
                 "author": {"id": str(10**17 + NAMES.index(who)), "name": f"user{NAMES.index(who)}",
                            "discriminator": "0000", "nickname": who, "color": None, "isBot": False, "roles": []},
                 "attachments": [{"id": str(i), "url": f"https://cdn.discordapp.com/a/{i}.png", "fileName": f"{i}.png",
                                  "fileSizeBytes": 1000}] if media else [],
                 "embeds": [], "stickers": [], "reactions": [], "mentions": []}
            emit(sep + json.dumps(m, ensure_ascii=False))
        elif fmt == "csv":
            body = "<Media omitted>" if media else text
            if any(c in body for c in ',"\n'):
                body = '"' + body.replace('"', '""') + '"'
            emit(f"{time.strftime('%Y-%m-%d %H:%M:%S', g)},{who if ',' not in who else chr(34) + who + chr(34)},{body}\r\n")
        elif fmt == "jsonl":
            m = {"timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", g), "sender": who, "text": text}
            if media:
                m["attachment"] = f"IMG_{i}.jpg"
            emit(json.dumps(m, ensure_ascii=False) + "\n")
        elif fmt == "pan2012":
            body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            emit(f'<message line="{i + 1}">\n<author>{NAMES.index(who):032x}</author>\n'
                 f"<time>{g.tm_hour:02d}:{g.tm_min:02d}</time>\n<text>{body}</text>\n</message>\n")
    if fmt == "telegram":
        emit("\n ]\n}\n")
    elif fmt == "discord":
        emit(f'\n],"messageCount":{n}}}\n')
    elif newest_first:
        emit('\n  ],\n  "title": "Bench",\n  "is_still_participant": true,\n  "thread_path": "inbox/bench_1",\n'
             '  "magic_words": []\n}\n')
    elif fmt == "pan2012":
        emit("</conversation>\n</conversations>\n")
    f.write("".join(buf))
    f.close()


def main():
    ap = argparse.ArgumentParser(description="Big synthetic benign chat export for throughput benchmarks.")
    ap.add_argument("--messages", type=int, default=2_000_000)
    ap.add_argument("--format", choices=FORMATS, default="whatsapp")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.messages < 1:
        ap.error("--messages must be >= 1")
    t0 = time.monotonic()
    write(args)
    size = os.path.getsize(args.out)
    print(f"wrote {args.messages} messages ({size / 1e6:.1f} MB, {args.format}) to {args.out} "
          f"in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
