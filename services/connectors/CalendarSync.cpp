#include "connectors/CalendarSync.h"

#include "connectors/SyncRequests.h"
#include "core/DedupeKey.h"
#include "core/Timestamps.h"
#include "net/HttpClient.h"
#include "net/ProviderLimits.h"
#include "storage/Database.h"
#include "storage/SignalBatchWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct StoredEvent
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool cancelled = false;
    bool ended = false;
};

bool upsertEvent(Database& tx, const QString& account, const QString& id, qint64 startMs, qint64 endMs,
    bool cancelled, bool ended, const QString& key, QString* error)
{
    QSqlQuery q(tx.sql());
    q.prepare(
        u"INSERT INTO sync_calendar_events (account, event_id, start_at, end_at, cancelled, scheduled_key, "
        u"ended) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, event_id) DO UPDATE SET start_at = "
        "excluded.start_at, "
        "end_at = excluded.end_at, cancelled = excluded.cancelled, ended = excluded.ended, "
        "scheduled_key = CASE WHEN excluded.scheduled_key = '' THEN scheduled_key ELSE excluded.scheduled_key END"_s);
    q.addBindValue(account);
    q.addBindValue(id);
    q.addBindValue(startMs);
    q.addBindValue(endMs);
    q.addBindValue(cancelled ? 1 : 0);
    q.addBindValue(key.isEmpty() ? u""_s : key); // a null QString would bind NULL
    q.addBindValue(ended ? 1 : 0);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

CalendarSync::CalendarSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
    AccessTokenProvider tokens, QObject* parent)
    : SyncEngine(std::move(config), http, db, clock, std::move(tokens), parent)
{
    if (!http.governor().hasBucket(u"calendar:"_s + this->config().key()))
        providerlimits::configureCalendar(http.governor(), this->config().key());
}

QList<RateCost> CalendarSync::costs(const QString&) const
{
    return providerlimits::calendarCosts(config().key());
}

void CalendarSync::start()
{
    m_resynced = false;
    m_syncToken = loadCursor(kStream);
    if (m_syncToken.isEmpty())
        markFullSync();
    listPage({});
}

void CalendarSync::listPage(const QString& pageToken)
{
    const int size = config().pageSize > 0 ? qMin(config().pageSize, kDefaultPageSize) : kDefaultPageSize;
    reportProgress(u"events"_s);
    const HttpRequest request = calendarrequest::listEvents(
        config().baseUrl, size, m_syncToken, clock().now().addDays(-1), pageToken);
    send(request, u"events.list"_s, [this](const HttpResult& r) {
        if (!r.ok()) {
            if (r.error.status == 410 && !m_resynced) {
                // The sync token expired: forget it and list the window again (signals are deduplicated).
                m_resynced = true;
                resetCursor(kStream);
                m_syncToken.clear();
                return listPage({});
            }
            return failHttp(r, u"list calendar events"_s);
        }
        const QJsonObject body = r.response.json.object();
        const QString own = config().userEmail.trimmed().toLower();
        QList<CalendarEventInfo> events;
        for (const QJsonValue& item : body.value(u"items"_s).toArray()) {
            if (auto event = parseCalendarEvent(item.toObject(), own))
                events.append(*event);
        }
        const QString next = body.value(u"nextPageToken"_s).toString();
        const QString syncToken = body.value(u"nextSyncToken"_s).toString();
        // Pages before the last keep the stored token: a crash lists them again (deduplicated, upserted).
        const QString cursor = next.isEmpty() && !syncToken.isEmpty() ? syncToken : m_syncToken;
        if (!events.isEmpty() || cursor != m_syncToken) {
            if (!commitEvents(events, cursor, int(events.size())))
                return;
        }
        if (!next.isEmpty())
            return listPage(next);
        m_syncToken = cursor;
        endMeetings();
    });
}

bool CalendarSync::commitEvents(const QList<CalendarEventInfo>& events, const QString& cursor, int itemsSeen)
{
    const QString account = config().key();
    QHash<QString, StoredEvent> stored;
    {
        QSqlQuery q(db().sql());
        q.prepare(
            u"SELECT start_at, end_at, cancelled, ended FROM sync_calendar_events WHERE account = ? AND event_id = ?"_s);
        for (const CalendarEventInfo& e : events) {
            q.addBindValue(account);
            q.addBindValue(e.id);
            if (q.exec() && q.next())
                stored.insert(e.id,
                    { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toBool(),
                        q.value(3).toBool() });
        }
    }
    const qint64 nowMs = toEpochMs(clock().now());
    SyncPage page;
    page.stream = kStream;
    page.cursor = cursor;
    page.itemsSeen = itemsSeen;
    struct Row
    {
        QString id;
        qint64 startMs, endMs;
        bool cancelled, ended;
        QString key;
    };
    QList<Row> rows;
    for (const CalendarEventInfo& e : events) {
        const auto before = stored.constFind(e.id);
        if (!e.isMeeting()) {
            if (before != stored.cend() && !before->ended && !before->cancelled)
                rows.append({ e.id, before->startMs, before->endMs, true, false, {} });
            continue;
        }
        const qint64 startMs = toEpochMs(e.start);
        const qint64 endMs = toEpochMs(e.end);
        const bool same = before != stored.cend() && before->startMs == startMs && before->endMs == endMs
            && !before->cancelled;
        if (same)
            continue;
        if (endMs <= nowMs) {
            // Already over when first seen (or moved into the past): a baseline, not a meeting to follow up.
            rows.append({ e.id, startMs, endMs, false, true, {} });
            continue;
        }
        Signal signal;
        signal.source = u"calendar"_s;
        signal.eventType = u"meeting_scheduled"_s;
        signal.sourceId = e.id + u'@' + toIsoUtc(e.start);
        signal.occurredAt = e.updated.isValid() ? e.updated : clock().now();
        signal.payload = QJsonObject { { u"event_id"_s, e.id }, { u"start"_s, toIsoUtc(e.start) },
            { u"end"_s, toIsoUtc(e.end) }, { u"summary"_s, e.summary },
            { u"attendee_email"_s, e.attendeeEmail }, { u"attendee_name"_s, e.attendeeName } };
        rows.append({ e.id, startMs, endMs, false, false, dedupeKey(signal) });
        page.signalList.append(signal);
    }
    page.extra = [account, rows](Database& tx, QString* error) {
        for (const Row& row : rows) {
            if (!upsertEvent(
                    tx, account, row.id, row.startMs, row.endMs, row.cancelled, row.ended, row.key, error))
                return false;
        }
        return true;
    };
    return commit(std::move(page));
}

void CalendarSync::endMeetings()
{
    const QString account = config().key();
    const QDateTime now = clock().now();
    QSqlQuery q(db().sql());
    q.prepare(u"SELECT event_id, end_at, scheduled_key FROM sync_calendar_events "
              "WHERE account = ? AND ended = 0 AND cancelled = 0 AND end_at <= ?"_s);
    q.addBindValue(account);
    q.addBindValue(toEpochMs(now));
    if (!q.exec())
        return fail(u"Could not read the synced meetings: %1"_s.arg(q.lastError().text()));
    SyncPage page;
    page.stream = kStream;
    page.cursor = m_syncToken;
    QStringList ended;
    QSqlQuery payloadQuery(db().sql());
    payloadQuery.prepare(u"SELECT payload FROM signals WHERE dedupe_hash = ? AND dedupe_key = ?"_s);
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QDateTime end = fromEpochMs(q.value(1).toLongLong());
        const QString key = q.value(2).toString();
        QJsonObject payload;
        if (!key.isEmpty()) {
            payloadQuery.addBindValue(dedupeHash(key));
            payloadQuery.addBindValue(key);
            if (payloadQuery.exec() && payloadQuery.next())
                payload = QJsonDocument::fromJson(payloadQuery.value(0).toString().toUtf8()).object();
        }
        payload.insert(u"event_id"_s, id);
        payload.insert(u"end"_s, toIsoUtc(end));
        Signal signal;
        signal.source = u"calendar"_s;
        signal.eventType = u"meeting_ended"_s;
        signal.sourceId = id + u'@' + toIsoUtc(end);
        signal.occurredAt = end;
        signal.payload = payload;
        page.signalList.append(signal);
        SyncOutcome held;
        held.key = account + u":held:"_s + signal.sourceId;
        held.input.type = OutcomeType::MeetingHeld;
        held.input.source = OutcomeSource::Calendar;
        held.input.contactEmail = payload.value(u"attendee_email"_s).toString();
        held.input.occurredAt = end;
        held.input.context = QJsonObject { { u"event_id"_s, id } };
        page.outcomes.append(held);
        ended.append(id);
    }
    if (!ended.isEmpty()) {
        page.extra = [account, ended](Database& tx, QString* error) {
            QSqlQuery u(tx.sql());
            u.prepare(u"UPDATE sync_calendar_events SET ended = 1 WHERE account = ? AND event_id = ?"_s);
            for (const QString& id : ended) {
                u.addBindValue(account);
                u.addBindValue(id);
                if (!u.exec()) {
                    *error = u.lastError().text();
                    return false;
                }
            }
            return true;
        };
        if (!commit(std::move(page)))
            return;
    }
    succeed();
}

} // namespace caseyos
