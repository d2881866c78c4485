#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace caseyos {

struct IngestError
{
    int line = 0;
    QString message;
};

// The counts `caseyos ingest --json` prints. `read` counts non-blank lines/records; `ingested` counts new
// signals stored (ignored ones included); `fatalError` is set when storage failed and the import stopped.
struct IngestReport
{
    int read = 0;
    int ingested = 0;
    int duplicates = 0;
    int invalid = 0;
    int movesCreated = 0;
    QList<IngestError> errors;
    QString fatalError;

    void merge(const IngestReport& other);
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::IngestReport)
