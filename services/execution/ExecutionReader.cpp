#include "execution/ExecutionReader.h"

#include "execution/ExecutionRepository.h"
#include "execution/MovePayload.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;

namespace caseyos {

ExecutionReader::ExecutionReader(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
{
}

ExecutionReader::~ExecutionReader() = default;

// Opened on first use, on this object's thread (a connection must not cross threads).
Database* ExecutionReader::database(QString* error)
{
    if (m_db)
        return m_db.get();
    auto db = std::make_unique<Database>();
    if (!db->open(m_databasePath, error))
        return nullptr;
    m_db = std::move(db);
    return m_db.get();
}

void ExecutionReader::loadDraft(quint64 requestId, qint64 moveId)
{
    ExecutionDraft draft;
    draft.moveId = moveId;
    QString error;
    Database* db = database(&error);
    const std::optional<Move> move = db ? MoveRepository(*db).find(moveId, &error) : std::nullopt;
    if (!move) {
        draft.error = error.isEmpty() ? u"Move #%1 no longer exists"_s.arg(moveId) : error;
        Q_EMIT draftLoaded(requestId, draft);
        return;
    }
    const ActionDraft action = defaultActionFor(*move);
    draft.title = move->title;
    draft.contactEmail = move->contactEmail;
    draft.kind = action.kind;
    draft.payload = action.payload;
    Q_EMIT draftLoaded(requestId, draft);
}

void ExecutionReader::loadHistory(quint64 requestId, qint64 moveId)
{
    QString error;
    Database* db = database(&error);
    QList<ExecutionRecord> records;
    if (db)
        records = ExecutionRepository(*db).forMove(moveId, &error);
    if (!error.isEmpty())
        spdlog::warn("executions of move {}: {}", moveId, error.toStdString());
    Q_EMIT historyLoaded(requestId, moveId, records);
}

void ExecutionReader::loadRows(const QList<qint64>& moveIds)
{
    QString error;
    Database* db = database(&error);
    const QList<MoveRow> rows = db ? MoveRepository(*db).rows(moveIds, &error) : QList<MoveRow>();
    if (!error.isEmpty()) {
        spdlog::warn("moves after an execution: {}", error.toStdString());
        return;
    }
    Q_EMIT rowsLoaded(rows);
}

} // namespace caseyos
