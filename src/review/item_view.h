// Read-only views of the case for reviewers, as JSON: one item with its matches, conversations and
// decisions; one conversation with its findings and (when the export can be re-read) its messages.
// No file path ever comes from the caller: an export is re-read only through the case's recorded
// provenance (review/item_bytes.h: its file, or its containers for an archive member) and only
// when its SHA-256 still equals the recorded one.
// Not thread-safe for one Db (callers serialise).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/sqlite.h"

namespace ngb::review {

// {id, path, source, kind, size, mime, md5, sha1, sha256, pdq, pdq_quality, mtime_ns, depth,
//  parent_id, error, matches[], conversations[{id, risk, labels[]}], decision, history[]}.
// "no_such_item" when absent.
Result<nlohmann::json> ItemView(store::Db& db, int64_t item_id);

// {id, item_id, path, format, title, participants, message_count, risk, scores, findings[],
//  messages[] or null, messages_unavailable (reason, when null)}. Messages are capped at
// `max_messages` (the rest counted in messages_truncated). "no_such_conversation" when absent.
Result<nlohmann::json> ConversationView(store::Db& db, int64_t conversation_id, size_t max_messages = 5000);

}  // namespace ngb::review
