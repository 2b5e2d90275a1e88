#include "review/item_bytes.h"

#include <memory>

#include "core/provenance.h"
#include "hash/sha256.h"
#include "source/archive_reader.h"
#include "source/evidence_file.h"

namespace ngb::review {
namespace {

constexpr int kMaxChain = 64;

// Reads the rest of `stream` into `out`; "too_large" past `cap`.
Status ReadAll(source::ByteStream& stream, uint64_t cap, std::string& out) {
  for (;;) {
    Result<std::span<const uint8_t>> chunk = stream.Next();
    if (!chunk.ok()) return Status::Error("evidence_unavailable", chunk.status().ToString());
    if (chunk->empty()) return Status::Ok();
    if (out.size() + chunk->size() > cap) return Status::Error("too_large", "over " + std::to_string(cap) + " bytes");
    out.append(reinterpret_cast<const char*>(chunk->data()), chunk->size());
  }
}

// The member of `container` recorded as `want` (its full provenance path), read whole.
Result<std::string> ReadMember(source::RandomAccess& container, const std::string& container_path,
                               const ItemLocation::Level& want, uint64_t cap) {
  source::ArchiveReader reader(container, source::ArchiveReader::Formats::kArchivesOrRaw);
  if (Status s = reader.Open(); !s.ok()) return Status::Error("evidence_unavailable", s.ToString());
  for (;;) {
    Result<std::optional<source::ArchiveEntry>> next = reader.Next();
    if (!next.ok()) return Status::Error("evidence_unavailable", next.status().ToString());
    if (!next->has_value()) return Status::Error("member_not_found", DisplayPath(want.path));
    const source::ArchiveEntry& e = **next;
    // A bare compressed stream has one member, named after the container by the scanner.
    if (!reader.raw() && JoinMember(container_path, e.name) != want.path) continue;
    if (e.kind != ItemKind::kMember) continue;
    std::string bytes;
    if (Status s = ReadAll(reader.Data(), cap, bytes); !s.ok()) return s;
    // Archives may hold several members of one name: keep looking when the digest differs.
    if (!want.sha256.empty() && Sha256Hex(bytes) != want.sha256 && !reader.raw()) continue;
    return bytes;
  }
}

}  // namespace

Result<ItemLocation> LocateItem(store::Db& db, int64_t item_id) {
  Result<store::Stmt> q = db.Prepare(
      "SELECT i.path, coalesce(i.sha256, ''), i.kind, i.parent_id, coalesce(i.size, 0), coalesce(i.mime, ''), "
      "s.label, s.abs_path FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?");
  if (!q.ok()) return q.status();
  ItemLocation where;
  std::string label, abs;
  int64_t id = item_id;
  for (int depth = 0;; ++depth) {
    if (depth > kMaxChain) return Status::Error("unknown_location", "container chain too long");
    q->Reset();
    q->Bind(1, id);
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Error(depth == 0 ? "no_such_item" : "unknown_location");
    const std::string kind = q->Text(2);
    if (depth == 0) {
      if (kind != "file" && kind != "member") return Status::Error("no_content", "a " + kind + " has no content");
      if (q->IsNull(1) || q->Text(1).empty()) return Status::Error("no_content", "no digest was recorded");
      where.size = static_cast<uint64_t>(q->Int(4));
      where.mime = q->Text(5);
    }
    where.chain.insert(where.chain.begin(), ItemLocation::Level{q->Text(0), q->Text(1)});
    if (q->IsNull(3)) {
      if (kind != "file") return Status::Error("unknown_location", "the top-level item is not a file");
      label = q->Text(6);
      abs = q->Text(7);
      break;
    }
    id = q->Int(3);
  }
  const std::string& top = where.chain.front().path;
  if (top == label) where.file = abs;
  else if (top.size() > label.size() && top.compare(0, label.size() + 1, label + "/") == 0) where.file = abs + top.substr(label.size());
  else return Status::Error("unknown_location");
  return where;
}

Result<std::string> ReadLocatedItem(const ItemLocation& where, uint64_t max_bytes) {
  if (where.chain.empty()) return Status::Error("unknown_location");
  if (where.size > max_bytes) return Status::Error("too_large", "over " + std::to_string(max_bytes) + " bytes");
  Result<source::EvidenceFile> file = source::EvidenceFile::Open(where.file);
  if (!file.ok()) return Status::Error("evidence_unavailable", file.status().reason());
  std::string bytes;
  if (where.chain.size() == 1) {
    std::vector<uint8_t> buffer(256 * 1024);  // FileStream reads into the caller's buffer, as sized
    source::FileStream stream(*file, buffer);
    if (Status s = ReadAll(stream, max_bytes, bytes); !s.ok()) return s;
  } else {
    source::RandomAccess* container = &*file;
    std::string held;  // the current nested container's bytes
    std::unique_ptr<source::MemoryBytes> memory;
    for (size_t level = 1; level < where.chain.size(); ++level) {
      const bool last = level + 1 == where.chain.size();
      Result<std::string> member =
          ReadMember(*container, where.chain[level - 1].path, where.chain[level], last ? max_bytes : kMaxNestedContainerBytes);
      if (!member.ok()) return member.status();
      if (last) {
        bytes = std::move(*member);
        break;
      }
      held = std::move(*member);
      memory = std::make_unique<source::MemoryBytes>(
          std::span(reinterpret_cast<const uint8_t*>(held.data()), held.size()));
      container = memory.get();
    }
  }
  const std::string& want = where.chain.back().sha256;
  if (!want.empty() && Sha256Hex(bytes) != want) {
    return Status::Error("evidence_changed", "the bytes no longer match the recorded SHA-256");
  }
  return bytes;
}

Result<std::string> ReadItemBytes(store::Db& db, int64_t item_id, uint64_t max_bytes) {
  Result<ItemLocation> where = LocateItem(db, item_id);
  if (!where.ok()) return where.status();
  return ReadLocatedItem(*where, max_bytes);
}

}  // namespace ngb::review
