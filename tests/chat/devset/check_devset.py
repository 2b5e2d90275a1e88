#!/usr/bin/python3
"""Independent re-reading of every devset file with minimal per-format readers (standard library):
checks that each file is well-formed for its format, that the manifest's message_count matches,
that the message at first_harm_index is the one the manifest names (first_harm_excerpt), and that
Meta exports are newest-first with repairable mojibake. Exit 1 on any mismatch.

    /usr/bin/python3 tests/chat/devset/check_devset.py
"""
import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
WA_ANDROID = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2}(?:[\u202f ][AaPp][Mm])? - ")
WA_IOS = re.compile(r"^\u200e?\[\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2}:\d{2}(?:\u202f[AP]M)?\] ")


def read(entry, data):
    fmt = entry["format"]
    if fmt == "whatsapp":
        texts = []
        for line in data.decode("utf-8").split("\n"):
            m = WA_IOS.match(line) or WA_ANDROID.match(line)
            if m:
                texts.append(line[m.end():])
            elif texts:
                texts[-1] += "\n" + line
        return texts
    if fmt == "telegram":
        out = []
        for m in json.loads(data)["messages"]:
            t = m.get("text", "")
            out.append(t if isinstance(t, str) else "".join(x if isinstance(x, str) else x["text"] for x in t))
        return out
    if fmt in ("instagram", "messenger"):
        doc = json.loads(data)
        ms = [m["timestamp_ms"] for m in doc["messages"]]
        assert ms == sorted(ms, reverse=True) and len(set(ms)) == len(ms), "not strictly newest-first"
        return [m.get("content", "").encode("latin-1").decode("utf-8") for m in reversed(doc["messages"])]
    if fmt == "discord":
        doc = json.loads(data)
        assert doc["messageCount"] == len(doc["messages"])
        return [m["content"] for m in doc["messages"]]
    if fmt == "csv":
        rows = list(csv.reader(data.decode("utf-8").splitlines(True)))
        assert rows[0] == ["timestamp", "sender", "text"]
        return [r[2] for r in rows[1:]]
    if fmt == "jsonl":
        return [json.loads(l)["text"] for l in data.decode("utf-8").splitlines() if l.strip()]
    if fmt == "pan2012":
        return [m.findtext("text") or "" for m in ET.fromstring(data).iter("message")]
    raise ValueError(fmt)


def main():
    bad = 0
    n = 0
    with open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            n += 1
            try:
                with open(os.path.join(HERE, e["file"]), "rb") as g:
                    texts = read(e, g.read())
                assert len(texts) == e["message_count"], f"{len(texts)} messages, manifest says {e['message_count']}"
                if e["labels"]:
                    ex = e["first_harm_excerpt"]
                    got = texts[e["first_harm_index"]]
                    assert ex in got, f"message {e['first_harm_index']} is {got[:60]!r}, want {ex!r}"
            except Exception as ex:  # report every broken file, not just the first
                bad += 1
                print(f"{e['id']} ({e['format']}): {type(ex).__name__}: {ex}")
    print(f"{n - bad}/{n} files consistent with the manifest")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
