#!/usr/bin/env python3
"""PDQ compatibility with Meta's reference hasher on the reference images.

Runs `nigehbaan hash --json` over every image of ../shared/testdata/pdq/images listed in
expected/generated-here/cpp-ref-imagemagick.csv and prints the Hamming distance to the reference
hash per image, the distribution, and whether every image of reference quality >= 80 is within
10 bits (upstream's compatibility rule).

usage: bench/pdq_compat.py [--ngb build/nigehbaan] [--testdata ../shared/testdata/pdq]
"""
import argparse, csv, json, os, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--ngb", default="build/nigehbaan")
ap.add_argument("--testdata", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "testdata", "pdq"))
args = ap.parse_args()

rows = list(csv.DictReader(open(os.path.join(args.testdata, "expected/generated-here/cpp-ref-imagemagick.csv"))))
paths = [os.path.join(args.testdata, "images", r["path"]) for r in rows]
out = subprocess.run([args.ngb, "hash", "--json", *paths], capture_output=True, text=True).stdout.splitlines()
got = {json.loads(l)["path"]: json.loads(l) for l in out}
# Images where the reference hash is an artifact of the reference tool, not of PDQ: for 16-bit
# PNGs ImageMagick writes a 16-bit PNM and CImg keeps only each sample's LOW byte, so the
# reference hashes noise. (Checked: hashing those low bytes reproduces the reference hash
# exactly; hashing ImageMagick's own 8-bit rendering gives our hash.)
KNOWN_REFERENCE_ARTIFACTS = {"python-threatexchange/I16.png": "reference hashed the low bytes of 16-bit samples"}
dists, worst, failures = [], 0, []
print(f"{'dist':>4} {'refq':>4} {'ourq':>4}  path")
for r, p in zip(rows, paths):
    g = got.get(p)
    if not r["hash"].strip() or len(r["hash"]) != 64 or g is None or not g.get("pdq"):
        print(f"{'-':>4} {r['quality']:>4} {'-':>4}  {r['path']}  ({g and g.get('error')})")
        if g is None or (int(r["quality"] or 0) >= 80 and not (g or {}).get("pdq")):
            failures.append(r["path"])
        continue
    d = bin(int(r["hash"], 16) ^ int(g["pdq"], 16)).count("1")
    q = int(r["quality"])
    print(f"{d:>4} {q:>4} {g['pdq_quality']:>4}  {r['path']}")
    if r["path"] in KNOWN_REFERENCE_ARTIFACTS:
        print(f"      ^ not counted: {KNOWN_REFERENCE_ARTIFACTS[r['path']]}")
        continue
    if q >= 80:
        dists.append(d)
        if d > 10:
            failures.append(r["path"])
dists.sort()
if dists:
    print(f"\nquality>=80: {len(dists)} images; distance min {dists[0]} median {dists[len(dists)//2]} "
          f"max {dists[-1]}; within 10 bits: {sum(d <= 10 for d in dists)}/{len(dists)}")
print("PASS" if not failures else f"FAIL: {failures}")
sys.exit(1 if failures else 0)
