// Test and benchmark helper: fills a case store with `n` synthetic items through the store API
// (one transaction, prepared statements) — no evidence, no images, synthetic hashes only.
// Item i (1-based): every 1000th has an alert MD5 match, every 500th (not 1000th) a PDQ near match
// (distance i % 32), every 250th (not already matched) is a chat export with one conversation
// (risk (i % 100) / 100, a "grooming" finding when risk >= 0.5), 40 % of the rest are images
// (image/jpeg), the others text/plain. Sources: "phone" (even ids) and "laptop" (odd ids).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::testing {

inline Status FillSyntheticCase(store::Db& db, int64_t n) {
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error("case_store_error", db.ErrorMessage());
  if (Status s = db.Exec(
          "INSERT INTO scans(id, examiner, host, tool_version, command_line, options, sources_key, status, started_at) "
          "VALUES(1, 'test', 'host', 'test', 'test', '{}', 'key', 'running', '2026-01-01T00:00:00Z');"
          "INSERT INTO sources(id, scan_id, position, label, abs_path, kind) VALUES"
          "(1, 1, 0, 'phone', '/nonexistent/phone', 'folder'), (2, 1, 1, 'laptop', '/nonexistent/laptop', 'folder');");
      !s.ok()) {
    return s;
  }
  Result<store::Stmt> item = db.Prepare(
      "INSERT INTO items(id, scan_id, source_id, top_id, depth, path, path_text, kind, size, mime, md5, sha1, sha256) "
      "VALUES(?, 1, ?, ?, 0, ?, ?, 'file', ?, ?, ?, ?, ?)");
  Result<store::Stmt> match = db.Prepare(
      "INSERT INTO matches(item_id, set_name, set_kind, match_type, hash, distance, category) VALUES(?,?,?,?,?,?,?)");
  Result<store::Stmt> conv = db.Prepare(
      "INSERT INTO conversations(id, item_id, conv_index, format, title, participants, message_count, parse_errors, "
      "risk, scores) VALUES(?, ?, 0, 'whatsapp', 'chat', '[\"a\",\"b\"]', 10, 0, ?, '{}')");
  Result<store::Stmt> finding = db.Prepare(
      "INSERT INTO chat_findings(conversation_id, label, score, offender, target, first_alert_index, evidence) "
      "VALUES(?, 'grooming', ?, 'a', 'b', 3, '[]')");
  if (!item.ok()) return item.status();
  if (!match.ok()) return match.status();
  if (!conv.ok()) return conv.status();
  if (!finding.ok()) return finding.status();
  char hex[65];
  for (int64_t i = 1; i <= n; ++i) {
    const bool alert = i % 1000 == 0, near = !alert && i % 500 == 0, chat = !alert && !near && i % 250 == 0;
    const bool image = !chat && (i % 5 < 2);
    const char* label = i % 2 == 0 ? "phone" : "laptop";
    const std::string path = std::string(label) + "/dir" + std::to_string(i % 97) + "/file" + std::to_string(i) +
                             (chat ? ".txt" : image ? ".jpg" : ".txt");
    snprintf(hex, sizeof hex, "%032llx", static_cast<unsigned long long>(i) * 0x9E3779B97F4A7C15ull);
    const std::string md5(hex);
    item->Bind(1, i).Bind(2, int64_t{i % 2 == 0 ? 1 : 2}).Bind(3, i).BindBlob(4, path).Bind(5, path)
        .Bind(6, int64_t{1000 + i}).Bind(7, chat ? "text/plain" : image ? "image/jpeg" : "text/plain").Bind(8, md5)
        .Bind(9, md5.substr(0, 40) + std::string(8, '0')).Bind(10, md5 + md5);
    if (Status s = item->Run(); !s.ok()) return s;
    if (alert || near) {
      match->Bind(1, i).Bind(2, "synthetic-alerts").Bind(3, "alert").Bind(4, alert ? "md5" : "pdq")
          .Bind(5, alert ? md5 : md5 + md5).Bind(6, int64_t{alert ? 0 : i % 32}).Bind(7, int64_t{1});
      if (Status s = match->Run(); !s.ok()) return s;
    }
    if (chat) {
      const double risk = static_cast<double>((i / 250) * 37 % 100) / 100.0;
      conv->Bind(1, i).Bind(2, i).Bind(3, risk);
      if (Status s = conv->Run(); !s.ok()) return s;
      if (risk >= 0.5) {
        finding->Bind(1, i).Bind(2, risk);
        if (Status s = finding->Run(); !s.ok()) return s;
      }
    }
  }
  return tx.Commit();
}

// Gives the synthetic case's images PDQ hashes (quality 100): pseudo-random 256-bit values, far
// apart from each other, except that image i with i % 10 == 1 is a near duplicate of image i - 1
// (at most 20 bits differ), so about a quarter of the images are in two-image near-duplicate groups.
inline Status AddSyntheticPdq(store::Db& db) {
  store::Transaction tx(db);
  if (!tx.started()) return Status::Error("case_store_error", db.ErrorMessage());
  Result<store::Stmt> ids = db.Prepare("SELECT id FROM items WHERE mime = 'image/jpeg' ORDER BY id");
  Result<store::Stmt> set = db.Prepare("UPDATE items SET pdq = ?, pdq_quality = 100 WHERE id = ?");
  if (!ids.ok()) return ids.status();
  if (!set.ok()) return set.status();
  auto hash_of = [](uint64_t seed) {
    std::string hex;
    char buf[17];
    for (int w = 0; w < 4; ++w) {
      uint64_t z = (seed * 4 + w + 1) * 0x9E3779B97F4A7C15ull;  // splitmix64
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(z));
      hex += buf;
    }
    return hex;
  };
  for (;;) {
    Result<bool> row = ids->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t id = ids->Int(0);
    std::string hex = hash_of(static_cast<uint64_t>(id % 10 == 1 ? id - 1 : id));
    if (id % 10 == 1) {
      for (int k = 0; k < 5; ++k) hex[k * 7] = hex[k * 7] == '0' ? '1' : '0';  // <= 4 bits each
    }
    set->Bind(1, hex).Bind(2, id);
    if (Status s = set->Run(); !s.ok()) return s;
    set->Reset();
  }
  return tx.Commit();
}

}  // namespace ngb::testing
