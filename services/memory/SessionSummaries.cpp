#include "memory/SessionSummaries.h"

#include "core/Timestamps.h"
#include "memory/MemoryStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kAskedShown = 3;
constexpr int kMaxFacts = 10;
constexpr int kFactLength = 160;

QString elided(QString text, int length)
{
    text = text.simplified();
    return text.size() <= length ? text : text.left(length - 1) + u'…';
}

// Sentences, roughly: split after . ! ? and at line breaks.
QStringList sentencesOf(const QString& text)
{
    static const QRegularExpression split(u"(?<=[.!?])\\s+|\\n+"_s);
    QStringList out;
    for (const QString& part : text.split(split, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

// What is easy to lose in a summary: an address, an amount, a date, a move's number.
bool holdsAFact(const QString& sentence)
{
    static const QRegularExpression fact(
        u"[\\w.+-]+@[\\w-]+\\.[\\w.-]+"_s // email
        u"|[$€£]\\s?\\d"_s // money
        u"|\\b\\d+(?:[.,]\\d+)?\\s?(?:k|K|USD|EUR|GBP)\\b"_s
        u"|\\b\\d{4}-\\d{2}-\\d{2}\\b"_s // ISO date
        u"|\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}\\b"_s
        u"|\\bmove #?\\d+\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return fact.match(sentence).hasMatch();
}

} // namespace

SessionDigest offlineSessionDigest(const QList<MemoryMessage>& messages)
{
    SessionDigest digest;
    if (messages.isEmpty())
        return digest;
    QStringList asked;
    for (const MemoryMessage& m : messages)
        if (m.role == u"user"_s && asked.size() < kAskedShown)
            asked << u"“"_s + elided(m.content, 80) + u"”"_s;
    const QString from = QLocale::c().toString(messages.first().createdAt.toUTC().date(), u"yyyy-MM-dd"_s);
    const QString to = QLocale::c().toString(messages.last().createdAt.toUTC().date(), u"yyyy-MM-dd"_s);
    digest.summary = u"%1 messages, %2%3."_s.arg(messages.size()).arg(from, from == to ? QString() : u" to "_s + to);
    if (!asked.isEmpty())
        digest.summary += u" Asked: "_s + asked.join(u"; "_s) + u'.';
    for (const MemoryMessage& m : messages) {
        for (const QString& sentence : sentencesOf(m.content)) {
            if (digest.keyFacts.size() >= kMaxFacts)
                return digest;
            const QString fact = elided(sentence, kFactLength);
            if (holdsAFact(sentence) && !digest.keyFacts.contains(fact))
                digest.keyFacts << fact;
        }
    }
    return digest;
}

SummaryPolicy SummaryPolicy::fromSettings(const QSettings& settings)
{
    SummaryPolicy policy;
    policy.deleteSummarizedMessages = settings.value(deleteSummarizedMessagesKey(), false).toBool();
    return policy;
}

void SummaryPolicy::save(QSettings& settings) const
{
    settings.setValue(deleteSummarizedMessagesKey(), deleteSummarizedMessages);
}

SessionSummaries::SessionSummaries(Database& db, const Clock& clock, MemoryStore& memory)
    : m_db(db)
    , m_clock(clock)
    , m_memory(memory)
{
}

Result<QList<MemorySession>> SessionSummaries::due(const SummaryPolicy& policy) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT s.id FROM memory_sessions s WHERE s.summarized_at IS NULL AND s.last_active < ? "
              "AND (SELECT COUNT(*) FROM memory_messages m WHERE m.session_id = s.id) >= ? "
              "ORDER BY s.last_active, s.id"_s);
    q.addBindValue(toEpochMs(m_clock.now().addDays(-policy.olderThanDays)));
    q.addBindValue(policy.minMessages);
    if (!q.exec())
        return Result<QList<MemorySession>>::failure(u"Cannot find sessions to summarise: "_s + q.lastError().text());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QList<MemorySession> sessions;
    for (qint64 id : ids) {
        const Result<MemorySession> s = m_memory.session(id);
        if (!s)
            return Result<QList<MemorySession>>::failure(s.error());
        sessions << s.value();
    }
    return Result<QList<MemorySession>>::success(sessions);
}

SummaryReport SessionSummaries::run(const SummaryPolicy& policy, const SessionSummarizer& summarizer)
{
    SummaryReport report;
    const Result<QList<MemorySession>> sessions = due(policy);
    if (!sessions) {
        ++report.failed;
        report.errors << sessions.error();
        return report;
    }
    for (const MemorySession& session : sessions.value()) {
        const Result<QList<MemoryMessage>> messages = m_memory.messages(session.id);
        if (!messages) {
            apply(session, {}, Result<SessionDigest>::failure(messages.error()), policy, report);
            continue;
        }
        apply(session, messages.value(), summarizer(session, messages.value()), policy, report);
    }
    return report;
}

void SessionSummaries::apply(const MemorySession& session, const QList<MemoryMessage>& messages,
    Result<SessionDigest> digest, const SummaryPolicy& policy, SummaryReport& report)
{
    if (digest && digest.value().summary.trimmed().isEmpty())
        digest = Result<SessionDigest>::failure(u"the summary came back empty"_s);
    if (digest && messages.isEmpty())
        digest = Result<SessionDigest>::failure(u"there were no messages to summarise"_s);
    Result<int> stored = digest
        ? store(session, digest.value(), messages.isEmpty() ? 0 : messages.last().id, policy.deleteSummarizedMessages)
        : Result<int>::failure(digest.error());
    if (!stored) {
        ++report.failed;
        report.errors << u"Session %1 was not summarised (its messages are kept): %2"_s.arg(session.id).arg(
            stored.error());
        return;
    }
    ++report.summarized;
    report.messagesDeleted += stored.value();
}

// The digest and the deletion in one transaction: both or neither.
Result<int> SessionSummaries::store(
    const MemorySession& session, const SessionDigest& digest, qint64 coveredUpToId, bool deleteMessages)
{
    QList<qint64> deleted;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            QSqlQuery update(m_db.sql());
            update.prepare(u"UPDATE memory_sessions SET summary = ?, key_facts = ?, summarized_at = ? "
                           "WHERE id = ? AND summarized_at IS NULL"_s);
            update.addBindValue(digest.summary.trimmed());
            update.addBindValue(QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(digest.keyFacts)).toJson(QJsonDocument::Compact)));
            update.addBindValue(toEpochMs(m_clock.now()));
            update.addBindValue(session.id);
            if (!update.exec()) {
                error = update.lastError().text();
                return false;
            }
            if (update.numRowsAffected() != 1) {
                error = u"another process summarised it first"_s;
                return false;
            }
            if (!deleteMessages)
                return true;
            QSqlQuery list(m_db.sql());
            list.prepare(u"SELECT id FROM memory_messages WHERE session_id = ? AND id <= ?"_s);
            list.addBindValue(session.id);
            list.addBindValue(coveredUpToId);
            if (!list.exec()) {
                error = list.lastError().text();
                return false;
            }
            while (list.next())
                deleted << list.value(0).toLongLong();
            // Vectors, then the messages (their trigger removes the full-text entries).
            for (const QString& sql : { u"DELETE FROM memory_vectors WHERE message_id IN "
                                         "(SELECT id FROM memory_messages WHERE session_id = ? AND id <= ?)"_s,
                     u"DELETE FROM memory_messages WHERE session_id = ? AND id <= ?"_s }) {
                QSqlQuery del(m_db.sql());
                del.prepare(sql);
                del.addBindValue(session.id);
                del.addBindValue(coveredUpToId);
                if (!del.exec()) {
                    error = del.lastError().text();
                    return false;
                }
            }
            return true;
        },
        &error);
    if (!ok)
        return Result<int>::failure(error);
    m_memory.dropFromIndex(deleted);
    return Result<int>::success(int(deleted.size()));
}

} // namespace caseyos
