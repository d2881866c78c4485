#pragma once

#include "FakeHttpServer.h"
#include "net/HttpTypes.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace caseyos::test {

// The sync engines' side of the contract check. The engines run their real flows (first sync, paging,
// incremental, expired cursors) against the integration tests' fake providers, which record every request as
// it arrived; each recorded request is then sent again, unchanged, to Prism. Why not run the engines against
// Prism directly: Prism's generated pages never end (nextPageToken / paging.next.after are always "string"),
// and its generated ids and times would make the engines take other paths than a real account does.

// Every request the engines sent in one scenario, in order.
struct RecordedSync
{
    QList<FakeRequest> requests;
};

// The scenarios (each on a fresh fake server and SQLite home; gtest failures if a sync fails).
RecordedSync recordGmailSync(); // first sync (paged SENT and recent lists), history paging, thread checks,
                                // an expired historyId (404 → full resync)
RecordedSync recordCalendarSync(); // first sync (timeMin, paged), incremental (syncToken), 410 → full sync
RecordedSync recordHubspotSync(); // baseline (deals, contacts, paged with after), stage change → pipelines

// The recorded request aimed at `base`: same method, path, query, body and headers (hop-by-hop ones aside).
HttpRequest replayAt(const FakeRequest& recorded, const QUrl& base);
QString describe(const FakeRequest& recorded); // "GET /gmail/v1/users/me/history?startHistoryId=…"

// The merged HubSpot spec (specs/hubspot-crm.prism.openapi.json) with one erratum fixed, written into `dir`;
// empty with *error on failure. HubSpot's files declare PublicObjectSearchRequest.sorts as string[], but
// the API documents and honours [{"propertyName","direction"}] and ignores a string (HubSpot's own clients
// had to work around it: HubSpot/hubspot-api-nodejs#9, #559, hubspot-api-python#236). The fixed schema
// accepts that object form (and still strings); everything else in the spec is unchanged.
QString hubspotSpecWithSortObjects(const QString& dir, QString* error);

} // namespace caseyos::test
