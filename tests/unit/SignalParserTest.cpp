// signalFromJson: validation of one input record and the defaults (issue 2, "A line is invalid when …").
#include "signals/SignalParser.h"

#include "core/DedupeKey.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

const QDateTime kReceived(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

std::variant<Signal, QString> parse(const char* json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json), &error).object();
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json;
    return signalFromJson(object, kReceived);
}

Signal expectSignal(const char* json)
{
    auto result = parse(json);
    if (auto* error = std::get_if<QString>(&result)) {
        ADD_FAILURE() << json << " → " << error->toStdString();
        return {};
    }
    return std::get<Signal>(result);
}

std::string expectError(const char* json)
{
    auto result = parse(json);
    if (!std::holds_alternative<QString>(result)) {
        ADD_FAILURE() << json << " was accepted";
        return {};
    }
    return std::get<QString>(result).toStdString();
}

} // namespace

TEST(SignalParser, MinimalRecordGetsDefaults)
{
    const Signal s = expectSignal(R"({"source":"manual","event_type":"task_created"})");
    EXPECT_EQ(s.source, u"manual"_s);
    EXPECT_EQ(s.eventType, u"task_created"_s);
    EXPECT_TRUE(s.sourceId.isNull());
    EXPECT_TRUE(s.payload.isEmpty());
    EXPECT_EQ(s.receivedAt, kReceived);
    EXPECT_EQ(s.occurredAt, kReceived); // occurred_at defaults to "now"
    EXPECT_EQ(s.state, SignalState::New);
    EXPECT_EQ(s.dedupeKey, dedupeKey(u"manual"_s, u"task_created"_s, QString(), {}));
    EXPECT_EQ(s.dedupeKey.size(), 64);
}

TEST(SignalParser, FullRecord)
{
    const Signal s = expectSignal(R"({"source":"gmail","event_type":"reply_received","source_id":"msg-1",
        "occurred_at":"2026-11-25T09:00:00+02:00","payload":{"thread_id":"t"},"extra":"ignored"})");
    EXPECT_EQ(s.sourceId, u"msg-1"_s);
    EXPECT_EQ(s.occurredAt, QDateTime(QDate(2026, 11, 25), QTime(7, 0), Qt::UTC));
    EXPECT_EQ(s.payload.value("thread_id"_L1).toString(), u"t"_s);
    // With a source_id the key ignores the payload.
    EXPECT_EQ(s.dedupeKey, dedupeKey(u"gmail"_s, u"reply_received"_s, u"msg-1"_s, {}));
}

TEST(SignalParser, NullAndEmptyOptionalsAreAbsent)
{
    const Signal s = expectSignal(
        R"({"source":"form","event_type":"form_submitted","source_id":"","occurred_at":null,"payload":null})");
    EXPECT_TRUE(s.sourceId.isNull());
    EXPECT_EQ(s.occurredAt, kReceived);
    EXPECT_TRUE(s.payload.isEmpty());
}

TEST(SignalParser, ErrorsNameTheField)
{
    EXPECT_EQ(expectError(R"({"source":"twitter","event_type":"mention"})"),
        R"(source "twitter" is not one of form, hubspot, gmail, calendar, manual)");
    EXPECT_EQ(expectError(R"({"source":"Gmail","event_type":"x"})"),
        R"(source "Gmail" is not one of form, hubspot, gmail, calendar, manual)");
    EXPECT_EQ(expectError(R"({"event_type":"x"})"), "source is missing");
    EXPECT_EQ(expectError(R"({"source":3,"event_type":"x"})"), "source must be a string, not a number");
    EXPECT_EQ(expectError(R"({"source":"form"})"), "event_type is missing");
    EXPECT_EQ(
        expectError(R"({"source":"form","event_type":7})"), "event_type must be a string, not a number");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":" "})"), "event_type is empty");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","payload":[1]})"),
        "payload must be a JSON object, not an array");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","payload":"{}"})"),
        "payload must be a JSON object, not a string");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","source_id":42})"),
        "source_id must be a string, not a number");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","occurred_at":"yesterday"})"),
        R"(occurred_at is not ISO-8601: "yesterday")");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","occurred_at":"2026-13-01"})"),
        R"(occurred_at is not ISO-8601: "2026-13-01")");
    EXPECT_EQ(expectError(R"({"source":"form","event_type":"x","occurred_at":1732525200})"),
        "occurred_at must be an ISO-8601 string, not a number");
}

TEST(SignalParser, LongBadValuesAreCutInTheMessage)
{
    const QByteArray json = R"({"source":")" + QByteArray(5000, 'a') + R"(","event_type":"x"})";
    const std::string error = expectError(json.constData());
    EXPECT_LT(error.size(), 200u);
    EXPECT_EQ(error.rfind("source \"aaaa", 0), 0u);
}

TEST(SignalParser, ReceivedAtIsStoredInUtc)
{
    const QDateTime plusTwo(QDate(2026, 11, 25), QTime(12, 0), Qt::OffsetFromUTC, 7200);
    const auto result
        = signalFromJson(QJsonObject { { u"source"_s, u"form"_s }, { u"event_type"_s, u"x"_s } }, plusTwo);
    const Signal& s = std::get<Signal>(result);
    EXPECT_EQ(s.receivedAt.timeSpec(), Qt::UTC);
    EXPECT_EQ(s.receivedAt, kReceived);
}
