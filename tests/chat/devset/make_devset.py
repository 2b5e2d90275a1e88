#!/usr/bin/python3
"""Renders the hand-written conversations in convs/*.py into real chat-export files + manifest.jsonl.

Deterministic (no clock, no unseeded randomness): running it twice gives byte-identical output.
Standard library only.

    /usr/bin/python3 tests/chat/devset/make_devset.py          # writes files/ and manifest.jsonl
    /usr/bin/python3 tests/chat/devset/make_devset.py --check  # fails if the committed output is stale

Conversation DSL (the `script` field of each dict in convs/*.py), one line per event:

    A: text              a message by person A (people={"A": "display name", ...})
      more text          a line starting with two spaces continues the previous message (multi-line)
    * A: text            the first message where a careful human would already be worried
    *sextortion A: text  the same for one label only (mixed conversations: where the later harm starts)
    A: [image] caption   media: [image] [video] [audio] [sticker] [file:name.pdf]; caption optional
    A: [call 300]        a video call of 300 s by A ([call 0] = missed); only exports that record
                         calls show it (Telegram, Messenger, Instagram, Discord)
    ~2d  ~5h  ~30m       advance the clock
    ~fill 3              3 benign filler exchanges from convs/filler.py (by the first two people)

Other dict fields: id (prefix en_/ur_/rur_ gives the language), labels (empty = negative), off/tgt
(letters of offender/target), offs (further offenders, e.g. several bullies), note, title (group
name), fill=(exchanges before, exchanges after).

Manifest indexes (first_harm_index) count every message of the rendered file in time order,
including system/service lines (encryption notice, "X added Y", calls), as the parsers keep them.
"""
import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import sys
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "convs"))

import en_neg, en_pos, en_more, filler, rur_neg, rur_pos, rur_more, ur_neg, ur_pos, ur_more  # noqa: E402

LANG_OF_PREFIX = {"en": "en", "ur": "ur", "rur": "ur-Latn"}
FORMAT_CYCLE = ["whatsapp:android24", "telegram", "instagram", "whatsapp:ios", "messenger", "discord",
                "whatsapp:android12", "csv", "jsonl", "pan2012", "whatsapp:android12", "whatsapp:ios"]
GROUP_TITLES = ["Besties 💕", "the squad", "class 8 B", "Friends", "🔥🔥🔥", "lunch table", "gc"]
LONG_EVERY = 7
# Notes of polite/business chats: their filler comes from filler.FORMAL, not friends' small talk.
FORMAL_HINTS = re.compile(r"\b(shop|store|studio|photographer|doctor|paediatrician|nurse|bank|HR|courier|rider|"
                          r"landlord|teacher|tutor schedules|coach logistics|academy|school logistics|PTA|NGO|"
                          r"police|interview|trainer|office|university|volunteers|agency)\b", re.I)  # every 7th conversation gets a long benign stretch (so lengths reach ~300 messages)


def stable_int(text):
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def opaque(conv_id):
    return "chat_" + hashlib.sha256(("devset:" + conv_id).encode("utf-8")).hexdigest()[:8]


def md5_hex(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------------ model
class Msg:
    # harm: False, "*" (first worrying message for every label not marked on its own) or a label name
    __slots__ = ("t", "author", "text", "media", "attach", "call", "system", "harm")

    def __init__(self, t, author, text="", media=None, attach="", call=None, system=False, harm=False):
        self.t, self.author, self.text, self.media = t, author, text, media
        self.attach, self.call, self.system, self.harm = attach, call, system, harm


MEDIA_RE = re.compile(r"^\[(image|video|audio|sticker|file:[^\]]+|call \d+)\]\s*")
LINE_RE = re.compile(r"^(\*([a-z]+)?\s*)?([A-Z]):\s?(.*)$")


def build_messages(conv, rng):
    people = conv["people"]
    letters = list(people)
    lang = conv["lang"]
    pool = (filler.FORMAL if conv.get("formal") else filler.FILL)[lang]
    t = dt.datetime(2022, 1, 3, 8, 0, 0) + dt.timedelta(days=rng.randrange(0, 1280),
                                                         hours=rng.randrange(0, 13),
                                                         minutes=rng.randrange(60))
    msgs = []
    state = {"t": t}

    def tick(lo=15, hi=420):
        state["t"] += dt.timedelta(seconds=rng.randrange(lo, hi))
        return state["t"]

    def add_fill(n):
        for _ in range(n):
            ex = pool[rng.randrange(len(pool))]
            first = rng.randrange(2)
            speakers = letters[:2] if len(letters) == 2 or rng.random() < 0.6 else rng.sample(letters, 2)
            for i, line in enumerate(ex):
                who = people[speakers[(first + i) % 2]]
                m = MEDIA_RE.match(line)
                if m:
                    msgs.append(Msg(tick(), who, line[m.end():], media="image", attach=""))
                else:
                    msgs.append(Msg(tick(), who, line))
            if rng.random() < 0.35:  # conversations pause for hours between topics
                tick(3600, 3600 * 20)

    if conv.get("title") and len(letters) > 2:
        first = people[letters[0]]
        msgs.append(Msg(tick(), "", f'{first} created group "{conv["title"]}"', system=True))
        for L in letters[1:]:
            msgs.append(Msg(tick(1, 5), "", f"{first} added {people[L]}", system=True))
    add_fill(conv["fill"][0])
    for raw in conv["script"].strip("\n").split("\n"):
        if not raw.strip():
            continue
        if raw.startswith("  ") and msgs and not raw.lstrip().startswith("~"):
            msgs[-1].text += "\n" + raw.strip()
            continue
        line = raw.strip()
        if line.startswith("~fill"):
            add_fill(int(line.split()[1]))
            continue
        if line.startswith("~"):
            n, unit = int(line[1:-1]), line[-1]
            state["t"] += dt.timedelta(**{{"d": "days", "h": "hours", "m": "minutes"}[unit]: n})
            continue
        m = LINE_RE.match(line)
        if not m:
            raise SystemExit(f"{conv['id']}: bad script line: {raw!r}")
        star, star_label, who, text = m.groups()
        if star_label and star_label not in conv["labels"]:
            raise SystemExit(f"{conv['id']}: *{star_label} is not one of its labels")
        msg = Msg(tick(), people[who], text, harm=(star_label or "*") if star else False)
        mm = MEDIA_RE.match(text)
        if mm:
            tag = mm.group(1)
            msg.text = text[mm.end():]
            if tag.startswith("call"):
                msg.call = int(tag.split()[1])
            elif tag.startswith("file:"):
                msg.media, msg.attach = "file", tag[5:]
            else:
                msg.media = tag
        msgs.append(msg)
    add_fill(conv["fill"][1])
    while len(msgs) < 7:  # even the shortest chats have a few messages around the point
        add_fill(1)
    return msgs


# --------------------------------------------------------------------------------------- renderers
# Each renderer returns (relative path, bytes, kept) where `kept` lists the Msg objects a parser
# sees, in time order (so manifest indexes are computed on what is really in the file).

def attach_name(m, i, style):
    ext = {"image": "jpg", "video": "mp4", "audio": "opus", "sticker": "webp"}.get(m.media, "bin")
    if m.media == "file":
        return m.attach
    kind = {"image": "IMG", "video": "VID", "audio": "PTT", "sticker": "STK"}[m.media]
    if style == "android":
        return f"{kind}-{m.t:%Y%m%d}-WA{i:04d}.{ext}"
    word = {"image": "PHOTO", "video": "VIDEO", "audio": "AUDIO", "sticker": "STICKER"}[m.media]
    return f"{i:08d}-{word}-{m.t:%Y-%m-%d-%H-%M-%S}.{ext}"


def render_whatsapp(conv, msgs, variant, rng):
    day_first = conv["lang"] != "en" or rng.random() < 0.6
    attachments_included = rng.random() < 0.4
    is_group = len(conv["people"]) > 2
    other = conv["title"] if is_group and conv.get("title") else list(conv["people"].values())[1]

    def stamp(t):
        d, mo = (t.day, t.month)
        if variant == "ios":
            date = f"{d:02d}/{mo:02d}/{t:%Y}" if day_first else f"{mo}/{d}/{t:%y}"
            clock = f"{t:%H:%M:%S}" if day_first else f"{(t.hour % 12) or 12}:{t:%M:%S}\u202f{'AM' if t.hour < 12 else 'PM'}"
            return f"[{date}, {clock}]"
        date = f"{d:02d}/{mo:02d}/{t:%Y}" if day_first else f"{mo}/{d}/{t:%y}"
        if variant == "android24":
            return f"{date}, {t:%H:%M}"
        sep = "\u202f" if conv_variant_new else " "
        ampm = ("am" if t.hour < 12 else "pm") if day_first else ("AM" if t.hour < 12 else "PM")
        return f"{date}, {(t.hour % 12) or 12}:{t:%M}{sep}{ampm}"

    conv_variant_new = rng.random() < 0.7
    lines, kept = [], []
    enc = ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
           "can read or listen to them. Tap to learn more.")
    first_t = msgs[0].t - dt.timedelta(minutes=1)
    if variant == "ios":
        lines.append(f"{stamp(first_t)} {other}: \u200e{enc}")
    else:
        lines.append(f"{stamp(first_t)} - {enc}")
    kept.append(Msg(first_t, "", enc, system=True))
    for i, m in enumerate(msgs):
        if m.call is not None:
            continue  # WhatsApp text exports do not list calls
        if m.system:
            lines.append(f"\u200e{stamp(m.t)} {other}: \u200e{m.text}" if variant == "ios"
                         else f"{stamp(m.t)} - {m.text}")
            kept.append(m)
            continue
        if not m.harm and m.author and rng.random() < 0.015:  # someone deleted a message here
            gone = "\u200eThis message was deleted." if variant == "ios" else "This message was deleted"
            lines.append(f"{stamp(m.t)} {m.author}: {gone}" if variant == "ios" else f"{stamp(m.t)} - {m.author}: {gone}")
            kept.append(Msg(m.t, m.author, gone))
        if m.media:
            if variant == "ios":
                body = (f"\u200e<attached: {attach_name(m, i, 'ios')}>" if attachments_included
                        else f"\u200e{m.media if m.media != 'file' else 'document'} omitted")
            else:
                body = (f"{attach_name(m, i, 'android')} (file attached)" if attachments_included
                        else "<Media omitted>")
            if m.text:
                body += "\n" + m.text
        else:
            body = m.text
            if variant != "ios" and rng.random() < 0.01:
                body += " <This message was edited>"
        if variant == "ios":
            lines.append(f"{chr(0x200e) if m.media else ''}{stamp(m.t)} {m.author}: {body}")
        else:
            lines.append(f"{stamp(m.t)} - {m.author}: {body}")
        kept.append(m)
    name = "_chat.txt" if variant == "ios" else f"WhatsApp Chat with {other}.txt"
    return name, ("\n".join(lines) + "\n").encode("utf-8"), kept


ENTITY_RE = re.compile(r"(https?://\S+|@\w+|\+92[\d ]{9,13}\d|#\w+)")


def telegram_text(text, rng, force=False):
    parts = ENTITY_RE.split(text)
    if len(parts) == 1 and not force and (len(text.split()) < 4 or rng.random() > 0.08):
        return text, ([{"type": "plain", "text": text}] if text else [])
    if len(parts) == 1:  # a word in bold, as people do
        words = text.split(" ")
        k = rng.randrange(len(words))
        parts = [" ".join(words[:k]) + (" " if k else ""), words[k], (" " if k < len(words) - 1 else "")
                 + " ".join(words[k + 1:])]
        kinds = [None, "bold", None]
    else:
        kinds = []
        for i, p in enumerate(parts):
            if i % 2 == 0:
                kinds.append(None)
            elif p.startswith("http"):
                kinds.append("link")
            elif p.startswith("@"):
                kinds.append("mention")
            elif p.startswith("#"):
                kinds.append("hashtag")
            else:
                kinds.append("phone")
    arr, ents = [], []
    for p, k in zip(parts, kinds):
        if not p:
            continue
        arr.append(p if k is None else {"type": k, "text": p})
        ents.append({"type": k or "plain", "text": p})
    return arr, ents


def render_telegram(conv, msgs, rng):
    people = list(conv["people"].values())
    ids = {p: 100000000 + stable_int(p) % 900000000 for p in people}
    is_group = len(people) > 2
    out, kept = [], []
    mid = 1000 + rng.randrange(50000)
    zone = dt.timezone(dt.timedelta(hours=0 if conv["lang"] == "en" else 5))
    for i, m in enumerate(msgs):
        mid += 1 + (rng.random() < 0.1)
        base = {"id": mid, "type": "message", "date": m.t.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(m.t.replace(tzinfo=zone).timestamp()))}  # `date` is local time
        if m.system:
            actor = people[0]
            base.update({"type": "service", "actor": actor, "actor_id": f"user{ids[actor]}"})
            if "created group" in m.text:
                base.update({"action": "create_group", "title": conv.get("title", ""), "members": people})
            else:
                base.update({"action": "invite_members", "members": [m.text.split(" added ", 1)[-1]]})
            base.update({"text": "", "text_entities": []})
        elif m.call is not None:
            base.update({"type": "service", "actor": m.author, "actor_id": f"user{ids[m.author]}",
                         "action": "phone_call"})
            if m.call:
                base["duration_seconds"] = m.call
            base["discard_reason"] = "hangup" if m.call else "missed"
            base.update({"text": "", "text_entities": []})
        else:
            base.update({"from": m.author, "from_id": f"user{ids[m.author]}"})
            if out and rng.random() < 0.08:
                base["reply_to_message_id"] = out[-1]["id"]
            if rng.random() < 0.03:
                edited = m.t + dt.timedelta(seconds=rng.randrange(5, 300))
                base["edited"] = edited.strftime("%Y-%m-%dT%H:%M:%S")
                base["edited_unixtime"] = str(int(edited.replace(tzinfo=zone).timestamp()))
            if m.media == "image":
                base.update({"photo": f"photos/photo_{i}@{m.t:%d-%m-%Y_%H-%M-%S}.jpg",
                             "width": 1280, "height": 960})
            elif m.media:
                mt = {"video": ("video_files", "video_file", "video/mp4", "mp4"),
                      "audio": ("voice_messages", "voice_message", "audio/ogg", "ogg"),
                      "sticker": ("stickers", "sticker", "image/webp", "webp"),
                      "file": ("files", None, "application/pdf", "pdf")}[m.media]
                fname = m.attach or f"{mt[0]}/{m.media}_{i}@{m.t:%d-%m-%Y_%H-%M-%S}.{mt[3]}"
                base.update({"file": fname if "/" in fname else f"files/{fname}", "mime_type": mt[2]})
                if mt[1]:
                    base["media_type"] = mt[1]
                if m.media == "sticker":
                    base["sticker_emoji"] = "😂"
            # every file gets at least one entity array: the last chance is the last plain message
            last_chance = not any(isinstance(o.get("text"), list) for o in out) and \
                all(x.system or x.call is not None or not x.text for x in msgs[i + 1:])
            text, ents = telegram_text(m.text, rng, force=last_chance)
            base.update({"text": text, "text_entities": ents})
        out.append(base)
        kept.append(m)
    chat = {"name": conv.get("title") if is_group else people[1],
            "type": "private_group" if is_group else "personal_chat",
            "id": ids[people[1]] if not is_group else 4000000000 + stable_int(conv["id"]) % 10**9,
            "messages": out}
    export_day = msgs[-1].t + dt.timedelta(days=rng.randrange(1, 60))
    path = f"ChatExport_{export_day:%Y-%m-%d}/result.json"
    return path, json.dumps(chat, ensure_ascii=False, indent=1).encode("utf-8"), kept


def mojibake(s):
    """Meta's DYI exports write each UTF-8 byte as its own \\u00XX escape."""
    return s.encode("utf-8").decode("latin-1")


def render_meta(conv, msgs, rng, kind):
    people = list(conv["people"].values())
    is_group = len(people) > 2
    old_style = kind == "messenger" and rng.random() < 0.5
    thread = re.sub(r"[^a-z0-9]", "", people[1].lower())[:20] or "user"
    thread = f"{thread}_{stable_int(conv['id']) % 10**10}"
    root = "your_instagram_activity" if kind == "instagram" else "your_facebook_activity"
    if old_style:
        root = ""  # older Facebook exports: messages/inbox/... at the top
    inbox = f"{root + '/' if root else ''}messages/inbox/{thread}"
    out, kept = [], []
    ms_seen = set()
    for i, m in enumerate(msgs):
        if m.system:
            continue  # Meta exports have no group-creation lines in message_N.json
        ms = int(m.t.replace(tzinfo=dt.timezone.utc).timestamp() * 1000) + rng.randrange(1000)
        while ms in ms_seen:
            ms += 1
        ms_seen.add(ms)
        e = {"sender_name": mojibake(m.author), "timestamp_ms": ms}
        if m.call is not None:
            if kind == "instagram":
                e["content"] = mojibake("Video chat ended" if m.call else f"{m.author} started a video chat")
            else:
                e["content"] = mojibake(f"{m.author} called you." if not is_group else f"{m.author} started a call.")
            e["call_duration"] = m.call
            if old_style:
                e["type"] = "Call"
        else:
            if m.text:
                e["content"] = mojibake(m.text)
            if m.media in ("image", "sticker"):
                key = "photos" if m.media == "image" else "sticker"
                item = {"uri": f"{inbox}/photos/{stable_int(conv['id'] + str(i)) % 10**17}.jpg",
                        "creation_timestamp": ms // 1000}
                e[key] = [item] if key == "photos" else {"uri": item["uri"]}
            elif m.media in ("video", "audio", "file"):
                key = {"video": "videos", "audio": "audio_files", "file": "files"}[m.media]
                e[key] = [{"uri": f"{inbox}/{key}/{m.attach or stable_int(conv['id'] + str(i)) % 10**17}",
                           "creation_timestamp": ms // 1000}]
            if old_style:
                e["type"] = "Generic"
        if old_style:
            e["is_unsent"] = False
            e["is_taken_down"] = False
            e["bumped_message_metadata"] = {"bumped_message": "", "is_bumped": False}
        else:
            e["is_geoblocked_for_viewer"] = False
        if rng.random() < 0.05 and len(people) > 1:
            other = people[1] if m.author == people[0] else people[0]
            e["reactions"] = [{"reaction": mojibake(rng.choice(["❤", "😂", "👍", "😮"])), "actor": mojibake(other)}]
            if kind == "instagram":
                e["is_unsent_image_by_messenger_kid_parent"] = False
        out.append(e)
        kept.append(m)
    doc = {"participants": [{"name": mojibake(p)} for p in reversed(people)],
           "messages": list(reversed(out)),  # newest first, as Meta writes them
           "title": mojibake(conv.get("title") or people[1]),
           "is_still_participant": True,
           "thread_path": f"inbox/{thread}",
           "magic_words": []}
    if old_style:
        doc["thread_type"] = "RegularGroup" if is_group else "Regular"
    if kind == "messenger" and not old_style:
        doc["image"] = {"uri": f"{inbox}/photos/thread.jpg", "creation_timestamp": out[0]["timestamp_ms"] // 1000} \
            if is_group else None
        if doc["image"] is None:
            del doc["image"]
    return f"{inbox}/message_1.json", json.dumps(doc, ensure_ascii=True, indent=2).encode("ascii"), kept


def discord_username(name):
    u = re.sub(r"[^a-z0-9_.]", "", name.lower().replace(" ", "_"))
    return u if len(u) >= 2 else f"user{stable_int(name) % 100000}"


def render_discord(conv, msgs, rng):
    people = list(conv["people"].values())
    is_group = len(people) > 2
    snow = {p: str(10**17 + stable_int(p) % (9 * 10**17)) for p in people}
    colors = ["#E91E63", "#3498DB", "#2ECC71", None, "#F1C40F"]
    out, kept = [], []
    base_id = 10**18 + stable_int(conv["id"]) % 10**17
    for i, m in enumerate(msgs):
        ts = m.t.replace(tzinfo=dt.timezone(dt.timedelta(hours=5)))
        author = m.author or people[0]
        e = {"id": str(base_id + i * 4194304 + rng.randrange(4194304)),
             "type": "Default", "timestamp": ts.isoformat(timespec="milliseconds"),
             "timestampEdited": None, "callEndedTimestamp": None, "isPinned": False, "content": m.text,
             "author": {"id": snow[author], "name": discord_username(author), "discriminator": "0000",
                        "nickname": author, "color": colors[stable_int(author) % len(colors)],
                        "isBot": False, "roles": [],
                        "avatarUrl": f"https://cdn.discordapp.com/embed/avatars/{stable_int(author) % 5}.png"},
             "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []}
        if m.system:
            e["type"] = "RecipientAdd" if " added " in m.text else "ChannelNameChange"
            e["content"] = "Added a recipient." if " added " in m.text else conv.get("title", "")
            if " added " in m.text:
                added = m.text.split(" added ", 1)[1]
                e["mentions"] = [{"id": snow[added], "name": discord_username(added), "discriminator": "0000",
                                  "nickname": added, "isBot": False}]
        elif m.call is not None:
            e["type"] = "Call"
            e["content"] = "Started a call that lasted %d minutes." % (m.call // 60) if m.call else \
                "Started a call."
            e["callEndedTimestamp"] = (ts + dt.timedelta(seconds=m.call)).isoformat(timespec="milliseconds")
        elif m.media:
            fname = m.attach or attach_name(m, i, "ios").replace("-", "_")
            e["attachments"] = [{"id": str(base_id + i), "url": f"https://cdn.discordapp.com/attachments/{base_id}/{base_id + i}/{fname}",
                                 "fileName": fname, "fileSizeBytes": 20000 + stable_int(fname) % 900000}]
        if out and not m.system and m.call is None and rng.random() < 0.06:
            e["type"] = "Reply"
            e["reference"] = {"messageId": out[-1]["id"], "channelId": str(base_id - 1),
                              "guildId": None if not is_group else str(10**17 + stable_int(conv["title"]) % 10**17)}
        if re.search(r"@\w", m.text):
            for tag in re.findall(r"@(\w+)", m.text):
                for p in people:
                    if discord_username(p) == tag.lower():
                        e["mentions"].append({"id": snow[p], "name": tag, "discriminator": "0000",
                                              "nickname": p, "isBot": False})
        out.append(e)
        kept.append(m)
    if is_group:
        guild = {"id": str(10**17 + stable_int(conv["title"]) % 10**17), "name": conv["title"],
                 "iconUrl": "https://cdn.discordapp.com/embed/avatars/1.png"}
        channel = {"id": str(base_id - 1), "type": "GuildTextChat", "categoryId": str(base_id - 2),
                   "category": "Text Channels", "name": "general", "topic": None}
    else:
        guild = {"id": "0", "name": "Direct Messages", "iconUrl": "https://cdn.discordapp.com/embed/avatars/0.png"}
        channel = {"id": str(base_id - 1), "type": "DirectTextChat", "categoryId": "0", "category": "Private",
                   "name": discord_username(people[1]), "topic": None}
    doc = {"guild": guild, "channel": channel, "dateRange": {"after": None, "before": None},
           "exportedAt": (msgs[-1].t + dt.timedelta(days=3)).replace(tzinfo=dt.timezone.utc).isoformat(),
           "messages": out, "messageCount": len(out)}
    fname = f"{guild['name']} - {channel['category']} - {channel['name']} [{channel['id']}].json"
    return fname, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"), kept


def render_csv(conv, msgs, rng):
    iso = rng.random() < 0.5
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if rng.random() < 0.5 else "\n")
    w.writerow(["timestamp", "sender", "text"])
    kept = []
    for m in msgs:
        if m.system or m.call is not None:
            continue
        ts = (m.t.strftime("%Y-%m-%dT%H:%M:%S") + "+05:00") if iso else m.t.strftime("%Y-%m-%d %H:%M:%S")
        text = m.text if not m.media else ("<Media omitted>" + ("\n" + m.text if m.text else ""))
        w.writerow([ts, m.author, text])
        kept.append(m)
    return "chat.csv", buf.getvalue().encode("utf-8"), kept


def render_jsonl(conv, msgs, rng):
    with_conv = rng.random() < 0.5
    epoch = rng.random() < 0.3
    lines, kept = [], []
    for m in msgs:
        if m.system or m.call is not None:
            continue
        o = {}
        if with_conv:
            o["conversation"] = opaque(conv["id"])
        o["timestamp"] = int(m.t.replace(tzinfo=dt.timezone.utc).timestamp()) if epoch else \
            m.t.strftime("%Y-%m-%dT%H:%M:%SZ")
        o["sender"] = m.author
        o["text"] = m.text
        if m.media:
            o["attachment"] = m.attach or attach_name(m, len(lines), "android")
        lines.append(json.dumps(o, ensure_ascii=rng.random() < 0.3))
        kept.append(m)
    return "messages.jsonl", ("\n".join(lines) + "\n").encode("utf-8"), kept


def render_pan(conv, msgs, rng):
    cid = md5_hex("conv:" + conv["id"])
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<conversations>", f'<conversation id="{cid}">']
    kept = []
    for m in msgs:
        if m.system or m.call is not None or (m.media and not m.text):
            continue
        kept.append(m)
        out.append(f'<message line="{len(kept)}">')
        out.append(f"<author>{md5_hex(m.author)}</author>")
        out.append(f"<time>{m.t:%H:%M}</time>")
        out.append(f"<text>{xml_escape(m.text)}</text>")
        out.append("</message>")
    out += ["</conversation>", "</conversations>"]
    return "pan12-conversations.xml", ("\n".join(out) + "\n").encode("utf-8"), kept


def render(conv, msgs, fmt, rng):
    if fmt.startswith("whatsapp:"):
        return render_whatsapp(conv, msgs, fmt.split(":")[1], rng)
    if fmt in ("instagram", "messenger"):
        return render_meta(conv, msgs, rng, fmt)
    return {"telegram": render_telegram, "discord": render_discord, "csv": render_csv,
            "jsonl": render_jsonl, "pan2012": render_pan}[fmt](conv, msgs, rng)


# ------------------------------------------------------------------------------------------ driver
def load_convs():
    convs = []
    for mod in (en_pos, en_neg, en_more, ur_pos, ur_neg, ur_more, rur_pos, rur_neg, rur_more):
        for c in mod.CONVS:
            c = dict(c)
            c.setdefault("labels", [])
            c.setdefault("fill", (3, 3))
            if FORMAL_HINTS.search(c.get("note", "")):
                c["formal"] = True
            c["lang"] = LANG_OF_PREFIX[c["id"].split("_", 1)[0]]
            if len(c["people"]) > 2 and not c.get("title"):
                c["title"] = GROUP_TITLES[stable_int(c["id"]) % len(GROUP_TITLES)]
            convs.append(c)
    ids = [c["id"] for c in convs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate ids: {sorted(dup)}")
    return convs


def assign(convs):
    """Format per conversation (cycled within each language and first label), then the split:
    greedily, in a fixed pseudo-random order, each conversation goes where the holdout share stays
    closest to 1/3 in all of its strata (label, language, format, label x language)."""
    groups = {}
    for c in convs:
        groups.setdefault((c["lang"], c["labels"][0] if c["labels"] else "none"), []).append(c)
    counters = {}
    for key in sorted(groups):
        for c in sorted(groups[key], key=lambda c: stable_int(c["id"])):
            n = counters.get(c["lang"], 0)
            counters[c["lang"]] = n + 1
            c["fmt"] = c.get("fmt") or FORMAT_CYCLE[(n * 5 + stable_int(c["lang"])) % len(FORMAT_CYCLE)]
    seen = {}  # stratum -> [total, holdout]
    for c in sorted(convs, key=lambda c: stable_int("split:" + c["id"])):
        lab = c["labels"][0] if c["labels"] else "none"
        strata = [("label", lab), ("lang", c["lang"]), ("format", c["fmt"].split(":")[0]),
                  ("label-lang", lab, c["lang"]), ("label-format", bool(c["labels"]), c["fmt"].split(":")[0])]
        strata += [("label", x) for x in c["labels"][1:]]

        def cost(hold):
            return sum((seen.get(s, [0, 0])[1] + hold - (seen.get(s, [0, 0])[0] + 1) / 3) ** 2 for s in strata)

        c["split"] = "holdout" if cost(1) < cost(0) else "dev"
        for s in strata:
            seen.setdefault(s, [0, 0])
            seen[s][0] += 1
            seen[s][1] += c["split"] == "holdout"
    return convs


def first_harm_by_label(conv, msgs, kept):
    """{label: index in `kept`} of the first worrying message per label: `*label` lines, else `*`."""
    position = {id(m): i for i, m in enumerate(msgs)}
    out = {}
    for label in conv["labels"]:
        star = next((i for i, m in enumerate(msgs) if m.harm == label), None)
        if star is None:
            star = next((i for i, m in enumerate(msgs) if m.harm == "*"), None)
        if star is None:
            raise SystemExit(f"{conv['id']}: no '*' line for {label}")
        # the starred message may be absent from this format (media-only lines in PAN): take the next
        out[label] = next(i for i, m in enumerate(kept) if position.get(id(m), -1) >= star)
    return out


def print_stats(manifest_path):
    with open(manifest_path, encoding="utf-8") as f:
        m = [json.loads(line) for line in f]
    labels = ["grooming", "sextortion", "sexting", "livestreaming", "cyberbullying", None]
    langs = ["en", "ur", "ur-Latn"]
    print("| label | " + " | ".join(langs) + " | dev | holdout | total |\n|---|---|---|---|---|---|---|")
    for lab in labels:
        rows = [e for e in m if (lab in e["labels"] if lab else not e["labels"])]
        cells = [sum(1 for e in rows if e["lang"] == g) for g in langs]
        cells += [sum(1 for e in rows if e["split"] == s) for s in ("dev", "holdout")] + [len(rows)]
        print(f"| {lab or '(none: negatives)'} | " + " | ".join(map(str, cells)) + " |")
    print("\n| format | conversations | positive | negative | dev | holdout |\n|---|---|---|---|---|---|")
    for fmt in sorted({e["format"] for e in m}):
        rows = [e for e in m if e["format"] == fmt]
        cells = [len(rows), sum(1 for e in rows if e["labels"]), sum(1 for e in rows if not e["labels"]),
                 sum(1 for e in rows if e["split"] == "dev"), sum(1 for e in rows if e["split"] == "holdout")]
        print(f"| {fmt} | " + " | ".join(map(str, cells)) + " |")
    counts = sorted(e["message_count"] for e in m)
    variants = {}
    for e in m:
        if e["variant"]:
            variants[e["variant"]] = variants.get(e["variant"], 0) + 1
    print(f"\n{len(m)} conversations, {sum(1 for e in m if e['labels'])} positive, "
          f"{sum(1 for e in m if len(e['labels']) > 1)} multi-label, {sum(1 for e in m if e['participants'] > 2)} groups, "
          f"{sum(1 for e in m if e['code_mixed'])} code-mixed; messages {counts[0]}..{counts[-1]} "
          f"(median {counts[len(counts) // 2]}, total {sum(counts)}); whatsapp variants {variants}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=HERE, help="devset folder (default: this script's folder)")
    ap.add_argument("--check", action="store_true", help="verify committed output is up to date")
    ap.add_argument("--stats", action="store_true", help="print the manifest's counts as markdown tables")
    args = ap.parse_args()
    if args.stats:
        return print_stats(os.path.join(args.out, "manifest.jsonl"))
    convs = assign(load_convs())
    files, manifest = {}, []
    for idx, c in enumerate(convs):
        rng = random.Random(stable_int(c["id"]))
        if idx % LONG_EVERY == 3:
            before, after = c["fill"]
            extra = min(rng.randrange(12, 95), max(0, 90 - before - after))  # stay under ~300 messages
            # first-contact chats (no filler before) get theirs after
            c = dict(c, fill=(before + extra, after) if before else (0, after + extra))
        msgs = build_messages(c, rng)
        fmt = c["fmt"]
        name, data, kept = render(c, msgs, fmt, rng)
        rel = f"files/{opaque(c['id'])}/{name}"  # opaque folder: the path must not leak the label
        files[rel] = data
        pan = fmt == "pan2012"

        def who(letter):
            if not letter:
                return None
            n = c["people"][letter]
            return md5_hex(n) if pan else n

        by_label = first_harm_by_label(c, msgs, kept)
        harm = min(by_label.values()) if by_label else None
        entry = {"file": rel, "format": fmt.split(":")[0], "variant": fmt.split(":")[1] if ":" in fmt else None,
                 "lang": c["lang"], "code_mixed": "code-mixed" in c.get("note", ""), "split": c["split"],
                 "labels": sorted(c["labels"]), "offender": who(c.get("off")), "target": who(c.get("tgt")),
                 "other_offenders": [who(x) for x in c.get("offs", [])],
                 "first_harm_index": harm if c["labels"] else None,
                 "first_harm_excerpt": kept[harm].text[:60] if c["labels"] else None,
                 "first_harm_by_label": by_label,
                 "message_count": len(kept), "system_count": sum(1 for m in kept if m.system or m.call is not None),
                 "participants": len(c["people"]), "note": c.get("note", ""), "id": c["id"]}
        if fmt == "discord":
            entry["aliases"] = {p: [discord_username(p)] for p in c["people"].values()}
        if pan:
            entry["aliases"] = {md5_hex(p): [p] for p in c["people"].values()}
        manifest.append(entry)
    manifest_bytes = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in manifest).encode("utf-8")
    if args.check:
        stale = [r for r, d in files.items() if not os.path.exists(os.path.join(args.out, r))
                 or open(os.path.join(args.out, r), "rb").read() != d]
        with open(os.path.join(args.out, "manifest.jsonl"), "rb") as f:
            if f.read() != manifest_bytes:
                stale.append("manifest.jsonl")
        if stale:
            print("stale:", *stale[:10], sep="\n  ")
            return 1
        print(f"ok: {len(files)} files up to date")
        return 0
    import shutil
    shutil.rmtree(os.path.join(args.out, "files"), ignore_errors=True)
    for rel, data in files.items():
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    with open(os.path.join(args.out, "manifest.jsonl"), "wb") as f:
        f.write(manifest_bytes)
    pos = sum(1 for e in manifest if e["labels"])
    print(f"wrote {len(files)} conversations ({pos} positive, {len(files) - pos} negative) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
