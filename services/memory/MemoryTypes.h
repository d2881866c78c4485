#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace caseyos {

// A Jarvis conversation (PRODUCT.md §6). A new one starts after an hour without messages.
struct MemorySession
{
    qint64 id = 0;
    QString name;
    QDateTime createdAt;
    QDateTime lastActive;
    QDateTime endedAt; // invalid: still open
    qint64 messageCount = 0;
    QString summary; // empty until summarised
    QStringList keyFacts;
};

struct MemoryMessage
{
    qint64 id = 0;
    qint64 sessionId = 0;
    QString role; // user, assistant, system
    QString content;
    QDateTime createdAt;
};

// One search result: the message, where it matched and how well.
struct MemoryHit
{
    MemoryMessage message;
    QString snippet; // the matched part, with [ ] around the matched words (lexical) or the opening words
    int lexicalRank = 0; // 1-based place in the full-text results; 0: not among them
    int semanticRank = 0; // 1-based place in the vector results; 0: not among them
    float similarity = 0.0f; // cosine, when it came from the vectors
    double score = 0.0; // the merged score (reciprocal rank fusion)
};

inline constexpr qint64 kMemorySessionIdleMs = 60LL * 60 * 1000; // a new session after 1 h idle

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::MemoryHit)
Q_DECLARE_METATYPE(caseyos::MemorySession)
Q_DECLARE_METATYPE(caseyos::MemoryMessage)
