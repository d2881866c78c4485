#pragma once

#include <QString>

namespace caseyos {

// spdlog is the single logging back end: a rotating file in the data folder (5 × 2 MiB) and stderr, both
// thread-safe sinks; Qt's own messages (qDebug/qWarning/…) are routed into it.
struct LoggingOptions
{
    QString logDirectory; // empty: stderr only
    QString level = QStringLiteral("info"); // trace, debug, info, warn, error, critical, off
    bool toStderr = true;
};

bool initLogging(const LoggingOptions& options, QString* error);
bool isValidLogLevel(const QString& level);
void shutdownLogging();

} // namespace caseyos
