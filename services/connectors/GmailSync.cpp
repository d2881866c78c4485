#include "connectors/GmailSync.h"

#include "connectors/SyncRequests.h"
#include "net/HttpClient.h"
#include "net/ProviderLimits.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

GmailSync::GmailSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
    AccessTokenProvider tokens, QObject* parent)
    : SyncEngine(std::move(config), http, db, clock, std::move(tokens), parent)
{
    if (!http.governor().hasBucket(u"gmail:"_s + this->config().key()))
        providerlimits::configureGmail(http.governor(), this->config().key());
}

QList<RateCost> GmailSync::costs(const QString& method) const
{
    return providerlimits::gmailCosts(config().key(), method);
}

int GmailSync::pageSize() const
{
    return config().pageSize > 0 ? qMin(config().pageSize, kDefaultPageSize) : kDefaultPageSize;
}

void GmailSync::loadKnownThreads()
{
    m_sentThreads.clear();
    m_unsavedThreads.clear();
    QSqlQuery q(db().sql());
    q.prepare(u"SELECT thread_id FROM sync_gmail_threads WHERE account = ?"_s);
    q.addBindValue(config().key());
    if (q.exec()) {
        while (q.next())
            m_sentThreads.insert(q.value(0).toString());
    }
}

void GmailSync::start()
{
    // The user's own address: configured, else the account id when it is one (the accounts page names Google
    // accounts by address); a full sync also reads it from the profile.
    m_ownAddress = config().userEmail.trimmed().toLower();
    if (m_ownAddress.isEmpty() && config().accountId.contains(u'@'))
        m_ownAddress = config().accountId.trimmed().toLower();
    m_resynced = false;
    m_sentMessageIds.clear();
    loadKnownThreads();
    const QString cursor = loadCursor(kStream);
    if (cursor.isEmpty()) {
        markFullSync();
        fullSync();
    } else {
        historyPage(cursor, {});
    }
}

// ---- full sync: profile, SENT window, recent window
// ----------------------------------------------------------

void GmailSync::fullSync()
{
    reportProgress(u"profile"_s);
    send(gmailrequest::getProfile(config().baseUrl), u"users.getProfile"_s, [this](const HttpResult& r) {
        if (!r.ok())
            return failHttp(r, u"read the Gmail profile"_s);
        const QJsonObject profile = r.response.json.object();
        m_profileHistoryId = profile.value(u"historyId"_s).toVariant().toString();
        if (m_profileHistoryId.isEmpty())
            return fail(u"The Gmail profile has no historyId"_s);
        if (m_ownAddress.isEmpty())
            m_ownAddress = profile.value(u"emailAddress"_s).toString().trimmed().toLower();
        listSent({}, 0);
    });
}

HttpRequest GmailSync::listRequest(const QString& pageToken, int maxResults, bool sentOnly) const
{
    return gmailrequest::listMessages(config().baseUrl, config().windowDays, maxResults, sentOnly, pageToken);
}

void GmailSync::listSent(const QString& pageToken, int taken)
{
    const int want = qMin(pageSize(), config().maxMessages - taken);
    if (want <= 0)
        return listRecent({}, 0);
    reportProgress(u"sent"_s);
    send(listRequest(pageToken, want, true), u"messages.list"_s, [this, taken](const HttpResult& r) {
        if (!r.ok())
            return failHttp(r, u"list sent Gmail messages"_s);
        const QJsonObject body = r.response.json.object();
        const QJsonArray messages = body.value(u"messages"_s).toArray();
        for (const QJsonValue& value : messages) {
            const QJsonObject m = value.toObject();
            const QString thread = m.value(u"threadId"_s).toString();
            m_sentMessageIds.insert(m.value(u"id"_s).toString());
            if (!thread.isEmpty() && !m_sentThreads.contains(thread)) {
                m_sentThreads.insert(thread);
                m_unsavedThreads.insert(thread);
            }
        }
        const QString next = body.value(u"nextPageToken"_s).toString();
        if (next.isEmpty() || messages.isEmpty())
            return listRecent({}, 0);
        listSent(next, taken + int(messages.size()));
    });
}

void GmailSync::listRecent(const QString& pageToken, int taken)
{
    const int want = qMin(pageSize(), config().maxMessages - taken);
    if (want <= 0) {
        // The window is full: commit the history id the profile gave (plus any unsaved threads).
        readAndCommit({}, false, m_profileHistoryId, 0, [this] { succeed(); });
        return;
    }
    reportProgress(u"messages"_s);
    send(listRequest(pageToken, want, false), u"messages.list"_s, [this, taken](const HttpResult& r) {
        if (!r.ok())
            return failHttp(r, u"list Gmail messages"_s);
        const QJsonObject body = r.response.json.object();
        const QJsonArray messages = body.value(u"messages"_s).toArray();
        QStringList ids;
        for (const QJsonValue& value : messages) {
            const QString id = value.toObject().value(u"id"_s).toString();
            if (!id.isEmpty() && !m_sentMessageIds.contains(id) && !ids.contains(id))
                ids.append(id);
        }
        const QString next = body.value(u"nextPageToken"_s).toString();
        const int total = taken + int(messages.size());
        const bool last = next.isEmpty() || messages.isEmpty() || total >= config().maxMessages;
        // Pages before the last keep the cursor empty: a crash restarts the (deduplicated) full sync.
        readAndCommit(ids, false, last ? m_profileHistoryId : QString(), int(messages.size()),
            [this, last, next, total] {
                if (last)
                    succeed();
                else
                    listRecent(next, total);
            });
    });
}

// ---- incremental: history.list
// -------------------------------------------------------------------------------

void GmailSync::historyPage(const QString& startId, const QString& pageToken)
{
    reportProgress(u"history"_s);
    const HttpRequest request = gmailrequest::listHistory(config().baseUrl, startId, pageSize(), pageToken);
    send(request, u"history.list"_s, [this, startId](const HttpResult& r) {
        if (!r.ok()) {
            if (r.error.status == 404 && !m_resynced) {
                // The historyId is too old (Gmail keeps about a week): a bounded full resync.
                m_resynced = true;
                resetCursor(kStream);
                fullSync();
                return;
            }
            return failHttp(r, u"read the Gmail history"_s);
        }
        const QJsonObject body = r.response.json.object();
        const QJsonArray records = body.value(u"history"_s).toArray();
        QStringList ids;
        QString lastRecordId;
        for (const QJsonValue& recordValue : records) {
            const QJsonObject record = recordValue.toObject();
            lastRecordId = record.value(u"id"_s).toVariant().toString();
            for (const QJsonValue& added : record.value(u"messagesAdded"_s).toArray()) {
                const QJsonObject message = added.toObject().value(u"message"_s).toObject();
                const QString id = message.value(u"id"_s).toString();
                const QString thread = message.value(u"threadId"_s).toString();
                const QJsonArray labels = message.value(u"labelIds"_s).toArray();
                if (id.isEmpty() || labels.contains(u"DRAFT"_s))
                    continue;
                if (labels.contains(u"SENT"_s)) {
                    if (!thread.isEmpty() && !m_sentThreads.contains(thread)) {
                        m_sentThreads.insert(thread);
                        m_unsavedThreads.insert(thread);
                    }
                    continue;
                }
                if (!ids.contains(id))
                    ids.append(id);
            }
        }
        const QString next = body.value(u"nextPageToken"_s).toString();
        const QString newest = body.value(u"historyId"_s).toVariant().toString();
        // Intermediate pages store the last record they cover; the last page the mailbox's current id.
        QString cursor = next.isEmpty() && !newest.isEmpty() ? newest : lastRecordId;
        if (cursor.isEmpty())
            cursor = startId;
        if (next.isEmpty() && cursor == startId && ids.isEmpty() && m_unsavedThreads.isEmpty()) {
            succeed(); // idle: nothing new, nothing to write
            return;
        }
        readAndCommit(ids, true, cursor, int(records.size()), [this, next, startId] {
            if (next.isEmpty())
                succeed();
            else
                historyPage(startId, next);
        });
    });
}

// ---- reading, classifying, committing
// ------------------------------------------------------------------------

void GmailSync::readAndCommit(const QStringList& ids, bool checkThreadsToo, const QString& cursor,
    int itemsSeen, std::function<void()> next)
{
    QList<HttpRequest> requests;
    for (const QString& id : ids)
        requests.append(gmailrequest::getMessage(config().baseUrl, id));
    sendAll(requests, u"messages.get"_s, kParallelReads,
        [this, checkThreadsToo, cursor, itemsSeen, next = std::move(next)](QList<HttpResult> results) {
            QList<GmailMessageInfo> messages;
            for (const HttpResult& r : results) {
                if (!r.ok()) {
                    if (r.error.status == 404)
                        continue; // deleted since it was listed
                    return failHttp(r, u"read a Gmail message"_s);
                }
                if (auto info = parseGmailMessage(r.response.json.object()))
                    messages.append(*info);
            }
            if (checkThreadsToo)
                checkThreads(std::move(messages), cursor, itemsSeen, next);
            else
                classifyAndCommit(messages, cursor, itemsSeen, next);
        });
}

void GmailSync::checkThreads(
    QList<GmailMessageInfo> messages, const QString& cursor, int itemsSeen, std::function<void()> next)
{
    // An inbound message in a thread not known to hold a message of the user's: look at the thread once.
    QStringList unknown;
    for (const GmailMessageInfo& m : std::as_const(messages)) {
        if (!m.isSent() && !m.isBounce() && !m_sentThreads.contains(m.threadId)
            && !unknown.contains(m.threadId))
            unknown.append(m.threadId);
    }
    QList<HttpRequest> requests;
    for (const QString& thread : std::as_const(unknown))
        requests.append(gmailrequest::getThread(config().baseUrl, thread));
    sendAll(requests, u"threads.get"_s, kParallelReads,
        [this, unknown, messages = std::move(messages), cursor, itemsSeen, next = std::move(next)](
            QList<HttpResult> results) {
            for (qsizetype i = 0; i < results.size(); ++i) {
                const HttpResult& r = results[i];
                if (!r.ok()) {
                    if (r.error.status == 404)
                        continue;
                    return failHttp(r, u"read a Gmail thread"_s);
                }
                for (const QJsonValue& m : r.response.json.object().value(u"messages"_s).toArray()) {
                    if (m.toObject().value(u"labelIds"_s).toArray().contains(u"SENT"_s)) {
                        m_sentThreads.insert(unknown[i]);
                        m_unsavedThreads.insert(unknown[i]);
                        break;
                    }
                }
            }
            classifyAndCommit(messages, cursor, itemsSeen, next);
        });
}

void GmailSync::classifyAndCommit(
    const QList<GmailMessageInfo>& messages, const QString& cursor, int itemsSeen, std::function<void()> next)
{
    SyncPage page;
    page.stream = kStream;
    page.cursor = cursor;
    page.itemsSeen = itemsSeen;
    const QString account = config().key();
    for (const GmailMessageInfo& m : messages) {
        if (m.isSent() || m.isDraft())
            continue;
        if (m.isBounce()) {
            SyncOutcome bounce;
            bounce.key = account + u":bounce:"_s + m.id;
            bounce.input.type = OutcomeType::EmailBounced;
            bounce.input.source = OutcomeSource::Gmail;
            bounce.input.contactEmail = m.bouncedRecipient(m_ownAddress);
            bounce.input.occurredAt = m.internalDate;
            bounce.input.context = QJsonObject { { u"message_id"_s, m.id }, { u"thread_id"_s, m.threadId } };
            page.outcomes.append(bounce);
            continue;
        }
        if (!m_ownAddress.isEmpty() && m.from.email == m_ownAddress)
            continue;
        if (!m_sentThreads.contains(m.threadId))
            continue;
        Signal signal;
        signal.source = u"gmail"_s;
        signal.eventType = u"reply_received"_s;
        signal.sourceId = m.id;
        signal.occurredAt = m.internalDate;
        signal.payload = QJsonObject { { u"from_email"_s, m.from.email }, { u"sender_name"_s, m.from.name },
            { u"subject"_s, m.subject }, { u"snippet"_s, m.snippet }, { u"thread_id"_s, m.threadId },
            { u"message_id"_s, m.id } };
        page.signalList.append(signal);
        if (!m.from.email.isEmpty()) {
            SyncOutcome replied;
            replied.key = account + u":reply:"_s + m.id;
            replied.input.type = OutcomeType::EmailReplied;
            replied.input.source = OutcomeSource::Gmail;
            replied.input.contactEmail = m.from.email;
            replied.input.occurredAt = m.internalDate;
            replied.input.context = QJsonObject { { u"message_id"_s, m.id }, { u"thread_id"_s, m.threadId } };
            page.outcomes.append(replied);
        }
    }
    const QSet<QString> threads = m_unsavedThreads;
    page.extra = [account, threads](Database& tx, QString* error) {
        QSqlQuery q(tx.sql());
        q.prepare(u"INSERT OR IGNORE INTO sync_gmail_threads (account, thread_id) VALUES (?, ?)"_s);
        for (const QString& thread : threads) {
            q.addBindValue(account);
            q.addBindValue(thread);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
        }
        return true;
    };
    if (!commit(std::move(page)))
        return;
    for (const QString& thread : threads)
        m_unsavedThreads.remove(thread);
    reportProgress(u"messages"_s);
    next();
}

} // namespace caseyos
