#include "logging/Logging.h"

#include <QDir>
#include <QtGlobal>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 5;

void routeQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    auto logger = spdlog::default_logger_raw();
    if (!logger)
        return;
    const QByteArray text = message.toUtf8();
    const char* category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg: logger->debug("[{}] {}", category, text.constData()); break;
    case QtInfoMsg: logger->info("[{}] {}", category, text.constData()); break;
    case QtWarningMsg: logger->warn("[{}] {}", category, text.constData()); break;
    case QtCriticalMsg: logger->error("[{}] {}", category, text.constData()); break;
    case QtFatalMsg:
        logger->critical("[{}] {}", category, text.constData());
        logger->flush();
        std::abort();
    }
}

} // namespace

bool isValidLogLevel(const QString& level)
{
    return spdlog::level::from_str(level.toStdString()) != spdlog::level::off || level == u"off"_s;
}

bool initLogging(const LoggingOptions& options, QString* error)
{
    if (!isValidLogLevel(options.level)) {
        if (error)
            *error = u"Unknown log level \"%1\" (use trace, debug, info, warn, error, critical or off)"_s.arg(
                options.level);
        return false;
    }
    std::vector<spdlog::sink_ptr> sinks;
    if (options.toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!options.logDirectory.isEmpty()) {
        if (!QDir().mkpath(options.logDirectory)) {
            if (error)
                *error = u"Cannot create the log folder %1"_s.arg(options.logDirectory);
            return false;
        }
        try {
            const QString file = QDir(options.logDirectory).filePath(u"caseyos.log"_s);
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.toStdString(), kMaxFileBytes, kMaxFiles));
        } catch (const spdlog::spdlog_ex& e) {
            if (error)
                *error = u"Cannot open the log file: %1"_s.arg(QString::fromUtf8(e.what()));
            return false;
        }
    }
    auto logger = std::make_shared<spdlog::logger>("caseyos", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::from_str(options.level.toStdString()));
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ [%t] %v");
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(routeQtMessage);
    return true;
}

void shutdownLogging()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
}

} // namespace caseyos
