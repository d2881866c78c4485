#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>

namespace caseyos {

// What an audit entry records (PRODUCT.md §9). Kinds are lowercase words; these are the ones CaseyOS writes.
namespace auditkind {
inline constexpr char16_t Execution[] = u"execution";
inline constexpr char16_t Approval[] = u"approval";
inline constexpr char16_t Undo[] = u"undo";
inline constexpr char16_t KillSwitch[] = u"kill_switch";
inline constexpr char16_t Account[] = u"account";
inline constexpr char16_t Export[] = u"export";
inline constexpr char16_t Erasure[] = u"erasure";
inline constexpr char16_t McpCall[] = u"mcp_call";
inline constexpr char16_t Prune[] = u"audit_prune"; // written by AuditLog::prune itself
} // namespace auditkind

// Kept one year (PRODUCT.md §9); prune() takes it as the default.
inline constexpr std::chrono::milliseconds kAuditRetention = std::chrono::hours(24 * 365);

struct AuditEntry
{
    qint64 id = 0; // 1, 2, 3 … without gaps (pruning removes from the front only)
    QDateTime at; // UTC, millisecond precision
    QString kind; // auditkind::…
    QString actor; // who: "user", "mcp:<client>", "system", "executor" …
    QString subject; // what: "approval:12", "hubspot:default", "move:7" …
    QJsonObject details; // stored as canonical JSON (never secrets)
    QString prevHash; // lowercase hex SHA-256 of the entry before (64 zeros for the first)
    QString hash; // lowercase hex SHA-256 of this entry (AuditHash.h)
};

// list() filters; empty members match everything.
struct AuditFilter
{
    QString kind;
    QString actor;
    QString subject;
    qint64 beforeId = 0; // only entries with a smaller id (paging back through the log); 0: no bound
};

// verify()'s answer. ok false: brokenId names the first entry that does not check out (or the checkpoint's
// last_id + 1 when the checkpoint itself is wrong) and reason says why in one sentence.
struct AuditVerification
{
    bool ok = true;
    qint64 checked = 0; // entries whose hash was recomputed
    qint64 firstId = 0; // first entry still stored (0: none)
    qint64 lastId = 0;
    qint64 checkpointId = 0; // the last pruned entry's id the chain starts from (0: never pruned)
    qint64 brokenId = 0;
    QString reason;
};

struct AuditPruned
{
    qint64 removed = 0; // 0: nothing was old enough (no checkpoint written)
    qint64 lastId = 0; // the last removed entry = the new checkpoint
    QString lastHash;
};

} // namespace caseyos
