#pragma once

#include "execution/ActionKind.h"
#include "execution/ExecutionRecord.h"
#include "moves/MoveRow.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace caseyos {

class Database;

// The action a move would run, as the execute dialog starts from it (defaultActionFor), with what the dialog
// shows about the move. error is set instead when the move cannot be read.
struct ExecutionDraft
{
    qint64 moveId = 0;
    QString title;
    QString contactEmail;
    ActionKind kind = ActionKind::CreateTask;
    QJsonObject payload;
    QString error;
};

// The window's reads around executions, on the execution thread with a connection of its own (ExecutionClient
// owns it): a move's default action for the preview, a move's executions for the detail pane, and move rows
// after an execution changed them (the executor writes the move on its connection; the list learns of it
// here). Never writes.
class ExecutionReader : public QObject
{
    Q_OBJECT
public:
    explicit ExecutionReader(QString databasePath, QObject* parent = nullptr);
    ~ExecutionReader() override;

public Q_SLOTS:
    void loadDraft(quint64 requestId, qint64 moveId); // → draftLoaded
    void loadHistory(quint64 requestId, qint64 moveId); // → historyLoaded (an empty list when unreadable)
    void loadRows(const QList<qint64>& moveIds); // → rowsLoaded (rows that exist; nothing on an error)

Q_SIGNALS:
    void draftLoaded(quint64 requestId, const caseyos::ExecutionDraft& draft);
    void historyLoaded(quint64 requestId, qint64 moveId, const QList<caseyos::ExecutionRecord>& records);
    void rowsLoaded(const QList<caseyos::MoveRow>& rows);

private:
    Database* database(QString* error);

    QString m_databasePath;
    std::unique_ptr<Database> m_db;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::ExecutionDraft)
