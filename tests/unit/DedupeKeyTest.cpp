// Dedupe key = lowercase hex SHA-256 of the canonical JSON of {source, event_type, source_id}, or of
// {source, event_type, payload} without a source_id (PRODUCT.md §3).
//
// The expected digests were computed once by an independent route — coreutils over the hand-written
// canonical text, in a UTF-8 shell:
//   printf '%s' '{"event_type":"reply_received","source":"gmail","source_id":"msg-1"}' | sha256sum
//   printf '%s' '{"event_type":"form_submitted","payload":{"answers":{"a":[1,1.5,true,null],"b":2},
//     "email":"zoe@example.com","name":"Zoë Ærø"},"source":"form"}' | sha256sum      (one line)
// so a bug in our canonicaliser or in how the key is assembled shows up as a different digest.
#include "core/DedupeKey.h"

#include "core/CanonicalJson.h"
#include "core/Signal.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const QString kPayloadDigest = u"ea79f49bee126ec63df41d54de8c29e904992051489c38cde6fc4ea551c76475"_s;

} // namespace

TEST(DedupeKey, WithSourceIdHashesSourceEventTypeAndId)
{
    EXPECT_EQ(dedupeKey(u"gmail"_s, u"reply_received"_s, u"msg-1"_s, {}),
        u"0b028bc8c4e54140007bead91f3c1c376c514f5d217ba84253265e79ad6d406a"_s);
}

TEST(DedupeKey, WithSourceIdThePayloadDoesNotCount)
{
    const QString a = dedupeKey(u"gmail"_s, u"reply_received"_s, u"msg-1"_s, object(R"({"snippet":"hi"})"));
    const QString b
        = dedupeKey(u"gmail"_s, u"reply_received"_s, u"msg-1"_s, object(R"({"snippet":"edited"})"));
    EXPECT_EQ(a, b);
    EXPECT_NE(a, dedupeKey(u"gmail"_s, u"reply_received"_s, u"msg-2"_s, {}));
    EXPECT_NE(a, dedupeKey(u"gmail"_s, u"thread_updated"_s, u"msg-1"_s, {}));
    EXPECT_NE(a, dedupeKey(u"form"_s, u"reply_received"_s, u"msg-1"_s, {}));
}

TEST(DedupeKey, WithoutSourceIdHashesCanonicalPayload)
{
    const QJsonObject payload
        = object(R"({"name":"Zoë Ærø","email":"zoe@example.com","answers":{"b":2,"a":[1,1.5,true,null]}})");
    EXPECT_EQ(dedupeKey(u"form"_s, u"form_submitted"_s, QString(), payload), kPayloadDigest);

    // The same digest from the hand-written canonical text: key assembly adds nothing else.
    const QByteArray canonical
        = "{\"event_type\":\"form_submitted\",\"payload\":{\"answers\":{\"a\":[1,1.5,true,null],"
          "\"b\":2},\"email\":\"zoe@example.com\",\"name\":\"Zo\xC3\xAB \xC3\x86r\xC3\xB8\"},"
          "\"source\":\"form\"}";
    EXPECT_EQ(QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex()),
        kPayloadDigest);
}

TEST(DedupeKey, PayloadKeyOrderAndWhitespaceDoNotMatter)
{
    const QJsonObject reordered
        = object("{ \"answers\" : { \"a\" : [ 1 , 1.50 , true , null ] , \"b\" : 2.0 } ,\n"
                 "  \"email\" : \"zoe@example.com\" ,\t\"name\" : \"Zo\\u00eb \\u00c6r\\u00f8\" }");
    EXPECT_EQ(dedupeKey(u"form"_s, u"form_submitted"_s, QString(), reordered), kPayloadDigest);
}

TEST(DedupeKey, PayloadDifferencesChangeTheKey)
{
    const QJsonObject a = object(R"({"email":"dana@acme.com"})");
    const QJsonObject b = object(R"({"email":"dana@acme.org"})");
    EXPECT_NE(dedupeKey(u"form"_s, u"form_submitted"_s, QString(), a),
        dedupeKey(u"form"_s, u"form_submitted"_s, QString(), b));
}

TEST(DedupeKey, EmptySourceIdIsAnIdNullIsNone)
{
    // A null QString means "no source_id" (payload hashed); an empty-but-set one is hashed as "".
    const QJsonObject payload = object(R"({"x":1})");
    EXPECT_NE(dedupeKey(u"form"_s, u"e"_s, QString(), payload), dedupeKey(u"form"_s, u"e"_s, u""_s, payload));
}

TEST(DedupeKey, SignalOverloadMatchesFields)
{
    Signal signal;
    signal.source = u"form"_s;
    signal.eventType = u"form_submitted"_s;
    signal.payload
        = object(R"({"name":"Zoë Ærø","email":"zoe@example.com","answers":{"b":2,"a":[1,1.5,true,null]}})");
    EXPECT_EQ(dedupeKey(signal), kPayloadDigest);
    EXPECT_EQ(dedupeKey(signal).size(), 64);
    EXPECT_EQ(dedupeKey(signal), dedupeKey(signal).toLower());
}

TEST(Sha256, MatchesQtOnEveryLengthAcrossBlockBoundaries)
{
    // sha256() may use the CPU's SHA instructions; it must agree with Qt's portable implementation,
    // including the padding cases (55/56/63/64/119/120 bytes) where the length spills into a new block.
    QByteArray message;
    quint32 seed = 12345;
    for (int length = 0; length <= 300; ++length) {
        ASSERT_EQ(sha256(message), QCryptographicHash::hash(message, QCryptographicHash::Sha256)) << length;
        seed = seed * 1664525u + 1013904223u;
        message.append(char(seed >> 24));
    }
    const QByteArray big(100000, 'x');
    EXPECT_EQ(sha256(big), QCryptographicHash::hash(big, QCryptographicHash::Sha256));
    // FIPS 180-2 test vector: SHA-256("abc").
    EXPECT_EQ(sha256("abc").toHex(),
        QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}
