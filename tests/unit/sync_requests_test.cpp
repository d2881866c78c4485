// The sync engines' request builders (services/connectors/SyncRequests.cpp) without a network: the rules the
// OpenAPI specs cannot express (the contract test checks the rest against Prism).
#include "connectors/SyncRequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {
const QUrl kBase(u"https://example.test/base/"_s);
}

TEST(SyncRequests, PathsKeepTheBasePathAndEncodeIds)
{
    EXPECT_EQ(gmailrequest::getProfile(kBase).url.toString(),
        u"https://example.test/base/gmail/v1/users/me/profile"_s);
    const QUrl message = gmailrequest::getMessage(kBase, u"a/b?c"_s).url;
    // Encoded once: a '/' or '?' in an id stays inside its segment.
    EXPECT_EQ(message.path(QUrl::FullyEncoded), u"/base/gmail/v1/users/me/messages/a%2Fb%3Fc"_s);
    const QUrlQuery query(message);
    EXPECT_EQ(query.queryItemValue(u"format"_s), u"metadata"_s);
    EXPECT_EQ(query.allQueryItemValues(u"metadataHeaders"_s),
        (QStringList { u"From"_s, u"Subject"_s, u"X-Failed-Recipients"_s }));
}

TEST(SyncRequests, CalendarSendsEitherASyncTokenOrTimeMinNeverBoth)
{
    const QDateTime from = QDateTime::fromString(u"2026-11-24T10:00:00Z"_s, Qt::ISODate);
    const QUrlQuery full(calendarrequest::listEvents(kBase, 250, {}, from, {}).url);
    EXPECT_EQ(QDateTime::fromString(full.queryItemValue(u"timeMin"_s), Qt::ISODateWithMs), from);
    EXPECT_FALSE(full.hasQueryItem(u"syncToken"_s));
    const QUrlQuery incremental(calendarrequest::listEvents(kBase, 250, u"tok"_s, from, u"p2"_s).url);
    EXPECT_EQ(incremental.queryItemValue(u"syncToken"_s), u"tok"_s);
    EXPECT_EQ(incremental.queryItemValue(u"pageToken"_s), u"p2"_s);
    EXPECT_FALSE(incremental.hasQueryItem(u"timeMin"_s)); // Google answers 400 to both
}

TEST(SyncRequests, HubspotSearchSortsAscendingOnLastModifiedFromTheCursor)
{
    const HttpRequest first = hubspotrequest::search(kBase, hubspotrequest::Object::Contacts, 1234, 200, {});
    EXPECT_EQ(first.method, "POST");
    EXPECT_EQ(first.url.path(), u"/base/crm/v3/objects/contacts/search"_s);
    const QJsonObject body = QJsonDocument::fromJson(first.body).object();
    EXPECT_EQ(body.value("after"_L1).toString(), u"0"_s); // required by the spec
    EXPECT_EQ(body.value("limit"_L1).toInt(), 200);
    const QJsonObject filter = body.value("filterGroups"_L1)[0]["filters"_L1][0].toObject();
    EXPECT_EQ(filter.value("operator"_L1).toString(), u"GTE"_s);
    EXPECT_EQ(filter.value("value"_L1).toString(), u"1234"_s);
    const QJsonObject sort = body.value("sorts"_L1)[0].toObject();
    EXPECT_EQ(sort.value("propertyName"_L1).toString(), hubspotrequest::lastModifiedProperty());
    EXPECT_EQ(sort.value("direction"_L1).toString(), u"ASCENDING"_s);
    const HttpRequest next
        = hubspotrequest::search(kBase, hubspotrequest::Object::Deals, 1234, 200, u"400"_s);
    EXPECT_EQ(QJsonDocument::fromJson(next.body).object().value("after"_L1).toString(), u"400"_s);
    EXPECT_TRUE(QJsonDocument::fromJson(next.body)["properties"_L1].toArray().contains(u"dealstage"_s));
}
