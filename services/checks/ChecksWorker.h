#pragma once

#include "checks/BackgroundChecks.h"
#include "core/Clock.h"

#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class QTimer;

namespace caseyos {

class Database;

// Lives on the scheduler thread and owns that thread's database connection (opened on the first pass; a
// pass that cannot open it reports why and the next one tries again). BackgroundScheduler posts to its slots.
class ChecksWorker : public QObject
{
    Q_OBJECT
public:
    ChecksWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~ChecksWorker() override;

public Q_SLOTS:
    void start(qint64 intervalMs); // a pass now, then one every interval
    void setInterval(qint64 intervalMs);
    void runNow();
    void stop();

Q_SIGNALS:
    void passFinished(const caseyos::CheckPassResult& result);
    void failed(const QString& message);

private:
    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    QTimer* m_timer = nullptr;
};

} // namespace caseyos
