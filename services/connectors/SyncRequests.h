#pragma once

#include "net/HttpTypes.h"

#include <QDateTime>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace caseyos {

// The requests the sync engines send, built in one place (issue 4): the engines send exactly what these
// return (SyncEngine::send adds only the token, the account key, the timeout and the rate costs), and the
// contract test (tests/contract/sync_contract_test.cpp) checks the same requests against the providers'
// OpenAPI specs with Prism. No state, no I/O: base URL and parameters in, an HttpRequest out.

// `base` (its path kept, trailing slashes dropped) + `path`, with `query`.
QUrl syncUrl(const QUrl& base, const QString& path, const QUrlQuery& query = {});

// Gmail API v1 under https://gmail.googleapis.com (paths carry /gmail/v1), the signed-in user ("me").
namespace gmailrequest {
HttpRequest getProfile(const QUrl& base); // users.getProfile
// users.messages.list of the last `windowDays` days (q=newer_than:Nd), only SENT ones with `sentOnly`.
HttpRequest listMessages(
    const QUrl& base, int windowDays, int maxResults, bool sentOnly, const QString& pageToken);
// users.history.list of added messages since `startHistoryId`.
HttpRequest listHistory(
    const QUrl& base, const QString& startHistoryId, int maxResults, const QString& pageToken);
// users.messages.get, format=metadata with the From, Subject and X-Failed-Recipients headers.
HttpRequest getMessage(const QUrl& base, const QString& messageId);
// users.threads.get, format=minimal (the label ids of each message).
HttpRequest getThread(const QUrl& base, const QString& threadId);
} // namespace gmailrequest

// Google Calendar API v3 under https://www.googleapis.com/calendar/v3, the primary calendar.
namespace calendarrequest {
// events.list, expanded into single events: from `syncToken` when there is one (Google refuses timeMin
// together with a syncToken), else from `timeMin`.
HttpRequest listEvents(const QUrl& base, int maxResults, const QString& syncToken, const QDateTime& timeMin,
    const QString& pageToken);
} // namespace calendarrequest

// HubSpot CRM v3 under https://api.hubapi.com.
namespace hubspotrequest {
enum class Object { Deals, Contacts };
QString lastModifiedProperty(); // the property searched and sorted on
// POST /crm/v3/objects/{deals|contacts}/search: last-modified ≥ sinceMs, sorted ascending by it, paged with
// `after` (empty: the first page).
HttpRequest search(const QUrl& base, Object object, qint64 sinceMs, int limit, const QString& after);
HttpRequest dealPipelines(const QUrl& base); // GET /crm/v3/pipelines/deals
} // namespace hubspotrequest

} // namespace caseyos
