#include "checks/MeetingSoonCheck.h"

#include "checks/CheckState.h"
#include "checks/CheckText.h"
#include "core/Timestamps.h"
#include "signals/PayloadReader.h"
#include "signals/RuleText.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// What check_meetings holds for one event.
struct MeetingRow
{
    bool exists = false;
    qint64 bookingId = 0;
    std::optional<qint64> startMs;
    bool cancelled = false;
    qint64 latestId = 0;
    qint64 latestAt = 0;
};

QVariant orNull(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<MeetingRow> meetingRow(Database& db, const QString& eventId, QString* error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT booking_id, start_at, cancelled, latest_id, latest_at FROM check_meetings "
              "WHERE event_id = ?"_s);
    q.addBindValue(eventId);
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    MeetingRow row;
    if (!q.next())
        return row;
    row.exists = true;
    row.bookingId = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
    if (!q.value(1).isNull())
        row.startMs = q.value(1).toLongLong();
    row.cancelled = q.value(2).toInt() != 0;
    row.latestId = q.value(3).toLongLong();
    row.latestAt = q.value(4).toLongLong();
    return row;
}

// Folds the calendar signals that arrived since the last run into check_meetings; writes nothing when none
// did. A signal older (by occurred_at, then id) than the newest word on its event changes nothing: a late
// webhook must not undo a later reschedule or cancellation. The start is read with the same keys as the
// calendar rule (services/signals/CalendarRules.cpp), so the check and the meeting_prep move agree.
bool absorbCalendar(const CheckContext& ctx, const QString& check, QString* error)
{
    CheckState state(ctx.db);
    QString stateError;
    const qint64 cursor = state.cursor(check, &stateError);
    if (!stateError.isEmpty()) {
        if (error)
            *error = stateError;
        return false;
    }
    QSqlQuery last(ctx.db.sql());
    if (!last.exec(u"SELECT COALESCE(MAX(id), 0) FROM signals"_s) || !last.next())
        return setError(error, last);
    const qint64 lastId = last.value(0).toLongLong();
    if (lastId == cursor)
        return true;

    QSqlQuery q(ctx.db.sql());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT id, event_type, occurred_at, payload FROM signals WHERE id > ? AND id <= ? AND "
        "source = 'calendar' AND (event_type = 'meeting_scheduled' OR event_type = 'meeting_updated' OR "
        "event_type = 'meeting_rescheduled' OR event_type = 'meeting_cancelled') ORDER BY occurred_at, id"_s);
    q.addBindValue(cursor);
    q.addBindValue(lastId);
    if (!q.exec())
        return setError(error, q);
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const bool cancel = q.value(1).toString() == "meeting_cancelled"_L1;
        const qint64 occurredAt = q.value(2).toLongLong();
        const QJsonObject p = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        const QString eventId = payload::text(p, { "event_id"_L1, "eventId"_L1 });
        if (eventId.isEmpty())
            continue;
        const auto start
            = cancel ? std::nullopt : payload::dateTime(p, { "start"_L1, "start_time"_L1, "starts_at"_L1 });
        if (!cancel && !start)
            continue; // a booking without a start says nothing about when
        const auto row = meetingRow(ctx.db, eventId, error);
        if (!row)
            return false;
        if (row->exists
            && (occurredAt < row->latestAt || (occurredAt == row->latestAt && id < row->latestId)))
            continue;

        MeetingRow next = *row;
        next.latestId = id;
        next.latestAt = occurredAt;
        std::optional<qint64> endMs;
        if (cancel) {
            next.cancelled = true;
        } else {
            const qint64 startMs = toEpochMs(*start);
            // A repeated booking that leaves the start where it was (a title edit, a re-sent webhook) is the
            // same meeting and keeps its booking id, so it is not notified twice; a new start is a new
            // booking.
            if (!row->exists || row->cancelled || row->startMs != startMs || row->bookingId == 0)
                next.bookingId = id;
            next.startMs = startMs;
            next.cancelled = false;
            if (const auto end = payload::dateTime(p, { "end"_L1, "end_time"_L1, "ends_at"_L1 }))
                endMs = toEpochMs(*end);
        }
        QSqlQuery write(ctx.db.sql());
        if (cancel) {
            write.prepare(
                u"INSERT INTO check_meetings (event_id, booking_id, start_at, end_at, cancelled, latest_id, "
                "latest_at) VALUES (?, NULL, NULL, NULL, 1, ?, ?) ON CONFLICT (event_id) DO UPDATE SET "
                "cancelled = 1, latest_id = excluded.latest_id, latest_at = excluded.latest_at"_s);
            write.addBindValue(eventId);
        } else {
            write.prepare(
                u"INSERT INTO check_meetings (event_id, booking_id, start_at, end_at, cancelled, latest_id, "
                "latest_at) VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (event_id) DO UPDATE SET "
                "booking_id = excluded.booking_id, start_at = excluded.start_at, end_at = excluded.end_at, "
                "cancelled = 0, latest_id = excluded.latest_id, latest_at = excluded.latest_at"_s);
            write.addBindValue(eventId);
            write.addBindValue(next.bookingId);
            write.addBindValue(orNull(next.startMs));
            write.addBindValue(orNull(endMs));
        }
        write.addBindValue(next.latestId);
        write.addBindValue(next.latestAt);
        if (!write.exec())
            return setError(error, write);
    }
    return state.setCursor(check, lastId, toEpochMs(ctx.now), error);
}

// A meeting starting within the window.
struct Meeting
{
    qint64 bookingId = 0;
    qint64 latestId = 0;
    QDateTime start;
    QDateTime end;
};

std::optional<QList<Meeting>> meetingsStartingSoon(const CheckContext& ctx, QString* error)
{
    QSqlQuery q(ctx.db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT booking_id, latest_id, start_at, end_at FROM check_meetings WHERE cancelled = 0 AND "
              "start_at >= ? AND start_at <= ? AND booking_id IS NOT NULL ORDER BY start_at, booking_id"_s);
    q.addBindValue(toEpochMs(ctx.now));
    q.addBindValue(toEpochMs(ctx.now.addSecs(checkrules::kMeetingLeadSeconds)));
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    QList<Meeting> found;
    while (q.next()) {
        Meeting m;
        m.bookingId = q.value(0).toLongLong();
        m.latestId = q.value(1).toLongLong();
        m.start = fromEpochMs(q.value(2).toLongLong());
        if (!q.value(3).isNull())
            m.end = fromEpochMs(q.value(3).toLongLong());
        found.append(m);
    }
    return found;
}

// The newest booking's payload and move (its title may have changed since the first booking).
bool readLatest(Database& db, qint64 signalId, QJsonObject* payload, qint64* moveId, QString* error)
{
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT payload, move_id FROM signals WHERE id = ?"_s);
    q.addBindValue(signalId);
    if (!q.exec())
        return setError(error, q);
    if (q.next()) {
        *payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        *moveId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    }
    return true;
}

Notification notificationFor(
    const Meeting& m, const QJsonObject& p, qint64 moveId, const CheckContext& ctx, const QString& kind)
{
    const QString title = payload::text(p, { "title"_L1, "summary"_L1, "subject"_L1, "meeting_title"_L1 });
    const payload::Contact c = payload::contact(p);
    Notification n;
    n.kind = kind;
    n.priority = NotificationPriority::Urgent;
    n.moveId = moveId;
    n.signalId = m.latestId;
    n.title = u"Meeting at %1: %2"_s.arg(checktext::clockTime(m.start, ctx.now, ctx.zone),
        title.isEmpty() ? u"(no title)"_s : ruletext::quoted(title, 80));
    const qint64 untilStart = ctx.now.secsTo(m.start);
    QStringList parts;
    parts << (untilStart < 60 ? u"Starts now"_s : u"Starts in "_s + checktext::span(untilStart));
    if (!c.email.isEmpty() || !c.name.isEmpty())
        parts.last() += u" with "_s + ruletext::person(c.name, c.email, c.company);
    const QString location = payload::text(p, { "location"_L1 });
    if (!location.isEmpty())
        parts << location;
    const QString url
        = payload::text(p, { "meeting_url"_L1, "hangoutLink"_L1, "conference_url"_L1, "join_url"_L1 });
    if (!url.isEmpty())
        parts << url;
    n.message = parts.join(u" · "_s);
    // Once the meeting is over the reminder means nothing; without an end, an hour after the start.
    n.expiresAt = m.end.isValid() && m.end > m.start ? m.end : m.start.addSecs(3600);
    return n;
}

} // namespace

bool MeetingSoonCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    if (!absorbCalendar(ctx, name(), error))
        return false;
    const auto soon = meetingsStartingSoon(ctx, error);
    if (!soon)
        return false;
    CheckState state(ctx.db);
    QString stateError;
    const QSet<qint64> noted = state.items(name(), &stateError);
    if (!stateError.isEmpty()) {
        if (error)
            *error = stateError;
        return false;
    }
    QSet<qint64> current;
    for (const Meeting& m : *soon) { // soonest first, so the notifications read in the order meetings come
        current.insert(m.bookingId);
        if (noted.contains(m.bookingId))
            continue;
        QJsonObject p;
        qint64 moveId = 0;
        if (!readLatest(ctx.db, m.latestId, &p, &moveId, error))
            return false;
        notifications->append(notificationFor(m, p, moveId, ctx, name()));
    }
    return state.replaceItems(name(), current, toEpochMs(ctx.now), error);
}

} // namespace caseyos
