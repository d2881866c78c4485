#include "signals/SignalImporter.h"

#include "signals/IngestPipeline.h"
#include "signals/SignalFileReader.h"
#include "signals/SignalParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <variant>

using namespace Qt::StringLiterals;

namespace caseyos {

IngestReport importSignalFile(const QString& path, Database& db, const Clock& clock,
    const ImportOptions& options, QList<qint64>* createdMoveIds)
{
    IngestReport report;
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        report.fatalError = u"Cannot read %1: it is a folder"_s.arg(shown);
        return report;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        report.fatalError = u"Cannot read %1: %2"_s.arg(shown, file.errorString());
        return report;
    }
    const qint64 total = file.size();
    const int batchSize = qMax(1, options.batchSize);
    IngestPipeline pipeline(db, clock, options.weights, batchSize);
    // One arrival time for the whole file: it is one import.
    const QDateTime receivedAt = clock.now();

    int sinceBatch = 0;
    bool stopped = false;
    SignalFileReader reader(&file, SignalFileReader::formatForPath(path));
    report.read = reader.readAll([&](const SignalRecord& record) {
        if (!record.error.isEmpty()) {
            ++report.invalid;
            report.errors.append({ record.line, record.error });
            return true;
        }
        auto parsed = signalFromJson(record.object, receivedAt);
        if (auto* message = std::get_if<QString>(&parsed)) {
            ++report.invalid;
            report.errors.append({ record.line, *message });
            return true;
        }
        if (!pipeline.add(std::move(std::get<Signal>(parsed)))) {
            stopped = true; // storage failed: earlier batches stay, the rest is not read
            return false;
        }
        // The pipeline has just written a batch: report progress, and let the caller cancel between batches.
        if (++sinceBatch == batchSize) {
            sinceBatch = 0;
            if (options.progress && !options.progress(file.pos(), total)) {
                stopped = true;
                return false;
            }
        }
        return true;
    });
    if (!stopped) {
        pipeline.flush();
        if (options.progress)
            options.progress(total, total);
    }
    const IngestReport& written = pipeline.report();
    report.ingested = written.ingested;
    report.duplicates = written.duplicates;
    report.movesCreated = written.movesCreated;
    report.fatalError = written.fatalError;
    if (createdMoveIds)
        *createdMoveIds += pipeline.createdMoveIds();
    return report;
}

} // namespace caseyos
