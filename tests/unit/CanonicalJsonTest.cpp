// Canonical JSON (PRODUCT.md §3 dedupe key): sorted keys at every level, no whitespace, raw UTF-8.
#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

QJsonValue parse(const char* json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json;
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

} // namespace

TEST(CanonicalJson, SortsKeysAtEveryLevelWithoutWhitespace)
{
    const QJsonValue value = parse(R"({ "b": 1, "a": { "z": [ {"y": 2, "x": 1} ], "m": null }, "c": true })");
    EXPECT_EQ(canonicalJson(value), QByteArray(R"({"a":{"m":null,"z":[{"x":1,"y":2}]},"b":1,"c":true})"));
}

TEST(CanonicalJson, KeyOrderAndWhitespaceDoNotMatter)
{
    const QByteArray a = canonicalJson(parse(R"({"email":"dana@acme.com","name":"Dana","tags":["x","y"]})"));
    const QByteArray b = canonicalJson(
        parse("{\n  \"tags\" : [ \"x\" , \"y\" ],\r\n\t\"name\":\"Dana\",  \"email\":\"dana@acme.com\"}"));
    EXPECT_EQ(a, b);
    // Array order is data, not formatting: it does matter.
    EXPECT_NE(canonicalJson(parse(R"(["x","y"])")), canonicalJson(parse(R"(["y","x"])")));
}

TEST(CanonicalJson, NonAsciiIsWrittenAsUtf8NotEscaped)
{
    const QJsonObject object { { u"name"_s, u"Zoë Ærø 東京 😀"_s } };
    const QByteArray expected
        = "{\"name\":\"Zo\xC3\xAB \xC3\x86r\xC3\xB8 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80\"}";
    EXPECT_EQ(canonicalJson(object), expected);
    EXPECT_FALSE(canonicalJson(object).contains("\\u"));
}

TEST(CanonicalJson, EscapesOnlyQuotesBackslashAndControlCharacters)
{
    const QJsonObject object { { u"s"_s, u"q\" b\\ \b\f\n\r\t \u0001\u001f \u007f / \u2028"_s } };
    EXPECT_EQ(canonicalJson(object),
        QByteArray("{\"s\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \x7f / \xE2\x80\xA8\"}"));
}

TEST(CanonicalJson, KeysSortByCodePointNotUtf16Units)
{
    // U+FF61 < U+1F600 as code points, but in UTF-16 the emoji's high surrogate (D83D) sorts first.
    const QJsonObject object { { u"😀"_s, 1 }, { u"\uFF61"_s, 2 }, { u"a"_s, 3 }, { u"é"_s, 4 },
        { u"Z"_s, 5 } };
    EXPECT_EQ(canonicalJson(object),
        QByteArray("{\"Z\":5,\"a\":3,\"\xC3\xA9\":4,\"\xEF\xBD\xA1\":2,\"\xF0\x9F\x98\x80\":1}"));
}

TEST(CanonicalJson, NumbersIntegralAsIntegersOthersShortestRoundTrip)
{
    EXPECT_EQ(
        canonicalJson(parse("[1.0, -0.0, 0, 42, -7, 1e3, 2.50]")), QByteArray("[1,0,0,42,-7,1000,2.5]"));
    EXPECT_EQ(canonicalJson(QJsonArray { 0.1, 1.0 / 3.0, -1.5e-7 }),
        QByteArray("[0.1,0.3333333333333333,-1.5e-07]"));
    // ±2^53 still exact integers; beyond that the double's shortest form.
    EXPECT_EQ(canonicalJson(QJsonArray { 9007199254740992.0, -9007199254740992.0 }),
        QByteArray("[9007199254740992,-9007199254740992]"));
    EXPECT_EQ(canonicalJson(QJsonArray { 1e300 }), QByteArray("[1e+300]"));
    // The same number written differently canonicalises the same way.
    EXPECT_EQ(canonicalJson(parse("[48000]")), canonicalJson(parse("[4.8e4]")));
    // Every shortest form must read back as the same double.
    for (double d : { 0.1, 1.0 / 3.0, 123456.789, 5e-324, 1.7976931348623157e308 }) {
        const QByteArray text = canonicalJson(QJsonArray { d });
        EXPECT_EQ(QJsonDocument::fromJson(text).array().at(0).toDouble(), d) << text.constData();
    }
}

TEST(CanonicalJson, ScalarsAndEmptyContainers)
{
    EXPECT_EQ(canonicalJson(QJsonValue()), QByteArray("null"));
    EXPECT_EQ(canonicalJson(QJsonValue(true)), QByteArray("true"));
    EXPECT_EQ(canonicalJson(QJsonValue(false)), QByteArray("false"));
    EXPECT_EQ(canonicalJson(QJsonValue(u""_s)), QByteArray("\"\""));
    EXPECT_EQ(canonicalJson(QJsonObject()), QByteArray("{}"));
    EXPECT_EQ(canonicalJson(QJsonArray()), QByteArray("[]"));
}

TEST(CanonicalJson, OutputIsValidJsonThatReadsBackEqual)
{
    const QJsonValue value = parse(R"({"k":["a\"b","c\\d","\u0000x",{"é":"ü\n"}],"n":-12.75})");
    const QByteArray text = canonicalJson(value);
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(text, &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << text.constData();
    EXPECT_EQ(QJsonValue(back.object()), value);
}
