#pragma once

#include "core/Signal.h"

#include <QHash>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// Reads the signals table and keeps a signal's link to its move. Writing new signals in bulk is
// SignalBatchWriter's job (the ingest hot path).
class SignalRepository
{
public:
    explicit SignalRepository(Database& db);

    std::optional<Signal> find(qint64 id, QString* error = nullptr) const;
    bool setMoveId(qint64 signalId, std::optional<qint64> moveId, QString* error);
    QHash<QString, qint64> countByState(QString* error = nullptr) const;

private:
    Database& m_db;
};

} // namespace caseyos
