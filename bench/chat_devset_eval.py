#!/usr/bin/python3
"""Scores `nigehbaan chat analyze --json` against the labelled chat development set.

    NGB=build/nigehbaan /usr/bin/python3 bench/chat_devset_eval.py [--split dev|holdout|all]
        [--threshold T] [--verbose] [--json] [--devset tests/chat/devset] [--ngb PATH]

Runs the binary over the devset's export files (several files per call), matches each output
conversation to its manifest entry by `source`, and prints: per-label precision/recall/F1, any-harm
detection, false alarms on the hard negatives, per-language and per-format summaries,
offender/target accuracy on true positives, first-alert delay against first_harm_index,
format-detection accuracy, message-count sanity, parse errors, a score reliability table and (with
--verbose) every miss and false alarm. Standard library only.

Exit status: 0 whenever a report was produced (it is a report, not a test); 2 for usage errors;
3 when the binary crashed, timed out or exited with status >= 2 on some file (the report is still
printed, those files counted as producing nothing).
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time

LABELS = ["grooming", "sextortion", "sexting", "livestreaming", "cyberbullying"]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_manifest(devset, split):
    rows = []
    with open(os.path.join(devset, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                e = json.loads(line)
                if split == "all" or e["split"] == split:
                    e["path"] = os.path.realpath(os.path.join(devset, e["file"]))
                    rows.append(e)
    return rows


def decode_stream(text):
    """JSON objects from stdout: JSON Lines, concatenated pretty-printed objects, or arrays."""
    dec, i, out, bad = json.JSONDecoder(), 0, [], 0
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n:
            break
        try:
            obj, i = dec.raw_decode(text, i)
        except json.JSONDecodeError:
            bad += 1
            nl = text.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        out.extend(o for o in (obj if isinstance(obj, list) else [obj]) if isinstance(o, dict))
    return out, bad


def run_binary(ngb, files, timeout):
    """Returns (conversations, failures, wall seconds, undecodable chunks)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([ngb, "chat", "analyze", "--json", *files], capture_output=True, timeout=timeout)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = "timeout", e.stdout or b"", b"timeout"
    except OSError as e:
        sys.exit(f"cannot run {ngb}: {e}")
    wall = time.monotonic() - t0
    if rc in (0, 1):
        convs, bad = decode_stream(out.decode("utf-8", "replace"))
        return convs, [], wall, bad
    if len(files) == 1:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return [], [(files[0], f"exit {rc}: {tail[0][:200]}")], wall, 0
    convs, failures, bad = [], [], 0
    for f in files:  # isolate the file(s) that make the binary fail
        c, fl, w, b = run_binary(ngb, [f], timeout)
        convs += c
        failures += fl
        wall += w
        bad += b
    return convs, failures, wall, bad


def norm_name(s):
    return "".join(ch for ch in (s or "").casefold() if ch.isalnum())


def names_of(entry, who):
    """Acceptable spellings for the manifest's offender (who='offender') or target."""
    base = [entry[who]] + (entry.get("other_offenders", []) if who == "offender" else [])
    out = set()
    for b in base:
        if b:
            out.add(norm_name(b))
            for a in entry.get("aliases", {}).get(b, []):
                out.add(norm_name(a))
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def merge_outputs(entries, convs):
    """Predicted record per manifest entry: labels {name: label-object}, format, counts, errors."""
    by_path = {e["path"]: e for e in entries}
    by_suffix = {e["file"]: e for e in entries}
    pred = {e["id"]: None for e in entries}
    unmatched = 0
    for c in convs:
        src = c.get("source") or ""
        e = by_path.get(os.path.realpath(src)) if src else None
        if e is None:
            e = next((v for k, v in by_suffix.items() if src.endswith(k)), None)
        if e is None:
            unmatched += 1
            continue
        p = pred[e["id"]] or {"labels": {}, "format": c.get("format"), "message_count": 0,
                              "parse_errors": [], "conversations": 0, "participants": []}
        p["conversations"] += 1
        p["message_count"] += int(c.get("message_count") or 0)
        p["parse_errors"] += list(c.get("parse_errors") or [])
        p["participants"] += list(c.get("participants") or [])
        for lab in c.get("labels") or []:
            name = lab.get("label")
            if name and (name not in p["labels"] or (lab.get("score") or 0) > (p["labels"][name].get("score") or 0)):
                p["labels"][name] = lab
        pred[e["id"]] = p
    return pred, unmatched


def evaluate(entries, pred, threshold):
    res = {"n": len(entries), "groups": {}}
    rows = []  # one row per (entry, label) decision, for every breakdown
    for e in entries:
        p = pred[e["id"]]
        got = {}
        if p:
            got = {k: v for k, v in p["labels"].items()
                   if k in LABELS and (threshold is None or (v.get("score") or 0) >= threshold)}
        truth = set(e["labels"])
        rows.append((e, p, truth, got))

    def block(subset):
        out = {}
        for lab in LABELS:
            tp = sum(1 for _, _, t, g in subset if lab in t and lab in g)
            fp = sum(1 for _, _, t, g in subset if lab not in t and lab in g)
            fn = sum(1 for _, _, t, g in subset if lab in t and lab not in g)
            out[lab] = prf(tp, fp, fn)
        micro = prf(sum(v["tp"] for v in out.values()), sum(v["fp"] for v in out.values()),
                    sum(v["fn"] for v in out.values()))
        present = [v["f1"] for lab, v in out.items() if v["tp"] + v["fn"] > 0]
        anyh = prf(sum(1 for _, _, t, g in subset if t and g), sum(1 for _, _, t, g in subset if not t and g),
                   sum(1 for _, _, t, g in subset if t and not g))
        negs = [r for r in subset if not r[2]]
        return {"n": len(subset), "positives": len(subset) - len(negs), "labels": out, "micro": micro,
                "macro_f1": round(sum(present) / len(present), 4) if present else None, "any_harm": anyh,
                "false_alarm_rate": round(sum(1 for r in negs if r[3]) / len(negs), 4) if negs else None,
                "exact_label_set": round(sum(1 for _, _, t, g in subset if t == set(g)) / len(subset), 4)
                if subset else None}

    res["overall"] = block(rows)
    for key in ("lang", "format"):
        vals = sorted({e[key] for e in entries})
        res["groups"][key] = {v: block([r for r in rows if r[0][key] == v]) for v in vals}
    res["groups"]["split"] = {v: block([r for r in rows if r[0]["split"] == v])
                              for v in sorted({e["split"] for e in entries})}

    # roles, early warning, evidence, calibration on true-positive labels
    role_hits = {"offender": [0, 0], "target": [0, 0]}  # [n, correct]
    delays, ev_ok, ev_n, ev_bad_index = [], 0, 0, 0
    role_misses = []
    bins = {b: [0, 0, 0.0] for b in ("<0.5", "0.5-0.7", "0.7-0.9", ">=0.9")}  # n, correct, score sum
    for e, p, truth, got in rows:
        for lab, obj in got.items():
            s = float(obj.get("score") or 0)
            b = "<0.5" if s < 0.5 else "0.5-0.7" if s < 0.7 else "0.7-0.9" if s < 0.9 else ">=0.9"
            bins[b][0] += 1
            bins[b][1] += lab in truth
            bins[b][2] += s
            if lab not in truth:
                continue
            for role in ("offender", "target"):
                if e[role]:
                    ok = norm_name(obj.get(role)) in names_of(e, role)
                    role_hits[role][0] += 1
                    role_hits[role][1] += ok
                    if not ok:
                        role_misses.append((e["id"], lab, role, obj.get(role), e[role]))
            fa = obj.get("first_alert_index")
            harm = (e.get("first_harm_by_label") or {}).get(lab, e["first_harm_index"])
            if isinstance(fa, int) and harm is not None:
                delays.append(fa - harm)
            ev = obj.get("evidence") or []
            ev_n += 1
            ev_ok += bool(ev)
            mc = p["message_count"] if p else 0
            ev_bad_index += sum(1 for x in ev if not isinstance(x.get("index"), int) or not 0 <= x["index"] < max(mc, 1))
    res["roles"] = {}
    for role, (n, ok) in role_hits.items():
        res["roles"][f"{role}_accuracy"] = round(ok / n, 4) if n else None
        res["roles"][f"{role}_n"] = n
    res["first_alert"] = {
        "n": len(delays),
        "median_delay": statistics.median(delays) if delays else None,
        "mean_delay": round(statistics.mean(delays), 2) if delays else None,
        "early": sum(1 for d in delays if d < 0), "on_time": sum(1 for d in delays if d == 0),
        "within_5": sum(1 for d in delays if 0 <= d <= 5), "late_over_20": sum(1 for d in delays if d > 20),
        "note": "delay = first_alert_index - first_harm_by_label[label] (else first_harm_index), in messages; "
                "negative = fired before the harm"}
    res["evidence"] = {"labels_with_evidence": ev_ok, "true_positive_labels": ev_n,
                       "evidence_index_out_of_range": ev_bad_index}
    res["reliability"] = {b: {"n": v[0], "precision": round(v[1] / v[0], 4) if v[0] else None,
                              "mean_score": round(v[2] / v[0], 4) if v[0] else None} for b, v in bins.items()}

    # format detection, message counts, parse errors
    fmt_ok, confusions, mc_exact, mc_nosys, mc_bad, perr, missing = 0, {}, 0, 0, [], [], []
    for e, p, _, _ in rows:
        if not p:
            missing.append(e["id"])
            continue
        if p["format"] == e["format"]:
            fmt_ok += 1
        else:
            k = f"{e['format']}->{p['format']}"
            confusions[k] = confusions.get(k, 0) + 1
        if p["message_count"] == e["message_count"]:
            mc_exact += 1
        elif p["message_count"] == e["message_count"] - e["system_count"]:
            mc_nosys += 1
        else:
            mc_bad.append((e["id"], e["format"], e["message_count"], p["message_count"]))
        if p["parse_errors"]:
            perr.append((e["id"], e["format"], len(p["parse_errors"]), str(p["parse_errors"][0])[:120]))
    res["format_detection"] = {"accuracy": round(fmt_ok / len(rows), 4) if rows else None,
                               "confusions": confusions}
    res["message_count"] = {"exact": mc_exact, "exact_without_system_lines": mc_nosys,
                            "wrong": len(mc_bad), "wrong_list": mc_bad}
    res["parse_errors"] = {"files_with_errors": len(perr), "list": perr}
    res["no_output"] = missing
    res["misses"] = [(e["id"], e["format"], e["lang"], sorted(t - set(g))) for e, p, t, g in rows if t - set(g)]
    res["false_alarms"] = [(e["id"], e["format"], e["lang"], sorted(set(g) - t),
                            max((g[x].get("score") or 0) for x in set(g) - t), e["note"])
                           for e, p, t, g in rows if set(g) - t]
    res["role_misses"] = role_misses
    return res


def fmt_prf(d):
    return f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (tp {d['tp']} fp {d['fp']} fn {d['fn']})"


def print_report(res, verbose):
    o = res["overall"]
    print(f"\n== chat devset: {res['split']} split, {o['n']} conversations ({o['positives']} positive), "
          f"threshold {res['threshold'] if res['threshold'] is not None else 'as emitted'}")
    print(f"   binary: {res['ngb']}  wall {res['wall_seconds']:.2f} s for {res['messages_total']} messages "
          f"({res['messages_per_second']:.0f} msg/s incl. process start-up)")
    if res["failures"]:
        print(f"!! binary FAILED on {len(res['failures'])} file(s):")
        for f, why in res["failures"][:20]:
            print(f"   {f}: {why}")
        if len(res["failures"]) > 20:
            print(f"   ... and {len(res['failures']) - 20} more (--json lists all)")
    print("\nper label:")
    for lab, d in o["labels"].items():
        print(f"  {lab:<14} {fmt_prf(d)}")
    print(f"  {'micro':<14} {fmt_prf(o['micro'])}")
    print(f"  {'macro F1':<14} {o['macro_f1']}")
    print(f"  {'any harm':<14} {fmt_prf(o['any_harm'])}")
    print(f"  false alarms on negatives: {o['false_alarm_rate']}   exact label set: {o['exact_label_set']}")
    for key in ("lang", "format", "split"):
        print(f"\nby {key}:")
        for v, d in res["groups"][key].items():
            ah = d["any_harm"]
            print(f"  {v:<12} n {d['n']:>3} (+{d['positives']:>2})  label micro-F1 {d['micro']['f1']:.3f}  "
                  f"any-harm P {ah['precision']:.2f} R {ah['recall']:.2f} F1 {ah['f1']:.3f}  "
                  f"false-alarm rate {d['false_alarm_rate'] if d['false_alarm_rate'] is not None else '-'}")
    r, fa = res["roles"], res["first_alert"]
    print(f"\nroles on true positives: offender {r['offender_accuracy']} (n {r['offender_n']}), "
          f"target {r['target_accuracy']} (n {r['target_n']})")
    print(f"first alert vs first harm (messages): median {fa['median_delay']}  mean {fa['mean_delay']}  "
          f"early {fa['early']}  on time {fa['on_time']}  0..5 late {fa['within_5']}  >20 late "
          f"{fa['late_over_20']}  (n {fa['n']})")
    ev = res["evidence"]
    print(f"evidence: {ev['labels_with_evidence']}/{ev['true_positive_labels']} true-positive labels have evidence; "
          f"{ev['evidence_index_out_of_range']} evidence indexes out of range")
    print("score reliability (emitted labels): " + "  ".join(
        f"{b}: n {v['n']} prec {v['precision']}" for b, v in res["reliability"].items() if v["n"]))
    fd, mc = res["format_detection"], res["message_count"]
    print(f"format detection: {fd['accuracy']}  {fd['confusions'] or ''}")
    print(f"message count: exact {mc['exact']}, exact without system lines {mc['exact_without_system_lines']}, "
          f"wrong {mc['wrong']}")
    print(f"parse errors reported on {res['parse_errors']['files_with_errors']} (clean) file(s); "
          f"no output for {len(res['no_output'])} file(s); {res['unmatched_outputs']} output(s) matched no file; "
          f"{res['undecodable_output']} undecodable output chunk(s)")
    if verbose:
        print("\nmisses (true label not reported):")
        for m in res["misses"]:
            print(f"  {m[0]:<40} {m[1]:<10} {m[2]:<8} {', '.join(m[3])}")
        print("\nfalse alarms (label reported, not true):")
        for m in res["false_alarms"]:
            print(f"  {m[0]:<40} {m[1]:<10} {m[2]:<8} {', '.join(m[3])} ({m[4]:.2f})  {m[5]}")
        if res["role_misses"]:
            print("\nwrong offender/target on true positives:")
            for m in res["role_misses"]:
                print(f"  {m[0]:<40} {m[1]:<14} {m[2]:<8} got {m[3]!r} want {m[4]!r}")
        if mc["wrong_list"]:
            print("\nmessage count mismatches (id, format, expected, got):")
            for m in mc["wrong_list"]:
                print(f"  {m}")
        if res["parse_errors"]["list"]:
            print("\nparse errors on clean files:")
            for m in res["parse_errors"]["list"]:
                print(f"  {m}")
        if res["no_output"]:
            print("\nno output for: " + ", ".join(res["no_output"]))


def main():
    ap = argparse.ArgumentParser(description="Score `nigehbaan chat analyze --json` on the chat devset.")
    ap.add_argument("--ngb", default=os.environ.get("NGB", os.path.join(REPO, "build/nigehbaan")))
    ap.add_argument("--devset", default=os.path.join(REPO, "tests/chat/devset"))
    ap.add_argument("--split", choices=["dev", "holdout", "all"], default="dev")
    ap.add_argument("--threshold", type=float, default=None,
                    help="count a label only when its score >= T (default: every emitted label)")
    ap.add_argument("--batch", type=int, default=40, help="files per binary invocation")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--json", action="store_true", help="machine-readable result on stdout")
    args = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the report quietly
    entries = read_manifest(args.devset, args.split)
    if not entries:
        print("no manifest entries for that split", file=sys.stderr)
        return 2
    convs, failures, wall, bad = [], [], 0.0, 0
    paths = [os.path.join(args.devset, e["file"]) for e in entries]
    for i in range(0, len(paths), max(1, args.batch)):
        c, f, w, b = run_binary(args.ngb, paths[i:i + args.batch], args.timeout)
        convs += c
        failures += f
        wall += w
        bad += b
    pred, unmatched = merge_outputs(entries, convs)
    res = evaluate(entries, pred, args.threshold)
    total = sum(e["message_count"] for e in entries)
    res.update({"split": args.split, "threshold": args.threshold, "ngb": args.ngb, "wall_seconds": wall,
                "messages_total": total, "messages_per_second": total / wall if wall else 0.0,
                "failures": failures, "unmatched_outputs": unmatched, "undecodable_output": bad})
    if args.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(res, args.verbose)
    return 3 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
