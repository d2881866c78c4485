#pragma once

#include "core/Clock.h"
#include "scoring/ApsCalculator.h"
#include "signals/IngestReport.h"

#include <QList>
#include <QString>

#include <functional>

namespace caseyos {

class Database;

// Imports one file (JSON Lines or CSV) into the database: every line is validated, invalid lines are
// reported by number and reason, valid ones go through the IngestPipeline. A file that cannot be opened
// sets fatalError. progress(bytesRead, bytesTotal) is called after each batch; returning false cancels
// (whole batches already written stay written).
struct ImportOptions
{
    ApsWeights weights;
    int batchSize = 5000;
    std::function<bool(qint64 bytesRead, qint64 bytesTotal)> progress;
};

IngestReport importSignalFile(const QString& path, Database& db, const Clock& clock,
    const ImportOptions& options = {}, QList<qint64>* createdMoveIds = nullptr);

} // namespace caseyos
