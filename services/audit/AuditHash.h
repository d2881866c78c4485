#pragma once

#include <QString>

namespace caseyos {

// The hash before the first entry: 64 zeros.
QString auditGenesisHash();

// SHA-256 (lowercase hex) of one entry. The input is the canonical JSON array
//   ["caseyos.audit.v1", id, at, kind, actor, subject, details, prev_hash]
// where details is the stored canonical JSON text as a string: every field is delimited and escaped by JSON, so no
// two different entries serialize alike, and every byte of every column (details included, byte for byte) counts.
QString auditEntryHash(qint64 id, qint64 atMs, const QString& kind, const QString& actor, const QString& subject,
    const QString& detailsJson, const QString& prevHash);

// SHA-256 of one checkpoint: ["caseyos.audit.checkpoint.v1", id, last_id, last_hash, at, pruned].
QString auditCheckpointHash(qint64 id, qint64 lastId, const QString& lastHash, qint64 atMs, qint64 pruned);

} // namespace caseyos
