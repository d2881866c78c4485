#pragma once

#include "connectors/CalendarEvent.h"
#include "connectors/SyncEngine.h"

namespace caseyos {

// Google Calendar incremental sync of the primary calendar (PRODUCT.md §3, §4, §7): events.list from the
// stored syncToken (first run: from a day ago, singleEvents, paged; the last page's nextSyncToken is stored;
// a 410 Gone starts a full sync again). A meeting (timed, someone else still coming) that has not ended →
// calendar/meeting_scheduled, again when it moves; every run then turns meetings whose end has passed into
// calendar/meeting_ended + a meeting_held outcome, once each — that part needs no request.
// sync_calendar_events keeps ids and times only; the ended signal takes its details from the scheduled
// signal's payload.
class CalendarSync final : public SyncEngine
{
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 250;
    static inline const QString kStream = QStringLiteral("calendar");

    CalendarSync(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
        AccessTokenProvider tokens, QObject* parent = nullptr);

protected:
    void start() override;
    QStringList streams() const override { return { kStream }; }
    QList<RateCost> costs(const QString& method) const override;

private:
    void listPage(const QString& pageToken);
    bool commitEvents(const QList<CalendarEventInfo>& events, const QString& cursor, int itemsSeen);
    void endMeetings();

    QString m_syncToken; // the stored one (empty: full sync)
    bool m_resynced = false;
};

} // namespace caseyos
