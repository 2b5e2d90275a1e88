#!/usr/bin/python3
"""The yardstick of issue 4: a scikit-learn TF-IDF word + char n-gram LinearSVC per corpus, scored on
the SAME validation slices that `nigehbaan text train` uses (see docs/text-models.md):

  ruhsold     task_1_train.tsv -> task_1_validation.tsv   (positive = abusive = label 0)
  akhter      urdu_abusive_akhter2020.tsv, row i (0-based, header skipped) is validation when i % 5 == 4
  formspring  formspring_data.csv, record i is validation when i % 5 == 4   (positive = >= 2 of 3 Yes)

Prints positive-class F1 and macro F1 for each. Run with Debian's python (it has sklearn):
  /usr/bin/python3 bench/text_baseline.py [DATA_DIR]
  /usr/bin/python3 bench/text_baseline.py DATA_DIR --predict-bench CORPUS LINES_FILE
(the second form fits the pipeline on CORPUS's training part, then times predict() on every line of
LINES_FILE and prints "messages_per_second N"; used by bench/text_classify.sh).
"""
import html
import os
import re
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.svm import LinearSVC


def read_ruhsold(path):
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            line = line.rstrip("\r")
            if "\t" not in line:
                continue
            text, label = line.rsplit("\t", 1)
            label = label.strip()
            if label not in ("0", "1"):
                continue
            out.append((text, 1 if label == "0" else 0))
    return out


def read_akhter(path):
    out = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines[1:]:
        line = line.rstrip("\r")
        if "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        if label.strip() not in ("0", "1"):
            continue
        out.append((text, int(label)))
    return out


BR = re.compile(r"<br\s*/?>", re.I)


def read_formspring(path):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    rec = None
    for line in lines[1:]:
        line = line.rstrip("\r")
        rec = line if rec is None else rec + "\n" + line
        if rec.count("\t") < 13:
            continue
        cols = rec.split("\t")
        rec = None
        text = html.unescape(BR.sub(" ", cols[2] + " " + cols[3]))
        yes = sum(1 for i in (5, 8, 11) if cols[i].strip() == "Yes")
        out.append((text, 1 if yes >= 2 else 0))
    return out


def split_mod5(rows):
    train = [r for i, r in enumerate(rows) if i % 5 != 4]
    val = [r for i, r in enumerate(rows) if i % 5 == 4]
    return train, val


def load(data, name):
    if name == "ruhsold":
        return (read_ruhsold(os.path.join(data, "ruhsold/task_1_train.tsv")),
                read_ruhsold(os.path.join(data, "ruhsold/task_1_validation.tsv")))
    if name == "akhter":
        return split_mod5(read_akhter(os.path.join(data, "urdu_abusive_akhter2020/urdu_abusive_akhter2020.tsv")))
    return split_mod5(read_formspring(os.path.join(data, "formspring_cyberbullying/formspring_data.csv")))


def pipeline():
    return make_pipeline(
        FeatureUnion([
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)),
        ]),
        LinearSVC(C=1.0),
    )


def main():
    args = sys.argv[1:]
    data = args[0] if args and not args[0].startswith("--") else os.environ.get(
        "NIGEHBAAN_CORPORA", os.path.join(os.path.dirname(__file__), "../../shared/data"))
    if "--predict-bench" in args:
        i = args.index("--predict-bench")
        corpus, lines_file = args[i + 1], args[i + 2]
        train, _ = load(data, corpus)
        p = pipeline().fit([t for t, _ in train], [y for _, y in train])
        with open(lines_file, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        t0 = time.perf_counter()
        p.predict(lines)
        dt = time.perf_counter() - t0
        print(f"messages {len(lines)} seconds {dt:.3f} messages_per_second {len(lines) / dt:.0f}")
        return
    for name in ("ruhsold", "akhter", "formspring"):
        train, val = load(data, name)
        p = pipeline().fit([t for t, _ in train], [y for _, y in train])
        pred = p.predict([t for t, _ in val])
        gold = [y for _, y in val]
        print(f"{name:10s} train {len(train):5d} val {len(val):5d} pos {sum(gold):4d}  "
              f"F1(pos) {f1_score(gold, pred):.3f}  macro-F1 {f1_score(gold, pred, average='macro'):.3f}  "
              f"F1(label0) {f1_score(gold, pred, pos_label=0):.3f}")


if __name__ == "__main__":
    main()
