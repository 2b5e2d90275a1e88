#!/usr/bin/env python3
"""exfat_write.py IMAGE OP... : adds folders and files to, and deletes files from, an exFAT image
made by mkfs.exfat, in user space (Debian has no mtools-like writer for exFAT and CI cannot mount).

OPs, applied in order:
  mkdir /PATH          a folder (one cluster) in an existing folder
  add /PATH LOCAL      a file with LOCAL's bytes (contiguous clusters, NoFatChain)
  delete /PATH         clears the entry set's in-use bits and frees the clusters in the bitmap,
                       as a real delete does; the bytes stay where they were

Follows the exFAT specification (entry sets, NameHash, SetChecksum, allocation bitmap); names are
ASCII. Test helper only: no long folders (a folder is one cluster), no FAT chains written.
"""
import struct
import sys


class ExFat:
    def __init__(self, path):
        self.f = open(path, 'r+b')
        boot = self.read(0, 512)
        assert boot[3:11] == b'EXFAT   ', 'not an exFAT image'
        self.fat_off = struct.unpack_from('<I', boot, 80)[0]
        self.heap_off = struct.unpack_from('<I', boot, 88)[0]
        self.clusters = struct.unpack_from('<I', boot, 92)[0]
        self.root = struct.unpack_from('<I', boot, 96)[0]
        self.sector = 1 << boot[108]
        self.csize = self.sector << boot[109]
        self.bitmap_cluster = None
        for off, e in self.entries(self.root):
            if e[0] == 0x81:
                self.bitmap_cluster = struct.unpack_from('<I', e, 20)[0]
        assert self.bitmap_cluster, 'no allocation bitmap entry'

    def read(self, off, n):
        self.f.seek(off)
        return self.f.read(n)

    def write(self, off, data):
        self.f.seek(off)
        self.f.write(data)

    def cluster_offset(self, c):
        return self.heap_off * self.sector + (c - 2) * self.csize

    def chain(self, c):
        out = []
        while 2 <= c < 0xFFFFFFF7 and len(out) <= self.clusters:
            out.append(c)
            c = struct.unpack('<I', self.read(self.fat_off * self.sector + 4 * c, 4))[0]
        return out

    def entries(self, first_cluster, contiguous=False):
        """(byte offset, 32 bytes) of each directory entry of a folder, up to the end marker."""
        clusters = [first_cluster] if contiguous else self.chain(first_cluster)
        for c in clusters:
            base = self.cluster_offset(c)
            data = self.read(base, self.csize)
            for i in range(0, self.csize, 32):
                if data[i] == 0:
                    return
                yield base + i, data[i:i + 32]

    # Allocation bitmap: bit k is cluster k + 2.
    def set_bits(self, first, n, used):
        base = self.cluster_offset(self.bitmap_cluster)
        for c in range(first, first + n):
            byte_off = base + (c - 2) // 8
            b = self.read(byte_off, 1)[0]
            bit = 1 << ((c - 2) % 8)
            self.write(byte_off, bytes([(b | bit) if used else (b & ~bit)]))

    def allocate(self, n):
        base = self.cluster_offset(self.bitmap_cluster)
        bitmap = self.read(base, (self.clusters + 7) // 8)
        run = 0
        for k in range(self.clusters):
            free = not (bitmap[k // 8] >> (k % 8)) & 1
            run = run + 1 if free else 0
            if run == n:
                first = k - n + 3
                self.set_bits(first, n, True)
                return first
        raise SystemExit('exFAT image full')

    def find(self, path):
        """(first cluster, is_root) of the folder `path`, or the entry set of a file."""
        parts = [p for p in path.split('/') if p]
        folder, contiguous = self.root, False
        for i, name in enumerate(parts):
            hit = None
            for off, e, sset in self.entry_sets(folder, contiguous):
                if sset['name'] == name:
                    hit = (off, sset)
            if hit is None:
                raise SystemExit('no such path: ' + path)
            if i == len(parts) - 1:
                return hit
            folder, contiguous = hit[1]['cluster'], hit[1]['nofatchain']
        return None

    def entry_sets(self, folder, contiguous):
        es = list(self.entries(folder, contiguous))
        for j, (off, e) in enumerate(es):
            if e[0] != 0x85:
                continue
            count = e[1]
            stream = es[j + 1][1]
            nlen = stream[3]
            name = b''.join(es[j + 2 + k][1][2:32] for k in range(count - 1)).decode('utf-16-le')[:nlen]
            yield off, e, {'name': name, 'count': count, 'cluster': struct.unpack_from('<I', stream, 20)[0],
                           'length': struct.unpack_from('<Q', stream, 24)[0], 'nofatchain': bool(stream[1] & 2),
                           'dir': bool(struct.unpack_from('<H', e, 4)[0] & 0x10)}

    def folder_of(self, path):
        parent = '/'.join(path.split('/')[:-1])
        if parent.strip('/') == '':
            return self.root, False
        off, sset = self.find(parent)
        assert sset['dir'], parent + ' is not a folder'
        return sset['cluster'], sset['nofatchain']

    def append_set(self, path, attrs, first_cluster, length, valid):
        folder, contiguous = self.folder_of(path)
        name = path.split('/')[-1]
        assert name.isascii() and 0 < len(name) <= 255
        units = name.encode('utf-16-le')
        n_names = (len(name) + 14) // 15
        stamp = (46 << 25) | (6 << 21) | (15 << 16) | (10 << 11) | (30 << 5) | 0  # 2026-06-15 10:30:00
        file_e = bytearray(32)
        file_e[0], file_e[1] = 0x85, 1 + n_names
        struct.pack_into('<H', file_e, 4, attrs)
        struct.pack_into('<III', file_e, 8, stamp, stamp, stamp)
        stream = bytearray(32)
        stream[0], stream[1], stream[3] = 0xC0, 0x03, len(name)  # AllocationPossible | NoFatChain
        h = 0
        for ch in name.upper().encode('utf-16-le'):
            h = ((((h & 1) << 15) | (h >> 1)) + ch) & 0xFFFF
        struct.pack_into('<H', stream, 4, h)
        struct.pack_into('<Q', stream, 8, valid)
        struct.pack_into('<I', stream, 20, first_cluster)
        struct.pack_into('<Q', stream, 24, length)
        names = []
        for k in range(n_names):
            ne = bytearray(32)
            ne[0] = 0xC1
            chunk = units[30 * k:30 * (k + 1)]
            ne[2:2 + len(chunk)] = chunk
            names.append(ne)
        entry_set = file_e + stream + b''.join(names)
        c = 0
        for i, b in enumerate(entry_set):
            if i not in (2, 3):
                c = ((((c & 1) << 15) | (c >> 1)) + b) & 0xFFFF
        struct.pack_into('<H', entry_set, 2, c)
        # The first free slot: after the last entry in use (the folder's end marker).
        used = list(self.entries(folder, contiguous))
        slot = used[-1][0] + 32 if used else self.cluster_offset(folder)
        clusters = [folder] if contiguous else self.chain(folder)
        end = max(self.cluster_offset(c) + self.csize for c in clusters)
        assert slot + len(entry_set) <= end, 'folder full (one cluster only)'
        self.write(slot, bytes(entry_set))

    def mkdir(self, path):
        c = self.allocate(1)
        self.write(self.cluster_offset(c), bytes(self.csize))
        self.append_set(path, 0x10, c, self.csize, self.csize)

    def add(self, path, data):
        n = max(1, (len(data) + self.csize - 1) // self.csize)
        c = self.allocate(n)
        self.write(self.cluster_offset(c), data + bytes(n * self.csize - len(data)))
        self.append_set(path, 0x20, c, len(data), len(data))

    def delete(self, path):
        off, sset = self.find(path)
        for k in range(sset['count'] + 1):
            t = self.read(off + 32 * k, 1)[0]
            self.write(off + 32 * k, bytes([t & 0x7F]))
        n = max(1, (sset['length'] + self.csize - 1) // self.csize)
        self.set_bits(sset['cluster'], n, False)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    fs = ExFat(argv[1])
    args = argv[2:]
    while args:
        op = args.pop(0)
        if op == 'mkdir':
            fs.mkdir(args.pop(0))
        elif op == 'add':
            path, local = args.pop(0), args.pop(0)
            fs.add(path, open(local, 'rb').read())
        elif op == 'delete':
            fs.delete(args.pop(0))
        else:
            sys.exit('unknown op ' + op)
    fs.f.close()


if __name__ == '__main__':
    main(sys.argv)
