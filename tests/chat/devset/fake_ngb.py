#!/usr/bin/python3
"""A stand-in for `nigehbaan chat analyze --json FILE...`, to test bench/chat_devset_eval.py before
the real command exists. It does not analyse anything: it looks each file up in manifest.jsonl and
prints the truth with deterministic noise (missed labels, false alarms, wrong roles, late alerts,
format confusions, off-by-one counts) in the output contract of issue 4.

    NGB=tests/chat/devset/fake_ngb.py /usr/bin/python3 bench/chat_devset_eval.py --verbose
Environment: FAKE_NGB_PRETTY=1 pretty-prints (multi-line objects); FAKE_NGB_CRASH=SUBSTR aborts
(SIGABRT-like exit 134) when a file path contains SUBSTR.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["grooming", "sextortion", "sexting", "livestreaming", "cyberbullying"]


def coin(*parts):
    return int.from_bytes(hashlib.md5("|".join(map(str, parts)).encode()).digest()[:4], "big") / 2**32


def main(argv):
    if argv[:3] != ["chat", "analyze", "--json"]:
        print("usage: fake_ngb.py chat analyze --json FILE...", file=sys.stderr)
        return 2
    manifest = {}
    with open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            manifest[os.path.realpath(os.path.join(HERE, e["file"]))] = e
    crash = os.environ.get("FAKE_NGB_CRASH")
    pretty = os.environ.get("FAKE_NGB_PRETTY") == "1"
    for path in argv[3:]:
        if crash and crash in path:
            sys.stdout.flush()
            os._exit(134)
        e = manifest.get(os.path.realpath(path))
        if e is None:
            print(f"{path}: not_a_chat_export", file=sys.stderr)
            continue
        labels = []
        for lab in LABELS:
            truth = lab in e["labels"]
            fire = coin(e["id"], lab) < (0.8 if truth else 0.03)
            if not fire:
                continue
            off = e["offender"] if truth and coin(e["id"], "off") < 0.85 else "someone else"
            harm = e["first_harm_by_label"].get(lab, e["first_harm_index"] or 0)
            alert = max(0, harm + int(coin(e["id"], lab, "d") * 12) - 3)
            labels.append({"label": lab, "score": round(0.5 + 0.5 * coin(e["id"], lab, "s"), 3),
                           "offender": off, "target": e["target"], "first_alert_index": alert,
                           "evidence": [{"index": alert, "time": "2024-01-01T00:00:00", "author": off,
                                         "text": "...", "cues": ["fake_cue"]}]})
        fmt = e["format"]
        if fmt in ("instagram", "messenger") and coin(e["id"], "fmt") < 0.15:
            fmt = "messenger" if fmt == "instagram" else "instagram"
        count = e["message_count"] - (e["system_count"] if coin(e["id"], "sys") < 0.3 else 0)
        obj = {"source": path, "format": fmt, "participants": [], "message_count": count,
               "labels": labels, "parse_errors": []}
        print(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
