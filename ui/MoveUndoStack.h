#pragma once

#include "moves/MoveService.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <optional>

namespace caseyos {

// The "z" history: each user change to a move (from WorkspaceClient::moveChanged) with its before-state.
// Undoing writes the before-state back (restoreMove), or deletes a move that was created. The change that
// an undo itself causes comes back through moveChanged too; it is recognised and not recorded, so "z z"
// walks back two changes instead of undoing the undo.
class MoveUndoStack : public QObject
{
    Q_OBJECT
public:
    explicit MoveUndoStack(QObject* parent = nullptr);

    void record(const MoveChange& change);
    bool canUndo() const { return !m_changes.isEmpty(); }
    int size() const { return static_cast<int>(m_changes.size()); }

    // Removes the newest change and expects its echo. The caller performs the undo.
    std::optional<MoveChange> takeLast();
    void forgetExpectedEchoes(); // after a failed action: the echo will not come

    // "Completed “Reply to Dana Lee”" — what the change did, for "Undid: …".
    static QString describe(const MoveChange& change);

    static constexpr int Depth = 100;

Q_SIGNALS:
    void canUndoChanged(bool canUndo);

private:
    QList<MoveChange> m_changes;
    QSet<qint64> m_expectedEchoes;
};

} // namespace caseyos
