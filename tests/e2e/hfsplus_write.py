#!/usr/bin/env python3
"""hfsplus_write.py OUT.img SIZE_MIB SRC_DIR : writes a raw HFS+ volume (no partition table) of
SIZE_MIB MiB holding SRC_DIR's tree, in user space (Debian 12 has no mkfs.hfsplus: hfsprogs is gone,
and hfsutils makes classic HFS only, which TSK does not read).

What it writes, after Apple's TN1150 ("HFS Plus Volume Format"):
  - an HFS+ volume ('H+', version 4), case-insensitive, no journal, block size 4096, marked
    cleanly unmounted; volume header at byte 1024 and the alternate volume header at size - 1024;
  - the allocation file (a bitmap, one bit per block, blocks 0 and the last one in use);
  - an empty extents overflow B-tree (a header node only): every fork is one extent;
  - the catalog B-tree (node size 4096 or 8192): header node, leaf nodes and, when the records need
    more than one leaf, index levels; a folder record and a thread record for every folder (the root
    folder 2 carries the volume name), a file record and a thread record for every file;
  - each file's bytes as its data fork, contiguous; a fixed timestamp (2024-03-01 12:00:00 UTC) on
    everything, in seconds since 1904-01-01.
Names are stored as UTF-16BE decomposed the HFS+ way (Unicode 3.2 NFD, except U+2000-U+2FFF,
U+F900-U+FAFF, U+2F800-U+2FAFF) and a ':' in a name is stored as '/', as macOS does.

Symbolic links are written as macOS writes them: a file of type 'slnk', creator 'rhap', mode
S_IFLNK, whose data fork holds the target path (UTF-8). --rsrc PATH=LOCAL gives a file a resource
fork (LOCAL's bytes), since a Linux source folder has none.

Limits (a test helper, not mkfs): regular files, folders and symbolic links; devices, FIFOs and
sockets are skipped with a warning, hard links become separate files. No fragmented forks (nothing
in the extents overflow file), extended attributes or compressed files (no attributes file),
journal, hard-link metadata folders, HFS wrapper or HFSX. Owner 501:20, modes 0755/0644. Catalog
keys are sorted by parent ID, then name folded the way Apple's FastUnicodeCompare does it: exact for
ASCII and Latin-1; beyond that Python's one-character lower-case mapping stands in for Apple's table
(ignorable code points such as U+200C are skipped as Apple skips them). Two names of a folder that
differ only in case are refused. The catalog must fit in the header node's map (no map nodes).
"""
import argparse
import datetime
import os
import re
import shutil
import struct
import sys
import unicodedata

BLOCK = 4096
EXTENTS_NODE = 4096
STAMP = int((datetime.datetime(2024, 3, 1, 12, 0, 0) - datetime.datetime(1904, 1, 1)).total_seconds())

# Catalog node IDs (TN1150 "Catalog File").
ROOT_PARENT_ID, ROOT_FOLDER_ID, FIRST_USER_ID = 1, 2, 16
# Catalog record types.
FOLDER_REC, FILE_REC, FOLDER_THREAD, FILE_THREAD = 1, 2, 3, 4
# B-tree node kinds.
LEAF_NODE, INDEX_NODE, HEADER_NODE = -1, 0, 1
BIG_KEYS, VARIABLE_INDEX_KEYS = 2, 4

# ---- names ---------------------------------------------------------------------------------------
NOT_DECOMPOSED = re.compile('([\u2000-\u2fff\uf900-\ufaff\U0002f800-\U0002faff]+)')
IGNORABLE = set(range(0x200C, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x206A, 0x2070)) | {0xFEFF}


def hfs_name(posix_name):
    """The name as HFS+ stores it: decomposed, ':' as '/'."""
    parts = NOT_DECOMPOSED.split(posix_name.replace(':', '/'))
    return ''.join(p if i % 2 else unicodedata.ucd_3_2_0.normalize('NFD', p) for i, p in enumerate(parts))


def utf16(name):
    data = name.encode('utf-16-be')
    assert len(data) <= 510, 'name longer than 255 UTF-16 units: ' + name
    return data


def fold(name):
    """Sort key for a name: UTF-16 units, lower-cased, ignorables dropped (FastUnicodeCompare)."""
    out = []
    for (u,) in struct.iter_unpack('>H', utf16(name)):
        if u in IGNORABLE:
            continue
        if u == 0:
            u = 0xFFFF  # Apple's table sorts NUL last
        elif not 0xD800 <= u < 0xE000:
            low = chr(u).lower()
            u = ord(low) if len(low) == 1 and ord(low) < 0x10000 else u
        out.append(u)
    return tuple(out)


# ---- record builders -----------------------------------------------------------------------------
def cat_key(parent, name):
    """HFSPlusCatalogKey: keyLength, parentID, HFSUniStr255 nodeName."""
    n = utf16(name)
    return struct.pack('>HIH', 6 + len(n), parent, len(n) // 2) + n


def fork(size, start, blocks):
    """HFSPlusForkData with at most one extent."""
    return struct.pack('>QII', size, 0, blocks) + struct.pack('>II', start, blocks) + bytes(56)


class Fork:
    """A file's data or resource fork: bytes from a host file (or given), stored contiguously."""
    def __init__(self, path=None, data=None):
        self.path, self.data = path, data
        self.size = len(data) if data is not None else os.path.getsize(path) if path else 0
        self.blocks, self.start = (self.size + BLOCK - 1) // BLOCK, 0

    def record(self):
        return fork(self.size, self.start, self.blocks)


def bsd_info(mode):
    """HFSPlusBSDInfo: owner 501, group 20, the POSIX mode."""
    return struct.pack('>IIBBHI', 501, 20, 0, 0, mode, 0)


def dates():  # createDate, contentModDate, attributeModDate, accessDate, backupDate
    return struct.pack('>5I', STAMP, STAMP, STAMP, STAMP, 0)


def folder_record(cnid, valence):
    return (struct.pack('>hHII', FOLDER_REC, 0, valence, cnid) + dates() + bsd_info(0o40755)
            + bytes(32) + struct.pack('>II', 0, 0))


def file_record(cnid, data, rsrc, symlink):
    # FileInfo (Finder): fileType, fileCreator, flags, location, reserved; then ExtendedFileInfo.
    finder = struct.pack('>4s4sHIH', b'slnk', b'rhap', 0, 0, 0) if symlink else bytes(16)
    return (struct.pack('>hHII', FILE_REC, 0x0002, 0, cnid)  # flags: kHFSThreadExistsMask
            + dates() + bsd_info(0o120755 if symlink else 0o100644) + finder + bytes(16)
            + struct.pack('>II', 0, 0) + data.record() + rsrc.record())


def thread_record(kind, parent, name):
    n = utf16(name)
    return struct.pack('>hhIH', kind, 0, parent, len(n) // 2) + n


# ---- B-trees -------------------------------------------------------------------------------------
def node(kind, height, records, size, flink=0, blink=0):
    """A B-tree node: descriptor, records, then the record offsets backwards from the end."""
    body = bytearray(struct.pack('>IIbBHH', flink, blink, kind, height, len(records), 0))
    offsets = []
    for r in records:
        offsets.append(len(body))
        body += r
    offsets.append(len(body))  # start of free space
    assert len(body) + 2 * len(offsets) <= size, 'record too big for a node'
    out = body + bytes(size - len(body))
    for i, off in enumerate(offsets):
        struct.pack_into('>H', out, size - 2 * (i + 1), off)
    return bytes(out)


def header_node(size, depth, root, leaf_records, first_leaf, last_leaf, total, used, max_key, attrs):
    """Node 0: the header record, the 128-byte user data record and the map record."""
    assert used <= (size - 256) * 8, 'catalog too big for the header node map'
    head = struct.pack('>HIIIIHHIIHIBBI64x', depth, root, leaf_records, first_leaf, last_leaf, size,
                       max_key, total, total - used, 0, total * size, 0, 0, attrs)
    bitmap = bytearray(size - 256)
    for i in range(used):
        bitmap[i // 8] |= 0x80 >> (i % 8)
    return node(HEADER_NODE, 0, [head, bytes(128), bytes(bitmap)], size)


def fits(records, size):
    return 14 + sum(len(r) for r in records) + 2 * (len(records) + 1) <= size


def split(records, size):
    """Records (key, value bytes) into consecutive groups that each fit in one node."""
    groups, cur = [], []
    for rec in records:
        if cur and not fits([r for _, r in cur] + [rec[1]], size):
            groups.append(cur)
            cur = []
        cur.append(rec)
    groups.append(cur)
    return groups


def build_catalog(records, size, spare=4):
    """records: sorted (key bytes, record bytes). Returns the catalog file's bytes (node list)."""
    nodes = [None]  # node 0: the header, made last
    level = split([(k, k + v) for k, v in records], size)
    height, kind = 1, LEAF_NODE
    first_leaf = 1
    while True:
        first = len(nodes)
        nums = list(range(first, first + len(level)))
        for i, group in enumerate(level):
            flink = nums[i + 1] if i + 1 < len(level) else 0
            blink = nums[i - 1] if i > 0 else 0
            nodes.append(node(kind, height, [r for _, r in group], size, flink, blink))
        if height == 1:
            last_leaf = nums[-1]
        if len(level) == 1:
            root = nums[0]
            break
        # The next level up: each child's first key (catalog index keys are variable length).
        up = [(g[0][0], g[0][0] + struct.pack('>I', n)) for g, n in zip(level, nums)]
        level = split(up, size)
        height, kind = height + 1, INDEX_NODE
    total = len(nodes) + spare
    nodes[0] = header_node(size, height, root, len(records), first_leaf, last_leaf, total, len(nodes),
                           516, BIG_KEYS | VARIABLE_INDEX_KEYS)
    return b''.join(nodes) + bytes(spare * size)


def empty_extents_tree():
    return header_node(EXTENTS_NODE, 0, 0, 0, 0, 0, 1, 1, 10, BIG_KEYS)


# ---- the volume ----------------------------------------------------------------------------------
class Entry:
    def __init__(self, cnid, parent, name, path, is_dir):
        self.cnid, self.parent, self.name, self.path, self.is_dir = cnid, parent, name, path, is_dir
        self.children, self.link = 0, False
        self.data, self.rsrc = Fork(), Fork()


def scan_tree(src):
    """Every folder and file under src, depth first, each with a CNID."""
    entries, next_id = [], FIRST_USER_ID
    todo = [(src, ROOT_FOLDER_ID)]
    counts = {ROOT_FOLDER_ID: 0}
    while todo:
        folder, parent = todo.pop()
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            link = os.path.islink(path)
            if not link and not (os.path.isdir(path) or os.path.isfile(path)):
                print('hfsplus_write: skipped (not a file, folder or link): ' + path, file=sys.stderr)
                continue
            e = Entry(next_id, parent, hfs_name(name), path, os.path.isdir(path) and not link)
            next_id += 1
            counts[parent] += 1
            if e.is_dir:
                counts[e.cnid] = 0
                todo.append((path, e.cnid))
            else:  # a symbolic link's data fork is its target
                e.link = link
                e.data = Fork(data=os.fsencode(os.readlink(path))) if link else Fork(path)
            entries.append(e)
    for e in entries:
        e.children = counts.get(e.cnid, 0)
    return entries, counts[ROOT_FOLDER_ID], next_id


def catalog_records(entries, root_valence, label):
    recs = [((ROOT_PARENT_ID, fold(label)), cat_key(ROOT_PARENT_ID, label), folder_record(ROOT_FOLDER_ID, root_valence)),
            ((ROOT_FOLDER_ID, ()), cat_key(ROOT_FOLDER_ID, ''), thread_record(FOLDER_THREAD, ROOT_PARENT_ID, label))]
    for e in entries:
        if e.is_dir:
            rec, thread = folder_record(e.cnid, e.children), FOLDER_THREAD
        else:
            rec, thread = file_record(e.cnid, e.data, e.rsrc, e.link), FILE_THREAD
        recs.append(((e.parent, fold(e.name)), cat_key(e.parent, e.name), rec))
        recs.append(((e.cnid, ()), cat_key(e.cnid, ''), thread_record(thread, e.parent, e.name)))
    recs.sort(key=lambda r: r[0])
    for a, b in zip(recs, recs[1:]):
        if a[0] == b[0]:
            raise SystemExit('hfsplus_write: names equal when case is ignored: %r' % (a[1][8:].decode('utf-16-be')))
    return [(k, v) for _, k, v in recs]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('out', help='image file to write (overwritten)')
    ap.add_argument('size_mib', type=int, help='volume size in MiB')
    ap.add_argument('src', help='folder whose tree goes into the volume')
    ap.add_argument('--label', default='Evidence', help='volume name (default: %(default)s)')
    ap.add_argument('--node-size', type=int, choices=(4096, 8192), default=4096, help='catalog node size')
    ap.add_argument('--rsrc', action='append', default=[], metavar='PATH=LOCAL',
                    help="give file PATH (relative to SRC_DIR) LOCAL's bytes as its resource fork")
    args = ap.parse_args()

    total_blocks = args.size_mib * 1024 * 1024 // BLOCK
    label = hfs_name(args.label)
    entries, root_valence, next_id = scan_tree(args.src)
    by_path = {os.path.relpath(e.path, args.src): e for e in entries if not e.is_dir}
    for spec in args.rsrc:
        rel, _, local = spec.partition('=')
        if os.path.normpath(rel) not in by_path:
            raise SystemExit('hfsplus_write: --rsrc: no file %s in %s' % (rel, args.src))
        by_path[os.path.normpath(rel)].rsrc = Fork(local)

    # Layout: block 0 (boot blocks, volume header), allocation file, extents file, catalog file, the
    # files' data, and the last block (alternate volume header).
    alloc_blocks = ((total_blocks + 7) // 8 + BLOCK - 1) // BLOCK
    alloc_start = 1
    ext_start = alloc_start + alloc_blocks
    ext_blocks = EXTENTS_NODE // BLOCK
    cat_start = ext_start + ext_blocks
    # The catalog's size does not depend on where the files go: build it once to size it.
    cat_len = len(build_catalog(catalog_records(entries, root_valence, label), args.node_size))
    cat_blocks = cat_len // BLOCK
    nxt = cat_start + cat_blocks
    forks = [f for e in entries for f in (e.data, e.rsrc) if f.blocks]
    for f in forks:
        f.start, nxt = nxt, nxt + f.blocks
    used = nxt + 1  # plus the last block
    if used > total_blocks:
        raise SystemExit('hfsplus_write: %d MiB is too small (%d blocks needed)' % (args.size_mib, used))
    catalog = build_catalog(catalog_records(entries, root_valence, label), args.node_size)
    assert len(catalog) == cat_len

    bitmap = bytearray(alloc_blocks * BLOCK)
    for b in list(range(nxt)) + [total_blocks - 1]:
        bitmap[b // 8] |= 0x80 >> (b % 8)

    files = sum(1 for e in entries if not e.is_dir)
    folders = len(entries) - files
    vh = struct.pack('>2sHI4s15IQ8I', b'H+', 4, 0x100, b'10.0',  # attributes: kHFSVolumeUnmountedBit
                     0, STAMP, STAMP, 0, STAMP,  # journalInfoBlock, create, modify, backup, checked
                     files, folders, BLOCK, total_blocks, total_blocks - used, nxt,
                     65536, 65536, next_id, 1, 1,  # clump sizes, nextCatalogID, writeCount, MacRoman
                     0, 0, 0, 0, 0, 0, 0x4E474248, 0x2B564F4C)  # finderInfo; [6..7] the volume ID
    vh += fork(len(bitmap), alloc_start, alloc_blocks)
    vh += fork(EXTENTS_NODE, ext_start, ext_blocks)
    vh += fork(len(catalog), cat_start, cat_blocks)
    vh += fork(0, 0, 0) + fork(0, 0, 0)  # attributes file, startup file: none
    assert len(vh) == 512

    size = total_blocks * BLOCK
    with open(args.out, 'wb') as out:
        out.truncate(size)
        for off, data in ((1024, vh), (alloc_start * BLOCK, bitmap), (ext_start * BLOCK, empty_extents_tree()),
                          (cat_start * BLOCK, catalog), (size - 1024, vh)):
            out.seek(off)
            out.write(data)
        for f in forks:
            out.seek(f.start * BLOCK)
            if f.data is not None:
                out.write(f.data)
            else:
                with open(f.path, 'rb') as src:
                    shutil.copyfileobj(src, out)
            assert out.tell() == f.start * BLOCK + f.size, '%s changed while copied' % f.path


if __name__ == '__main__':
    main()
