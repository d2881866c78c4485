#include "outcomes/OutcomesWorker.h"

#include "storage/Database.h"
#include "storage/MoveRepository.h"

using namespace Qt::StringLiterals;

namespace caseyos {

OutcomesWorker::OutcomesWorker(QString databasePath, const Clock& clock, ApsWeights weights, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_weights(weights)
{
}

OutcomesWorker::~OutcomesWorker()
{
    m_service.reset();
    m_db.reset(); // on the storage thread: the connection is closed where it was opened
}

bool OutcomesWorker::ensureOpen()
{
    if (m_db && m_service)
        return true;
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_databasePath, &error)) {
        Q_EMIT failed(u"Cannot open the workspace for outcomes: "_s + error);
        return false;
    }
    m_db = std::move(db);
    m_service = std::make_unique<OutcomeService>(*m_db, m_clock, m_weights);
    return true;
}

void OutcomesWorker::record(const OutcomeInput& input)
{
    if (!ensureOpen())
        return;
    const Result<OutcomeRecordResult> result = m_service->record(input);
    if (!result) {
        Q_EMIT failed(result.error());
        return;
    }
    QList<qint64> ids;
    if (result.value().move)
        ids.append(result.value().move->after.id);
    for (const MoveChange& change : result.value().rescored)
        ids.append(change.after.id);
    QString error;
    const QList<MoveRow> rows = MoveRepository(*m_db).rows(ids, &error);
    if (!error.isEmpty())
        Q_EMIT failed(error); // the outcome is saved; only the list refresh failed
    Q_EMIT recorded(result.value(), rows);
}

void OutcomesWorker::loadStats(int days, const QString& contactEmail)
{
    if (!ensureOpen())
        return;
    const Result<OutcomeStats> result = m_service->stats(days, contactEmail);
    if (!result) {
        Q_EMIT failed(result.error());
        return;
    }
    Q_EMIT statsLoaded(result.value());
}

} // namespace caseyos
