#pragma once

// Helpers for the signal rule tests: signals at fixed instants and readable expectations.
#include "core/Signal.h"
#include "signals/SignalRules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

namespace caseyos::test {

// occurred_at 2026-11-25 09:00 UTC, received an hour later: `due` must count from occurred_at.
inline QDateTime occurred()
{
    return QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
}
inline QDateTime received()
{
    return QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
}

inline Signal makeSignal(const char* source, const char* eventType, const char* payloadJson)
{
    Signal s;
    s.source = QString::fromUtf8(source);
    s.eventType = QString::fromUtf8(eventType);
    QJsonParseError error;
    s.payload = QJsonDocument::fromJson(QByteArray(payloadJson), &error).object();
    EXPECT_EQ(error.error, QJsonParseError::NoError) << payloadJson;
    s.occurredAt = occurred();
    s.receivedAt = received();
    return s;
}

inline Move expectMove(const Signal& signal)
{
    const RuleOutcome outcome = applySignalRules(signal);
    EXPECT_EQ(outcome.kind, RuleOutcome::Kind::CreateMove) << outcome.reason.toStdString();
    return outcome.move;
}

inline QString expectIgnored(const Signal& signal)
{
    const RuleOutcome outcome = applySignalRules(signal);
    EXPECT_EQ(outcome.kind, RuleOutcome::Kind::Ignored) << outcome.move.title.toStdString();
    EXPECT_FALSE(outcome.reason.isEmpty());
    return outcome.reason;
}

inline void expectComponents(const Move& move, double r, double u, double e, double s)
{
    EXPECT_DOUBLE_EQ(move.components.revenue, r);
    EXPECT_DOUBLE_EQ(move.components.urgency, u);
    EXPECT_DOUBLE_EQ(move.components.effort, e);
    EXPECT_DOUBLE_EQ(move.components.strategic, s);
}

inline qint64 hoursAfterOccurred(const Move& move)
{
    return occurred().secsTo(move.dueBy) / 3600;
}

} // namespace caseyos::test

// Lets EXPECT_EQ print QStrings readably.
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}
