#pragma once

// Helpers for SignalFileReader tests: read bytes and collect the records.
#include "signals/SignalFileReader.h"

#include <QBuffer>
#include <QIODevice>
#include <QList>
#include <algorithm>
#include <sys/resource.h>

namespace caseyos::test {

struct ReadResult
{
    int count = 0;
    QList<SignalRecord> records;
    QList<SignalRecord> errors() const
    {
        QList<SignalRecord> out;
        std::copy_if(records.begin(), records.end(), std::back_inserter(out),
            [](const SignalRecord& r) { return !r.error.isEmpty(); });
        return out;
    }
};

inline ReadResult readDevice(QIODevice& device, SignalFileReader::Format format,
    qint64 maxLineBytes = SignalFileReader::kDefaultMaxLineBytes)
{
    ReadResult result;
    SignalFileReader reader(&device, format, maxLineBytes);
    result.count = reader.readAll([&](const SignalRecord& record) {
        result.records.append(record);
        return true;
    });
    return result;
}

inline ReadResult readBytes(const QByteArray& bytes, SignalFileReader::Format format,
    qint64 maxLineBytes = SignalFileReader::kDefaultMaxLineBytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readDevice(buffer, format, maxLineBytes);
}

// A read-only device that produces `prefix`, then `fillCount` copies of `fill`, then `suffix`, without
// ever holding the middle part: lets a test feed a 30 MB line while measuring the reader's memory.
class GeneratedDevice final : public QIODevice
{
public:
    GeneratedDevice(QByteArray prefix, char fill, qint64 fillCount, QByteArray suffix)
        : m_prefix(std::move(prefix))
        , m_fill(fill)
        , m_fillCount(fillCount)
        , m_suffix(std::move(suffix))
    {
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return total() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= total() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        qint64 n = 0;
        while (n < maxSize && m_pos < total()) {
            if (m_pos < m_prefix.size())
                data[n] = m_prefix[m_pos];
            else if (m_pos < m_prefix.size() + m_fillCount)
                data[n] = m_fill;
            else
                data[n] = m_suffix[m_pos - m_prefix.size() - m_fillCount];
            ++n;
            ++m_pos;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    qint64 total() const { return m_prefix.size() + m_fillCount + m_suffix.size(); }
    QByteArray m_prefix;
    char m_fill;
    qint64 m_fillCount;
    QByteArray m_suffix;
    qint64 m_pos = 0;
};

// Peak resident memory of this process so far, in MiB.
inline long peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace caseyos::test
