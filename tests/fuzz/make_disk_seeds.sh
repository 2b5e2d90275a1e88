#!/usr/bin/env bash
# make_disk_seeds.sh DIR — writes small file-system images into DIR as extra seeds for
# fuzz_disk_image: NTFS (with a named stream), exFAT, ISO 9660 (Rock Ridge + Joliet), HFS+ (with a
# resource fork) and a GPT disk holding a FAT partition. The committed corpus (tests/fuzz/corpus/disk_image) holds ext, FAT and
# MBR images and the fuzzer-found regressions; these file systems' smallest images are 0.4–4 MiB,
# almost all zeros, so they are made where the fuzzer runs (scripts/test.sh) with the same Debian
# tools as the end-to-end tests. A missing tool skips its image. Nothing here needs root.
set -uo pipefail
out=${1:?usage: make_disk_seeds.sh DIR}
mkdir -p "$out"
export PATH=$PATH:/usr/sbin:/sbin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "first file" > "$tmp/one.txt"
echo "second file" > "$tmp/two.txt"

if command -v mkntfs >/dev/null && command -v ntfscp >/dev/null; then
  truncate -s 2M "$tmp/ntfs.img"
  if mkntfs -F -q -Q "$tmp/ntfs.img" >/dev/null 2>&1; then
    ntfscp -f "$tmp/ntfs.img" "$tmp/one.txt" one.txt >/dev/null 2>&1
    ntfscp -f "$tmp/ntfs.img" "$tmp/two.txt" "one.txt:stream" >/dev/null 2>&1
    cp "$tmp/ntfs.img" "$out/seed-ntfs.img"
  fi
fi
if command -v mkfs.exfat >/dev/null; then
  truncate -s 4M "$tmp/exfat.img"  # exfatprogs' smallest volume
  mkfs.exfat "$tmp/exfat.img" >/dev/null 2>&1 && cp "$tmp/exfat.img" "$out/seed-exfat.img"
fi
if command -v genisoimage >/dev/null; then
  mkdir -p "$tmp/iso/sub"
  cp "$tmp/one.txt" "$tmp/iso/" && cp "$tmp/two.txt" "$tmp/iso/sub/"
  genisoimage -quiet -R -J -o "$out/seed-iso9660.img" "$tmp/iso" 2>/dev/null || rm -f "$out/seed-iso9660.img"
fi
if command -v sgdisk >/dev/null && command -v mformat >/dev/null && command -v mcopy >/dev/null; then
  truncate -s 2M "$tmp/gpt.img"
  if sgdisk -n 1:2048:0 -t 1:0700 "$tmp/gpt.img" >/dev/null 2>&1 &&
     mformat -i "$tmp/gpt.img@@1M" :: >/dev/null 2>&1; then
    mcopy -i "$tmp/gpt.img@@1M" "$tmp/one.txt" ::one.txt >/dev/null 2>&1
    mdel -i "$tmp/gpt.img@@1M" ::one.txt >/dev/null 2>&1  # a deleted entry
    mcopy -i "$tmp/gpt.img@@1M" "$tmp/two.txt" ::two.txt >/dev/null 2>&1
    cp "$tmp/gpt.img" "$out/seed-gpt-fat.img"
  fi
fi
# HFS+ (no Debian tool makes it: the end-to-end tests' user-space writer), with a resource fork.
mkdir -p "$tmp/hfs/sub"
cp "$tmp/one.txt" "$tmp/hfs/" && cp "$tmp/two.txt" "$tmp/hfs/sub/"
python3 "$(dirname "$0")/../e2e/hfsplus_write.py" "$out/seed-hfsplus.img" 1 "$tmp/hfs" \
  --rsrc one.txt="$tmp/two.txt" >/dev/null 2>&1 || rm -f "$out/seed-hfsplus.img"
exit 0
