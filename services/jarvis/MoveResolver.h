#pragma once

#include "core/Move.h"
#include "core/Result.h"
#include "jarvis/Intent.h"

#include <QList>

namespace caseyos {
class Database;
}

namespace caseyos::jarvis {

// What the conversation has shown so far, so "the second one" and "it" mean what the user saw.
struct ConversationFocus
{
    QList<qint64> listed; // the moves of the last list, in its order
    qint64 lastMove = 0; // the move talked about last
};

// Finds the move a reference names. A place counts in the last list shown (else Today's Moves); text is
// matched as whole words against the open moves' title, contact and company, best-ranked first.
class MoveResolver
{
public:
    explicit MoveResolver(Database& db);
    Result<Move> resolve(const MoveReference& ref, const ConversationFocus& focus) const;

private:
    Result<Move> byId(qint64 id) const;
    Result<Move> byText(const QString& text) const;
    Database& m_db;
};

} // namespace caseyos::jarvis
