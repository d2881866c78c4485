#include "checks/ChecksWorker.h"

#include "storage/Database.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

ChecksWorker::ChecksWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    // A pass is a few short queries; a coarse timer lets the system batch the wake-ups.
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &ChecksWorker::runNow);
}

ChecksWorker::~ChecksWorker() = default;

void ChecksWorker::start(qint64 intervalMs)
{
    setInterval(intervalMs);
    m_timer->start();
    runNow();
}

void ChecksWorker::setInterval(qint64 intervalMs)
{
    m_timer->setInterval(std::chrono::milliseconds(qMax<qint64>(intervalMs, 1)));
}

void ChecksWorker::stop()
{
    m_timer->stop();
}

void ChecksWorker::runNow()
{
    if (!m_db) {
        auto db = std::make_unique<Database>();
        QString error;
        if (!db->open(m_databasePath, &error)) {
            Q_EMIT failed(u"Background checks cannot open the database: "_s + error);
            return;
        }
        m_db = std::move(db);
    }
    BackgroundChecks checks(*m_db, m_clock);
    Q_EMIT passFinished(checks.runPass());
}

} // namespace caseyos
