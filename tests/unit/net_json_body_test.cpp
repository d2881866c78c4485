// parseJsonBody: what counts as a readable JSON reply.
#include "net/JsonBody.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace caseyos;

TEST(NetJsonBody, AcceptsObjectsAndArraysWithJsonTypes)
{
    const auto object = parseJsonBody(R"({"results":[1,2]})", "application/json; charset=UTF-8");
    ASSERT_TRUE(object.ok()) << object.error().toStdString();
    EXPECT_EQ(object.value().object().value(QStringLiteral("results")).toArray().size(), 2);
    EXPECT_TRUE(parseJsonBody("[]", "application/problem+json").ok());
    EXPECT_TRUE(parseJsonBody("{}", "").ok()); // no content type: the body decides
}

TEST(NetJsonBody, RejectsTruncatedGarbageEmptyScalarAndWrongType)
{
    EXPECT_FALSE(parseJsonBody(R"({"results":[{"id":"1"},{"id":)", "application/json").ok());
    EXPECT_FALSE(parseJsonBody("<html>502 Bad Gateway</html>", "text/html").ok());
    EXPECT_FALSE(parseJsonBody(R"({"a":1})", "text/html").ok()); // a proxy page that happens to parse
    EXPECT_FALSE(parseJsonBody("", "application/json").ok());
    EXPECT_FALSE(parseJsonBody("42", "application/json").ok());
    EXPECT_FALSE(parseJsonBody(QByteArray("\xff\xfe\x00{", 4), "application/json").ok());
    const auto truncated = parseJsonBody(R"({"a":)", "application/json");
    EXPECT_TRUE(truncated.error().contains(QStringLiteral("invalid JSON")));
}
