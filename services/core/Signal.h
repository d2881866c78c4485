#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace caseyos {

enum class SignalState { New, Processed, Ignored, Failed };

QString toString(SignalState state);
std::optional<SignalState> signalStateFromString(QStringView text);

// The five sources a signal can come from (PRODUCT.md §3).
const QStringList& signalSources();
bool isKnownSource(QStringView source);

// One event from a source. Times are UTC. sourceId is a null QString when the source gave none.
struct Signal
{
    qint64 id = 0;
    QString source;
    QString eventType;
    QString sourceId;
    QDateTime occurredAt;
    QJsonObject payload;
    QString dedupeKey;
    QDateTime receivedAt;
    SignalState state = SignalState::New;
    QString error;
    int attempts = 0;
    std::optional<qint64> moveId;
};

} // namespace caseyos
