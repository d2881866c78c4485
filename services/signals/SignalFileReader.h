#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;

namespace caseyos {

// One record read from an import file: either a JSON object, or an error for that line.
struct SignalRecord
{
    int line = 0; // 1-based line where the record starts
    QJsonObject object;
    QString error; // non-empty when the line could not be read as an object
};

// Streams records from JSON Lines (blank lines skipped) or CSV (header row; columns source, event_type,
// source_id, occurred_at, payload (a JSON object text) and payload.<key> columns). Lines longer than
// maxLineBytes are reported as errors without being kept in memory. Never throws.
class SignalFileReader
{
public:
    enum class Format { JsonLines, Csv };
    static constexpr qint64 kDefaultMaxLineBytes = 1 << 20; // 1 MiB

    // Picks the format from the extension (.csv → CSV, anything else JSON Lines).
    static Format formatForPath(const QString& path);

    SignalFileReader(QIODevice* device, Format format, qint64 maxLineBytes = kDefaultMaxLineBytes);
    ~SignalFileReader();

    // Calls sink for each non-blank record in order; stops early if sink returns false.
    // Returns the number of non-blank lines/records read.
    int readAll(const std::function<bool(const SignalRecord&)>& sink);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace caseyos
